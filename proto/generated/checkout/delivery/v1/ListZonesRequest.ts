// Original file: proto/delivery.proto


export interface ListZonesRequest {
}

export interface ListZonesRequest__Output {
}
