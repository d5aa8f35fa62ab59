import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA } from './payload-codec';
import { DomainError } from './errors';

const key = (fill: number) => new Uint8Array(32).fill(fill);
const text = (b: Uint8Array | null | undefined) => new TextDecoder().decode(b ?? new Uint8Array());
const checkoutInput = { customerId: 'cust-42', email: 'hanako@example.jp', address: { name: 'Hanako Yamada', line1: '1-2-3 Jingumae' }, payment: { cardToken: 'tok_visa' } };

async function failureOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected the decode to fail');
}

describe('AesGcmPayloadCodec', () => {
  const v1 = new AesGcmPayloadCodec({ currentKeyId: 'v1', keys: [{ id: 'v1', key: key(1) }] });

  it('encrypts a payload so none of its content is readable, and decrypts it back exactly', async () => {
    const plain = defaultPayloadConverter.toPayload(checkoutInput);
    const [encoded] = await v1.encode([plain]);
    expect(text(encoded?.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encoded?.metadata?.[KEY_ID_METADATA])).toBe('v1');
    const raw = Buffer.from(encoded?.data ?? []).toString('latin1');
    for (const secret of ['hanako@example.jp', 'Jingumae', 'tok_visa', 'json/plain']) expect(raw).not.toContain(secret);
    const [decoded] = await v1.decode([encoded as Payload]);
    expect(text(decoded?.metadata?.encoding)).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decoded as Payload)).toEqual(checkoutInput);
  });

  it('uses a fresh IV each time, so equal inputs give different ciphertexts', async () => {
    const plain = defaultPayloadConverter.toPayload(checkoutInput);
    const [a, b] = await v1.encode([plain, plain]);
    expect(Buffer.from(a?.data ?? []).equals(Buffer.from(b?.data ?? []))).toBe(false);
  });

  it('after a rotation encrypts with the new key and still decrypts with the old one', async () => {
    const [old] = await v1.encode([defaultPayloadConverter.toPayload('written before the rotation')]);
    const rotated = new AesGcmPayloadCodec({ currentKeyId: 'v2', keys: [{ id: 'v1', key: key(1) }, { id: 'v2', key: key(2) }] });
    const [fresh] = await rotated.encode([defaultPayloadConverter.toPayload('written after')]);
    expect(text(fresh?.metadata?.[KEY_ID_METADATA])).toBe('v2');
    const decoded = await rotated.decode([old as Payload, fresh as Payload]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual(['written before the rotation', 'written after']);
  });

  it('refuses a payload whose key id is not configured, naming the key', async () => {
    const onlyV2 = new AesGcmPayloadCodec({ currentKeyId: 'v2', keys: [{ id: 'v2', key: key(2) }] });
    const [encoded] = await v1.encode([defaultPayloadConverter.toPayload(checkoutInput)]);
    const err = await failureOf(onlyV2.decode([encoded as Payload]));
    expect(err.code).toBe('PAYLOAD_UNREADABLE');
    expect(err.details).toEqual({ reason: 'unknown-key', keyId: 'v1' });
    expect(err.message).toMatch(/key "v1", which is not configured/);
  });

  it('refuses altered ciphertext, a swapped key id and a different key under the same id', async () => {
    const [encoded] = await v1.encode([defaultPayloadConverter.toPayload(checkoutInput)]);
    const flipped = Buffer.from(encoded?.data ?? []);
    flipped[20] = (flipped[20] ?? 0) ^ 1;
    const altered = { ...encoded, data: new Uint8Array(flipped) };
    expect((await failureOf(v1.decode([altered]))).details).toEqual({ reason: 'tampered', keyId: 'v1' });

    // Two keys that both exist: relabelling a payload with the other key's id must not pass.
    const both = new AesGcmPayloadCodec({ currentKeyId: 'v1', keys: [{ id: 'v1', key: key(1) }, { id: 'v2', key: key(1) }] });
    const relabelled = { ...encoded, metadata: { ...encoded?.metadata, [KEY_ID_METADATA]: new TextEncoder().encode('v2') } };
    expect((await failureOf(both.decode([relabelled]))).details).toEqual({ reason: 'tampered', keyId: 'v2' });

    const impostor = new AesGcmPayloadCodec({ currentKeyId: 'v1', keys: [{ id: 'v1', key: key(9) }] });
    expect((await failureOf(impostor.decode([encoded as Payload]))).details).toEqual({ reason: 'tampered', keyId: 'v1' });

    const truncated = { ...encoded, data: encoded?.data?.subarray(0, 10) };
    expect((await failureOf(v1.decode([truncated]))).details).toEqual({ reason: 'malformed', keyId: 'v1' });
  });

  it('passes payloads that were never encrypted through decode unchanged (histories from before)', async () => {
    const plain = [defaultPayloadConverter.toPayload(checkoutInput), defaultPayloadConverter.toPayload(undefined), { metadata: {}, data: new Uint8Array([1, 2]) }];
    expect(await v1.decode(plain)).toEqual(plain);
  });

  it('refuses a keyring whose current key is missing or not 32 bytes', () => {
    expect(() => new AesGcmPayloadCodec({ currentKeyId: 'v3', keys: [{ id: 'v1', key: key(1) }] })).toThrow(/v3 is not among/);
    expect(() => new AesGcmPayloadCodec({ currentKeyId: 'v1', keys: [{ id: 'v1', key: new Uint8Array(16) }] })).toThrow(/AES-256 needs 32/);
  });
});
