import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

const secret = 'whsec_test_secret';
const body = JSON.stringify({ type: 'slip.paid', paymentId: 'pay-1', paidAt: '2026-11-22T03:00:00.000Z' });
const t = 1_795_000_000;
const at = (seconds: number) => new Date(seconds * 1000);

describe('webhook signatures', () => {
  it('signs as t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook(secret, t, body)).toBe(`t=${t},v1=${expected}`);
  });

  it('accepts a valid signature (string or Buffer body) within the tolerance', () => {
    const header = signWebhook(secret, t, body);
    expect(verifyWebhook(secret, header, body, at(t + 10))).toEqual({ valid: true, timestamp: t });
    expect(verifyWebhook(secret, header, Buffer.from(body), at(t - 10))).toEqual({ valid: true, timestamp: t });
  });

  it('rejects a tampered body', () => {
    const header = signWebhook(secret, t, body);
    expect(verifyWebhook(secret, header, body.replace('pay-1', 'pay-2'), at(t))).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyWebhook(secret, signWebhook('whsec_other', t, body), body, at(t))).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('rejects a changed timestamp (it is part of the signed text)', () => {
    const v1 = signWebhook(secret, t, body).split(',')[1];
    expect(verifyWebhook(secret, `t=${t + 1},${v1}`, body, at(t))).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('rejects a stale (or far-future) timestamp beyond the tolerance', () => {
    const header = signWebhook(secret, t, body);
    expect(verifyWebhook(secret, header, body, at(t + 301))).toEqual({ valid: false, reason: 'stale' });
    expect(verifyWebhook(secret, header, body, at(t - 301))).toEqual({ valid: false, reason: 'stale' });
    expect(verifyWebhook(secret, header, body, at(t + 300))).toEqual({ valid: true, timestamp: t });
    expect(verifyWebhook(secret, header, body, at(t + 60), 30)).toEqual({ valid: false, reason: 'stale' });
  });

  it('accepts any matching v1 among several (secret rotation)', () => {
    const good = signWebhook(secret, t, body).split(',')[1];
    const other = signWebhook('whsec_old', t, body).split(',')[1];
    expect(verifyWebhook(secret, `t=${t},${other},${good}`, body, at(t))).toEqual({ valid: true, timestamp: t });
  });

  it.each([
    undefined,
    '',
    'garbage',
    `t=${t}`,
    'v1=' + 'a'.repeat(64),
    `t=abc,v1=${'a'.repeat(64)}`,
    `t=${t},v1=xyz`,
    `t=${t},v1=${'a'.repeat(63)}`,
    `t=${t};v1=${'a'.repeat(64)}`,
  ])('rejects the malformed header %j', (header) => {
    expect(verifyWebhook(secret, header, body, at(t))).toEqual({ valid: false, reason: 'malformed' });
  });

  it('rejects everything when no secret is configured', () => {
    expect(verifyWebhook('', signWebhook('', t, body), body, at(t))).toEqual({ valid: false, reason: 'malformed' });
  });
});
