import { describe, expect, it } from 'vitest';
import { ReadGate, RequestAbandonedError } from './read-gate.js';

/** A read that finishes when told to, recording when it started. */
function reads(log: string[]) {
  const open = new Map<string, () => void>();
  const read = (name: string) => () => {
    log.push(name);
    return new Promise<string>((resolve) => open.set(name, () => resolve(name)));
  };
  const finish = async (name: string) => {
    open.get(name)!();
    // Let the gate hand the permit on.
    await new Promise((r) => setImmediate(r));
  };
  return { read, finish };
}

describe('ReadGate', () => {
  it('runs at most its permits at once', async () => {
    const gate = new ReadGate(2);
    const log: string[] = [];
    const { read, finish } = reads(log);
    const all = ['a', 'b', 'c', 'd'].map((n, i) => gate.run({ arrivedAt: i }, read(n)));
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['a', 'b']);
    expect(gate.queued).toBe(2);
    await finish('a');
    expect(log).toEqual(['a', 'b', 'c']);
    await finish('b');
    await finish('c');
    await finish('d');
    expect(await Promise.all(all)).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.queued).toBe(0);
  });

  it('gives the next turn to the read whose request arrived first, not the first to queue', async () => {
    const gate = new ReadGate(1);
    const log: string[] = [];
    const { read, finish } = reads(log);
    const first = gate.run({ arrivedAt: 10 }, read('running'));
    // Newer requests queue first; then the second read of an older request arrives.
    const later = [
      gate.run({ arrivedAt: 30 }, read('new 30')),
      gate.run({ arrivedAt: 20 }, read('new 20')),
      gate.run({ arrivedAt: 20 }, read('new 20, second')),
      gate.run({ arrivedAt: 5 }, read('old 5')),
    ];
    await new Promise((r) => setImmediate(r));
    await finish('running');
    await finish('old 5');
    await finish('new 20');
    await finish('new 20, second');
    await finish('new 30');
    await Promise.all([first, ...later]);
    expect(log).toEqual(['running', 'old 5', 'new 20', 'new 20, second', 'new 30']);
  });

  it('drops a waiting read whose request is abandoned, and refuses one abandoned already', async () => {
    const gate = new ReadGate(1);
    const log: string[] = [];
    const { read, finish } = reads(log);
    const running = gate.run({ arrivedAt: 1 }, read('running'));
    const client = new AbortController();
    const abandoned = gate.run({ arrivedAt: 2, signal: client.signal }, read('abandoned'));
    const next = gate.run({ arrivedAt: 3 }, read('next'));
    await new Promise((r) => setImmediate(r));
    client.abort();
    await expect(abandoned).rejects.toBeInstanceOf(RequestAbandonedError);
    expect(gate.queued).toBe(1);
    await finish('running');
    await finish('next');
    await Promise.all([running, next]);
    expect(log).toEqual(['running', 'next']);
    await expect(
      gate.run({ arrivedAt: 4, signal: client.signal }, read('too late')),
    ).rejects.toBeInstanceOf(RequestAbandonedError);
    expect(log).not.toContain('too late');
  });

  it('hands the permit on when a read fails', async () => {
    const gate = new ReadGate(1);
    const failing = gate.run({ arrivedAt: 1 }, () => Promise.reject(new Error('lost')));
    const next = gate.run({ arrivedAt: 2 }, () => Promise.resolve('ok'));
    await expect(failing).rejects.toThrow('lost');
    expect(await next).toBe('ok');
  });

  it('needs at least one permit', () => {
    expect(() => new ReadGate(0)).toThrow(RangeError);
  });
});
