// Original file: proto/identity.proto


export interface Preferences {
  'userId'?: (string);
  'language'?: (string);
  'marketingEmails'?: (boolean);
  'defaultAddressId'?: (string);
  'updatedAt'?: (string);
}

export interface Preferences__Output {
  'userId': (string);
  'language': (string);
  'marketingEmails': (boolean);
  'defaultAddressId': (string);
  'updatedAt': (string);
}
