import * as grpc from '@grpc/grpc-js';
import type * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import { DomainError, isDomainError, type DomainErrorCode, DOMAIN_ERROR_CODES } from './errors';
import type { Logger } from './logger';
import { isTransientError } from './transient-errors';
import type { Metrics } from './metrics';

const STATUS_BY_CODE: Record<DomainErrorCode, grpc.status> = {
  VALIDATION_FAILED: grpc.status.INVALID_ARGUMENT,
  NOT_FOUND: grpc.status.NOT_FOUND,
  ALREADY_EXISTS: grpc.status.ALREADY_EXISTS,
  CONFLICT: grpc.status.FAILED_PRECONDITION,
  IDEMPOTENCY_KEY_REUSED: grpc.status.FAILED_PRECONDITION,
  REQUEST_IN_PROGRESS: grpc.status.ABORTED,
  UNAUTHENTICATED: grpc.status.UNAUTHENTICATED,
  FORBIDDEN: grpc.status.PERMISSION_DENIED,
  UNAVAILABLE: grpc.status.UNAVAILABLE,
  INTERNAL: grpc.status.INTERNAL,
  PRODUCT_UNAVAILABLE: grpc.status.FAILED_PRECONDITION,
  OUT_OF_STOCK: grpc.status.FAILED_PRECONDITION,
  INVALID_TRANSITION: grpc.status.FAILED_PRECONDITION,
  CARD_DECLINED: grpc.status.FAILED_PRECONDITION,
  INSUFFICIENT_FUNDS: grpc.status.FAILED_PRECONDITION,
  PAYMENT_EXPIRED: grpc.status.FAILED_PRECONDITION,
  ADDRESS_NOT_SERVED: grpc.status.FAILED_PRECONDITION,
  SLOT_NOT_FOUND: grpc.status.NOT_FOUND,
  SLOT_FULL: grpc.status.FAILED_PRECONDITION,
  SLOT_CLOSED: grpc.status.FAILED_PRECONDITION,
  ORDER_NOT_CANCELLABLE: grpc.status.FAILED_PRECONDITION,
  CART_EMPTY: grpc.status.FAILED_PRECONDITION,
  RATE_LIMITED: grpc.status.RESOURCE_EXHAUSTED,
  INSUFFICIENT_POINTS: grpc.status.FAILED_PRECONDITION,
  COUPON_INVALID: grpc.status.FAILED_PRECONDITION,
  COUPON_EXHAUSTED: grpc.status.FAILED_PRECONDITION,
  COUPON_MIN_ORDER_NOT_MET: grpc.status.FAILED_PRECONDITION,
  STEP_UNDONE: grpc.status.FAILED_PRECONDITION,
  ORDER_NOT_RETRYABLE: grpc.status.FAILED_PRECONDITION,
  PAYLOAD_UNREADABLE: grpc.status.INVALID_ARGUMENT,
  INVALID_POSTAL_CODE: grpc.status.INVALID_ARGUMENT,
  DATE_RANGE_TOO_LONG: grpc.status.INVALID_ARGUMENT,
  AVATAR_TOO_LARGE: grpc.status.INVALID_ARGUMENT,
  UNSUPPORTED_IMAGE_TYPE: grpc.status.INVALID_ARGUMENT,
  RETURN_QUANTITY_EXCEEDED: grpc.status.FAILED_PRECONDITION,
  STATUS_UNAVAILABLE: grpc.status.UNAVAILABLE,
};

const ERROR_CODE_KEY = 'error-code';
// A `-bin` key: grpc-js sends its value base64-encoded, so details may hold any Unicode (a SKU such as
// 抹茶); an ASCII-only metadata value would throw on the server and take the process down.
const ERROR_DETAILS_KEY = 'error-details-bin';

/** Turns a thrown error into a gRPC error whose metadata carries the domain code. */
export function toServiceError(err: unknown): Partial<grpc.StatusObject> {
  // An outage below the service (PostgreSQL restarting, a connection refused) is UNAVAILABLE, which
  // callers retry (and the api answers 503 with Retry-After), not INTERNAL.
  const domain = isDomainError(err) ? err : isTransientError(err) ? new DomainError('UNAVAILABLE', 'a store this service needs is unavailable right now') : new DomainError('INTERNAL', 'internal error');
  const metadata = new grpc.Metadata();
  metadata.set(ERROR_CODE_KEY, domain.code);
  if (domain.details) metadata.set(ERROR_DETAILS_KEY, Buffer.from(JSON.stringify(domain.details), 'utf8'));
  return { code: STATUS_BY_CODE[domain.code], details: domain.message, metadata };
}

