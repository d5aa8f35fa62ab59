/*
 * The keys that encrypt Temporal payloads (lib/payload-codec.ts), parsed from config without loading
 * the codec, so every process can validate its configuration cheaply.
 */
/** AES-256: keys of 32 bytes. */
export const PAYLOAD_KEY_BYTES = 32;

export interface PayloadKey {
  id: string;
  /** 32 bytes: AES-256. */
  key: Uint8Array;
}

export interface PayloadKeyring {
  /** The id of the key new payloads are encrypted with. */
  currentKeyId: string;
  /** Every key a payload may have been encrypted with: the current one and the retired ones still readable. */
  keys: readonly PayloadKey[];
}

/**
 * Parses `id:base64key,id:base64key` (config PAYLOAD_KEYS) into keys, listing every problem; the
 * current key is `currentKeyId`, or the only key when there is one.
 */
export function parsePayloadKeyring(keysSpec: string, currentKeyId: string | undefined): { keyring?: PayloadKeyring; issues: string[] } {
  const issues: string[] = [];
  const keys: PayloadKey[] = [];
  for (const entry of keysSpec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) {
      issues.push('PAYLOAD_KEYS: each entry is <id>:<base64 key> with an id of letters, digits, ".", "_" or "-"');
      continue;
    }
    const base64 = entry.slice(colon + 1);
    const key = Buffer.from(base64, 'base64');
    // A value that is not base64 decodes to fewer bytes: the length check catches it too.
    if (key.length !== PAYLOAD_KEY_BYTES || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
      issues.push(`PAYLOAD_KEYS: key ${id} must be ${PAYLOAD_KEY_BYTES} bytes in base64 (openssl rand -base64 32)`);
      continue;
    }
    if (keys.some((k) => k.id === id)) issues.push(`PAYLOAD_KEYS: key id ${id} is listed twice`);
    keys.push({ id, key: new Uint8Array(key) });
  }
  if (keys.length === 0 && issues.length === 0) issues.push('PAYLOAD_KEYS: at least one key is needed');
  const current = currentKeyId ?? (keys.length === 1 ? keys[0]?.id : undefined);
  if (current === undefined) {
    if (keys.length > 1) issues.push('PAYLOAD_KEY_ID: required when PAYLOAD_KEYS holds more than one key (the one new payloads are encrypted with)');
  } else if (keys.length > 0 && !keys.some((k) => k.id === current)) {
    issues.push(`PAYLOAD_KEY_ID: ${current} is not one of the PAYLOAD_KEYS ids (${keys.map((k) => k.id).join(', ')})`);
  }
  if (issues.length > 0 || current === undefined) return { issues };
  return { keyring: { currentKeyId: current, keys }, issues };
}
