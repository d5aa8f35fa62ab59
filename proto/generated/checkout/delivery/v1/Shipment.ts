// Original file: proto/delivery.proto

import type { TrackingEvent as _checkout_delivery_v1_TrackingEvent, TrackingEvent__Output as _checkout_delivery_v1_TrackingEvent__Output } from '../../../checkout/delivery/v1/TrackingEvent';

export interface Shipment {
  'shipmentId'?: (string);
  'orderId'?: (string);
  'trackingNumber'?: (string);
  'postalCode'?: (string);
  'status'?: (string);
  'events'?: (_checkout_delivery_v1_TrackingEvent)[];
}

export interface Shipment__Output {
  'shipmentId': (string);
  'orderId': (string);
  'trackingNumber': (string);
  'postalCode': (string);
  'status': (string);
  'events': (_checkout_delivery_v1_TrackingEvent__Output)[];
}
