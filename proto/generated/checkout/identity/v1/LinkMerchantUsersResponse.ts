// Original file: proto/identity.proto


export interface LinkMerchantUsersResponse {
  'linkedUserIds'?: (string)[];
}

export interface LinkMerchantUsersResponse__Output {
  'linkedUserIds': (string)[];
}
