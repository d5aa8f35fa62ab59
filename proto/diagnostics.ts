import * as grpc from '@grpc/grpc-js';
import type { ProtoGrpcType } from './generated/diagnostics';
import type { DiagnosticsServiceClient } from './generated/checkout/diagnostics/v1/DiagnosticsService';
import { loadProto } from './load';

export type { DiagnosticsServiceClient };
export type { DiagnosticsServiceHandlers } from './generated/checkout/diagnostics/v1/DiagnosticsService';
export type { Ping__Output as Ping } from './generated/checkout/diagnostics/v1/Ping';
export type { RecordPingRequest__Output as RecordPingRequest } from './generated/checkout/diagnostics/v1/RecordPingRequest';
export type { GetPingRequest__Output as GetPingRequest } from './generated/checkout/diagnostics/v1/GetPingRequest';

export const diagnosticsPackageDefinition = loadProto('diagnostics');
export const diagnosticsProto = (grpc.loadPackageDefinition(diagnosticsPackageDefinition) as unknown as ProtoGrpcType).checkout.diagnostics.v1;
export const DIAGNOSTICS_SERVICE_NAME = 'checkout.diagnostics.v1.DiagnosticsService';

/** A client of the diagnostics service at `address` (host:port). */
export function createDiagnosticsClient(address: string): DiagnosticsServiceClient {
  return new diagnosticsProto.DiagnosticsService(address, grpc.credentials.createInsecure());
}
