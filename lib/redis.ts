import Redis from 'ioredis';

export type { Redis };

/** A Redis client whose keys all carry `keyPrefix`, so test runs and the shop never share keys. */
export function createRedis(url: string, keyPrefix: string): Redis {
  return new Redis(url, { keyPrefix, maxRetriesPerRequest: 3, enableAutoPipelining: true, lazyConnect: false });
}
