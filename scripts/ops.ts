import { signAccessToken } from '../lib/access-token';
import { config } from '../lib/config';

/**
 * `npm run ops -- <command>`: the operator's commands over the REST api, with the same staff
 * permissions (orders:operate) a person has there. The token comes from OPS_TOKEN; in development
 * an operator token is signed when none is given.
 *
 *   retry <orderId>                                   retry a FAILED order as a new linked order
 *   resolve <orderId> <undo-step> retry|mark-resolved [note]   act on an undo that waits (COMPENSATION_STUCK)
 *   order <orderId>                                   the order as staff see it (status and its history)
 */
const USAGE = `usage: npm run ops -- retry <orderId>
       npm run ops -- resolve <orderId> <undo-step> retry|mark-resolved [note]
       npm run ops -- order <orderId>
Stuck sagas: temporal workflow list --namespace checkout --query 'OrderStatus="COMPENSATION_STUCK"'`;

async function main(argv: string[]): Promise<number> {
  const cfg = config();
  const [command, orderId, ...rest] = argv;
  if (!command || !orderId || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const token = cfg.OPS_TOKEN ?? developmentToken(cfg);
  if (!token) {
    console.error('[ops] OPS_TOKEN is required outside development (a token of an operator or admin account)');
    return 2;
  }
  const base = cfg.OPS_API_URL ?? `http://${cfg.API_HOST}:${cfg.API_PORT}`;
  const request = async (method: string, path: string, body?: unknown) => {
    console.error(`[ops] ${method} ${base}${path}`);
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (err) {
      console.error(`[ops] the api at ${base} did not answer (${err instanceof Error ? err.message : String(err)}): is it running (npm start)?`);
      return 1;
    }
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as { error?: { code: string; message: string } }) : {};
    if (!res.ok) {
      console.error(`[ops] ${res.status} ${parsed.error?.code ?? ''}: ${parsed.error?.message ?? text}`);
      return 1;
    }
    console.log(JSON.stringify(parsed, null, 2));
    return 0;
  };
  const path = encodeURIComponent(orderId);
  switch (command) {
    case 'retry':
      return request('POST', `/v1/staff/orders/${path}/retry`);
    case 'resolve': {
      const [step, action, ...note] = rest;
      if (!step || (action !== 'retry' && action !== 'mark-resolved')) {
        console.error(USAGE);
        return 2;
      }
      return request('POST', `/v1/staff/orders/${path}/compensations/${encodeURIComponent(step)}`, { action, ...(note.length > 0 ? { note: note.join(' ') } : {}) });
    }
    case 'order':
      return request('GET', `/v1/staff/orders/${path}`);
    default:
      console.error(`[ops] unknown command ${command}\n${USAGE}`);
      return 2;
  }
}

/** An operator token signed with this environment's secret: development only. */
function developmentToken(cfg: ReturnType<typeof config>): string | undefined {
  if (cfg.NODE_ENV !== 'development') return undefined;
  return signAccessToken({ id: 'ops-cli', email: 'ops-cli@example.com', role: 'operator' }, { secret: cfg.JWT_SECRET, ttlSeconds: 600, now: new Date() }).token;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[ops] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
