import path from 'node:path';
import { environmentWith } from '../lib/config';
import { PROJECT_DIR } from './stack';
import type { RoleSpec } from './supervisor';

/** The platform's processes, in start order, and their entry points. */
export const PLATFORM_ROLES = ['services', 'temporal-worker', 'analytics-worker', 'email-worker', 'loyalty-worker', 'dev-smtp', 'api'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

const ENTRIES: Record<PlatformRole, string> = {
  services: 'services/main.ts',
  'temporal-worker': 'workers/temporal-worker.ts',
  'analytics-worker': 'workers/analytics-worker.ts',
  'email-worker': 'workers/email-worker.ts',
  'loyalty-worker': 'workers/loyalty-worker.ts',
  'dev-smtp': 'scripts/dev-smtp-server.ts',
  api: 'api/main.ts',
};

/** Which METRICS_PORT offset (from the base) each process without an HTTP server of its own gets. */
const METRICS_OFFSET: Partial<Record<PlatformRole, number>> = { services: 0, 'temporal-worker': 1, 'analytics-worker': 2, 'email-worker': 3, 'loyalty-worker': 4 };

/**
 * The supervisor's specs of the platform's processes: this process's environment plus `env`, and
 * consecutive metrics ports from `metricsBase` (0: each picks a free port). `only` narrows the list.
 */
export function platformRoles(opts: { metricsBase: number; env?: Record<string, string>; only?: readonly PlatformRole[] }): RoleSpec[] {
  return PLATFORM_ROLES.filter((role) => !opts.only || opts.only.includes(role)).map((role) => {
    const offset = METRICS_OFFSET[role];
    const metrics: Record<string, string> = offset === undefined ? {} : { METRICS_PORT: String(opts.metricsBase === 0 ? 0 : opts.metricsBase + offset) };
    return {
      role,
      // `--import tsx` runs TypeScript in this one process (the tsx CLI would add a signal-relaying parent).
      command: process.execPath,
      args: ['--import', 'tsx', path.join(PROJECT_DIR, ENTRIES[role])],
      cwd: PROJECT_DIR,
      env: environmentWith({ ...opts.env, ...metrics }),
    };
  });
}
