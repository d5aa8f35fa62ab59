import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { parsePayloadKeyring, type PayloadKeyring } from './payload-keys';

/** The filesystem object store's root when AVATAR_STORAGE_DIR is unset: fine for development only. */
export const DEFAULT_OBJECT_STORAGE_DIR = join(tmpdir(), 'checkout-platform', 'objects');

/** Development-only values for secrets; outside development and test a missing secret is an error. */
const DEV_SECRETS = {
  DATABASE_URL: 'postgresql://checkout:checkout@127.0.0.1:5432/checkout',
  JWT_SECRET: 'development-only-jwt-secret-never-use-in-production',
  PAYMENT_WEBHOOK_SECRET: 'development-only-webhook-secret',
  CARRIER_WEBHOOK_SECRET: 'development-only-carrier-webhook-secret',
  PAYLOAD_KEYS: 'dev-1:/5TNutXADyVCmzXWD+6oIj5n3sX7KKINDslo/XdcJl4=',
} as const;

/** Where the shop's web front end runs in development (the Vite dev server). */
export const DEFAULT_WEB_BASE_URL = 'http://localhost:5173';

const port = z.coerce.number().int().min(0).max(65535);
const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  API_HOST: z.string().default('127.0.0.1'),
  /** Browser origins allowed by CORS (comma list of exact origins). Unset: http://localhost:5173 in development, none otherwise. */
  CORS_ORIGINS: csv.pipe(z.array(z.string().regex(/^https?:\/\/[^/\s*]+$/, 'an origin such as https://shop.example (no path, no *)'))).optional(),
  API_PORT: port.default(3000),
  /** Port of the standalone /metrics endpoint of processes that have no HTTP server of their own; 0 picks a free one. */
  METRICS_PORT: port.default(9464),
  /** Interface of that endpoint: loopback by default; 0.0.0.0 in a container, where probes and Prometheus come from outside. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /**
   * Prometheus endpoint of the Temporal worker's SDK metrics (temporal_*: schedule-to-start latency,
   * sticky cache, task slots, pollers), served by the SDK's Core on a port of its own. Unset: 9469,
   * or a free port when METRICS_PORT is 0 (tests running several workers at once).
   */
  TEMPORAL_SDK_METRICS_PORT: port.optional(),

  GRPC_HOST: z.string().default('127.0.0.1'),
  GRPC_PORT: port.default(50051),
  /** Where clients reach the domain services: the all-in-one default, overridden per domain below. */
  GRPC_SERVICES_ADDRESS: z.string().default('127.0.0.1:50051'),
  /**
   * Where clients reach one domain when the domains run as separate processes (Kubernetes: one
   * Service per domain). Unset: GRPC_SERVICES_ADDRESS. See domainAddresses().
   */
  GRPC_CATALOG_ADDRESS: z.string().min(1).optional(),
  GRPC_INVENTORY_ADDRESS: z.string().min(1).optional(),
  GRPC_ORDERS_ADDRESS: z.string().min(1).optional(),
  GRPC_PAYMENTS_ADDRESS: z.string().min(1).optional(),
  GRPC_DELIVERY_ADDRESS: z.string().min(1).optional(),
  GRPC_IDENTITY_ADDRESS: z.string().min(1).optional(),
  GRPC_LOYALTY_ADDRESS: z.string().min(1).optional(),
  GRPC_ANALYTICS_ADDRESS: z.string().min(1).optional(),
  GRPC_DIAGNOSTICS_ADDRESS: z.string().min(1).optional(),
  /** Which domain services this process serves: all of them unless narrowed. */
  SERVICES: csv.default(['all']),

  DATABASE_URL: z.string().url().optional(),
  /** HS256 secret that verifies customers' bearer tokens. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Shared secret of the payment provider's signed webhooks. */
  PAYMENT_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Signs the carrier's tracking webhooks (POST /v1/webhooks/carrier), as PAYMENT_WEBHOOK_SECRET signs the payment provider's. */
  CARRIER_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),

  SMTP_HOST: z.string().default('127.0.0.1'),
  SMTP_PORT: port.default(1025),
  MAIL_FROM: z.string().default('Checkout <orders@checkout.local>'),
  /** Base URL of the shop's web front end: the links in account emails (verify email, reset password) open pages there. */
  WEB_BASE_URL: z.string().url().default(DEFAULT_WEB_BASE_URL),
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().default('checkout:'),
  /** Sliding expiry of a customer's cart: every read or write restarts it (30 days). */
  CART_TTL_SECONDS: z.coerce.number().int().min(60).default(2_592_000),
  /**
   * Where the filesystem object store keeps uploaded files (avatars; lib/object-storage.ts): a
   * persistent volume shared by every api replica in a deployment. Under the OS temp directory when unset.
   */
  AVATAR_STORAGE_DIR: z.string().min(1).default(DEFAULT_OBJECT_STORAGE_DIR),
  /** Where uploaded files go: `filesystem` (AVATAR_STORAGE_DIR) or `s3` (S3_BUCKET; credentials from the AWS SDK's default chain). */
  OBJECT_STORAGE_DRIVER: z.enum(['filesystem', 's3']).default('filesystem'),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name').optional(),
  S3_REGION: z.string().min(1).default('ap-northeast-1'),
  /** An S3-compatible store's URL (MinIO, Ceph RGW…); AWS when unset. */
  S3_ENDPOINT: z.string().url().optional(),
  /** `true` for stores that address buckets by path (most S3-compatible ones), not by host name. */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  /** Prepended to every object key, e.g. `production/`. */
  S3_KEY_PREFIX: z.string().regex(/^([A-Za-z0-9_-]+\/)*$/, 'segments ending in /, e.g. production/').default(''),
  /**
   * Abuse limits of the api, counted in Redis per client (token subject, else IP) and route class
   * over a fixed window: requests per RATE_LIMIT_WINDOW_SECONDS for reads (GET), other writes,
   * checkouts, account and session routes (sign-up, sign-in, password reset: per IP when anonymous),
   * and the payment provider's webhooks (per IP).
   */
  /** The staff bearer token `npm run ops` sends (an operator's or admin's); in development one is signed when unset. */
  OPS_TOKEN: z.string().min(1).optional(),
  /** The REST api `npm run ops` talks to; the local api when unset. */
  OPS_API_URL: z.string().url().optional(),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  RATE_LIMIT_READ: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_WRITE: z.coerce.number().int().min(1).default(300),
  RATE_LIMIT_CHECKOUT: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_ACCOUNT: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_WEBHOOK: z.coerce.number().int().min(1).default(1200),

  KAFKA_BROKERS: csv.default(['127.0.0.1:9092']),
  KAFKA_CLIENT_ID: z.string().default('checkout-platform'),
  /** Prepended to every topic and consumer group, so test runs never touch the shop's topics. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),

  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('checkout'),
  TEMPORAL_TASK_QUEUE: z.string().default('checkout'),
  TEMPORAL_UI_URL: z.string().default('http://127.0.0.1:8233'),
  /**
   * Connection to a production Temporal cluster (lib/temporal-connection.ts). TLS is on when asked
   * for or implied (a CA, a client certificate or an API key is set); mTLS needs both certificate
   * and key; a server name overrides the SNI/host name checked (a proxy or an IP address in front).
   */
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  TEMPORAL_TLS_CA_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  /** API key (Temporal Cloud or a server with an authorizer), sent as `Authorization: Bearer`. */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  /**
   * Worker Versioning (Worker Deployments): with both set, the worker polls as version
   * <deployment>.<build id>, and a workflow stays PINNED to the version that started it (or
   * AUTO_UPGRADEs). Unset: unversioned, as on the dev server.
   */
  TEMPORAL_WORKER_DEPLOYMENT_NAME: z.string().min(1).optional(),
  TEMPORAL_WORKER_BUILD_ID: z.string().min(1).optional(),
  TEMPORAL_WORKER_VERSIONING_BEHAVIOR: z.enum(['PINNED', 'AUTO_UPGRADE']).default('PINNED'),
  /**
   * Keys that encrypt every Temporal payload (lib/payload-codec.ts): `id:base64,id:base64`, 32-byte
   * AES-256 keys. A retired key stays listed while histories encrypted with it must stay readable.
   */
  PAYLOAD_KEYS: z.string().optional(),
  /** The PAYLOAD_KEYS id new payloads are encrypted with; may be omitted when only one key is listed. */
  PAYLOAD_KEY_ID: z.string().optional(),
  /**
   * Who may decode payloads through the Web UI's codec endpoint (/codec on the api): staff tokens with
   * orders:operate, or anyone who reaches it (`none`: the default in development only, where the
   * dev server's Web UI has no sign-in to pass a token; refused in production).
   */
  CODEC_ENDPOINT_AUTH: z.enum(['staff', 'none']).optional(),

  /** Trace exporter: off unless asked for. */
  OTEL_TRACES_EXPORTER: z.enum(['none', 'console', 'otlp']).default('none'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().default('http://127.0.0.1:4318'),
  OTEL_SERVICE_NAME: z.string().default('checkout-platform'),
});

