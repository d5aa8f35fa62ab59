import { parseArgs } from 'node:util';
import { ApiError, ApiUnreachableError, EXIT, type ExitCode, type OpsClient } from './api-client';

/** Where the CLI writes: results on `out` (stdout), progress and errors on `err` (stderr). */
export interface OpsIo {
  out(text: string): void;
  err(text: string): void;
}

interface Command {
  name: string;
  usage: string;
  help: string;
  options: Record<string, { type: 'string' | 'boolean' }>;
  positionals: string[];
  run(ctx: CommandContext): Promise<ExitCode>;
}

interface CommandContext {
  api: OpsClient;
  io: OpsIo;
  args: string[];
  values: Record<string, string | boolean | undefined>;
  json: boolean;
}

// What the staff routes answer (only the fields the CLI prints).
interface StaffOrder {
  orderId: string;
  customerId: string;
  customerEmail: string;
  status: string;
  totalMinor: number;
  currency: string;
  paymentMethod: string;
  failureReason: string;
  createdAt: string;
  lines: { sku: string; quantity: number; name: string; lineTotalMinor: number }[];
  history: { fromStatus: string; toStatus: string; reason: string; at: string }[];
}
interface Compensation {
  step: string;
  status: string;
  attempts: number;
  lastError?: string;
  resolvedBy?: string;
  note?: string;
}
interface SagaView {
  orderId: string;
  state: string;
  customerId?: string;
  retryOf?: string;
  failure?: { code: string; message: string; step?: string };
  timeline: { step: string; status: string; at: string; detail?: string }[];
  compensations: Compensation[];
}
interface StuckSaga {
  orderId: string;
  customerId?: string;
  step?: string;
  attempts?: number;
  lastError?: string;
  stuckSince?: string;
  detail?: string;
  unreadable?: string;
}

const ORDER_ID = '<orderId>';
const path = (orderId: string) => `/v1/staff/orders/${encodeURIComponent(orderId)}`;

