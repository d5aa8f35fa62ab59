// Original file: proto/identity.proto

import type { Address as _checkout_identity_v1_Address, Address__Output as _checkout_identity_v1_Address__Output } from '../../../checkout/identity/v1/Address';

export interface AddAddressRequest {
  'userId'?: (string);
  'address'?: (_checkout_identity_v1_Address | null);
}

export interface AddAddressRequest__Output {
  'userId': (string);
  'address': (_checkout_identity_v1_Address__Output | null);
}
