// Original file: proto/inventory.proto


export interface Stock {
  'sku'?: (string);
  'onHand'?: (number);
  'reserved'?: (number);
  'available'?: (number);
}

export interface Stock__Output {
  'sku': (string);
  'onHand': (number);
  'reserved': (number);
  'available': (number);
}