const COMMANDS: Command[] = [
  {
    name: 'orders find',
    usage: 'orders find [--id <orderId> | --customer <id or email>] [--status <STATUS>] [--page N] [--page-size N] [--json]',
    help: `Finds orders (newest first): one by id, a customer's (an argument with @ is an email), and/or those in a status
(PENDING AWAITING_PAYMENT PAID CONFIRMED FAILED CANCELLED REFUNDED). Paged: --page (from 1), --page-size (1-100, default 20).
Permission: orders:read:any.`,
    options: { id: { type: 'string' }, customer: { type: 'string' }, status: { type: 'string' }, page: { type: 'string' }, 'page-size': { type: 'string' } },
    positionals: [],
    async run({ api, io, values, json }) {
      const id = values.id as string | undefined;
      if (id !== undefined && (values.customer !== undefined || values.status !== undefined)) {
        return usageError(io, this, '--id finds one order: it cannot be combined with --customer or --status');
      }
      if (id !== undefined) {
        const { body } = await api.request<StaffOrder>('GET', path(id));
        io.out(json ? toJson({ orders: [body], total: 1, page: 1, pageSize: 1 }) : orderTable([body]));
        return EXIT.OK;
      }
      const customer = values.customer as string | undefined;
      const { body } = await api.request<{ orders: StaffOrder[]; total: number; page: number; pageSize: number }>('GET', '/v1/staff/orders', {
        query: {
          status: (values.status as string | undefined)?.toUpperCase(),
          ...(customer?.includes('@') ? { customerEmail: customer } : { customerId: customer }),
          page: values.page as string | undefined,
          pageSize: values['page-size'] as string | undefined,
        },
      });
      if (json) {
        io.out(toJson(body));
      } else {
        const pages = Math.max(1, Math.ceil(body.total / body.pageSize));
        io.out(`${orderTable(body.orders)}\npage ${body.page} of ${pages} (${body.total} order${body.total === 1 ? '' : 's'})`);
      }
      return EXIT.OK;
    },
  },
  {
    name: 'orders show',
    usage: `orders show ${ORDER_ID} [--json]`,
    help: `Shows one order: the order (lines, status history) and its checkout saga (state, timeline of steps, and
compensations with their states). Either may be missing: a checkout that failed before the order was created has
no order. Permission: orders:read:any.`,
    options: {},
    positionals: [ORDER_ID],
    async run({ api, io, args, json }) {
      const [orderId] = args as [string];
      const absent = (err: unknown) => {
        if (err instanceof ApiError && err.status === 404) return undefined;
        throw err;
      };
      const order = await api.request<StaffOrder>('GET', path(orderId)).then((r) => r.body, absent);
      const saga = await api.request<SagaView>('GET', `${path(orderId)}/saga`).then((r) => r.body, absent);
      if (!order && !saga) throw new ApiError(404, 'NOT_FOUND', `no order and no checkout ${orderId}`);
      if (json) {
        io.out(toJson({ orderId, order: order ?? null, saga: saga ?? null }));
        return EXIT.OK;
      }
      const lines: string[] = [`order ${orderId}`];
      if (saga) {
        lines.push(`  saga state: ${saga.state}${saga.retryOf ? ` (retry of ${saga.retryOf})` : ''}`);
        if (saga.failure) lines.push(`  failure: ${saga.failure.code}${saga.failure.step ? ` at ${saga.failure.step}` : ''}: ${saga.failure.message}`);
      } else {
        lines.push('  saga: none (no checkout workflow for this order)');
      }
      if (order) {
        lines.push(
          `  order status: ${order.status}   customer: ${order.customerId} <${order.customerEmail}>   total: ${order.totalMinor} ${order.currency}   payment: ${order.paymentMethod}`,
          `  created: ${order.createdAt}`,
          '  lines:',
          ...order.lines.map((l) => `    ${l.quantity} × ${l.sku} (${l.name})  ${l.lineTotalMinor}`),
          '  status history:',
          ...order.history.map((h) => `    ${h.at}  ${h.fromStatus || '-'} → ${h.toStatus}${h.reason ? `  (${h.reason})` : ''}`),
        );
      } else {
        lines.push('  order: none (the checkout failed before the order was created)');
      }
      if (saga) {
        lines.push('  timeline:', ...saga.timeline.map((t) => `    ${t.at}  ${t.step.padEnd(22)} ${t.status}${t.detail ? `  ${t.detail}` : ''}`));
        lines.push('  compensations:', ...(saga.compensations.length > 0 ? saga.compensations.map(compensationLine) : ['    none']));
      }
      io.out(lines.join('\n'));
      return EXIT.OK;
    },
  },
  {
    name: 'orders cancel',
    usage: `orders cancel ${ORDER_ID} [--reason <text>] [--json]`,
    help: `Cancels any customer's running checkout: its steps are undone. Waits for the undos (up to about 20 s); if one
gets stuck the answer says so (exit 0, state COMPENSATION_STUCK: see "compensations stuck"). A completed order
is refunded instead (orders refund). Refused (exit 4) once delivery is booked. Permission: orders:cancel:any.`,
    options: { reason: { type: 'string' } },
    positionals: [ORDER_ID],
    async run({ api, io, args, values, json }) {
      const [orderId] = args as [string];
      io.err(`[ops] cancelling ${orderId}: waiting for its undos`);
      const { status, body } = await api.request<SagaView>('POST', `${path(orderId)}/cancel`, { body: values.reason ? { reason: values.reason } : {} });
      io.out(json ? toJson(body) : `${status === 202 ? 'cancel taken up, still undoing' : 'cancelled'}: order ${orderId} is ${body.state}\n${body.compensations.map(compensationLine).join('\n')}`);
      return EXIT.OK;
    },
  },
  {
    name: 'orders refund',
    usage: `orders refund ${ORDER_ID} [--reason <text>] [--json]`,
    help: `Refunds any customer's COMPLETED order: a refund workflow gives the money and points back and restocks.
Asking again finds the same refund. A running order is cancelled instead (exit 4). Permission: orders:cancel:any.`,
    options: { reason: { type: 'string' } },
    positionals: [ORDER_ID],
    async run({ api, io, args, values, json }) {
      const [orderId] = args as [string];
      const { body } = await api.request<{ state: string; refundWorkflowId?: string }>('POST', `${path(orderId)}/refund`, { body: values.reason ? { reason: values.reason } : {} });
      io.out(json ? toJson(body) : `order ${orderId} is ${body.state}${body.refundWorkflowId ? ` (workflow ${body.refundWorkflowId}; follow it with: orders show ${orderId})` : ''}`);
      return EXIT.OK;
    },
  },
  {
    name: 'orders retry',
    usage: `orders retry ${ORDER_ID} [--json]`,
    help: `Retries a FAILED checkout as a new order with the same customer, lines, address and payment, linked by retryOf.
Its id is derived from the failed order: asking twice finds the same retry. Refused (exit 4) unless FAILED.
Permission: orders:operate.`,
    options: {},
    positionals: [ORDER_ID],
    async run({ api, io, args, json }) {
      const [orderId] = args as [string];
      const { body } = await api.request<{ orderId: string; retryOf: string; state: string }>('POST', `${path(orderId)}/retry`);
      io.out(json ? toJson(body) : `retry of ${body.retryOf} started: order ${body.orderId} (${body.state}); follow it with: orders show ${body.orderId}`);
      return EXIT.OK;
    },
  },
  {
    name: 'compensations stuck',
    usage: 'compensations stuck [--limit N] [--json]',
    help: `Lists running checkouts whose undo waits for an operator (COMPENSATION_STUCK), oldest first (at most --limit,
1-100, default 50), with the stuck step and its last error. Settle each with "compensations resolve".
Permission: orders:operate.`,
    options: { limit: { type: 'string' } },
    positionals: [],
    async run({ api, io, values, json }) {
      const { body } = await api.request<{ stuck: StuckSaga[]; count: number }>('GET', '/v1/staff/compensations/stuck', { query: { limit: values.limit as string | undefined } });
      if (json) {
        io.out(toJson(body));
        return EXIT.OK;
      }
      if (body.count === 0) {
        io.out('no stuck compensations');
        return EXIT.OK;
      }
      io.out(
        [
          `${body.count} stuck compensation${body.count === 1 ? '' : 's'}${body.count > body.stuck.length ? ` (the oldest ${body.stuck.length}; --limit shows more)` : ''}:`,
          ...body.stuck.map((s) =>
            s.unreadable
              ? `  ${s.orderId}  (status unreadable: ${s.unreadable})`
              : `  ${s.orderId}  step ${s.step ?? '?'}  after ${s.attempts ?? '?'} attempt(s)  since ${s.stuckSince ?? '?'}  customer ${s.customerId ?? '?'}\n      ${s.detail ?? s.lastError ?? ''}`,
          ),
        ].join('\n'),
      );
      return EXIT.OK;
    },
  },
  {
    name: 'compensations resolve',
    usage: `compensations resolve ${ORDER_ID} <step> --action retry|mark-resolved [--note <text>] [--json]`,
    help: `Settles the undo <step> of an order that waits for an operator: --action retry runs it again (after the cause
was fixed); --action mark-resolved records that it was settled by hand (with your id and --note) and the saga
goes on with its next undo. Refused (exit 4) when that undo is not the one waiting. Permission: orders:operate.`,
    options: { action: { type: 'string' }, note: { type: 'string' } },
    positionals: [ORDER_ID, '<step>'],
    async run({ api, io, args, values, json }) {
      const [orderId, step] = args as [string, string];
      const action = values.action;
      if (action !== 'retry' && action !== 'mark-resolved') return usageError(io, this, '--action must be retry or mark-resolved');
      const { body } = await api.request<SagaView>('POST', `${path(orderId)}/compensations/${encodeURIComponent(step)}`, {
        body: { action, ...(values.note ? { note: values.note } : {}) },
      });
      io.out(json ? toJson(body) : `${action} of ${step} taken up: order ${orderId} is ${body.state}\n${body.compensations.map(compensationLine).join('\n')}`);
      return EXIT.OK;
    },
  },
];

