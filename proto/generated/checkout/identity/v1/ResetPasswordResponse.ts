// Original file: proto/identity.proto


export interface ResetPasswordResponse {
}

export interface ResetPasswordResponse__Output {
}
