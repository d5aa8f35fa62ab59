// Original file: proto/catalog.proto


export interface Category {
  'id'?: (string);
  'parentId'?: (string);
  'slug'?: (string);
  'name'?: (string);
  'position'?: (number);
  'active'?: (boolean);
}

export interface Category__Output {
  'id': (string);
  'parentId': (string);
  'slug': (string);
  'name': (string);
  'position': (number);
  'active': (boolean);
}
