// Original file: proto/identity.proto

import type { Address as _checkout_identity_v1_Address, Address__Output as _checkout_identity_v1_Address__Output } from '../../../checkout/identity/v1/Address';

export interface ListAddressesResponse {
  'addresses'?: (_checkout_identity_v1_Address)[];
}

export interface ListAddressesResponse__Output {
  'addresses': (_checkout_identity_v1_Address__Output)[];
}
