// Original file: proto/identity.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddAddressRequest as _checkout_identity_v1_AddAddressRequest, AddAddressRequest__Output as _checkout_identity_v1_AddAddressRequest__Output } from '../../../checkout/identity/v1/AddAddressRequest';
import type { Address as _checkout_identity_v1_Address, Address__Output as _checkout_identity_v1_Address__Output } from '../../../checkout/identity/v1/Address';
import type { DeleteAddressRequest as _checkout_identity_v1_DeleteAddressRequest, DeleteAddressRequest__Output as _checkout_identity_v1_DeleteAddressRequest__Output } from '../../../checkout/identity/v1/DeleteAddressRequest';
import type { DeleteAddressResponse as _checkout_identity_v1_DeleteAddressResponse, DeleteAddressResponse__Output as _checkout_identity_v1_DeleteAddressResponse__Output } from '../../../checkout/identity/v1/DeleteAddressResponse';
import type { GetPreferencesRequest as _checkout_identity_v1_GetPreferencesRequest, GetPreferencesRequest__Output as _checkout_identity_v1_GetPreferencesRequest__Output } from '../../../checkout/identity/v1/GetPreferencesRequest';
import type { GetProfileRequest as _checkout_identity_v1_GetProfileRequest, GetProfileRequest__Output as _checkout_identity_v1_GetProfileRequest__Output } from '../../../checkout/identity/v1/GetProfileRequest';
import type { IsAccessTokenRevokedRequest as _checkout_identity_v1_IsAccessTokenRevokedRequest, IsAccessTokenRevokedRequest__Output as _checkout_identity_v1_IsAccessTokenRevokedRequest__Output } from '../../../checkout/identity/v1/IsAccessTokenRevokedRequest';
import type { IsAccessTokenRevokedResponse as _checkout_identity_v1_IsAccessTokenRevokedResponse, IsAccessTokenRevokedResponse__Output as _checkout_identity_v1_IsAccessTokenRevokedResponse__Output } from '../../../checkout/identity/v1/IsAccessTokenRevokedResponse';
import type { LinkMerchantUsersRequest as _checkout_identity_v1_LinkMerchantUsersRequest, LinkMerchantUsersRequest__Output as _checkout_identity_v1_LinkMerchantUsersRequest__Output } from '../../../checkout/identity/v1/LinkMerchantUsersRequest';
import type { LinkMerchantUsersResponse as _checkout_identity_v1_LinkMerchantUsersResponse, LinkMerchantUsersResponse__Output as _checkout_identity_v1_LinkMerchantUsersResponse__Output } from '../../../checkout/identity/v1/LinkMerchantUsersResponse';
import type { ListAddressesRequest as _checkout_identity_v1_ListAddressesRequest, ListAddressesRequest__Output as _checkout_identity_v1_ListAddressesRequest__Output } from '../../../checkout/identity/v1/ListAddressesRequest';
import type { ListAddressesResponse as _checkout_identity_v1_ListAddressesResponse, ListAddressesResponse__Output as _checkout_identity_v1_ListAddressesResponse__Output } from '../../../checkout/identity/v1/ListAddressesResponse';
import type { LoginRequest as _checkout_identity_v1_LoginRequest, LoginRequest__Output as _checkout_identity_v1_LoginRequest__Output } from '../../../checkout/identity/v1/LoginRequest';
import type { LogoutRequest as _checkout_identity_v1_LogoutRequest, LogoutRequest__Output as _checkout_identity_v1_LogoutRequest__Output } from '../../../checkout/identity/v1/LogoutRequest';
import type { LogoutResponse as _checkout_identity_v1_LogoutResponse, LogoutResponse__Output as _checkout_identity_v1_LogoutResponse__Output } from '../../../checkout/identity/v1/LogoutResponse';
import type { Preferences as _checkout_identity_v1_Preferences, Preferences__Output as _checkout_identity_v1_Preferences__Output } from '../../../checkout/identity/v1/Preferences';
import type { RefreshRequest as _checkout_identity_v1_RefreshRequest, RefreshRequest__Output as _checkout_identity_v1_RefreshRequest__Output } from '../../../checkout/identity/v1/RefreshRequest';
import type { RegisterRequest as _checkout_identity_v1_RegisterRequest, RegisterRequest__Output as _checkout_identity_v1_RegisterRequest__Output } from '../../../checkout/identity/v1/RegisterRequest';
import type { RequestEmailVerificationRequest as _checkout_identity_v1_RequestEmailVerificationRequest, RequestEmailVerificationRequest__Output as _checkout_identity_v1_RequestEmailVerificationRequest__Output } from '../../../checkout/identity/v1/RequestEmailVerificationRequest';
import type { RequestEmailVerificationResponse as _checkout_identity_v1_RequestEmailVerificationResponse, RequestEmailVerificationResponse__Output as _checkout_identity_v1_RequestEmailVerificationResponse__Output } from '../../../checkout/identity/v1/RequestEmailVerificationResponse';
import type { RequestPasswordResetRequest as _checkout_identity_v1_RequestPasswordResetRequest, RequestPasswordResetRequest__Output as _checkout_identity_v1_RequestPasswordResetRequest__Output } from '../../../checkout/identity/v1/RequestPasswordResetRequest';
import type { RequestPasswordResetResponse as _checkout_identity_v1_RequestPasswordResetResponse, RequestPasswordResetResponse__Output as _checkout_identity_v1_RequestPasswordResetResponse__Output } from '../../../checkout/identity/v1/RequestPasswordResetResponse';
import type { ResetPasswordRequest as _checkout_identity_v1_ResetPasswordRequest, ResetPasswordRequest__Output as _checkout_identity_v1_ResetPasswordRequest__Output } from '../../../checkout/identity/v1/ResetPasswordRequest';
import type { ResetPasswordResponse as _checkout_identity_v1_ResetPasswordResponse, ResetPasswordResponse__Output as _checkout_identity_v1_ResetPasswordResponse__Output } from '../../../checkout/identity/v1/ResetPasswordResponse';
import type { SearchUsersRequest as _checkout_identity_v1_SearchUsersRequest, SearchUsersRequest__Output as _checkout_identity_v1_SearchUsersRequest__Output } from '../../../checkout/identity/v1/SearchUsersRequest';
import type { SearchUsersResponse as _checkout_identity_v1_SearchUsersResponse, SearchUsersResponse__Output as _checkout_identity_v1_SearchUsersResponse__Output } from '../../../checkout/identity/v1/SearchUsersResponse';
import type { SetRoleRequest as _checkout_identity_v1_SetRoleRequest, SetRoleRequest__Output as _checkout_identity_v1_SetRoleRequest__Output } from '../../../checkout/identity/v1/SetRoleRequest';
import type { TokenPair as _checkout_identity_v1_TokenPair, TokenPair__Output as _checkout_identity_v1_TokenPair__Output } from '../../../checkout/identity/v1/TokenPair';
import type { UpdateProfileRequest as _checkout_identity_v1_UpdateProfileRequest, UpdateProfileRequest__Output as _checkout_identity_v1_UpdateProfileRequest__Output } from '../../../checkout/identity/v1/UpdateProfileRequest';
import type { User as _checkout_identity_v1_User, User__Output as _checkout_identity_v1_User__Output } from '../../../checkout/identity/v1/User';
import type { VerifyEmailRequest as _checkout_identity_v1_VerifyEmailRequest, VerifyEmailRequest__Output as _checkout_identity_v1_VerifyEmailRequest__Output } from '../../../checkout/identity/v1/VerifyEmailRequest';

