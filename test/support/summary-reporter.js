/**
 * Prints one plain closing line that any CI reads: `tests: N passed, N failed, N skipped`. Then what
 * the tests left open in this process (jest runs the files in band on a 2-core machine): sockets,
 * servers, child processes, worker-thread ports, still open after the HTTP keep-alive sockets of the
 * tests' `fetch` calls have timed out (4 s). Jest exits all the same (`forceExit` in jest.config.js);
 * the line says there is a test to fix.
 */
const LEFT_OPEN = new Set(['TCPSocketWrap', 'TCPServerWrap', 'UDPWrap', 'ProcessWrap', 'MessagePort', 'FSEventWrap', 'StatWatcher']);
const KEEP_ALIVE_WAIT_MS = 6_000;

function leftOpen() {
  const open = {};
  for (const kind of process.getActiveResourcesInfo()) if (LEFT_OPEN.has(kind)) open[kind] = (open[kind] ?? 0) + 1;
  return Object.entries(open).map(([kind, n]) => `${n} ${kind}`);
}

class SummaryReporter {
  async onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
    let open = leftOpen();
    for (let waited = 0; open.length > 0 && waited < KEEP_ALIVE_WAIT_MS; waited += 250) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      open = leftOpen();
    }
    if (open.length > 0) process.stdout.write(`tests left open in the test process: ${open.join(', ')} (a test that does not close what it started)\n`);
  }
}
module.exports = SummaryReporter;
