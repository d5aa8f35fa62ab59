import { createEnvelope, type EventEnvelope } from '../../lib/events';

export const IDENTITY_EVENT_TYPES = {
  emailVerificationRequested: 'identity.email_verification_requested',
  passwordResetRequested: 'identity.password_reset_requested',
} as const;
export type IdentityEventType = (typeof IDENTITY_EVENT_TYPES)[keyof typeof IDENTITY_EVENT_TYPES];

/** What the email worker needs to send a verification or reset link. */
export interface IdentityEmailData {
  userId: string;
  email: string;
  /** The plain single-use token for the link (the database holds only its hash). */
  token: string;
  /** ISO-8601 expiry of the token. */
  expiresAt: string;
}

export type IdentityEmailEvent = EventEnvelope<IdentityEmailData>;

/** Publishes an identity event (wired by the lead to Kafka's `identity` topic, keyed by `subject`). */
export type PublishIdentityEvent = (event: IdentityEmailEvent) => Promise<void>;

/** Builds the envelope asking the email worker to send a verification or password-reset email. */
export function identityEmailEvent(type: IdentityEventType, data: IdentityEmailData, now: Date): IdentityEmailEvent {
  return createEnvelope({ type, source: '/services/identity', subject: data.userId, data, time: now.toISOString() });
}