export interface IdentityServiceClient extends grpc.Client {
  AddAddress(argument: _checkout_identity_v1_AddAddressRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Address__Output>): grpc.ClientUnaryCall;
  AddAddress(argument: _checkout_identity_v1_AddAddressRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_Address__Output>): grpc.ClientUnaryCall;
  AddAddress(argument: _checkout_identity_v1_AddAddressRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Address__Output>): grpc.ClientUnaryCall;
  AddAddress(argument: _checkout_identity_v1_AddAddressRequest, callback: grpc.requestCallback<_checkout_identity_v1_Address__Output>): grpc.ClientUnaryCall;
  addAddress(argument: _checkout_identity_v1_AddAddressRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Address__Output>): grpc.ClientUnaryCall;
  addAddress(argument: _checkout_identity_v1_AddAddressRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_Address__Output>): grpc.ClientUnaryCall;
  addAddress(argument: _checkout_identity_v1_AddAddressRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Address__Output>): grpc.ClientUnaryCall;
  addAddress(argument: _checkout_identity_v1_AddAddressRequest, callback: grpc.requestCallback<_checkout_identity_v1_Address__Output>): grpc.ClientUnaryCall;
  
  DeleteAddress(argument: _checkout_identity_v1_DeleteAddressRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_DeleteAddressResponse__Output>): grpc.ClientUnaryCall;
  DeleteAddress(argument: _checkout_identity_v1_DeleteAddressRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_DeleteAddressResponse__Output>): grpc.ClientUnaryCall;
  DeleteAddress(argument: _checkout_identity_v1_DeleteAddressRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_DeleteAddressResponse__Output>): grpc.ClientUnaryCall;
  DeleteAddress(argument: _checkout_identity_v1_DeleteAddressRequest, callback: grpc.requestCallback<_checkout_identity_v1_DeleteAddressResponse__Output>): grpc.ClientUnaryCall;
  deleteAddress(argument: _checkout_identity_v1_DeleteAddressRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_DeleteAddressResponse__Output>): grpc.ClientUnaryCall;
  deleteAddress(argument: _checkout_identity_v1_DeleteAddressRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_DeleteAddressResponse__Output>): grpc.ClientUnaryCall;
  deleteAddress(argument: _checkout_identity_v1_DeleteAddressRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_DeleteAddressResponse__Output>): grpc.ClientUnaryCall;
  deleteAddress(argument: _checkout_identity_v1_DeleteAddressRequest, callback: grpc.requestCallback<_checkout_identity_v1_DeleteAddressResponse__Output>): grpc.ClientUnaryCall;
  
