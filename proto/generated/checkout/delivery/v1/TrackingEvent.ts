// Original file: proto/delivery.proto


export interface TrackingEvent {
  'eventId'?: (string);
  'status'?: (string);
  'occurredAt'?: (string);
  'detail'?: (string);
}

export interface TrackingEvent__Output {
  'eventId': (string);
  'status': (string);
  'occurredAt': (string);
  'detail': (string);
}
