import type * as grpc from '@grpc/grpc-js';
import { unary, type ServiceRegistration } from '../../lib/grpc';
import type { Logger } from '../../lib/logger';
import type { Metrics } from '../../lib/metrics';
import type { PrismaClient } from '../../lib/prisma';
import {
  DIAGNOSTICS_SERVICE_NAME,
  diagnosticsPackageDefinition,
  diagnosticsProto,
  type DiagnosticsServiceHandlers,
} from '../../proto/diagnostics';
import { DiagnosticsService } from './diagnostics.service';

/** The diagnostics service as a gRPC registration. */
export function diagnosticsRegistration(deps: { prisma: PrismaClient; metrics: Metrics; logger: Logger }): ServiceRegistration {
  const service = new DiagnosticsService(deps.prisma);
  const handlers: DiagnosticsServiceHandlers = {
    RecordPing: unary('diagnostics.RecordPing', (r) => service.recordPing(r), deps),
    GetPing: unary('diagnostics.GetPing', (r) => service.getPing(r), deps),
  };
  return {
    name: DIAGNOSTICS_SERVICE_NAME,
    definition: diagnosticsProto.DiagnosticsService.service,
    implementation: handlers as grpc.UntypedServiceImplementation,
    packageDefinition: diagnosticsPackageDefinition,
  };
}