  GetPreferences(argument: _checkout_identity_v1_GetPreferencesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  GetPreferences(argument: _checkout_identity_v1_GetPreferencesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  GetPreferences(argument: _checkout_identity_v1_GetPreferencesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  GetPreferences(argument: _checkout_identity_v1_GetPreferencesRequest, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  getPreferences(argument: _checkout_identity_v1_GetPreferencesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  getPreferences(argument: _checkout_identity_v1_GetPreferencesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  getPreferences(argument: _checkout_identity_v1_GetPreferencesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  getPreferences(argument: _checkout_identity_v1_GetPreferencesRequest, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  
  GetProfile(argument: _checkout_identity_v1_GetProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  GetProfile(argument: _checkout_identity_v1_GetProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  GetProfile(argument: _checkout_identity_v1_GetProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  GetProfile(argument: _checkout_identity_v1_GetProfileRequest, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _checkout_identity_v1_GetProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _checkout_identity_v1_GetProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _checkout_identity_v1_GetProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  getProfile(argument: _checkout_identity_v1_GetProfileRequest, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
  IsAccessTokenRevoked(argument: _checkout_identity_v1_IsAccessTokenRevokedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_IsAccessTokenRevokedResponse__Output>): grpc.ClientUnaryCall;
  IsAccessTokenRevoked(argument: _checkout_identity_v1_IsAccessTokenRevokedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_IsAccessTokenRevokedResponse__Output>): grpc.ClientUnaryCall;
  IsAccessTokenRevoked(argument: _checkout_identity_v1_IsAccessTokenRevokedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_IsAccessTokenRevokedResponse__Output>): grpc.ClientUnaryCall;
  IsAccessTokenRevoked(argument: _checkout_identity_v1_IsAccessTokenRevokedRequest, callback: grpc.requestCallback<_checkout_identity_v1_IsAccessTokenRevokedResponse__Output>): grpc.ClientUnaryCall;
  isAccessTokenRevoked(argument: _checkout_identity_v1_IsAccessTokenRevokedRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_IsAccessTokenRevokedResponse__Output>): grpc.ClientUnaryCall;
  isAccessTokenRevoked(argument: _checkout_identity_v1_IsAccessTokenRevokedRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_IsAccessTokenRevokedResponse__Output>): grpc.ClientUnaryCall;
  isAccessTokenRevoked(argument: _checkout_identity_v1_IsAccessTokenRevokedRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_IsAccessTokenRevokedResponse__Output>): grpc.ClientUnaryCall;
  isAccessTokenRevoked(argument: _checkout_identity_v1_IsAccessTokenRevokedRequest, callback: grpc.requestCallback<_checkout_identity_v1_IsAccessTokenRevokedResponse__Output>): grpc.ClientUnaryCall;
  
  LinkMerchantUsers(argument: _checkout_identity_v1_LinkMerchantUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_LinkMerchantUsersResponse__Output>): grpc.ClientUnaryCall;
  LinkMerchantUsers(argument: _checkout_identity_v1_LinkMerchantUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_LinkMerchantUsersResponse__Output>): grpc.ClientUnaryCall;
  LinkMerchantUsers(argument: _checkout_identity_v1_LinkMerchantUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_LinkMerchantUsersResponse__Output>): grpc.ClientUnaryCall;
  LinkMerchantUsers(argument: _checkout_identity_v1_LinkMerchantUsersRequest, callback: grpc.requestCallback<_checkout_identity_v1_LinkMerchantUsersResponse__Output>): grpc.ClientUnaryCall;
  linkMerchantUsers(argument: _checkout_identity_v1_LinkMerchantUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_LinkMerchantUsersResponse__Output>): grpc.ClientUnaryCall;
  linkMerchantUsers(argument: _checkout_identity_v1_LinkMerchantUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_LinkMerchantUsersResponse__Output>): grpc.ClientUnaryCall;
  linkMerchantUsers(argument: _checkout_identity_v1_LinkMerchantUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_LinkMerchantUsersResponse__Output>): grpc.ClientUnaryCall;
  linkMerchantUsers(argument: _checkout_identity_v1_LinkMerchantUsersRequest, callback: grpc.requestCallback<_checkout_identity_v1_LinkMerchantUsersResponse__Output>): grpc.ClientUnaryCall;
  
  ListAddresses(argument: _checkout_identity_v1_ListAddressesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_ListAddressesResponse__Output>): grpc.ClientUnaryCall;
  ListAddresses(argument: _checkout_identity_v1_ListAddressesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_ListAddressesResponse__Output>): grpc.ClientUnaryCall;
  ListAddresses(argument: _checkout_identity_v1_ListAddressesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_ListAddressesResponse__Output>): grpc.ClientUnaryCall;
  ListAddresses(argument: _checkout_identity_v1_ListAddressesRequest, callback: grpc.requestCallback<_checkout_identity_v1_ListAddressesResponse__Output>): grpc.ClientUnaryCall;
  listAddresses(argument: _checkout_identity_v1_ListAddressesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_ListAddressesResponse__Output>): grpc.ClientUnaryCall;
  listAddresses(argument: _checkout_identity_v1_ListAddressesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_ListAddressesResponse__Output>): grpc.ClientUnaryCall;
  listAddresses(argument: _checkout_identity_v1_ListAddressesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_ListAddressesResponse__Output>): grpc.ClientUnaryCall;
  listAddresses(argument: _checkout_identity_v1_ListAddressesRequest, callback: grpc.requestCallback<_checkout_identity_v1_ListAddressesResponse__Output>): grpc.ClientUnaryCall;
  
  Login(argument: _checkout_identity_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Login(argument: _checkout_identity_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Login(argument: _checkout_identity_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Login(argument: _checkout_identity_v1_LoginRequest, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  login(argument: _checkout_identity_v1_LoginRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  login(argument: _checkout_identity_v1_LoginRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  login(argument: _checkout_identity_v1_LoginRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  login(argument: _checkout_identity_v1_LoginRequest, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  
  Logout(argument: _checkout_identity_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _checkout_identity_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _checkout_identity_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  Logout(argument: _checkout_identity_v1_LogoutRequest, callback: grpc.requestCallback<_checkout_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _checkout_identity_v1_LogoutRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _checkout_identity_v1_LogoutRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _checkout_identity_v1_LogoutRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  logout(argument: _checkout_identity_v1_LogoutRequest, callback: grpc.requestCallback<_checkout_identity_v1_LogoutResponse__Output>): grpc.ClientUnaryCall;
  
  Refresh(argument: _checkout_identity_v1_RefreshRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _checkout_identity_v1_RefreshRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _checkout_identity_v1_RefreshRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  Refresh(argument: _checkout_identity_v1_RefreshRequest, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  refresh(argument: _checkout_identity_v1_RefreshRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  refresh(argument: _checkout_identity_v1_RefreshRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  refresh(argument: _checkout_identity_v1_RefreshRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  refresh(argument: _checkout_identity_v1_RefreshRequest, callback: grpc.requestCallback<_checkout_identity_v1_TokenPair__Output>): grpc.ClientUnaryCall;
  
  Register(argument: _checkout_identity_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  Register(argument: _checkout_identity_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  Register(argument: _checkout_identity_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  Register(argument: _checkout_identity_v1_RegisterRequest, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  register(argument: _checkout_identity_v1_RegisterRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  register(argument: _checkout_identity_v1_RegisterRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  register(argument: _checkout_identity_v1_RegisterRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  register(argument: _checkout_identity_v1_RegisterRequest, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
  RequestEmailVerification(argument: _checkout_identity_v1_RequestEmailVerificationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_RequestEmailVerificationResponse__Output>): grpc.ClientUnaryCall;
  RequestEmailVerification(argument: _checkout_identity_v1_RequestEmailVerificationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_RequestEmailVerificationResponse__Output>): grpc.ClientUnaryCall;
  RequestEmailVerification(argument: _checkout_identity_v1_RequestEmailVerificationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_RequestEmailVerificationResponse__Output>): grpc.ClientUnaryCall;
  RequestEmailVerification(argument: _checkout_identity_v1_RequestEmailVerificationRequest, callback: grpc.requestCallback<_checkout_identity_v1_RequestEmailVerificationResponse__Output>): grpc.ClientUnaryCall;
  requestEmailVerification(argument: _checkout_identity_v1_RequestEmailVerificationRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_RequestEmailVerificationResponse__Output>): grpc.ClientUnaryCall;
  requestEmailVerification(argument: _checkout_identity_v1_RequestEmailVerificationRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_RequestEmailVerificationResponse__Output>): grpc.ClientUnaryCall;
  requestEmailVerification(argument: _checkout_identity_v1_RequestEmailVerificationRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_RequestEmailVerificationResponse__Output>): grpc.ClientUnaryCall;
  requestEmailVerification(argument: _checkout_identity_v1_RequestEmailVerificationRequest, callback: grpc.requestCallback<_checkout_identity_v1_RequestEmailVerificationResponse__Output>): grpc.ClientUnaryCall;
  
  RequestPasswordReset(argument: _checkout_identity_v1_RequestPasswordResetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_RequestPasswordResetResponse__Output>): grpc.ClientUnaryCall;
  RequestPasswordReset(argument: _checkout_identity_v1_RequestPasswordResetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_RequestPasswordResetResponse__Output>): grpc.ClientUnaryCall;
  RequestPasswordReset(argument: _checkout_identity_v1_RequestPasswordResetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_RequestPasswordResetResponse__Output>): grpc.ClientUnaryCall;
  RequestPasswordReset(argument: _checkout_identity_v1_RequestPasswordResetRequest, callback: grpc.requestCallback<_checkout_identity_v1_RequestPasswordResetResponse__Output>): grpc.ClientUnaryCall;
  requestPasswordReset(argument: _checkout_identity_v1_RequestPasswordResetRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_RequestPasswordResetResponse__Output>): grpc.ClientUnaryCall;
  requestPasswordReset(argument: _checkout_identity_v1_RequestPasswordResetRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_RequestPasswordResetResponse__Output>): grpc.ClientUnaryCall;
  requestPasswordReset(argument: _checkout_identity_v1_RequestPasswordResetRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_RequestPasswordResetResponse__Output>): grpc.ClientUnaryCall;
  requestPasswordReset(argument: _checkout_identity_v1_RequestPasswordResetRequest, callback: grpc.requestCallback<_checkout_identity_v1_RequestPasswordResetResponse__Output>): grpc.ClientUnaryCall;
  
  ResetPassword(argument: _checkout_identity_v1_ResetPasswordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_ResetPasswordResponse__Output>): grpc.ClientUnaryCall;
  ResetPassword(argument: _checkout_identity_v1_ResetPasswordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_ResetPasswordResponse__Output>): grpc.ClientUnaryCall;
  ResetPassword(argument: _checkout_identity_v1_ResetPasswordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_ResetPasswordResponse__Output>): grpc.ClientUnaryCall;
  ResetPassword(argument: _checkout_identity_v1_ResetPasswordRequest, callback: grpc.requestCallback<_checkout_identity_v1_ResetPasswordResponse__Output>): grpc.ClientUnaryCall;
  resetPassword(argument: _checkout_identity_v1_ResetPasswordRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_ResetPasswordResponse__Output>): grpc.ClientUnaryCall;
  resetPassword(argument: _checkout_identity_v1_ResetPasswordRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_ResetPasswordResponse__Output>): grpc.ClientUnaryCall;
  resetPassword(argument: _checkout_identity_v1_ResetPasswordRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_ResetPasswordResponse__Output>): grpc.ClientUnaryCall;
  resetPassword(argument: _checkout_identity_v1_ResetPasswordRequest, callback: grpc.requestCallback<_checkout_identity_v1_ResetPasswordResponse__Output>): grpc.ClientUnaryCall;
  
  SearchUsers(argument: _checkout_identity_v1_SearchUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_SearchUsersResponse__Output>): grpc.ClientUnaryCall;
  SearchUsers(argument: _checkout_identity_v1_SearchUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_SearchUsersResponse__Output>): grpc.ClientUnaryCall;
  SearchUsers(argument: _checkout_identity_v1_SearchUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_SearchUsersResponse__Output>): grpc.ClientUnaryCall;
  SearchUsers(argument: _checkout_identity_v1_SearchUsersRequest, callback: grpc.requestCallback<_checkout_identity_v1_SearchUsersResponse__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _checkout_identity_v1_SearchUsersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_SearchUsersResponse__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _checkout_identity_v1_SearchUsersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_SearchUsersResponse__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _checkout_identity_v1_SearchUsersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_SearchUsersResponse__Output>): grpc.ClientUnaryCall;
  searchUsers(argument: _checkout_identity_v1_SearchUsersRequest, callback: grpc.requestCallback<_checkout_identity_v1_SearchUsersResponse__Output>): grpc.ClientUnaryCall;
  
  SetRole(argument: _checkout_identity_v1_SetRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  SetRole(argument: _checkout_identity_v1_SetRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  SetRole(argument: _checkout_identity_v1_SetRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  SetRole(argument: _checkout_identity_v1_SetRoleRequest, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  setRole(argument: _checkout_identity_v1_SetRoleRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  setRole(argument: _checkout_identity_v1_SetRoleRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  setRole(argument: _checkout_identity_v1_SetRoleRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  setRole(argument: _checkout_identity_v1_SetRoleRequest, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
  UpdatePreferences(argument: _checkout_identity_v1_Preferences, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  UpdatePreferences(argument: _checkout_identity_v1_Preferences, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  UpdatePreferences(argument: _checkout_identity_v1_Preferences, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  UpdatePreferences(argument: _checkout_identity_v1_Preferences, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  updatePreferences(argument: _checkout_identity_v1_Preferences, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  updatePreferences(argument: _checkout_identity_v1_Preferences, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  updatePreferences(argument: _checkout_identity_v1_Preferences, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  updatePreferences(argument: _checkout_identity_v1_Preferences, callback: grpc.requestCallback<_checkout_identity_v1_Preferences__Output>): grpc.ClientUnaryCall;
  
  UpdateProfile(argument: _checkout_identity_v1_UpdateProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateProfile(argument: _checkout_identity_v1_UpdateProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateProfile(argument: _checkout_identity_v1_UpdateProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  UpdateProfile(argument: _checkout_identity_v1_UpdateProfileRequest, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  updateProfile(argument: _checkout_identity_v1_UpdateProfileRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  updateProfile(argument: _checkout_identity_v1_UpdateProfileRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  updateProfile(argument: _checkout_identity_v1_UpdateProfileRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  updateProfile(argument: _checkout_identity_v1_UpdateProfileRequest, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
  VerifyEmail(argument: _checkout_identity_v1_VerifyEmailRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  VerifyEmail(argument: _checkout_identity_v1_VerifyEmailRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  VerifyEmail(argument: _checkout_identity_v1_VerifyEmailRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  VerifyEmail(argument: _checkout_identity_v1_VerifyEmailRequest, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  verifyEmail(argument: _checkout_identity_v1_VerifyEmailRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  verifyEmail(argument: _checkout_identity_v1_VerifyEmailRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  verifyEmail(argument: _checkout_identity_v1_VerifyEmailRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  verifyEmail(argument: _checkout_identity_v1_VerifyEmailRequest, callback: grpc.requestCallback<_checkout_identity_v1_User__Output>): grpc.ClientUnaryCall;
  
}

export interface IdentityServiceHandlers extends grpc.UntypedServiceImplementation {
  AddAddress: grpc.handleUnaryCall<_checkout_identity_v1_AddAddressRequest__Output, _checkout_identity_v1_Address>;
  
  DeleteAddress: grpc.handleUnaryCall<_checkout_identity_v1_DeleteAddressRequest__Output, _checkout_identity_v1_DeleteAddressResponse>;
  
  GetPreferences: grpc.handleUnaryCall<_checkout_identity_v1_GetPreferencesRequest__Output, _checkout_identity_v1_Preferences>;
  
  GetProfile: grpc.handleUnaryCall<_checkout_identity_v1_GetProfileRequest__Output, _checkout_identity_v1_User>;
  
  IsAccessTokenRevoked: grpc.handleUnaryCall<_checkout_identity_v1_IsAccessTokenRevokedRequest__Output, _checkout_identity_v1_IsAccessTokenRevokedResponse>;
  
  LinkMerchantUsers: grpc.handleUnaryCall<_checkout_identity_v1_LinkMerchantUsersRequest__Output, _checkout_identity_v1_LinkMerchantUsersResponse>;
  
  ListAddresses: grpc.handleUnaryCall<_checkout_identity_v1_ListAddressesRequest__Output, _checkout_identity_v1_ListAddressesResponse>;
  
  Login: grpc.handleUnaryCall<_checkout_identity_v1_LoginRequest__Output, _checkout_identity_v1_TokenPair>;
  
  Logout: grpc.handleUnaryCall<_checkout_identity_v1_LogoutRequest__Output, _checkout_identity_v1_LogoutResponse>;
  
  Refresh: grpc.handleUnaryCall<_checkout_identity_v1_RefreshRequest__Output, _checkout_identity_v1_TokenPair>;
  
  Register: grpc.handleUnaryCall<_checkout_identity_v1_RegisterRequest__Output, _checkout_identity_v1_User>;
  
  RequestEmailVerification: grpc.handleUnaryCall<_checkout_identity_v1_RequestEmailVerificationRequest__Output, _checkout_identity_v1_RequestEmailVerificationResponse>;
  
  RequestPasswordReset: grpc.handleUnaryCall<_checkout_identity_v1_RequestPasswordResetRequest__Output, _checkout_identity_v1_RequestPasswordResetResponse>;
  
  ResetPassword: grpc.handleUnaryCall<_checkout_identity_v1_ResetPasswordRequest__Output, _checkout_identity_v1_ResetPasswordResponse>;
  
  SearchUsers: grpc.handleUnaryCall<_checkout_identity_v1_SearchUsersRequest__Output, _checkout_identity_v1_SearchUsersResponse>;
  
  SetRole: grpc.handleUnaryCall<_checkout_identity_v1_SetRoleRequest__Output, _checkout_identity_v1_User>;
  
  UpdatePreferences: grpc.handleUnaryCall<_checkout_identity_v1_Preferences__Output, _checkout_identity_v1_Preferences>;
  
  UpdateProfile: grpc.handleUnaryCall<_checkout_identity_v1_UpdateProfileRequest__Output, _checkout_identity_v1_User>;
  
  VerifyEmail: grpc.handleUnaryCall<_checkout_identity_v1_VerifyEmailRequest__Output, _checkout_identity_v1_User>;
  
}

export interface IdentityServiceDefinition extends grpc.ServiceDefinition {
  AddAddress: MethodDefinition<_checkout_identity_v1_AddAddressRequest, _checkout_identity_v1_Address, _checkout_identity_v1_AddAddressRequest__Output, _checkout_identity_v1_Address__Output>
  DeleteAddress: MethodDefinition<_checkout_identity_v1_DeleteAddressRequest, _checkout_identity_v1_DeleteAddressResponse, _checkout_identity_v1_DeleteAddressRequest__Output, _checkout_identity_v1_DeleteAddressResponse__Output>
  GetPreferences: MethodDefinition<_checkout_identity_v1_GetPreferencesRequest, _checkout_identity_v1_Preferences, _checkout_identity_v1_GetPreferencesRequest__Output, _checkout_identity_v1_Preferences__Output>
  GetProfile: MethodDefinition<_checkout_identity_v1_GetProfileRequest, _checkout_identity_v1_User, _checkout_identity_v1_GetProfileRequest__Output, _checkout_identity_v1_User__Output>
  IsAccessTokenRevoked: MethodDefinition<_checkout_identity_v1_IsAccessTokenRevokedRequest, _checkout_identity_v1_IsAccessTokenRevokedResponse, _checkout_identity_v1_IsAccessTokenRevokedRequest__Output, _checkout_identity_v1_IsAccessTokenRevokedResponse__Output>
  LinkMerchantUsers: MethodDefinition<_checkout_identity_v1_LinkMerchantUsersRequest, _checkout_identity_v1_LinkMerchantUsersResponse, _checkout_identity_v1_LinkMerchantUsersRequest__Output, _checkout_identity_v1_LinkMerchantUsersResponse__Output>
  ListAddresses: MethodDefinition<_checkout_identity_v1_ListAddressesRequest, _checkout_identity_v1_ListAddressesResponse, _checkout_identity_v1_ListAddressesRequest__Output, _checkout_identity_v1_ListAddressesResponse__Output>
  Login: MethodDefinition<_checkout_identity_v1_LoginRequest, _checkout_identity_v1_TokenPair, _checkout_identity_v1_LoginRequest__Output, _checkout_identity_v1_TokenPair__Output>
  Logout: MethodDefinition<_checkout_identity_v1_LogoutRequest, _checkout_identity_v1_LogoutResponse, _checkout_identity_v1_LogoutRequest__Output, _checkout_identity_v1_LogoutResponse__Output>
  Refresh: MethodDefinition<_checkout_identity_v1_RefreshRequest, _checkout_identity_v1_TokenPair, _checkout_identity_v1_RefreshRequest__Output, _checkout_identity_v1_TokenPair__Output>
  Register: MethodDefinition<_checkout_identity_v1_RegisterRequest, _checkout_identity_v1_User, _checkout_identity_v1_RegisterRequest__Output, _checkout_identity_v1_User__Output>
  RequestEmailVerification: MethodDefinition<_checkout_identity_v1_RequestEmailVerificationRequest, _checkout_identity_v1_RequestEmailVerificationResponse, _checkout_identity_v1_RequestEmailVerificationRequest__Output, _checkout_identity_v1_RequestEmailVerificationResponse__Output>
  RequestPasswordReset: MethodDefinition<_checkout_identity_v1_RequestPasswordResetRequest, _checkout_identity_v1_RequestPasswordResetResponse, _checkout_identity_v1_RequestPasswordResetRequest__Output, _checkout_identity_v1_RequestPasswordResetResponse__Output>
  ResetPassword: MethodDefinition<_checkout_identity_v1_ResetPasswordRequest, _checkout_identity_v1_ResetPasswordResponse, _checkout_identity_v1_ResetPasswordRequest__Output, _checkout_identity_v1_ResetPasswordResponse__Output>
  SearchUsers: MethodDefinition<_checkout_identity_v1_SearchUsersRequest, _checkout_identity_v1_SearchUsersResponse, _checkout_identity_v1_SearchUsersRequest__Output, _checkout_identity_v1_SearchUsersResponse__Output>
  SetRole: MethodDefinition<_checkout_identity_v1_SetRoleRequest, _checkout_identity_v1_User, _checkout_identity_v1_SetRoleRequest__Output, _checkout_identity_v1_User__Output>
  UpdatePreferences: MethodDefinition<_checkout_identity_v1_Preferences, _checkout_identity_v1_Preferences, _checkout_identity_v1_Preferences__Output, _checkout_identity_v1_Preferences__Output>
  UpdateProfile: MethodDefinition<_checkout_identity_v1_UpdateProfileRequest, _checkout_identity_v1_User, _checkout_identity_v1_UpdateProfileRequest__Output, _checkout_identity_v1_User__Output>
  VerifyEmail: MethodDefinition<_checkout_identity_v1_VerifyEmailRequest, _checkout_identity_v1_User, _checkout_identity_v1_VerifyEmailRequest__Output, _checkout_identity_v1_User__Output>
}
