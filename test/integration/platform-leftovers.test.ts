import { eventually, freePort, startPlatform, stopUnstoppedPlatforms } from '../support/platform';
import { testConfig } from '../support/test-config';

/** The sockets, servers and worker-thread ports this test process has open: what keeps it (jest runs in band) alive. */
const openResources = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TCPServerWrap' || r === 'MessagePort').length;

/** Resolves once the process has no more sockets, servers and thread ports open than `baseline`, or fails with how many it still has. */
const socketsBackTo = (baseline: number) =>
  eventually(async () => (openResources() <= baseline ? true : undefined), 20_000, `the test process to be back to its ${baseline} open sockets, servers and thread ports (it has ${openResources()})`);

/**
 * A platform that could not finish starting, or whose start outlived its hook, leaves nothing open:
 * its Kafka consumers would otherwise retry forever once the stack is stopped, and keep the test
 * run from ever exiting (a fresh-clone CI run hung this way until its time was up).
 */
describe('test platforms leave nothing running (real Kafka, PostgreSQL, Redis, Temporal)', () => {
  it('closes what had started when the start fails part way (Temporal unreachable, after the Kafka consumers started)', async () => {
    const baseline = openResources();
    const deadTemporal = `127.0.0.1:${await freePort()}`;
    await expect(startPlatform(testConfig({ TEMPORAL_ADDRESS: deadTemporal }))).rejects.toThrow();
    await socketsBackTo(baseline);
  }, 120_000);

  it('closes a platform whose start is still under way when the file stops its unstopped platforms', async () => {
    const baseline = openResources();
    const starting = startPlatform(testConfig());
    // Part way: the start is still waiting for Kafka, the consumers or Temporal.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await stopUnstoppedPlatforms()).toBe(1);
    await starting.catch(() => undefined);
    await socketsBackTo(baseline);
    expect(await stopUnstoppedPlatforms()).toBe(0);
  }, 120_000);
});
