import { stopStack, type Component } from '../../scripts/stack';

/** Stops only the components the global setup started itself. */
export default async function globalTeardown(): Promise<void> {
  await stopStack((globalThis as { __STACK_STARTED__?: Component[] }).__STACK_STARTED__ ?? []);
}
