import { SandboxProvider, TRANSIENT_FAILURES_PER_PAYMENT } from './sandbox-provider';
import { rejection } from '../../test/support/rejection';

const charge = (provider: SandboxProvider, cardToken: string, paymentId = 'pay-1') => provider.charge({ paymentId, amountMinor: 1000, currency: 'JPY', cardToken });


describe('sandbox payment provider', () => {
  it('charges tok_visa and returns a reference', async () => {
    const { providerReference } = await charge(new SandboxProvider(), 'tok_visa');
    expect(providerReference).toMatch(/^ch_sandbox_[0-9a-f]{24}$/);
  });

  it('answers a repeated charge of the same payment id with the first reference', async () => {
    const provider = new SandboxProvider();
    const first = await charge(provider, 'tok_visa');
    expect(await charge(provider, 'tok_visa')).toEqual(first);
    expect((await charge(provider, 'tok_visa', 'pay-2')).providerReference).not.toBe(first.providerReference);
  });

  it.each([
    ['tok_chargeDeclined', 'CARD_DECLINED'],
    ['tok_insufficientFunds', 'INSUFFICIENT_FUNDS'],
    ['tok_nonsense', 'CARD_DECLINED'],
    ['', 'CARD_DECLINED'],
  ])('rejects %j with %s', async (token, code) => {
    expect((await rejection(charge(new SandboxProvider(), token))).code).toBe(code);
  });

  it('names the known tokens when the token is unknown', async () => {
    expect((await rejection(charge(new SandboxProvider(), 'tok_typo'))).message).toContain('tok_visa');
  });

  it('fails tok_transientFailure with UNAVAILABLE twice per payment id, then succeeds', async () => {
    const provider = new SandboxProvider();
    expect(TRANSIENT_FAILURES_PER_PAYMENT).toBe(2);
    expect((await rejection(charge(provider, 'tok_transientFailure', 'pay-a'))).code).toBe('UNAVAILABLE');
    expect((await rejection(charge(provider, 'tok_transientFailure', 'pay-a'))).code).toBe('UNAVAILABLE');
    // Another payment id has its own count.
    expect((await rejection(charge(provider, 'tok_transientFailure', 'pay-b'))).code).toBe('UNAVAILABLE');
    expect((await charge(provider, 'tok_transientFailure', 'pay-a')).providerReference).toMatch(/^ch_sandbox_/);
  });

  it('succeeds tok_slow after the injected delay', async () => {
    expect((await charge(new SandboxProvider({ slowDelayMs: 0 }), 'tok_slow')).providerReference).toMatch(/^ch_sandbox_/);
  });

  it('waits the delay for tok_slow', async () => {
    jest.useFakeTimers();
    try {
      let settled = false;
      const pending = charge(new SandboxProvider({ slowDelayMs: 3_000 }), 'tok_slow').then(() => (settled = true));
      await jest.advanceTimersByTimeAsync(2_999);
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await pending;
      expect(settled).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refunds', async () => {
    const { providerReference } = await new SandboxProvider().refund({ paymentId: 'pay-1', providerReference: 'ch_sandbox_x', amountMinor: 1000, currency: 'JPY' });
    expect(providerReference).toMatch(/^re_sandbox_/);
  });
});
