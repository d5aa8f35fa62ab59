/**
 * Prepares the JSON schemas kubeconform validates deploy/k8s against, offline (run by
 * scripts/infra/k8s-tools.sh install):
 *
 * - Kubernetes: the strict schemas of one version from the kubernetes-validate wheel. Each carries an
 *   `$id` on kubernetes.io and refers to `/api/_definitions.json`, which a validator would resolve
 *   against that host (a download, which fails offline); without the `$id` and with a relative
 *   reference they resolve to the `_definitions.json` beside them.
 * - CRDs (KEDA's ScaledObject, TriggerAuthentication…): each version's openAPIV3Schema becomes
 *   `<group>/<kind>_<version>.json`, strict like the Kubernetes ones (an object with declared
 *   properties accepts no others, unless it preserves unknown fields), as kubeconform's
 *   openapi2jsonschema does.
 *
 *   node --import tsx scripts/infra/k8s-schemas.ts --wheel W --k8s-version 1.34.0 --crds DIR --out DIR
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : undefined;
  if (!value) throw new Error(`missing --${name}`);
  return value;
}

/** Rewrites every `$ref` to `/api/_definitions.json#…` as the relative `_definitions.json#…`. */
function relativeRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(relativeRefs);
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace(/^\/api\/_definitions\.json/, '_definitions.json') : relativeRefs(v)]),
    );
  }
  return node;
}

/** Closes every object schema that declares properties (kubeconform's strict CRD conversion). */
export function strictSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(strictSchema);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, strictSchema(v)]));
  if (out.properties && !('additionalProperties' in out) && out['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  return out;
}

function kubernetesSchemas(wheel: string, version: string, out: string): number {
  const unpacked = mkdtempSync(path.join(tmpdir(), 'k8s-schemas-'));
  try {
    // A wheel is a zip; Python (already needed for pip) unpacks it without another tool.
    execFileSync('python3', ['-m', 'zipfile', '-e', wheel, unpacked]);
    const from = path.join(unpacked, 'kubernetes_validate', 'kubernetes-json-schema', `v${version}-local-strict`);
    const to = path.join(out, 'kubernetes', `v${version}-local-strict`);
    mkdirSync(to, { recursive: true });
    const files = readdirSync(from).filter((f) => f.endsWith('.json'));
    for (const file of files) {
      const schema = JSON.parse(readFileSync(path.join(from, file), 'utf8')) as Record<string, Json>;
      delete schema.$id;
      writeFileSync(path.join(to, file), JSON.stringify(relativeRefs(schema)));
    }
    return files.length;
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}

interface Crd {
  kind?: string;
  spec?: { group: string; names: { kind: string }; versions: { name: string; schema?: { openAPIV3Schema?: Json } }[] };
}

function crdSchemas(dir: string, out: string): string[] {
  const written: string[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
    for (const doc of parseAllDocuments(readFileSync(path.join(dir, file), 'utf8'))) {
      const crd = doc.toJS() as Crd | null;
      if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
      for (const version of crd.spec.versions) {
        if (!version.schema?.openAPIV3Schema) continue;
        const target = path.join(out, 'crds', crd.spec.group, `${crd.spec.names.kind.toLowerCase()}_${version.name}.json`);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, JSON.stringify(strictSchema(version.schema.openAPIV3Schema)));
        written.push(path.relative(out, target));
      }
    }
  }
  return written;
}

if (require.main === module) {
  const out = arg('out');
  const count = kubernetesSchemas(arg('wheel'), arg('k8s-version'), out);
  const crds = crdSchemas(arg('crds'), out);
  console.log(`${count} Kubernetes ${arg('k8s-version')} schemas, CRD schemas: ${crds.join(', ')}`);
}
