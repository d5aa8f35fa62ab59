import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { PLATFORM_ROLES } from '../scripts/supervisor-roles';
import temporalSetup from '../temporal-config/temporal.json';

/**
 * Static checks of the container image and docker-compose.yml (Docker does not run on the build
 * machines): the image installs with `npm ci` from a lockfile npm ci accepts, and compose describes
 * the same stack as the native scripts (same variable names, the dev server's Temporal settings).
 */
const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]!);

  it('pins every external base image to an exact version of the Node major the project runs on', () => {
    const external = froms.filter((image) => image.includes(':'));
    expect(external.length).toBeGreaterThan(0);
    for (const image of external) expect(image).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/);
    expect(JSON.parse(read('package.json')).engines.node).toMatch(/>=20/);
  });

  it('installs with npm ci and runs as the unprivileged node user', () => {
    expect(dockerfile).toMatch(/^RUN npm ci$/m);
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(lastStage).toMatch(/^USER node$/m);
  });
});

describe('package-lock.json (what npm ci needs)', () => {
  const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const lock = JSON.parse(read('package-lock.json')) as {
    lockfileVersion: number;
    packages: Record<string, { version?: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
  };

  it('is in sync with package.json: the same declared dependencies, each locked at its exact pin', () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(lock.packages['']!.dependencies).toEqual(pkg.dependencies);
    expect(lock.packages['']!.devDependencies).toEqual(pkg.devDependencies);
    for (const [name, version] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(`${name}@${lock.packages[`node_modules/${name}`]?.version}`).toBe(`${name}@${version}`);
    }
  });

  it("keeps the linux-x64 native packages the image needs (a lockfile written without other platforms' optional packages breaks npm ci there)", () => {
    for (const native of ['node_modules/@swc/core-linux-x64-gnu', 'node_modules/@esbuild/linux-x64']) {
      expect(Object.keys(lock.packages)).toContain(native);
    }
  });
});

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, { build?: unknown; command?: string[]; environment?: Record<string, string | number> }>;
  };
  const platform = Object.entries(compose.services).filter(([name, s]) => s.build && name !== 'migrate');
  // The names lib/config.ts knows: a compose variable it does not read would be silently ignored.
  const configKeys = new Set([...read('lib/config.ts').matchAll(/^\s{2}([A-Z][A-Z0-9_]+):\s/gm)].map((m) => m[1]!));

  it('runs every platform process of `npm start` (the dev SMTP server is mailpit there)', () => {
    expect(platform.map(([name]) => name).sort()).toEqual(PLATFORM_ROLES.filter((r) => r !== 'dev-smtp').sort());
    for (const [name, service] of platform) {
      const [node, entry] = service.command ?? [];
      expect(node).toBe('node');
      const source = entry!.replace(/^dist\//, '').replace(/\.js$/, '.ts');
      expect(`${name}: ${source} ${existsSync(path.join(ROOT, source)) ? 'exists' : 'missing'}`).toBe(`${name}: ${source} exists`);
    }
  });

  it('sets only variables lib/config.ts reads, and serves /metrics on the container interface where it publishes it', () => {
    for (const [name, service] of platform) {
      const env = service.environment ?? {};
      expect(Object.keys(env).filter((k) => !configKeys.has(k)).map((k) => `${name}: ${k}`)).toEqual([]);
      if ('METRICS_PORT' in env) expect(`${name}: ${env.METRICS_HOST}`).toBe(`${name}: 0.0.0.0`);
    }
  });

  it("starts the Temporal dev server with temporal-config/temporal.json's namespaces, search attributes and dev settings", () => {
    const args = compose.services.temporal!.command!;
    const expected = [
      ...temporalSetup.namespaces.map((ns) => `--namespace=${ns.name}`),
      ...Object.entries(temporalSetup.searchAttributes).map(([k, v]) => `--search-attribute=${k}=${v}`),
      ...Object.entries(temporalSetup.devServerDynamicConfig)
        .filter(([k]) => k !== '$comment')
        .map(([k, v]) => `--dynamic-config-value=${k}=${JSON.stringify(v)}`),
      ...Object.entries(temporalSetup.devServerSqlitePragmas)
        .filter(([k]) => k !== '$comment')
        .map(([k, v]) => `--sqlite-pragma=${k}=${v}`),
    ];
    expect(args).toEqual(expect.arrayContaining(expected));
  });
});
