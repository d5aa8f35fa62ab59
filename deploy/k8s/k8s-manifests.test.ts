import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * The Kubernetes manifests (issue 12): each overlay renders with kustomize and passes kubeconform in
 * strict mode (unknown fields are errors) against the Kubernetes 1.34 schemas and KEDA's CRD schemas,
 * offline; and every process role has probes, resources, a PodDisruptionBudget and an autoscaler.
 * The tools and schemas are installed into the cache by scripts/infra/k8s-tools.sh on first use.
 */
const ROOT = path.resolve(__dirname, '../..');
const OVERLAYS = ['dev', 'production'] as const;

/** Every long-running process of the platform, by its Deployment name. */
const ROLES = [
  'api',
  ...['catalog', 'inventory', 'orders', 'payments', 'delivery', 'identity', 'loyalty', 'analytics', 'diagnostics'].map((d) => `services-${d}`),
  'temporal-worker',
  'email-worker',
  'analytics-worker',
  'loyalty-worker',
];
/** Roles scaled on CPU by an HPA; the others by KEDA (Temporal backlog, Kafka lag). */
const CPU_SCALED = new Set(ROLES.filter((r) => r === 'api' || r.startsWith('services-')));

interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: Record<string, any>;
  data?: Record<string, string>;
}

let tools: Record<string, string>;

beforeAll(() => {
  const out = execFileSync('bash', [path.join(ROOT, 'scripts/infra/k8s-tools.sh'), 'env'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  tools = Object.fromEntries(out.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]));
  // Building kustomize and kubeconform the first time on a busy 2-core machine takes minutes.
}, 1_200_000);

const render = (overlay: string) => execFileSync(tools.KUSTOMIZE!, ['build', path.join(ROOT, 'deploy/k8s/overlays', overlay)], { encoding: 'utf8' });
const resources = (yaml: string) => parseAllDocuments(yaml).map((d) => d.toJS() as Resource);

describe.each(OVERLAYS)('overlay %s', (overlay) => {
  let rendered: string;
  let all: Resource[];
  beforeAll(() => {
    rendered = render(overlay);
    all = resources(rendered);
  });
  const find = (kind: string, name: string) => all.find((r) => r.kind === kind && r.metadata.name === name);

  it('passes kubeconform (strict, Kubernetes and KEDA schemas, nothing skipped)', () => {
    const schemas = tools.K8S_SCHEMAS!;
    const result = execFileSync(
      tools.KUBECONFORM!,
      [
        '-strict',
        '-summary',
        '-output', 'json',
        '-kubernetes-version', tools.K8S_VERSION!,
        '-schema-location', `${schemas}/kubernetes/{{ .NormalizedKubernetesVersion }}-local-strict/{{ .ResourceKind }}{{ .KindSuffix }}.json`,
        '-schema-location', `${schemas}/crds/{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json`,
        '-',
      ],
      { input: rendered, encoding: 'utf8' },
    );
    const { summary } = JSON.parse(result) as { summary: { valid: number; invalid: number; errors: number; skipped: number } };
    expect(summary).toEqual({ valid: all.length, invalid: 0, errors: 0, skipped: 0 });
  });

  it.each(ROLES)('%s has probes, resources, a disruption budget and an autoscaler', (role) => {
    const deployment = find('Deployment', role);
    expect(deployment).toBeDefined();
    // The autoscaler owns the replica count; a count in the manifest would be reset by every apply.
    expect(deployment!.spec!.replicas).toBeUndefined();
    for (const container of deployment!.spec!.template.spec.containers) {
      expect(container.livenessProbe).toBeDefined();
      expect(container.readinessProbe).toBeDefined();
      expect(container.resources?.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
      expect(container.resources?.limits?.memory).toEqual(expect.any(String));
    }
    const selector = deployment!.spec!.selector.matchLabels;
    const pdb = all.find((r) => r.kind === 'PodDisruptionBudget' && JSON.stringify(r.spec!.selector.matchLabels) === JSON.stringify(selector));
    expect(pdb).toBeDefined();
    if (CPU_SCALED.has(role)) {
      const hpa = all.find((r) => r.kind === 'HorizontalPodAutoscaler' && r.spec!.scaleTargetRef.name === role);
      expect(hpa?.spec!.metrics).toEqual([expect.objectContaining({ type: 'Resource', resource: expect.objectContaining({ name: 'cpu' }) })]);
    } else {
      const scaled = all.find((r) => r.kind === 'ScaledObject' && r.spec!.scaleTargetRef.name === role);
      const expected = role === 'temporal-worker' ? 'temporal' : 'kafka';
      expect(scaled?.spec!.triggers.map((t: { type: string }) => t.type)).toEqual(expect.arrayContaining([expected]));
    }
  });

  it('gives each domain its own address, served by the Deployment that runs that domain', () => {
    const config = all.find((r) => r.kind === 'ConfigMap' && r.metadata.name.startsWith('platform-config-'))!;
    for (const role of ROLES.filter((r) => r.startsWith('services-'))) {
      const domain = role.slice('services-'.length);
      expect(config.data![`GRPC_${domain.toUpperCase()}_ADDRESS`]).toBe(`${role}:50051`);
      expect(find('Service', role)).toBeDefined();
      const env = find('Deployment', role)!.spec!.template.spec.containers[0].env as { name: string; value: string }[];
      expect(env.find((e) => e.name === 'SERVICES')?.value.split(',')).toContain(domain);
    }
  });

  it('commits no Secret (secrets are created outside the repository)', () => {
    expect(all.filter((r) => r.kind === 'Secret')).toEqual([]);
  });
});

it('production runs with NODE_ENV=production, mTLS to Temporal and Worker Versioning', () => {
  const all = resources(render('production'));
  const config = all.find((r) => r.kind === 'ConfigMap' && r.metadata.name.startsWith('platform-config-'))!;
  expect(config.data).toMatchObject({ NODE_ENV: 'production', TEMPORAL_TLS_CERT_PATH: expect.any(String), TEMPORAL_WORKER_DEPLOYMENT_NAME: 'checkout-worker' });
  const worker = all.find((r) => r.kind === 'Deployment' && r.metadata.name === 'temporal-worker')!;
  expect(worker.spec!.template.spec.containers[0].volumeMounts).toEqual(expect.arrayContaining([expect.objectContaining({ mountPath: '/etc/temporal-tls' })]));
});
