import type { DataConverter, Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from './errors';
import { PAYLOAD_KEY_BYTES, type PayloadKey, type PayloadKeyring } from './payload-keys';

export type { PayloadKey, PayloadKeyring } from './payload-keys';

/** The `encoding` metadata of an encrypted payload (the name Temporal's samples and codec servers use). */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** The metadata key naming the key a payload was encrypted with, so keys can rotate. */
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | null | undefined) => (b ? new TextDecoder().decode(b) : undefined);

function unreadable(reason: 'unknown-key' | 'tampered' | 'malformed', message: string, keyId?: string): DomainError {
  return new DomainError('PAYLOAD_UNREADABLE', message, keyId === undefined ? { reason } : { reason, keyId });
}

/**
 * Encrypts every Temporal payload with AES-256-GCM under the keyring's current key, the key's id in
 * the payload's metadata; decrypts with whichever configured key the metadata names. Payloads that
 * are not encrypted pass through decode unchanged, so histories written before encryption was turned
 * on still replay and show. The key id is authenticated data: a payload whose id was swapped fails.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Uint8Array>;
  private readonly current: PayloadKey;

  constructor(keyring: PayloadKeyring) {
    for (const { id, key } of keyring.keys) {
      if (key.length !== PAYLOAD_KEY_BYTES) throw new Error(`Payload key ${id} has ${key.length} bytes; AES-256 needs ${PAYLOAD_KEY_BYTES}`);
    }
    this.keys = new Map(keyring.keys.map((k) => [k.id, k.key]));
    const current = this.keys.get(keyring.currentKeyId);
    if (!current) throw new Error(`The current payload key ${keyring.currentKeyId} is not among the configured keys`);
    this.current = { id: keyring.currentKeyId, key: current };
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(utf8(this.current.id));
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(this.current.id) }, data: sealed };
  }

  private decrypt(payload: Payload): Payload {
    if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
    const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
    if (keyId === undefined) throw unreadable('malformed', `An encrypted payload has no ${KEY_ID_METADATA} metadata`);
    const key = this.keys.get(keyId);
    if (!key) {
      throw unreadable('unknown-key', `A payload is encrypted with key "${keyId}", which is not configured (PAYLOAD_KEYS holds ${[...this.keys.keys()].join(', ')})`, keyId);
    }
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES) throw unreadable('malformed', `An encrypted payload (key "${keyId}") is too short to hold its IV and tag`, keyId);
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
      decipher.setAAD(utf8(keyId));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      // GCM reports a failed tag check without detail: altered data, IV, tag or key id, or a different key under the same id.
      throw unreadable('tampered', `An encrypted payload (key "${keyId}") fails its integrity check: it was altered, or the key under this id is not the one that encrypted it`, keyId);
    }
    const decoded = temporal.api.common.v1.Payload.decode(plain);
    return { metadata: decoded.metadata, data: decoded.data };
  }
}

/** The data converter of every Temporal client and worker of the platform: encrypted payloads. */
export function payloadDataConverter(keyring: PayloadKeyring): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(keyring)] };
}
