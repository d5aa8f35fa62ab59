// Original file: proto/catalog.proto


export interface ListCategoriesRequest {
  'includeInactive'?: (boolean);
}

export interface ListCategoriesRequest__Output {
  'includeInactive': (boolean);
}
