import { context, ROOT_CONTEXT, trace, TraceFlags, type Context, type ContextManager } from '@opentelemetry/api';
import { createLogger } from './logger';

/** The smallest synchronous context manager: enough for a log call made inside `context.with`. */
class StackContextManager implements ContextManager {
  private current: Context = ROOT_CONTEXT;
  active(): Context {
    return this.current;
  }
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    const previous = this.current;
    this.current = ctx;
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.current = previous;
    }
  }
  bind<T>(_ctx: Context, target: T): T {
    return target;
  }
  enable(): this {
    return this;
  }
  disable(): this {
    this.current = ROOT_CONTEXT;
    return this;
  }
}

describe('createLogger trace correlation', () => {
  beforeAll(() => context.setGlobalContextManager(new StackContextManager()));
  afterAll(() => context.disable());

  function logLine(): Record<string, unknown> {
    const lines: string[] = [];
    createLogger('test', 'info', { write: (line: string) => void lines.push(line) }).info('inside');
    return JSON.parse(lines[0]!) as Record<string, unknown>;
  }

  it('writes the active span ids on a line logged inside a traced operation', () => {
    const spanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: TraceFlags.SAMPLED };
    const line = context.with(trace.setSpanContext(context.active(), spanContext), logLine);
    expect(line).toMatchObject({ trace_id: spanContext.traceId, span_id: spanContext.spanId, msg: 'inside' });
  });

  it('writes no trace fields outside a traced operation', () => {
    const line = logLine();
    expect(line).not.toHaveProperty('trace_id');
    expect(line).not.toHaveProperty('span_id');
  });
});