const RENAMED: Record<string, string> = { retry: 'orders retry', resolve: 'compensations resolve', order: 'orders show' };

/** The whole usage text: every command, the common options and the exit codes. */
export function usage(): string {
  return [
    'usage: npm run ops -- <command> [options]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage}`),
    '',
    'Every command: --json prints the api’s answer as JSON; --help explains the command.',
    'Talks to the REST api at OPS_API_URL (default: the local api) with the staff token OPS_TOKEN (signed for you in development).',
    'Exit codes: 0 done, 1 failed (api down, 5xx), 2 usage error or invalid input, 3 not found, 4 refused (permission, or the order’s state).',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return `usage: npm run ops -- ${command.usage}\n\n${command.help}`;
}

function usageError(io: OpsIo, command: Command | undefined, message: string): ExitCode {
  io.err(`[ops] ${message}`);
  io.err(command ? `usage: npm run ops -- ${command.usage}\n(npm run ops -- ${command.name} --help explains it)` : usage());
  return EXIT.USAGE;
}

/** Runs one command line; `api` is only built for a command that calls the api (not for help or a usage error). */
export async function runOps(argv: string[], deps: { api: () => OpsClient | undefined; io: OpsIo }): Promise<ExitCode> {
  const { io } = deps;
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    (argv.length === 0 ? io.err : io.out)(usage());
    return argv.length === 0 ? EXIT.USAGE : EXIT.OK;
  }
  const [group, sub] = argv;
  const renamed = group ? RENAMED[group] : undefined;
  if (renamed) return usageError(io, undefined, `"${group}" is now "${renamed}"`);
  const command = COMMANDS.find((c) => c.name === `${group} ${sub}`);
  if (!command) {
    const known = COMMANDS.filter((c) => c.name.startsWith(`${group} `)).map((c) => c.name);
    return usageError(io, undefined, known.length > 0 ? `unknown command "${group} ${sub ?? ''}": ${known.join(', ')}` : `unknown command "${group}"`);
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: argv.slice(2), options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    return usageError(io, command, err instanceof Error ? err.message : String(err));
  }
  if (parsed.values.help) {
    io.out(commandHelp(command));
    return EXIT.OK;
  }
  if (parsed.positionals.length !== command.positionals.length) {
    return usageError(io, command, `expected ${command.positionals.length === 0 ? 'no arguments' : command.positionals.join(' ')}, got ${parsed.positionals.length === 0 ? 'none' : parsed.positionals.join(' ')}`);
  }
  const api = deps.api();
  if (!api) {
    io.err('[ops] OPS_TOKEN is required outside development (a token of a staff account whose role has the permission)');
    return EXIT.USAGE;
  }
  try {
    return await command.run({ api, io, args: parsed.positionals, values: parsed.values, json: parsed.values.json === true });
  } catch (err) {
    if (err instanceof ApiError) {
      // The api's stable code first, so a script (or a person) can match on it.
      io.err(`[ops] ${err.code} (HTTP ${err.status}): ${err.message}`);
      if (err.details !== undefined && err.code === 'VALIDATION_FAILED') io.err(`[ops] details: ${JSON.stringify(err.details)}`);
      if (parsed.values.json) io.out(toJson({ error: { status: err.status, code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } }));
      return err.exitCode;
    }
    if (err instanceof ApiUnreachableError) {
      io.err(`[ops] ${err.message}`);
      return EXIT.FAILED;
    }
    throw err;
  }
}

function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function orderTable(orders: StaffOrder[]): string {
  if (orders.length === 0) return 'no orders';
  const rows = orders.map((o) => [o.orderId, o.status, `${o.totalMinor} ${o.currency}`, o.customerEmail || o.customerId, o.createdAt]);
  const header = ['ORDER', 'STATUS', 'TOTAL', 'CUSTOMER', 'CREATED'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ').trimEnd()).join('\n');
}

function compensationLine(c: Compensation): string {
  return `    ${c.step.padEnd(18)} ${c.status.padEnd(20)} attempts ${c.attempts}${c.lastError ? `  last error: ${c.lastError}` : ''}${c.resolvedBy ? `  by ${c.resolvedBy}` : ''}${c.note ? `  (${c.note})` : ''}`;
}
