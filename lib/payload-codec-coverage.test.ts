import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every Temporal client and worker of the platform (processes, scripts, bench, the integration
 * platform) must use the encrypting data converter: one that does not writes customers' data in
 * the clear, or cannot read what the others wrote. Time-skipping workflow tests run their own
 * plain client and worker and are not scanned; a deliberately raw client says "no data converter"
 * on the line above it.
 */
const ROOT = path.resolve(__dirname, '..');
const SCANNED = ['api', 'workers', 'scripts', 'bench', 'services', 'lib', 'temporal-config', 'test/support', 'test/chaos', 'test/integration'];

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  let names: string[];
  try {
    names = readdirSync(full);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const rel = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return name.endsWith('.ts') && !name.endsWith('.workflow.test.ts') && rel !== path.join('lib', path.basename(__filename)) ? [rel] : [];
  });
}

/** The text of a call from its opening parenthesis to the matching closing one. */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open, i + 1);
  }
  return source.slice(open);
}

export function callsWithoutConverter(file: string, source: string): string[] {
  if (!source.includes('@temporalio/client') && !source.includes('@temporalio/worker')) return [];
  const found: string[] = [];
  for (const match of source.matchAll(/new Client\(|Worker\.create\(/g)) {
    const at = match.index;
    const call = callText(source, at + match[0].length - 1);
    // pg's Client (new Client({ connectionString })) and grpc clients are not Temporal's.
    if (call.includes('connectionString') || call.includes('credentials')) continue;
    const lines = source.slice(0, at).split('\n');
    const context = `${lines.at(-2) ?? ''}\n${lines.at(-1) ?? ''}`.toLowerCase();
    if (call.includes('dataConverter') || context.includes('no data converter')) continue;
    found.push(`${file}:${lines.length}: ${match[0]}…`);
  }
  return found;
}

describe('the encrypting data converter', () => {
  it('is passed to every Temporal client and worker outside the time-skipping tests', () => {
    const missing = SCANNED.flatMap(sourceFiles).flatMap((file) => callsWithoutConverter(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(missing).toEqual([]);
  });

  it('spots a client or worker created without it', () => {
    const source = `import { Client } from '@temporalio/client';\nconst c = new Client({ connection, namespace });\nconst w = await Worker.create({ connection, taskQueue, dataConverter });\nconst pg = new Client({ connectionString });\n`;
    expect(callsWithoutConverter('x.ts', source)).toEqual(['x.ts:2: new Client(…']);
  });
});
