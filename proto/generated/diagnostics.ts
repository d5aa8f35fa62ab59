import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { DiagnosticsServiceClient as _checkout_diagnostics_v1_DiagnosticsServiceClient, DiagnosticsServiceDefinition as _checkout_diagnostics_v1_DiagnosticsServiceDefinition } from './checkout/diagnostics/v1/DiagnosticsService';
import type { GetPingRequest as _checkout_diagnostics_v1_GetPingRequest, GetPingRequest__Output as _checkout_diagnostics_v1_GetPingRequest__Output } from './checkout/diagnostics/v1/GetPingRequest';
import type { Ping as _checkout_diagnostics_v1_Ping, Ping__Output as _checkout_diagnostics_v1_Ping__Output } from './checkout/diagnostics/v1/Ping';
import type { RecordPingRequest as _checkout_diagnostics_v1_RecordPingRequest, RecordPingRequest__Output as _checkout_diagnostics_v1_RecordPingRequest__Output } from './checkout/diagnostics/v1/RecordPingRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    diagnostics: {
      v1: {
        DiagnosticsService: SubtypeConstructor<typeof grpc.Client, _checkout_diagnostics_v1_DiagnosticsServiceClient> & { service: _checkout_diagnostics_v1_DiagnosticsServiceDefinition }
        GetPingRequest: MessageTypeDefinition<_checkout_diagnostics_v1_GetPingRequest, _checkout_diagnostics_v1_GetPingRequest__Output>
        Ping: MessageTypeDefinition<_checkout_diagnostics_v1_Ping, _checkout_diagnostics_v1_Ping__Output>
        RecordPingRequest: MessageTypeDefinition<_checkout_diagnostics_v1_RecordPingRequest, _checkout_diagnostics_v1_RecordPingRequest__Output>
      }
    }
  }
}