type Parsed = z.infer<typeof schema>;
type Secret = keyof typeof DEV_SECRETS;
export type Config = Readonly<
  Omit<Parsed, Secret | 'CORS_ORIGINS' | 'CODEC_ENDPOINT_AUTH'> &
    Record<Secret, string> & { CORS_ORIGINS: readonly string[]; PAYLOAD_KEYRING: PayloadKeyring; CODEC_ENDPOINT_AUTH: 'staff' | 'none' }
>;

/** Thrown when the environment does not describe a runnable configuration. */
export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses an environment into a typed, frozen config; fails with every problem listed at once.
 * Secrets fall back to development values only when NODE_ENV is development or test.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const parsed = result.data;
  const devMode = parsed.NODE_ENV !== 'production';
  const missing: string[] = [];
  const secret = (name: Secret): string => {
    const value = parsed[name];
    if (value) return value;
    if (devMode) return DEV_SECRETS[name];
    missing.push(`${name}: required when NODE_ENV=production (no default for secrets)`);
    return '';
  };
  const config = {
    ...parsed,
    DATABASE_URL: secret('DATABASE_URL'),
    JWT_SECRET: secret('JWT_SECRET'),
    PAYMENT_WEBHOOK_SECRET: secret('PAYMENT_WEBHOOK_SECRET'),
    CARRIER_WEBHOOK_SECRET: secret('CARRIER_WEBHOOK_SECRET'),
    CORS_ORIGINS: parsed.CORS_ORIGINS ?? (parsed.NODE_ENV === 'development' ? ['http://localhost:5173'] : []),
    PAYLOAD_KEYS: secret('PAYLOAD_KEYS'),
    CODEC_ENDPOINT_AUTH: parsed.CODEC_ENDPOINT_AUTH ?? (parsed.NODE_ENV === 'development' ? ('none' as const) : ('staff' as const)),
  };
  if (config.CODEC_ENDPOINT_AUTH === 'none' && parsed.NODE_ENV === 'production') {
    missing.push('CODEC_ENDPOINT_AUTH: none is refused when NODE_ENV=production (anyone could decrypt the payloads)');
  }
  if (Boolean(parsed.TEMPORAL_TLS_CERT_PATH) !== Boolean(parsed.TEMPORAL_TLS_KEY_PATH)) {
    missing.push('TEMPORAL_TLS_CERT_PATH, TEMPORAL_TLS_KEY_PATH: mTLS needs both the client certificate and its key');
  }
  if ((parsed.TEMPORAL_TLS_CERT_PATH || parsed.TEMPORAL_TLS_CA_PATH || parsed.TEMPORAL_API_KEY) && parsed.TEMPORAL_TLS === 'false') {
    missing.push('TEMPORAL_TLS: cannot be false with a certificate, CA or API key (they only travel over TLS)');
  }
  if (parsed.OBJECT_STORAGE_DRIVER === 's3' && !parsed.S3_BUCKET) {
    missing.push('S3_BUCKET: required when OBJECT_STORAGE_DRIVER=s3');
  }
  if (Boolean(parsed.TEMPORAL_WORKER_DEPLOYMENT_NAME) !== Boolean(parsed.TEMPORAL_WORKER_BUILD_ID)) {
    missing.push('TEMPORAL_WORKER_DEPLOYMENT_NAME, TEMPORAL_WORKER_BUILD_ID: Worker Versioning needs both');
  }
  const { keyring, issues } = config.PAYLOAD_KEYS ? parsePayloadKeyring(config.PAYLOAD_KEYS, parsed.PAYLOAD_KEY_ID) : { keyring: undefined, issues: [] };
  missing.push(...issues);
  if (missing.length > 0 || !keyring) throw new ConfigError(missing);
  return Object.freeze({ ...config, PAYLOAD_KEYRING: keyring });
}

