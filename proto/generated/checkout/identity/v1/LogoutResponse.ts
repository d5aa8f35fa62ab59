// Original file: proto/identity.proto


export interface LogoutResponse {
}

export interface LogoutResponse__Output {
}
