import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleInputs, cachedWorkflowBundle, projectRoot, workflowBundleKey } from './temporal-worker-bundle';

const workflowsPath = require.resolve('../workflows');
const opts = { workflowsPath, workflowInterceptorModules: [] as string[] };

describe('cached workflow bundle', () => {
  it('keys the bundle by its inputs: the same sources give the same key, any change to one a new key', () => {
    const inputs = ['workflows/checkout.workflow.ts', 'lib/errors.ts', 'package-lock.json'];
    expect(workflowBundleKey(opts, inputs)).toBe(workflowBundleKey(opts, inputs));
    expect(workflowBundleKey(opts, inputs)).not.toBe(workflowBundleKey(opts, [...inputs, 'workflows/saga.ts']));
    expect(workflowBundleKey(opts, inputs)).not.toBe(workflowBundleKey({ ...opts, workflowInterceptorModules: ['x'] }, inputs));
  });

  it('hashes the content of an interceptor module given by its file: an edited one gives a new key', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'interceptor-'));
    try {
      const module = path.join(dir, 'interceptor.ts');
      const inputs = ['lib/errors.ts'];
      writeFileSync(module, 'export const interceptors = () => ({});\n');
      const before = workflowBundleKey({ ...opts, workflowInterceptorModules: [module] }, inputs);
      writeFileSync(module, 'export const interceptors = () => ({ outbound: [] });\n');
      expect(workflowBundleKey({ ...opts, workflowInterceptorModules: [module] }, inputs)).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hashes every workflow source and lib/ (what the workflows import), never test files', () => {
    const inputs = bundleInputs();
    expect(inputs).toEqual(expect.arrayContaining(['workflows/checkout.workflow.ts', 'workflows/saga.ts', 'lib/errors.ts', 'package-lock.json']));
    expect(inputs.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
  });

  it('compiled (dist/, as in the image), hashes the compiled sources and the lock file of the project beside dist/', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'compiled-'));
    try {
      const dist = path.join(dir, 'dist');
      const files: Array<[string, string]> = [
        ['dist/workflows/index.js', 'exports.a = 1;\n'],
        ['dist/lib/errors.js', 'exports.b = 2;\n'],
        ['package-lock.json', '{"lockfileVersion":3}\n'],
        ['tsconfig.json', '{}\n'],
      ];
      for (const [file, text] of files) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      expect(projectRoot(dist)).toBe(dir);
      const inputs = bundleInputs(dist);
      expect(inputs).toEqual(['dist/lib/errors.js', 'dist/workflows/index.js', 'package-lock.json', 'tsconfig.json']);
      const before = workflowBundleKey(opts, inputs, dir);
      writeFileSync(path.join(dir, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
      expect(workflowBundleKey(opts, inputs, dir)).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds once, then finds the bundle on disk (a restarted worker does not run webpack again)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
    try {
      const first = await cachedWorkflowBundle(opts, dir);
      const code = readFileSync(first.codePath, 'utf8');
      expect(code).toContain('checkoutWorkflow');
      // The workflow modules are preloaded: evaluated once per worker thread, shared by its workflows.
      expect(code).toMatch(/exports\.preloadModules = function preloadModules\(\) \{\s*__webpack_require__\([^)]*"\.\/workflows\/index\.ts"\)/);
      const again = await cachedWorkflowBundle(opts, dir);
      expect(again.codePath).toBe(first.codePath);
      expect(readdirSync(dir)).toEqual([path.basename(first.codePath)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
