import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { Config } from './config';

/** What a client or worker connection to Temporal needs: the same shape for Connection and NativeConnection. */
export interface TemporalConnectionOptions {
  address: string;
  /** false: plaintext (the dev server); true or an object: TLS, with a CA, a client pair (mTLS) or an SNI override. */
  tls: TLSConfig | boolean;
  apiKey?: string;
}

type TemporalConnectionConfig = Pick<
  Config,
  'TEMPORAL_ADDRESS' | 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CA_PATH' | 'TEMPORAL_TLS_CERT_PATH' | 'TEMPORAL_TLS_KEY_PATH' | 'TEMPORAL_TLS_SERVER_NAME' | 'TEMPORAL_API_KEY'
>;

/**
 * The one place the platform's Temporal connection options are built, for the api's client, the
 * worker and the setup script alike. Plaintext unless TLS is asked for or implied: a CA, a client
 * certificate (mTLS, a self-hosted cluster) or an API key (Temporal Cloud) only travel over TLS.
 * Files are read here, at connect time, so a rotated certificate (a re-mounted Secret) is picked up
 * by the next connection. `read` is injectable for tests.
 */
export function temporalConnectionOptions(config: TemporalConnectionConfig, read: (path: string) => Buffer = readFileSync): TemporalConnectionOptions {
  const wantsTls = config.TEMPORAL_TLS === 'true' || Boolean(config.TEMPORAL_TLS_CA_PATH || config.TEMPORAL_TLS_CERT_PATH || config.TEMPORAL_API_KEY);
  const options: TemporalConnectionOptions = { address: config.TEMPORAL_ADDRESS, tls: false };
  if (wantsTls) {
    const tls: TLSConfig = {};
    if (config.TEMPORAL_TLS_SERVER_NAME) tls.serverNameOverride = config.TEMPORAL_TLS_SERVER_NAME;
    if (config.TEMPORAL_TLS_CA_PATH) tls.serverRootCACertificate = read(config.TEMPORAL_TLS_CA_PATH);
    if (config.TEMPORAL_TLS_CERT_PATH && config.TEMPORAL_TLS_KEY_PATH) {
      tls.clientCertPair = { crt: read(config.TEMPORAL_TLS_CERT_PATH), key: read(config.TEMPORAL_TLS_KEY_PATH) };
    }
    // `true` (not `{}`) when nothing is customised: the system's trust store, as Temporal Cloud expects.
    options.tls = Object.keys(tls).length > 0 ? tls : true;
  }
  if (config.TEMPORAL_API_KEY) options.apiKey = config.TEMPORAL_API_KEY;
  return options;
}

/** A log-safe description of the connection (never the key or the certificates' contents). */
export function describeTemporalConnection(options: TemporalConnectionOptions): { address: string; tls: string; auth: string } {
  const tls = options.tls === false ? 'off' : options.tls === true ? 'on' : typeof options.tls === 'object' && options.tls.clientCertPair ? 'mTLS' : 'on';
  return { address: options.address, tls, auth: options.apiKey ? 'api-key' : 'none' };
}

type WorkerVersioningConfig = Pick<Config, 'TEMPORAL_WORKER_DEPLOYMENT_NAME' | 'TEMPORAL_WORKER_BUILD_ID' | 'TEMPORAL_WORKER_VERSIONING_BEHAVIOR'>;

/**
 * Worker Versioning (Worker Deployments, @temporalio/worker 1.24's `workerDeploymentOptions`): with a
 * deployment name and build id the worker polls as that version, and a workflow it starts stays on
 * that version (PINNED) until it ends, so a saga in flight never meets new workflow code. Without
 * them: undefined, an unversioned worker (the dev server, tests).
 */
export function workerDeploymentOptions(config: WorkerVersioningConfig):
  | { version: { deploymentName: string; buildId: string }; useWorkerVersioning: true; defaultVersioningBehavior: 'PINNED' | 'AUTO_UPGRADE' }
  | undefined {
  if (!config.TEMPORAL_WORKER_DEPLOYMENT_NAME || !config.TEMPORAL_WORKER_BUILD_ID) return undefined;
  return {
    version: { deploymentName: config.TEMPORAL_WORKER_DEPLOYMENT_NAME, buildId: config.TEMPORAL_WORKER_BUILD_ID },
    useWorkerVersioning: true,
    defaultVersioningBehavior: config.TEMPORAL_WORKER_VERSIONING_BEHAVIOR,
  };
}
