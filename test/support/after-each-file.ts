import { stopUnstoppedPlatforms } from './platform';

/**
 * After every integration test file: stops the platforms it left running (a start that outlived its
 * hook's timeout, a platform no test stopped), and says so, since that is a test to fix.
 */
afterAll(async () => {
  const left = await stopUnstoppedPlatforms();
  if (left > 0) process.stderr.write(`\n[test] ${expect.getState().testPath ?? 'a test file'} left ${left} platform(s) running: stopped after the file\n`);
}, 120_000);
