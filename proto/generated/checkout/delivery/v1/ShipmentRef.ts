// Original file: proto/delivery.proto


export interface ShipmentRef {
  'shipmentId'?: (string);
  'trackingNumber'?: (string);
}

export interface ShipmentRef__Output {
  'shipmentId': (string);
  'trackingNumber': (string);
}
