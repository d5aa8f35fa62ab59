// Original file: proto/identity.proto


export interface DeleteAddressResponse {
}

export interface DeleteAddressResponse__Output {
}
