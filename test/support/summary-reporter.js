/**
 * Prints one plain closing line that any CI reads: `tests: N passed, N failed, N skipped`. Then what
 * the tests left open in this process (jest runs the files in band on a 2-core machine): sockets,
 * servers, child processes, worker-thread ports. Jest exits all the same (`forceExit` in
 * jest.config.js); the line says which test to fix.
 */
const LEFT_OPEN = new Set(['TCPSocketWrap', 'TCPServerWrap', 'UDPWrap', 'ProcessWrap', 'MessagePort', 'FSEventWrap', 'StatWatcher']);

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`);
    const open = {};
    for (const kind of process.getActiveResourcesInfo()) if (LEFT_OPEN.has(kind)) open[kind] = (open[kind] ?? 0) + 1;
    const kinds = Object.entries(open).map(([kind, n]) => `${n} ${kind}`);
    if (kinds.length > 0) process.stdout.write(`tests left open in the test process: ${kinds.join(', ')} (a test that does not close what it started)\n`);
  }
}
module.exports = SummaryReporter;
