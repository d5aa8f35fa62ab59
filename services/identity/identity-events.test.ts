import { parseEnvelope } from '../../lib/events';
import { IDENTITY_EVENT_TYPES, identityEmailEvent } from './identity-events';

describe('identity email events', () => {
  it('are envelopes keyed by the user, carrying what the email worker needs', () => {
    const data = { userId: 'user-1', email: 'a@example.com', token: 'tok', expiresAt: '2030-01-02T00:00:00.000Z' };
    const event = identityEmailEvent(IDENTITY_EVENT_TYPES.passwordResetRequested, data, new Date('2030-01-01T23:00:00Z'));
    expect(event).toMatchObject({ type: 'identity.password_reset_requested', source: '/services/identity', subject: 'user-1', time: '2030-01-01T23:00:00.000Z', data });
    expect(parseEnvelope(JSON.stringify(event))).toEqual(event);
    expect(identityEmailEvent(IDENTITY_EVENT_TYPES.emailVerificationRequested, data, new Date()).id).not.toBe(event.id);
  });
});
