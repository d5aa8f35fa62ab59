import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddAddressRequest as _checkout_identity_v1_AddAddressRequest, AddAddressRequest__Output as _checkout_identity_v1_AddAddressRequest__Output } from './checkout/identity/v1/AddAddressRequest';
import type { Address as _checkout_identity_v1_Address, Address__Output as _checkout_identity_v1_Address__Output } from './checkout/identity/v1/Address';
import type { DeleteAddressRequest as _checkout_identity_v1_DeleteAddressRequest, DeleteAddressRequest__Output as _checkout_identity_v1_DeleteAddressRequest__Output } from './checkout/identity/v1/DeleteAddressRequest';
import type { DeleteAddressResponse as _checkout_identity_v1_DeleteAddressResponse, DeleteAddressResponse__Output as _checkout_identity_v1_DeleteAddressResponse__Output } from './checkout/identity/v1/DeleteAddressResponse';
import type { GetPreferencesRequest as _checkout_identity_v1_GetPreferencesRequest, GetPreferencesRequest__Output as _checkout_identity_v1_GetPreferencesRequest__Output } from './checkout/identity/v1/GetPreferencesRequest';
import type { GetProfileRequest as _checkout_identity_v1_GetProfileRequest, GetProfileRequest__Output as _checkout_identity_v1_GetProfileRequest__Output } from './checkout/identity/v1/GetProfileRequest';
import type { IdentityServiceClient as _checkout_identity_v1_IdentityServiceClient, IdentityServiceDefinition as _checkout_identity_v1_IdentityServiceDefinition } from './checkout/identity/v1/IdentityService';
import type { IsAccessTokenRevokedRequest as _checkout_identity_v1_IsAccessTokenRevokedRequest, IsAccessTokenRevokedRequest__Output as _checkout_identity_v1_IsAccessTokenRevokedRequest__Output } from './checkout/identity/v1/IsAccessTokenRevokedRequest';
import type { IsAccessTokenRevokedResponse as _checkout_identity_v1_IsAccessTokenRevokedResponse, IsAccessTokenRevokedResponse__Output as _checkout_identity_v1_IsAccessTokenRevokedResponse__Output } from './checkout/identity/v1/IsAccessTokenRevokedResponse';
import type { LinkMerchantUsersRequest as _checkout_identity_v1_LinkMerchantUsersRequest, LinkMerchantUsersRequest__Output as _checkout_identity_v1_LinkMerchantUsersRequest__Output } from './checkout/identity/v1/LinkMerchantUsersRequest';
import type { LinkMerchantUsersResponse as _checkout_identity_v1_LinkMerchantUsersResponse, LinkMerchantUsersResponse__Output as _checkout_identity_v1_LinkMerchantUsersResponse__Output } from './checkout/identity/v1/LinkMerchantUsersResponse';
import type { ListAddressesRequest as _checkout_identity_v1_ListAddressesRequest, ListAddressesRequest__Output as _checkout_identity_v1_ListAddressesRequest__Output } from './checkout/identity/v1/ListAddressesRequest';
import type { ListAddressesResponse as _checkout_identity_v1_ListAddressesResponse, ListAddressesResponse__Output as _checkout_identity_v1_ListAddressesResponse__Output } from './checkout/identity/v1/ListAddressesResponse';
import type { LoginRequest as _checkout_identity_v1_LoginRequest, LoginRequest__Output as _checkout_identity_v1_LoginRequest__Output } from './checkout/identity/v1/LoginRequest';
import type { LogoutRequest as _checkout_identity_v1_LogoutRequest, LogoutRequest__Output as _checkout_identity_v1_LogoutRequest__Output } from './checkout/identity/v1/LogoutRequest';
import type { LogoutResponse as _checkout_identity_v1_LogoutResponse, LogoutResponse__Output as _checkout_identity_v1_LogoutResponse__Output } from './checkout/identity/v1/LogoutResponse';
import type { Preferences as _checkout_identity_v1_Preferences, Preferences__Output as _checkout_identity_v1_Preferences__Output } from './checkout/identity/v1/Preferences';
import type { RefreshRequest as _checkout_identity_v1_RefreshRequest, RefreshRequest__Output as _checkout_identity_v1_RefreshRequest__Output } from './checkout/identity/v1/RefreshRequest';
import type { RegisterRequest as _checkout_identity_v1_RegisterRequest, RegisterRequest__Output as _checkout_identity_v1_RegisterRequest__Output } from './checkout/identity/v1/RegisterRequest';
import type { RequestEmailVerificationRequest as _checkout_identity_v1_RequestEmailVerificationRequest, RequestEmailVerificationRequest__Output as _checkout_identity_v1_RequestEmailVerificationRequest__Output } from './checkout/identity/v1/RequestEmailVerificationRequest';
import type { RequestEmailVerificationResponse as _checkout_identity_v1_RequestEmailVerificationResponse, RequestEmailVerificationResponse__Output as _checkout_identity_v1_RequestEmailVerificationResponse__Output } from './checkout/identity/v1/RequestEmailVerificationResponse';
import type { RequestPasswordResetRequest as _checkout_identity_v1_RequestPasswordResetRequest, RequestPasswordResetRequest__Output as _checkout_identity_v1_RequestPasswordResetRequest__Output } from './checkout/identity/v1/RequestPasswordResetRequest';
import type { RequestPasswordResetResponse as _checkout_identity_v1_RequestPasswordResetResponse, RequestPasswordResetResponse__Output as _checkout_identity_v1_RequestPasswordResetResponse__Output } from './checkout/identity/v1/RequestPasswordResetResponse';
import type { ResetPasswordRequest as _checkout_identity_v1_ResetPasswordRequest, ResetPasswordRequest__Output as _checkout_identity_v1_ResetPasswordRequest__Output } from './checkout/identity/v1/ResetPasswordRequest';
import type { ResetPasswordResponse as _checkout_identity_v1_ResetPasswordResponse, ResetPasswordResponse__Output as _checkout_identity_v1_ResetPasswordResponse__Output } from './checkout/identity/v1/ResetPasswordResponse';
import type { SearchUsersRequest as _checkout_identity_v1_SearchUsersRequest, SearchUsersRequest__Output as _checkout_identity_v1_SearchUsersRequest__Output } from './checkout/identity/v1/SearchUsersRequest';
import type { SearchUsersResponse as _checkout_identity_v1_SearchUsersResponse, SearchUsersResponse__Output as _checkout_identity_v1_SearchUsersResponse__Output } from './checkout/identity/v1/SearchUsersResponse';
import type { SetRoleRequest as _checkout_identity_v1_SetRoleRequest, SetRoleRequest__Output as _checkout_identity_v1_SetRoleRequest__Output } from './checkout/identity/v1/SetRoleRequest';
import type { TokenPair as _checkout_identity_v1_TokenPair, TokenPair__Output as _checkout_identity_v1_TokenPair__Output } from './checkout/identity/v1/TokenPair';
import type { UpdateProfileRequest as _checkout_identity_v1_UpdateProfileRequest, UpdateProfileRequest__Output as _checkout_identity_v1_UpdateProfileRequest__Output } from './checkout/identity/v1/UpdateProfileRequest';
import type { User as _checkout_identity_v1_User, User__Output as _checkout_identity_v1_User__Output } from './checkout/identity/v1/User';
import type { VerifyEmailRequest as _checkout_identity_v1_VerifyEmailRequest, VerifyEmailRequest__Output as _checkout_identity_v1_VerifyEmailRequest__Output } from './checkout/identity/v1/VerifyEmailRequest';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  checkout: {
    identity: {
      v1: {
        AddAddressRequest: MessageTypeDefinition<_checkout_identity_v1_AddAddressRequest, _checkout_identity_v1_AddAddressRequest__Output>
        Address: MessageTypeDefinition<_checkout_identity_v1_Address, _checkout_identity_v1_Address__Output>
        DeleteAddressRequest: MessageTypeDefinition<_checkout_identity_v1_DeleteAddressRequest, _checkout_identity_v1_DeleteAddressRequest__Output>
        DeleteAddressResponse: MessageTypeDefinition<_checkout_identity_v1_DeleteAddressResponse, _checkout_identity_v1_DeleteAddressResponse__Output>
        GetPreferencesRequest: MessageTypeDefinition<_checkout_identity_v1_GetPreferencesRequest, _checkout_identity_v1_GetPreferencesRequest__Output>
        GetProfileRequest: MessageTypeDefinition<_checkout_identity_v1_GetProfileRequest, _checkout_identity_v1_GetProfileRequest__Output>
        IdentityService: SubtypeConstructor<typeof grpc.Client, _checkout_identity_v1_IdentityServiceClient> & { service: _checkout_identity_v1_IdentityServiceDefinition }
        IsAccessTokenRevokedRequest: MessageTypeDefinition<_checkout_identity_v1_IsAccessTokenRevokedRequest, _checkout_identity_v1_IsAccessTokenRevokedRequest__Output>
        IsAccessTokenRevokedResponse: MessageTypeDefinition<_checkout_identity_v1_IsAccessTokenRevokedResponse, _checkout_identity_v1_IsAccessTokenRevokedResponse__Output>
        LinkMerchantUsersRequest: MessageTypeDefinition<_checkout_identity_v1_LinkMerchantUsersRequest, _checkout_identity_v1_LinkMerchantUsersRequest__Output>
        LinkMerchantUsersResponse: MessageTypeDefinition<_checkout_identity_v1_LinkMerchantUsersResponse, _checkout_identity_v1_LinkMerchantUsersResponse__Output>
        ListAddressesRequest: MessageTypeDefinition<_checkout_identity_v1_ListAddressesRequest, _checkout_identity_v1_ListAddressesRequest__Output>
        ListAddressesResponse: MessageTypeDefinition<_checkout_identity_v1_ListAddressesResponse, _checkout_identity_v1_ListAddressesResponse__Output>
        LoginRequest: MessageTypeDefinition<_checkout_identity_v1_LoginRequest, _checkout_identity_v1_LoginRequest__Output>
        LogoutRequest: MessageTypeDefinition<_checkout_identity_v1_LogoutRequest, _checkout_identity_v1_LogoutRequest__Output>
        LogoutResponse: MessageTypeDefinition<_checkout_identity_v1_LogoutResponse, _checkout_identity_v1_LogoutResponse__Output>
        Preferences: MessageTypeDefinition<_checkout_identity_v1_Preferences, _checkout_identity_v1_Preferences__Output>
        RefreshRequest: MessageTypeDefinition<_checkout_identity_v1_RefreshRequest, _checkout_identity_v1_RefreshRequest__Output>
        RegisterRequest: MessageTypeDefinition<_checkout_identity_v1_RegisterRequest, _checkout_identity_v1_RegisterRequest__Output>
        RequestEmailVerificationRequest: MessageTypeDefinition<_checkout_identity_v1_RequestEmailVerificationRequest, _checkout_identity_v1_RequestEmailVerificationRequest__Output>
        RequestEmailVerificationResponse: MessageTypeDefinition<_checkout_identity_v1_RequestEmailVerificationResponse, _checkout_identity_v1_RequestEmailVerificationResponse__Output>
        RequestPasswordResetRequest: MessageTypeDefinition<_checkout_identity_v1_RequestPasswordResetRequest, _checkout_identity_v1_RequestPasswordResetRequest__Output>
        RequestPasswordResetResponse: MessageTypeDefinition<_checkout_identity_v1_RequestPasswordResetResponse, _checkout_identity_v1_RequestPasswordResetResponse__Output>
        ResetPasswordRequest: MessageTypeDefinition<_checkout_identity_v1_ResetPasswordRequest, _checkout_identity_v1_ResetPasswordRequest__Output>
        ResetPasswordResponse: MessageTypeDefinition<_checkout_identity_v1_ResetPasswordResponse, _checkout_identity_v1_ResetPasswordResponse__Output>
        SearchUsersRequest: MessageTypeDefinition<_checkout_identity_v1_SearchUsersRequest, _checkout_identity_v1_SearchUsersRequest__Output>
        SearchUsersResponse: MessageTypeDefinition<_checkout_identity_v1_SearchUsersResponse, _checkout_identity_v1_SearchUsersResponse__Output>
        SetRoleRequest: MessageTypeDefinition<_checkout_identity_v1_SetRoleRequest, _checkout_identity_v1_SetRoleRequest__Output>
        TokenPair: MessageTypeDefinition<_checkout_identity_v1_TokenPair, _checkout_identity_v1_TokenPair__Output>
        UpdateProfileRequest: MessageTypeDefinition<_checkout_identity_v1_UpdateProfileRequest, _checkout_identity_v1_UpdateProfileRequest__Output>
        User: MessageTypeDefinition<_checkout_identity_v1_User, _checkout_identity_v1_User__Output>
        VerifyEmailRequest: MessageTypeDefinition<_checkout_identity_v1_VerifyEmailRequest, _checkout_identity_v1_VerifyEmailRequest__Output>
      }
    }
  }
}

