// Original file: proto/identity.proto


export interface RequestEmailVerificationResponse {
}

export interface RequestEmailVerificationResponse__Output {
}
