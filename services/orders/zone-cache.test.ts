import { DomainError } from '../../lib/errors';
import type { Zone__Output } from '../../proto/generated/checkout/delivery/v1/Zone';
import { ZoneCache } from './zone-cache';

const zone = (id: string, feeMinor: number): Zone__Output => ({ id, name: id, postalPrefixes: ['150'], cutoffTime: '14:00', timeZone: 'Asia/Tokyo', feeMinor, freeShippingThresholdMinor: 0 });

describe('ZoneCache', () => {
  let now: number;
  let cache: ZoneCache;
  beforeEach(() => {
    now = 1_000_000;
    cache = new ZoneCache(() => now, 5_000, 3);
  });

  it('answers a postal code from the cache until its time is up, then asks again', async () => {
    const load = jest.fn().mockResolvedValueOnce(zone('tokyo', 550)).mockResolvedValueOnce(zone('tokyo', 600));
    expect(await cache.get('150-0001', load)).toMatchObject({ feeMinor: 550 });
    now += 4_999;
    expect(await cache.get('150-0001', load)).toMatchObject({ feeMinor: 550 });
    expect(load).toHaveBeenCalledTimes(1);
    now += 1;
    // A staff edit of the fee applies once the kept answer is 5 s old.
    expect(await cache.get('150-0001', load)).toMatchObject({ feeMinor: 600 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps each postal code apart', async () => {
    await cache.get('150-0001', async () => zone('tokyo', 550));
    expect(await cache.get('530-0001', async () => zone('osaka', 770))).toMatchObject({ id: 'osaka' });
    expect(await cache.get('150-0001', async () => zone('other', 0))).toMatchObject({ id: 'tokyo' });
  });

  it('never keeps an error: an unserved postal code is asked again, and served once a zone serves it', async () => {
    const notServed = new DomainError('ADDRESS_NOT_SERVED', 'no zone');
    const load = jest.fn().mockRejectedValueOnce(notServed).mockResolvedValueOnce(zone('new', 300));
    await expect(cache.get('990-0001', load)).rejects.toBe(notServed);
    expect(await cache.get('990-0001', load)).toMatchObject({ id: 'new' });
  });

  it('holds at most its maximum of postal codes, dropping the oldest', async () => {
    for (const code of ['100-0001', '100-0002', '100-0003', '100-0004']) await cache.get(code, async () => zone(code, 1));
    const load = jest.fn(async () => zone('again', 2));
    expect(await cache.get('100-0004', load)).toMatchObject({ id: '100-0004' });
    expect(await cache.get('100-0002', load)).toMatchObject({ id: '100-0002' });
    expect(await cache.get('100-0001', load)).toMatchObject({ id: 'again' });
  });
});
