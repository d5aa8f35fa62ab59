import { ComponentWatcher } from './supervisor-health';

type Name = 'postgres' | 'kafka';

function setup(opts: { restart?: boolean; restartable?: Name[] } = {}) {
  const healthy: Record<Name, boolean> = { postgres: true, kafka: true };
  const started: Name[] = [];
  const watcher = new ComponentWatcher<Name>({
    components: ['postgres', 'kafka'],
    check: async (name) => healthy[name],
    start: async (name) => {
      started.push(name);
      healthy[name] = true;
    },
    restartable: opts.restartable ?? [],
    restart: opts.restart,
  });
  const events: string[] = [];
  watcher.on('down', ({ name, ours }) => events.push(`down ${name}${ours ? ' (ours)' : ''}`));
  watcher.on('up', ({ name, downForChecks }) => events.push(`up ${name} after ${downForChecks}`));
  watcher.on('restarting', ({ name }) => events.push(`restarting ${name}`));
  return { healthy, started, watcher, events };
}

describe('ComponentWatcher', () => {
  it('reports a component going down once and coming back once, and nothing while all is well', async () => {
    const { healthy, watcher, events } = setup();
    await watcher.checkOnce();
    healthy.kafka = false;
    await watcher.checkOnce();
    await watcher.checkOnce();
    await watcher.checkOnce();
    healthy.kafka = true;
    await watcher.checkOnce();
    await watcher.checkOnce();
    expect(events).toEqual(['down kafka', 'up kafka after 3']);
  });

  it('never restarts a component it did not start, even when asked to restart', async () => {
    const { healthy, watcher, started, events } = setup({ restart: true, restartable: ['postgres'] });
    healthy.kafka = false;
    await watcher.checkOnce();
    await watcher.checkOnce();
    expect(started).toEqual([]);
    expect(events).toEqual(['down kafka']);
  });

  it('restarts a component this command started when it is still down on the next check', async () => {
    const { healthy, watcher, started, events } = setup({ restart: true, restartable: ['kafka'] });
    healthy.kafka = false;
    await watcher.checkOnce();
    expect(started).toEqual([]);
    await watcher.checkOnce();
    expect(started).toEqual(['kafka']);
    await watcher.checkOnce();
    expect(events).toEqual(['down kafka (ours)', 'restarting kafka', 'up kafka after 2']);
  });

  it('only reports when restarting is not asked for', async () => {
    const { healthy, watcher, started } = setup({ restartable: ['kafka'] });
    healthy.kafka = false;
    for (let i = 0; i < 3; i++) await watcher.checkOnce();
    expect(started).toEqual([]);
  });
});
