import { bundleWorkflowCode } from '@temporalio/worker';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where this module's sources are: the project, or its dist/ when compiled (`npm run build`, the image). */
const SOURCE_ROOT = path.resolve(__dirname, '..');

/** The project's root (package-lock.json, tsconfig.json) for sources under `sourceRoot`: its parent when that is a dist/. */
export function projectRoot(sourceRoot: string): string {
  return path.basename(sourceRoot) === 'dist' ? path.dirname(sourceRoot) : sourceRoot;
}

/** Where built bundles are kept, beside the stack's other cached downloads. */
export const WORKFLOW_BUNDLE_CACHE_DIR = path.join(os.homedir(), '.cache', 'checkout-platform', 'workflow-bundles');

/**
 * Everything a workflow bundle can be built from: our sources it may import, the SDK, the build
 * settings; named from the project's root (`dist/workflows/…` when compiled).
 */
export function bundleInputs(sourceRoot = SOURCE_ROOT): string[] {
  const root = projectRoot(sourceRoot);
  const sources = (dir: string): string[] =>
    readdirSync(path.join(sourceRoot, dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && /\.(ts|js|json)$/.test(e.name) && !/\.test\.ts$/.test(e.name))
      .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
  // workflows/ and lib/ (the workflows import lib/errors.ts and the like), the lock file (the SDK and
  // the interceptor packages), the compiler settings: more than the bundle reads, never less.
  return [...sources('workflows'), ...sources('lib'), 'package-lock.json', 'tsconfig.json'].sort();
}

/**
 * The cache key of a bundle: a hash of the content of every input file, the SDK's version and the
 * bundle options. Any change to a workflow, to lib/ or to a dependency gives a new key, so a stale
 * bundle is never run (it would run old workflow code against new histories).
 */
export function workflowBundleKey(
  opts: { workflowsPath: string; workflowInterceptorModules: string[] },
  inputs: string[] = bundleInputs(),
  root = projectRoot(SOURCE_ROOT),
): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ sdk: (require('@temporalio/worker/package.json') as { version: string }).version, ...opts, node: process.versions.node, preload: 'workflows' }));
  for (const file of inputs) {
    hash.update(`\0${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
  // An interceptor module given by its file (a test's, outside workflows/ and lib/) is hashed too.
  for (const module of opts.workflowInterceptorModules) if (path.isAbsolute(module) && existsSync(module)) hash.update(readFileSync(module));
  return hash.digest('hex').slice(0, 32);
}

/**
 * The workflow bundle, built once per distinct source (≈ 2-5 s of webpack for 1.7-3.4 MB on this
 * machine) and kept in WORKFLOW_BUNDLE_CACHE_DIR: a worker restarted by the supervisor, after a
 * crash or a Temporal outage, and every integration test file, start without rebuilding it. Interceptor
 * modules are built in (a worker given a bundle ignores interceptors.workflowModules).
 */
export async function cachedWorkflowBundle(opts: { workflowsPath: string; workflowInterceptorModules: string[] }, cacheDir = WORKFLOW_BUNDLE_CACHE_DIR): Promise<{ codePath: string }> {
  const codePath = path.join(cacheDir, `${workflowBundleKey(opts)}.js`);
  if (existsSync(codePath)) return { codePath };
  const { code } = await bundleWorkflowCode({
    workflowsPath: opts.workflowsPath,
    workflowInterceptorModules: opts.workflowInterceptorModules,
    // The workflow modules are evaluated once per worker thread and shared by every workflow it runs,
    // instead of once per workflow (a checkout and its fulfilment each evaluated the whole of
    // workflows/ and what it imports: about 2 ms of the workflow thread per checkout under load). They
    // hold no per-workflow state at module scope (activity proxies read the workflow's context when
    // called; the rest are constants and functions), and the SDK deep-freezes what it shares, so a
    // module that tried to keep state there would fail its workflow tasks at once, in the workflow
    // tests too, which run this bundle.
    preloadModules: [opts.workflowsPath],
  });
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed: a worker starting at the same time never reads half a bundle.
  const partial = `${codePath}.${process.pid}.partial`;
  writeFileSync(partial, code);
  renameSync(partial, codePath);
  return { codePath };
}
