import { ConfigError, loadConfig } from './config';
import { describeTemporalConnection, temporalConnectionOptions, workerDeploymentOptions } from './temporal-connection';

/** Fake file reads: the path's own bytes, so a test sees which file went where. */
const read = (path: string) => Buffer.from(`contents of ${path}`);
const options = (env: Record<string, string>) => temporalConnectionOptions(loadConfig({ NODE_ENV: 'test', ...env }), read);

describe('temporalConnectionOptions', () => {
  it('is plaintext with no credentials by default (the dev server)', () => {
    expect(options({ TEMPORAL_ADDRESS: '127.0.0.1:7233' })).toEqual({ address: '127.0.0.1:7233', tls: false });
  });

  it('uses the system trust store when TLS is asked for with nothing else', () => {
    expect(options({ TEMPORAL_ADDRESS: 'temporal.example:7233', TEMPORAL_TLS: 'true' })).toEqual({ address: 'temporal.example:7233', tls: true });
  });

  it('connects with mTLS from the certificate, key and CA files, with the server name override', () => {
    const built = options({
      TEMPORAL_ADDRESS: 'temporal-frontend.temporal:7233',
      TEMPORAL_TLS_CA_PATH: '/etc/temporal-tls/ca.crt',
      TEMPORAL_TLS_CERT_PATH: '/etc/temporal-tls/tls.crt',
      TEMPORAL_TLS_KEY_PATH: '/etc/temporal-tls/tls.key',
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    });
    expect(built.tls).toEqual({
      serverNameOverride: 'temporal.internal',
      serverRootCACertificate: read('/etc/temporal-tls/ca.crt'),
      clientCertPair: { crt: read('/etc/temporal-tls/tls.crt'), key: read('/etc/temporal-tls/tls.key') },
    });
    expect(built.apiKey).toBeUndefined();
    expect(describeTemporalConnection(built)).toEqual({ address: 'temporal-frontend.temporal:7233', tls: 'mTLS', auth: 'none' });
  });

  it('turns TLS on for an API key (Temporal Cloud) and never shows the key in the description', () => {
    const built = options({ TEMPORAL_ADDRESS: 'checkout.a1b2c.tmprl.cloud:7233', TEMPORAL_API_KEY: 'key-secret-value' });
    expect(built).toEqual({ address: 'checkout.a1b2c.tmprl.cloud:7233', tls: true, apiKey: 'key-secret-value' });
    expect(JSON.stringify(describeTemporalConnection(built))).not.toContain('key-secret-value');
  });

  it('refuses a certificate without its key, and credentials with TLS turned off', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', TEMPORAL_TLS_CERT_PATH: '/c.crt' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', TEMPORAL_API_KEY: 'k', TEMPORAL_TLS: 'false' })).toThrow(/only travel over TLS/);
  });
});

describe('workerDeploymentOptions', () => {
  it('is unversioned without a deployment name and build id', () => {
    expect(workerDeploymentOptions(loadConfig({ NODE_ENV: 'test' }))).toBeUndefined();
  });

  it('pins workflows to the build that started them by default', () => {
    const built = workerDeploymentOptions(loadConfig({ NODE_ENV: 'test', TEMPORAL_WORKER_DEPLOYMENT_NAME: 'checkout-worker', TEMPORAL_WORKER_BUILD_ID: 'git-1a2b3c4' }));
    expect(built).toEqual({ version: { deploymentName: 'checkout-worker', buildId: 'git-1a2b3c4' }, useWorkerVersioning: true, defaultVersioningBehavior: 'PINNED' });
  });

  it('needs both the deployment name and the build id', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', TEMPORAL_WORKER_BUILD_ID: 'git-1a2b3c4' })).toThrow(/Worker Versioning needs both/);
  });
});
