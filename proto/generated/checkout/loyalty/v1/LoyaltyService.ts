// Original file: proto/loyalty.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Balance as _checkout_loyalty_v1_Balance, Balance__Output as _checkout_loyalty_v1_Balance__Output } from '../../../checkout/loyalty/v1/Balance';
import type { EarnRequest as _checkout_loyalty_v1_EarnRequest, EarnRequest__Output as _checkout_loyalty_v1_EarnRequest__Output } from '../../../checkout/loyalty/v1/EarnRequest';
import type { GetBalanceRequest as _checkout_loyalty_v1_GetBalanceRequest, GetBalanceRequest__Output as _checkout_loyalty_v1_GetBalanceRequest__Output } from '../../../checkout/loyalty/v1/GetBalanceRequest';
import type { PointsChange as _checkout_loyalty_v1_PointsChange, PointsChange__Output as _checkout_loyalty_v1_PointsChange__Output } from '../../../checkout/loyalty/v1/PointsChange';
import type { RedeemRequest as _checkout_loyalty_v1_RedeemRequest, RedeemRequest__Output as _checkout_loyalty_v1_RedeemRequest__Output } from '../../../checkout/loyalty/v1/RedeemRequest';
import type { RestoreRequest as _checkout_loyalty_v1_RestoreRequest, RestoreRequest__Output as _checkout_loyalty_v1_RestoreRequest__Output } from '../../../checkout/loyalty/v1/RestoreRequest';
import type { RevokeEarnedRequest as _checkout_loyalty_v1_RevokeEarnedRequest, RevokeEarnedRequest__Output as _checkout_loyalty_v1_RevokeEarnedRequest__Output } from '../../../checkout/loyalty/v1/RevokeEarnedRequest';

export interface LoyaltyServiceClient extends grpc.Client {
  Earn(argument: _checkout_loyalty_v1_EarnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  Earn(argument: _checkout_loyalty_v1_EarnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  Earn(argument: _checkout_loyalty_v1_EarnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  Earn(argument: _checkout_loyalty_v1_EarnRequest, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  earn(argument: _checkout_loyalty_v1_EarnRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  earn(argument: _checkout_loyalty_v1_EarnRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  earn(argument: _checkout_loyalty_v1_EarnRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  earn(argument: _checkout_loyalty_v1_EarnRequest, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  
  GetBalance(argument: _checkout_loyalty_v1_GetBalanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_Balance__Output>): grpc.ClientUnaryCall;
  GetBalance(argument: _checkout_loyalty_v1_GetBalanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_loyalty_v1_Balance__Output>): grpc.ClientUnaryCall;
  GetBalance(argument: _checkout_loyalty_v1_GetBalanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_Balance__Output>): grpc.ClientUnaryCall;
  GetBalance(argument: _checkout_loyalty_v1_GetBalanceRequest, callback: grpc.requestCallback<_checkout_loyalty_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _checkout_loyalty_v1_GetBalanceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _checkout_loyalty_v1_GetBalanceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_loyalty_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _checkout_loyalty_v1_GetBalanceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_Balance__Output>): grpc.ClientUnaryCall;
  getBalance(argument: _checkout_loyalty_v1_GetBalanceRequest, callback: grpc.requestCallback<_checkout_loyalty_v1_Balance__Output>): grpc.ClientUnaryCall;
  
  Redeem(argument: _checkout_loyalty_v1_RedeemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  Redeem(argument: _checkout_loyalty_v1_RedeemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  Redeem(argument: _checkout_loyalty_v1_RedeemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  Redeem(argument: _checkout_loyalty_v1_RedeemRequest, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  redeem(argument: _checkout_loyalty_v1_RedeemRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  redeem(argument: _checkout_loyalty_v1_RedeemRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  redeem(argument: _checkout_loyalty_v1_RedeemRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  redeem(argument: _checkout_loyalty_v1_RedeemRequest, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  
  Restore(argument: _checkout_loyalty_v1_RestoreRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  Restore(argument: _checkout_loyalty_v1_RestoreRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  Restore(argument: _checkout_loyalty_v1_RestoreRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  Restore(argument: _checkout_loyalty_v1_RestoreRequest, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  restore(argument: _checkout_loyalty_v1_RestoreRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  restore(argument: _checkout_loyalty_v1_RestoreRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  restore(argument: _checkout_loyalty_v1_RestoreRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  restore(argument: _checkout_loyalty_v1_RestoreRequest, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  
  RevokeEarned(argument: _checkout_loyalty_v1_RevokeEarnedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  RevokeEarned(argument: _checkout_loyalty_v1_RevokeEarnedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  RevokeEarned(argument: _checkout_loyalty_v1_RevokeEarnedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  RevokeEarned(argument: _checkout_loyalty_v1_RevokeEarnedRequest, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  revokeEarned(argument: _checkout_loyalty_v1_RevokeEarnedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  revokeEarned(argument: _checkout_loyalty_v1_RevokeEarnedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  revokeEarned(argument: _checkout_loyalty_v1_RevokeEarnedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  revokeEarned(argument: _checkout_loyalty_v1_RevokeEarnedRequest, callback: grpc.requestCallback<_checkout_loyalty_v1_PointsChange__Output>): grpc.ClientUnaryCall;
  
}

export interface LoyaltyServiceHandlers extends grpc.UntypedServiceImplementation {
  Earn: grpc.handleUnaryCall<_checkout_loyalty_v1_EarnRequest__Output, _checkout_loyalty_v1_PointsChange>;
  
  GetBalance: grpc.handleUnaryCall<_checkout_loyalty_v1_GetBalanceRequest__Output, _checkout_loyalty_v1_Balance>;
  
  Redeem: grpc.handleUnaryCall<_checkout_loyalty_v1_RedeemRequest__Output, _checkout_loyalty_v1_PointsChange>;
  
  Restore: grpc.handleUnaryCall<_checkout_loyalty_v1_RestoreRequest__Output, _checkout_loyalty_v1_PointsChange>;
  
  RevokeEarned: grpc.handleUnaryCall<_checkout_loyalty_v1_RevokeEarnedRequest__Output, _checkout_loyalty_v1_PointsChange>;
  
}

export interface LoyaltyServiceDefinition extends grpc.ServiceDefinition {
  Earn: MethodDefinition<_checkout_loyalty_v1_EarnRequest, _checkout_loyalty_v1_PointsChange, _checkout_loyalty_v1_EarnRequest__Output, _checkout_loyalty_v1_PointsChange__Output>
  GetBalance: MethodDefinition<_checkout_loyalty_v1_GetBalanceRequest, _checkout_loyalty_v1_Balance, _checkout_loyalty_v1_GetBalanceRequest__Output, _checkout_loyalty_v1_Balance__Output>
  Redeem: MethodDefinition<_checkout_loyalty_v1_RedeemRequest, _checkout_loyalty_v1_PointsChange, _checkout_loyalty_v1_RedeemRequest__Output, _checkout_loyalty_v1_PointsChange__Output>
  Restore: MethodDefinition<_checkout_loyalty_v1_RestoreRequest, _checkout_loyalty_v1_PointsChange, _checkout_loyalty_v1_RestoreRequest__Output, _checkout_loyalty_v1_PointsChange__Output>
  RevokeEarned: MethodDefinition<_checkout_loyalty_v1_RevokeEarnedRequest, _checkout_loyalty_v1_PointsChange, _checkout_loyalty_v1_RevokeEarnedRequest__Output, _checkout_loyalty_v1_PointsChange__Output>
}
