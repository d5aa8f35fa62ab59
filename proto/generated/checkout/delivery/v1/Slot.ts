// Original file: proto/delivery.proto


export interface Slot {
  'slotId'?: (string);
  'zoneId'?: (string);
  'date'?: (string);
  'windowStart'?: (string);
  'windowEnd'?: (string);
  'capacity'?: (number);
  'remaining'?: (number);
}

export interface Slot__Output {
  'slotId': (string);
  'zoneId': (string);
  'date': (string);
  'windowStart': (string);
  'windowEnd': (string);
  'capacity': (number);
  'remaining': (number);
}
