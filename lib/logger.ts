import pino, { type Logger } from 'pino';

export type { Logger };

/** A JSON logger tagged with the process role (api, services, temporal-worker, …). */
export function createLogger(role: string, level = 'info'): Logger {
  return pino({
    level,
    base: { role, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}
