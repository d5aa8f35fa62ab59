// Original file: proto/delivery.proto


export interface TrackingEventRequest {
  'eventId'?: (string);
  'trackingNumber'?: (string);
  'status'?: (string);
  'occurredAt'?: (string);
  'detail'?: (string);
}

export interface TrackingEventRequest__Output {
  'eventId': (string);
  'trackingNumber': (string);
  'status': (string);
  'occurredAt': (string);
  'detail': (string);
}
