// Original file: proto/delivery.proto


export interface UpsertSlotRequest {
  'slotId'?: (string);
  'zoneId'?: (string);
  'date'?: (string);
  'windowStart'?: (string);
  'windowEnd'?: (string);
  'capacity'?: (number);
}

export interface UpsertSlotRequest__Output {
  'slotId': (string);
  'zoneId': (string);
  'date': (string);
  'windowStart': (string);
  'windowEnd': (string);
  'capacity': (number);
}
