// Original file: proto/diagnostics.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetPingRequest as _checkout_diagnostics_v1_GetPingRequest, GetPingRequest__Output as _checkout_diagnostics_v1_GetPingRequest__Output } from '../../../checkout/diagnostics/v1/GetPingRequest';
import type { Ping as _checkout_diagnostics_v1_Ping, Ping__Output as _checkout_diagnostics_v1_Ping__Output } from '../../../checkout/diagnostics/v1/Ping';
import type { RecordPingRequest as _checkout_diagnostics_v1_RecordPingRequest, RecordPingRequest__Output as _checkout_diagnostics_v1_RecordPingRequest__Output } from '../../../checkout/diagnostics/v1/RecordPingRequest';

export interface DiagnosticsServiceClient extends grpc.Client {
  GetPing(argument: _checkout_diagnostics_v1_GetPingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  GetPing(argument: _checkout_diagnostics_v1_GetPingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  GetPing(argument: _checkout_diagnostics_v1_GetPingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  GetPing(argument: _checkout_diagnostics_v1_GetPingRequest, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  getPing(argument: _checkout_diagnostics_v1_GetPingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  getPing(argument: _checkout_diagnostics_v1_GetPingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  getPing(argument: _checkout_diagnostics_v1_GetPingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  getPing(argument: _checkout_diagnostics_v1_GetPingRequest, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  
  RecordPing(argument: _checkout_diagnostics_v1_RecordPingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  RecordPing(argument: _checkout_diagnostics_v1_RecordPingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  RecordPing(argument: _checkout_diagnostics_v1_RecordPingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  RecordPing(argument: _checkout_diagnostics_v1_RecordPingRequest, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  recordPing(argument: _checkout_diagnostics_v1_RecordPingRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  recordPing(argument: _checkout_diagnostics_v1_RecordPingRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  recordPing(argument: _checkout_diagnostics_v1_RecordPingRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  recordPing(argument: _checkout_diagnostics_v1_RecordPingRequest, callback: grpc.requestCallback<_checkout_diagnostics_v1_Ping__Output>): grpc.ClientUnaryCall;
  
}

export interface DiagnosticsServiceHandlers extends grpc.UntypedServiceImplementation {
  GetPing: grpc.handleUnaryCall<_checkout_diagnostics_v1_GetPingRequest__Output, _checkout_diagnostics_v1_Ping>;
  
  RecordPing: grpc.handleUnaryCall<_checkout_diagnostics_v1_RecordPingRequest__Output, _checkout_diagnostics_v1_Ping>;
  
}

export interface DiagnosticsServiceDefinition extends grpc.ServiceDefinition {
  GetPing: MethodDefinition<_checkout_diagnostics_v1_GetPingRequest, _checkout_diagnostics_v1_Ping, _checkout_diagnostics_v1_GetPingRequest__Output, _checkout_diagnostics_v1_Ping__Output>
  RecordPing: MethodDefinition<_checkout_diagnostics_v1_RecordPingRequest, _checkout_diagnostics_v1_Ping, _checkout_diagnostics_v1_RecordPingRequest__Output, _checkout_diagnostics_v1_Ping__Output>
}
