// Original file: proto/orders.proto


export interface ListCouponsRequest {
}

export interface ListCouponsRequest__Output {
}
