// Original file: proto/identity.proto

import type { User as _checkout_identity_v1_User, User__Output as _checkout_identity_v1_User__Output } from '../../../checkout/identity/v1/User';

export interface SearchUsersResponse {
  'users'?: (_checkout_identity_v1_User)[];
  'total'?: (number);
  'page'?: (number);
  'pageSize'?: (number);
}

export interface SearchUsersResponse__Output {
  'users': (_checkout_identity_v1_User__Output)[];
  'total': (number);
  'page': (number);
  'pageSize': (number);
}
