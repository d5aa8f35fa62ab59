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
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://u:p@db:5432/shop',
      JWT_SECRET: 'x'.repeat(32),
      PAYMENT_WEBHOOK_SECRET: 'y'.repeat(16),
    });
    expect(config.DATABASE_URL).toBe('postgresql://u:p@db:5432/shop');
  });
});
