import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { environmentWith } from '../lib/config';

/**
 * A worker of the bench's in a child process of its own (like the platform's worker): `script` (under
 * bench/) run by tsx with `nodeFlags`, resolved with the JSON of its first stdout line, its ready line.
 */
export async function startChildWorker<Ready>(script: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', path.join(__dirname, script), ...args], { env: environmentWith({}), stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as Ready));
  });
  return { child, ready };
}

/** SIGTERM (the worker shuts down gracefully), SIGKILL after 15 s; resolves once the child has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
