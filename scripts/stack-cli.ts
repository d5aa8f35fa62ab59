import { COMPONENTS, isHealthy, runInfra, type Component } from './stack';

/**
 * `npm run stack -- up|down|status [component…]`: the real components on their own, for people who
 * run the platform's processes themselves. `down` stops only what these scripts started.
 */
async function main(): Promise<void> {
  const [command = 'status', ...names] = process.argv.slice(2);
  const unknown = names.filter((n) => !(COMPONENTS as readonly string[]).includes(n));
  if (unknown.length > 0 || !['up', 'down', 'status'].includes(command)) {
    console.error(`usage: npm run stack -- up|down|status [${COMPONENTS.join('|')} …]${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
    process.exit(2);
  }
  const selected = (names.length > 0 ? names : [...COMPONENTS]) as Component[];
  if (command === 'up') for (const name of selected) await runInfra(name, 'start');
  if (command === 'down') for (const name of [...selected].reverse()) await runInfra(name, 'stop');
  if (command === 'status') for (const name of selected) console.log(`${name.padEnd(10)} ${isHealthy(name) ? 'up' : 'down'}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
