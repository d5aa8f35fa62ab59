/** Tests in named layers (see README): units beside the code, workflows on the time-skipping server, integration on the real stack. */
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};
const common = { transform, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
const codeDirs = '<rootDir>/{lib,api,services,activities,workers,workflows,proto,scripts,temporal-config,deploy,bench}';

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [`${codeDirs}/**/*.test.ts`],
      testPathIgnorePatterns: ['\\.workflow\\.test\\.ts$', '/node_modules/'],
    },
    {
      ...common,
      displayName: 'workflow',
      testMatch: [`${codeDirs}/**/*.workflow.test.ts`],
      globalSetup: '<rootDir>/test/workflow/global-setup.ts',
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/integration/global-setup.ts',
      globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/after-each-file.ts'],
    },
  ],
  testTimeout: 60_000,
  // A socket, timer or thread a test leaves open would keep the run from ever ending (jest runs the
  // files in band here): a Kafka consumer left by a platform start that outlived its hook retried
  // forever after the stack stopped, and a fresh-clone CI run hung until its time was up. The run
  // ends once every file and the global teardown have finished; the summary reporter lists what was
  // left open, and test/support/after-each-file.ts stops the platforms a file left running.
  forceExit: true,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
