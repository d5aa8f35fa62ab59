// Original file: proto/identity.proto


export interface SearchUsersRequest {
  'q'?: (string);
  'page'?: (number);
  'pageSize'?: (number);
}

export interface SearchUsersRequest__Output {
  'q': (string);
  'page': (number);
  'pageSize': (number);
}
