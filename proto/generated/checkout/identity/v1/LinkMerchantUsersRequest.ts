// Original file: proto/identity.proto


export interface LinkMerchantUsersRequest {
  'merchantId'?: (string);
  'userIds'?: (string)[];
}

export interface LinkMerchantUsersRequest__Output {
  'merchantId': (string);
  'userIds': (string)[];
}
