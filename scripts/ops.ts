import { signAccessToken } from '../lib/access-token';
import { config } from '../lib/config';
import { createOpsClient } from './ops/api-client';
import { runOps } from './ops/commands';

/**
 * `npm run ops -- <command>`: the operator's commands (find, show, cancel, refund and retry orders;
 * list and settle stuck undos) over the staff REST routes, with the permissions of the token's role,
 * exactly as a person has them there. `npm run ops -- --help` lists them; exit codes in ops/api-client.ts.
 * The token comes from OPS_TOKEN; in development an operator token is signed when none is given.
 */
async function main(argv: string[]): Promise<number> {
  const cfg = config();
  const base = cfg.OPS_API_URL ?? `http://${cfg.API_HOST}:${cfg.API_PORT}`;
  const progress = (line: string) => console.error(`[ops] ${line}`);
  return runOps(argv, {
    io: { out: (text) => console.log(text), err: (text) => console.error(text) },
    api: () => {
      const token = cfg.OPS_TOKEN ?? developmentToken(cfg);
      return token ? createOpsClient(base.replace(/\/+$/, ''), token, progress) : undefined;
    },
  });
}

/** An operator token signed with this environment's secret: development only. */
function developmentToken(cfg: ReturnType<typeof config>): string | undefined {
  if (cfg.NODE_ENV !== 'development') return undefined;
  return signAccessToken({ id: 'ops-cli', email: 'ops-cli@example.com', role: 'operator' }, { secret: cfg.JWT_SECRET, ttlSeconds: 600, now: new Date() }).token;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`[ops] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
