import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { environmentWith } from '../lib/config';

/** The real components the platform runs on, in start order; each has scripts/infra/<name>.sh. */
export const COMPONENTS = ['postgres', 'redis', 'kafka', 'temporal'] as const;
export type Component = (typeof COMPONENTS)[number];

export const PROJECT_DIR = path.resolve(__dirname, '..');
const INFRA_DIR = path.join(PROJECT_DIR, 'scripts', 'infra');

function script(name: string): string {
  return path.join(INFRA_DIR, `${name}.sh`);
}

/** Runs an infra script, its progress lines going to our stderr; rejects on a non-zero exit. */
export function runInfra(name: string, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script(name), command], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`scripts/infra/${name}.sh ${command} exited with ${code}`))));
  });
}

/** True when the component already answers at its address (whoever started it). */
export function isHealthy(name: string): boolean {
  return spawnSync('bash', [script(name), 'status'], { stdio: 'ignore' }).status === 0;
}

/** Like isHealthy, without blocking the event loop (for periodic checks next to running processes). */
export function checkHealth(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('bash', [script(name), 'status'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

/** The directory of pid files of the components and platform processes the scripts start ($CHECKOUT_STATE_DIR/run). */
export function runDir(): string {
  const out = spawnSync('bash', ['-c', `source ${JSON.stringify(path.join(INFRA_DIR, 'common.sh'))} && printf %s "$RUN_DIR"`], { encoding: 'utf8' });
  if (out.status !== 0 || !out.stdout) throw new Error(`could not find the run directory: ${out.stderr}`);
  return out.stdout;
}

/**
 * Brings every component up: reuses one that is already healthy, installs and starts the others.
 * Returns the components this call started, which are the only ones its caller may stop.
 */
export async function ensureStack(components: readonly Component[] = COMPONENTS): Promise<Component[]> {
  const started: Component[] = [];
  // Kafka and Temporal take longest (and on a fresh machine build or download first): in parallel.
  await Promise.all(
    components.map(async (name) => {
      const healthy = isHealthy(name);
      await runInfra(name, 'start');
      if (!healthy) started.push(name);
    }),
  );
  return started;
}

/** Stops, in reverse start order, the components this process started. */
export async function stopStack(started: readonly Component[]): Promise<void> {
  for (const name of [...COMPONENTS].reverse()) {
    if (started.includes(name)) await runInfra(name, 'stop').catch((err: unknown) => console.error(String(err)));
  }
}

/** Applies the Prisma migrations to the database at `databaseUrl` (offline: see prisma.config.ts). */
export function migrateDatabase(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('prisma/build/index.js'), 'migrate', 'deploy'], {
      cwd: PROJECT_DIR,
      env: environmentWith({ DATABASE_URL: databaseUrl }),
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy exited with ${code}`))));
  });
}

/** The `KEY=value` lines an infra script's `env` command prints, as an object. */
export function infraEnv(name: string): Record<string, string> {
  const out = spawnSync('bash', [script(name), 'env'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`scripts/infra/${name}.sh env failed: ${out.stderr}`);
  return Object.fromEntries(
    out.stdout
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}
