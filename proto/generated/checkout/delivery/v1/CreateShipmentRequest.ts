// Original file: proto/delivery.proto


export interface CreateShipmentRequest {
  'shipmentId'?: (string);
  'orderId'?: (string);
  'postalCode'?: (string);
  'idempotencyKey'?: (string);
}

export interface CreateShipmentRequest__Output {
  'shipmentId': (string);
  'orderId': (string);
  'postalCode': (string);
  'idempotencyKey': (string);
}
