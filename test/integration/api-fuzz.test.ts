import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../api/app';
import { ROUTE_CLASSES, type RateLimitSettings } from '../../api/rate-limits';
import { createLogger } from '../../lib/logger';
import { createMetrics } from '../../lib/metrics';
import type { Role } from '../../lib/permissions';
import { customerToken } from '../support/fixtures';
import { startPlatform, type RunningPlatform } from '../support/platform';
import { createScratchDatabase, type ScratchDatabase } from '../support/scratch-database';
import { runSchemathesis, schemathesisCli, type FuzzRun } from '../support/schemathesis';
import { testConfig } from '../support/test-config';

/** FUZZ_SCALE multiplies every caller's time (e.g. 10 for a long run by hand); FUZZ_SEED explores other inputs. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

/**
 * Who the fuzzer calls as, and for how long (about two minutes in all): the customer and the admin
 * reach the most routes. Under ~20 s a run does not get through its four phases (examples,
 * coverage, fuzzing, stateful) over the document's ~80 operations (15 s was enough for 49; with 74
 * a loaded machine's anonymous run sent only 14 cases, still in the examples phase).
 */
const CALLERS: { name: string; role?: Role; seconds: number }[] = [
  { name: 'anonymous', seconds: 20 },
  { name: 'customer', role: 'customer', seconds: 30 },
  { name: 'cashier', role: 'cashier', seconds: 20 },
  { name: 'merchant', role: 'merchant', seconds: 20 },
  { name: 'operator', role: 'operator', seconds: 20 },
  { name: 'admin', role: 'admin', seconds: 25 },
];

/** The fuzzer is a heavy client: its own budgets, far above the defaults, so it is never throttled. */
const UNTHROTTLED: RateLimitSettings = { windowSeconds: 60, limits: Object.fromEntries(ROUTE_CLASSES.map((c) => [c, 1_000_000])) as RateLimitSettings['limits'] };

/**
 * Property-based fuzzing of the whole OpenAPI document (schemathesis) against the real api, domain
 * services, PostgreSQL, Redis, Kafka and Temporal, without a token and with a token of each role.
 * Fails on any 5xx, any status or body the document does not describe, any accepted invalid input,
 * any undeclared method not answered 405, and on a platform that stops answering. Its writes go to
 * a database of its own (and the test namespace, topics and keys of this run), never the shop's.
 */
describe('fuzzing the OpenAPI document (schemathesis, real stack)', () => {
  let database: ScratchDatabase;
  let platform: RunningPlatform;
  let server: Server;
  let api: string;
  let cli: string;
  const runs: FuzzRun[] = [];

  beforeAll(async () => {
    cli = schemathesisCli();
    const base = testConfig();
    database = await createScratchDatabase(base.DATABASE_URL, `checkout_fuzz_${(process.env.CHECKOUT_TEST_RUN_ID ?? 'local').replace(/\W/g, '_').toLowerCase()}`);
    platform = await startPlatform(testConfig({ DATABASE_URL: database.url }));
    const app = createApp({
      temporal: platform.temporal,
      taskQueue: platform.config.TEMPORAL_TASK_QUEUE,
      redis: platform.redis,
      logger: createLogger('api-fuzz', platform.config.LOG_LEVEL),
      metrics: createMetrics('api-fuzz'),
      clients: platform.clients,
      jwtSecret: platform.config.JWT_SECRET,
      webhookSecret: platform.config.PAYMENT_WEBHOOK_SECRET,
      rateLimits: UNTHROTTLED,
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 180_000);
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await platform?.stop();
    await database?.drop();
  });

  /** A real account for the customer, so /v1/me and its addresses have someone behind them; staff tokens are signed for fresh ids. */
  async function tokenFor(role: Role): Promise<string> {
    if (role !== 'customer') return customerToken(platform, `fuzz-${role}-${Date.now()}`, role).token;
    const email = `fuzz-${Date.now()}@example.com`;
    const password = 'fuzz-password-123';
    const post = (path: string, body: unknown) => fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/v1/accounts', { email, password, name: 'Fuzz Customer' })).status).toBe(201);
    const session = await post('/v1/sessions', { email, password });
    return ((await session.json()) as { accessToken: string }).accessToken;
  }

  /** The api, the domain services behind it, Redis and Temporal still answer. */
  async function platformAnswers(): Promise<Record<string, number>> {
    const status = async (path: string) => (await fetch(`${api}${path}`)).status;
    return { healthz: await status('/healthz'), readyz: await status('/readyz'), categories: await status('/v1/categories') };
  }

  it.each(CALLERS.map((c) => [c.name, c] as const))(
    'as %s: no server error, nothing the document does not describe, the platform still up',
    async (_name, caller) => {
      const token = caller.role ? await tokenFor(caller.role) : undefined;
      const run = await runSchemathesis({
        cli,
        name: caller.name,
        baseUrl: api,
        ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
        maxTimeSeconds: Math.round(caller.seconds * SCALE),
        seed: SEED,
        // Signing out would revoke the token the rest of the run uses; the RBAC matrix covers it.
        excludeOperationIds: token ? ['logout'] : [],
        // Business rules reject schema-valid requests by design (no such token, SKU not sold, minPrice > maxPrice…).
        excludeChecks: ['positive_data_acceptance'],
      });
      runs.push(run);
      expect({ caller: caller.name, seed: SEED, log: run.logFile, exitCode: run.exitCode, problems: run.problems }).toEqual({ caller: caller.name, seed: SEED, log: run.logFile, exitCode: 0, problems: '' });
      // Proof the run fuzzed at all (a busy machine sends fewer cases in the same time).
      expect({ caller: caller.name, generated: run.generated > 20 }).toEqual({ caller: caller.name, generated: true });
      expect(await platformAnswers()).toEqual({ healthz: 200, readyz: 200, categories: 200 });
    },
    300_000,
  );

  it('fuzzed within its budget', () => {
    const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
    // Visible in the test output: what the fuzzer did, per caller.
    console.info(`schemathesis: ${runs.map((r) => `${r.name} ${r.generated} cases in ${r.seconds}s`).join(', ')}; ${seconds}s in all (seed ${SEED})`);
    expect(runs.map((r) => r.name)).toEqual(CALLERS.map((c) => c.name));
  });
});
