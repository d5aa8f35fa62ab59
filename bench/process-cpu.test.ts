import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addCpuDelta, cpuByPart, cpuPerWorkflow, platformCpuMs, processLabel, settle, statCpuTicks } from './process-cpu';

describe('process CPU of a bench run', () => {
  it('names the platform part of a process from its command line, nothing else', () => {
    expect(processLabel('/usr/bin/node --import tsx /work/main/workers/temporal-worker.ts')).toBe('temporal-worker');
    expect(processLabel('node dist/api/main.js')).toBe('api');
    expect(processLabel('/usr/lib/postgresql/16/bin/postgres -D /root/.local/state/pg -p 5432')).toBe('postgres');
    expect(processLabel('postgres: checkout checkout 127.0.0.1(51234) idle')).toBe('postgres');
    expect(processLabel('/root/.cache/checkout-platform/temporal-cli-v1.5.1/temporal server start-dev --db-filename x')).toBe('temporal-server');
    expect(processLabel('java -Xms512m -Xmx512m -server -XX:+UseG1GC -cp /k/libs/* kafka.Kafka /s/server.properties')).toBe('kafka');
    expect(processLabel('/usr/bin/node --require p.cjs --import l.mjs bench/bench.ts --kinds saga')).toBe('bench');
    expect(processLabel('/usr/bin/node --import tsx /work/main/bench/b0-worker.ts --address 127.0.0.1:7233')).toBe('b0-worker');
    expect(processLabel('bash scripts/infra/postgres.sh start')).toBeUndefined();
    expect(processLabel('/usr/bin/temporal workflow list')).toBeUndefined();
    expect(processLabel('')).toBeUndefined();
  });

  it('reads user + system ticks from a stat line whose command name holds spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    expect(statCpuTicks('4242 (node (worker) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 11 0')).toBe(1290);
  });

  it('sums each part over its processes from /proc, and gives CPU per completed workflow, the largest first', () => {
    const proc = mkdtempSync(path.join(os.tmpdir(), 'proc-'));
    const write = (pid: number, cmdline: string, utime: number, stime: number) => {
      mkdirSync(path.join(proc, String(pid)));
      writeFileSync(path.join(proc, String(pid), 'cmdline'), `${cmdline.split(' ').join('\0')}\0`);
      writeFileSync(path.join(proc, String(pid), 'stat'), `${pid} (x) S 1 1 1 0 -1 0 0 0 0 0 ${utime} ${stime} 0 0 20 0 1 0`);
    };
    try {
      write(10, 'postgres: a b idle', 100, 50);
      write(11, 'postgres: a b idle', 30, 20);
      write(12, 'node api/main.ts', 10, 0);
      write(13, 'vim notes', 999, 999);
      mkdirSync(path.join(proc, 'self'));
      const before = cpuByPart(proc, 100)!;
      expect(Object.fromEntries(before)).toEqual({ postgres: 2000, api: 100 });
      const after = new Map([['postgres', 2000 + 400], ['api', 100 + 1000], ['redis', 1]]);
      expect(cpuPerWorkflow(before, after, 100)).toEqual({ totalMs: 14, byPart: { api: 10, postgres: 4 } });
      expect(cpuPerWorkflow(before, after, 0)).toBeUndefined();
      expect(cpuByPart(path.join(proc, 'missing'))).toBeUndefined();
    } finally {
      rmSync(proc, { recursive: true, force: true });
    }
  });

  it('counts the platform\'s CPU between readings without the bench itself', () => {
    const before = new Map([['api', 100], ['bench', 50]]);
    const after = new Map([['api', 160], ['bench', 900], ['kafka', 30]]);
    expect(platformCpuMs(before, after)).toBe(90);
  });

  it('settles once a second of the platform uses under a quarter of a core, or gives up at the limit', async () => {
    // Readings a second apart: 900 ms, 600 ms, then 100 ms of CPU in each second.
    const totals = [0, 900, 900, 1500, 1500, 1600];
    let i = 0;
    const read = () => new Map([['temporal-worker', totals[i++]!]]);
    const sleep = async () => undefined;
    expect(await settle({ read, sleep })).toEqual({ waitedMs: 3000, share: 0.1 });
    i = 0;
    expect(await settle({ read, sleep, maxMs: 2000 })).toEqual({ waitedMs: 2000, share: 0.6 });
    expect(await settle({ read: () => undefined, sleep })).toEqual({ waitedMs: 0, share: undefined });
  });

  it('pools the CPU of several runs: the use of each part summed, then per workflow over all they completed', () => {
    const sum = new Map<string, number>();
    addCpuDelta(sum, new Map([['api', 100], ['postgres', 50]]), new Map([['api', 300], ['postgres', 150]]));
    addCpuDelta(sum, new Map([['api', 1000]]), new Map([['api', 1200], ['kafka', 40]]));
    expect(sum).toEqual(new Map([['api', 400], ['postgres', 100], ['kafka', 40]]));
    expect(cpuPerWorkflow(new Map(), sum, 4)).toEqual({ totalMs: 135, byPart: { api: 100, postgres: 25, kafka: 10 } });
  });
});