/** Turns a gRPC client error back into the DomainError the server threw (or UNAVAILABLE/INTERNAL). */
export function fromServiceError(err: grpc.ServiceError): DomainError {
  const code = err.metadata?.get(ERROR_CODE_KEY)[0]?.toString();
  if (code && code in DOMAIN_ERROR_CODES) {
    return new DomainError(code as DomainErrorCode, err.details, parseDetails(err.metadata.get(ERROR_DETAILS_KEY)[0]));
  }
  // grpc-js could not encode the request (a field of the wrong type): sending it again cannot help.
  if (err.code === grpc.status.INTERNAL && err.details?.startsWith('Request message serialization failure')) {
    return new DomainError('VALIDATION_FAILED', `the request does not fit the service's contract: ${err.details}`);
  }
  const transient = [grpc.status.UNAVAILABLE, grpc.status.DEADLINE_EXCEEDED, grpc.status.RESOURCE_EXHAUSTED, grpc.status.CANCELLED];
  return new DomainError(transient.includes(err.code) ? 'UNAVAILABLE' : 'INTERNAL', err.details || err.message);
}

function parseDetails(raw: grpc.MetadataValue | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What a handler knows about the call beyond its request. */
export interface CallContext {
  /** When the caller stops waiting (absent: it set no deadline). Pass it on to idempotentCall. */
  deadline?: Date;
}

/** The caller's deadline as grpc-js reports it (a Date, a number of ms since the epoch, or Infinity for none). */
export function callDeadline(deadline: grpc.Deadline): Date | undefined {
  const ms = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/**
 * Adapts an async method to a unary gRPC handler: times it, logs unexpected errors, and maps
 * DomainErrors to statuses (anything else becomes INTERNAL without leaking its message). The
 * handler gets the caller's deadline, so it can give up (and roll back) when nobody waits any more.
 */
export function unary<Req, Res>(
  operation: string,
  fn: (request: Req, context: CallContext) => Promise<Res>,
  deps: { metrics: Metrics; logger: Logger },
): grpc.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    const deadline = callDeadline(call.getDeadline());
    deps.metrics
      .time('grpc', operation, () => fn(call.request, deadline ? { deadline } : {}))
      .then(
        (response) => callback(null, response),
        (err: unknown) => {
          if (!isDomainError(err)) deps.logger.error({ err, operation }, 'unexpected error in gRPC method');
          callback(toServiceError(err));
        },
      )
      .catch((err: unknown) => {
        // Answering must never throw out of the handler: that would end the process for one bad call.
        deps.logger.error({ err, operation }, 'could not answer a gRPC call');
        try {
          callback({ code: grpc.status.INTERNAL, details: 'internal error' });
        } catch {
          // the call is already answered or gone
        }
      });
  };
}

type UnaryMethod<Req, Res> = (
  request: Req,
  options: grpc.CallOptions,
  callback: (err: grpc.ServiceError | null, response?: Res) => void,
) => grpc.ClientUnaryCall;

/** Calls a unary method with a deadline and resolves its response, or rejects with a DomainError. */
export function callUnary<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, timeoutMs = 10_000): Promise<Res> {
  return new Promise((resolve, reject) => {
    method(request, { deadline: Date.now() + timeoutMs }, (err, response) => {
      if (err) reject(fromServiceError(err));
      else resolve(response as Res);
    });
  });
}

export interface ServiceRegistration {
  /** Fully qualified service name, e.g. `checkout.diagnostics.v1.DiagnosticsService`. */
  name: string;
  definition: grpc.ServiceDefinition;
  implementation: grpc.UntypedServiceImplementation;
  packageDefinition: protoLoader.PackageDefinition;
}

export interface RunningGrpcServer {
  port: number;
  health: HealthImplementation;
  stop(): Promise<void>;
}

/** Starts a gRPC server with the given services plus the standard health service and reflection. */
export async function startGrpcServer(host: string, port: number, services: ServiceRegistration[]): Promise<RunningGrpcServer> {
  const server = new grpc.Server();
  const health = new HealthImplementation({ '': 'SERVING' });
  health.addToServer(server);
  for (const service of services) {
    server.addService(service.definition, service.implementation);
    health.setStatus(service.name, 'SERVING');
  }
  // One reflection service over every package: grpc-js refuses a second handler for its methods.
  if (services.length > 0) new ReflectionService(Object.assign({}, ...services.map((s) => s.packageDefinition))).addToServer(server);
  const boundPort = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p)));
  });
  return {
    port: boundPort,
    health,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const service of services) health.setStatus(service.name, 'NOT_SERVING');
        health.setStatus('', 'NOT_SERVING');
        const force = setTimeout(() => server.forceShutdown(), 10_000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
