// Original file: proto/inventory.proto


export interface ReservationLine {
  'sku'?: (string);
  'quantity'?: (number);
}

export interface ReservationLine__Output {
  'sku': (string);
  'quantity': (number);
}
