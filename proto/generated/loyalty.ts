import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Balance as _checkout_loyalty_v1_Balance, Balance__Output as _checkout_loyalty_v1_Balance__Output } from './checkout/loyalty/v1/Balance';
import type { EarnRequest as _checkout_loyalty_v1_EarnRequest, EarnRequest__Output as _checkout_loyalty_v1_EarnRequest__Output } from './checkout/loyalty/v1/EarnRequest';
import type { GetBalanceRequest as _checkout_loyalty_v1_GetBalanceRequest, GetBalanceRequest__Output as _checkout_loyalty_v1_GetBalanceRequest__Output } from './checkout/loyalty/v1/GetBalanceRequest';
import type { LedgerEntry as _checkout_loyalty_v1_LedgerEntry, LedgerEntry__Output as _checkout_loyalty_v1_LedgerEntry__Output } from './checkout/loyalty/v1/LedgerEntry';
import type { LoyaltyServiceClient as _checkout_loyalty_v1_LoyaltyServiceClient, LoyaltyServiceDefinition as _checkout_loyalty_v1_LoyaltyServiceDefinition } from './checkout/loyalty/v1/LoyaltyService';
import type { PointsChange as _checkout_loyalty_v1_PointsChange, PointsChange__Output as _checkout_loyalty_v1_PointsChange__Output } from './checkout/loyalty/v1/PointsChange';
import type { RedeemRequest as _checkout_loyalty_v1_RedeemRequest, RedeemRequest__Output as _checkout_loyalty_v1_RedeemRequest__Output } from './checkout/loyalty/v1/RedeemRequest';
import type { RestoreRequest as _checkout_loyalty_v1_RestoreRequest, RestoreRequest__Output as _checkout_loyalty_v1_RestoreRequest__Output } from './checkout/loyalty/v1/RestoreRequest';
import type { RevokeEarnedRequest as _checkout_loyalty_v1_RevokeEarnedRequest, RevokeEarnedRequest__Output as _checkout_loyalty_v1_RevokeEarnedRequest__Output } from './checkout/loyalty/v1/RevokeEarnedRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    loyalty: {
      v1: {
        Balance: MessageTypeDefinition<_checkout_loyalty_v1_Balance, _checkout_loyalty_v1_Balance__Output>
        EarnRequest: MessageTypeDefinition<_checkout_loyalty_v1_EarnRequest, _checkout_loyalty_v1_EarnRequest__Output>
        GetBalanceRequest: MessageTypeDefinition<_checkout_loyalty_v1_GetBalanceRequest, _checkout_loyalty_v1_GetBalanceRequest__Output>
        LedgerEntry: MessageTypeDefinition<_checkout_loyalty_v1_LedgerEntry, _checkout_loyalty_v1_LedgerEntry__Output>
        LoyaltyService: SubtypeConstructor<typeof grpc.Client, _checkout_loyalty_v1_LoyaltyServiceClient> & { service: _checkout_loyalty_v1_LoyaltyServiceDefinition }
        PointsChange: MessageTypeDefinition<_checkout_loyalty_v1_PointsChange, _checkout_loyalty_v1_PointsChange__Output>
        RedeemRequest: MessageTypeDefinition<_checkout_loyalty_v1_RedeemRequest, _checkout_loyalty_v1_RedeemRequest__Output>
        RestoreRequest: MessageTypeDefinition<_checkout_loyalty_v1_RestoreRequest, _checkout_loyalty_v1_RestoreRequest__Output>
        RevokeEarnedRequest: MessageTypeDefinition<_checkout_loyalty_v1_RevokeEarnedRequest, _checkout_loyalty_v1_RevokeEarnedRequest__Output>
      }
    }
  }
}

