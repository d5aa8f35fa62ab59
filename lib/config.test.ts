import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives development defaults, typed, and freezes the result', () => {
    const config = loadConfig({});
    expect(config.NODE_ENV).toBe('development');
    expect(config.API_PORT).toBe(3000);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.DATABASE_URL).toMatch(/^postgresql:\/\//);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('parses numbers and lists from strings', () => {
    const config = loadConfig({ API_PORT: '8080', KAFKA_BROKERS: 'a:1, b:2', SERVICES: 'diagnostics' });
    expect(config.API_PORT).toBe(8080);
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.SERVICES).toEqual(['diagnostics']);
  });

  it('lists every invalid variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ API_PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues).toHaveLength(2);
    expect((error as ConfigError).message).toMatch(/API_PORT/);
    expect((error as ConfigError).message).toMatch(/LOG_LEVEL/);
  });

  it('allows CORS origins only when listed, with a development default', () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual(['http://localhost:5173']);
    expect(loadConfig({ NODE_ENV: 'test' }).CORS_ORIGINS).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://shop.example, https://pos.example' }).CORS_ORIGINS).toEqual(['https://shop.example', 'https://pos.example']);
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://shop.example/path' })).toThrow(/no path/);
  });

  it('has no default for secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL: required when NODE_ENV=production/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: required/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PAYMENT_WEBHOOK_SECRET: required/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/CARRIER_WEBHOOK_SECRET: required/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_KEYS: required/);
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://u:p@db:5432/shop',
      JWT_SECRET: 'x'.repeat(32),
      PAYMENT_WEBHOOK_SECRET: 'y'.repeat(16),
      CARRIER_WEBHOOK_SECRET: 'z'.repeat(16),
      PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
    });
    expect(config.DATABASE_URL).toBe('postgresql://u:p@db:5432/shop');
    expect(config.PAYLOAD_KEYRING.currentKeyId).toBe('k1');
    expect(config.CODEC_ENDPOINT_AUTH).toBe('staff');
  });

  it('parses the payload keys, and names the one new payloads are encrypted with', () => {
    const k1 = Buffer.alloc(32, 1).toString('base64');
    const k2 = Buffer.alloc(32, 2).toString('base64');
    expect(loadConfig({}).PAYLOAD_KEYRING.keys).toHaveLength(1);
    const rotated = loadConfig({ PAYLOAD_KEYS: `old:${k1}, new:${k2}`, PAYLOAD_KEY_ID: 'new' }).PAYLOAD_KEYRING;
    expect(rotated.currentKeyId).toBe('new');
    expect(rotated.keys.map((k) => [k.id, Buffer.from(k.key).toString('base64')])).toEqual([['old', k1], ['new', k2]]);
    expect(() => loadConfig({ PAYLOAD_KEYS: `old:${k1},new:${k2}` })).toThrow(/PAYLOAD_KEY_ID: required/);
    expect(() => loadConfig({ PAYLOAD_KEYS: `old:${k1}`, PAYLOAD_KEY_ID: 'new' })).toThrow(/PAYLOAD_KEY_ID: new is not one of/);
    expect(() => loadConfig({ PAYLOAD_KEYS: 'short:c2hvcnQ=' })).toThrow(/key short must be 32 bytes/);
    expect(() => loadConfig({ PAYLOAD_KEYS: k1 })).toThrow(/<id>:<base64 key>/);
  });

  it('serves the codec endpoint without a token in development only', () => {
    expect(loadConfig({}).CODEC_ENDPOINT_AUTH).toBe('none');
    expect(loadConfig({ NODE_ENV: 'test' }).CODEC_ENDPOINT_AUTH).toBe('staff');
    expect(() => loadConfig({ NODE_ENV: 'production', CODEC_ENDPOINT_AUTH: 'none' })).toThrow(/CODEC_ENDPOINT_AUTH: none is refused/);
  });
});
