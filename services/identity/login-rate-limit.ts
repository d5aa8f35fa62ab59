import { createHash } from 'node:crypto';
import { DomainError } from '../../lib/errors';
import type { Redis } from '../../lib/redis';

export interface LoginRateLimitSettings {
  /** Failed logins for one email within the window before further attempts are refused. */
  maxFailuresPerEmail: number;
  /** Failed logins from one ip within the window (higher: offices and mobile carriers share ips). */
  maxFailuresPerIp: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimitSettings = { maxFailuresPerEmail: 5, maxFailuresPerIp: 20, windowSeconds: 15 * 60 };

/**
 * Counts failed logins per email and per ip in Redis (fixed windows), so every instance of the
 * service shares the counts; emails are hashed so the keys hold no addresses.
 */
export class LoginRateLimit {
  constructor(
    private readonly redis: Redis,
    private readonly settings: LoginRateLimitSettings = DEFAULT_LOGIN_RATE_LIMIT,
  ) {}

  /** Refuses the attempt when the email or the ip has used up its failures for the window. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const checks = [{ key: this.emailKey(email), max: this.settings.maxFailuresPerEmail }];
    if (ip) checks.push({ key: this.ipKey(ip), max: this.settings.maxFailuresPerIp });
    for (const { key, max } of checks) {
      const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
      if (Number(count ?? 0) >= max) {
        const retryAfterSeconds = ttl > 0 ? ttl : this.settings.windowSeconds;
        throw new DomainError('RATE_LIMITED', 'Too many failed sign-in attempts; try again later', { retryAfterSeconds });
      }
    }
  }

  /** Counts a failed attempt against the email and the ip. */
  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = [this.emailKey(email), ...(ip ? [this.ipKey(ip)] : [])];
    const multi = this.redis.multi();
    for (const key of keys) multi.incr(key).expire(key, this.settings.windowSeconds, 'NX');
    await multi.exec();
  }

  /** Forgets the email's failures after a successful login (the ip's count stays: it may be an attacker's own account). */
  async recordSuccess(email: string): Promise<void> {
    await this.redis.del(this.emailKey(email));
  }

  private emailKey(email: string): string {
    return `identity:login-failures:email:${createHash('sha256').update(email).digest('hex')}`;
  }

  private ipKey(ip: string): string {
    return `identity:login-failures:ip:${ip}`;
  }
}