let cached: Config | undefined;

/** The process's config, parsed from its environment on first use. The only reader of process.env. */
export function config(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}

/** The domains a client can reach, each at its own address (GRPC_<DOMAIN>_ADDRESS). */
export const GRPC_DOMAINS = ['catalog', 'inventory', 'orders', 'payments', 'delivery', 'identity', 'loyalty', 'analytics', 'diagnostics'] as const;
export type GrpcDomain = (typeof GRPC_DOMAINS)[number];
export type DomainAddresses = Readonly<Record<GrpcDomain, string>>;

/** Each domain's gRPC address: its GRPC_<DOMAIN>_ADDRESS, else the all-in-one GRPC_SERVICES_ADDRESS. */
export function domainAddresses(config: Pick<Config, 'GRPC_SERVICES_ADDRESS'> & Partial<Config>): DomainAddresses {
  const byDomain = (domain: GrpcDomain) => config[`GRPC_${domain.toUpperCase()}_ADDRESS` as `GRPC_${Uppercase<GrpcDomain>}_ADDRESS`];
  return Object.freeze(Object.fromEntries(GRPC_DOMAINS.map((d) => [d, byDomain(d) ?? config.GRPC_SERVICES_ADDRESS])) as Record<GrpcDomain, string>);
}

/** This process's environment plus overrides, for child processes (keeps process.env reads here). */
export function environmentWith(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
