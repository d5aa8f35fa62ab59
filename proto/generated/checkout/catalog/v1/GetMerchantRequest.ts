// Original file: proto/catalog.proto


export interface GetMerchantRequest {
  'merchantId'?: (string);
  'cashierUserId'?: (string);
  'by'?: "merchantId"|"cashierUserId";
}

export interface GetMerchantRequest__Output {
  'merchantId'?: (string);
  'cashierUserId'?: (string);
  'by'?: "merchantId"|"cashierUserId";
}
