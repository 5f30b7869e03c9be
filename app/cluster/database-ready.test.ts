import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { awaitDatabaseReady, createDatabaseReadyGate } from './database-ready.js';

const peer = () => {
  const sent: unknown[] = [];
  return { sent, send: (message: unknown) => sent.push(message) };
};

describe('the database-ready handshake', () => {
  it('answers a web process that asks before the database is ready once it is, and one that asks later at once', () => {
    const gate = createDatabaseReadyGate();
    const early = peer();
    expect(gate.receive({ kind: 'libdesk.database-ready?' }, early)).toBe(true);
    expect(early.sent).toEqual([]);
    gate.open();
    expect(early.sent).toEqual([{ kind: 'libdesk.database-ready' }]);
    const late = peer();
    gate.receive({ kind: 'libdesk.database-ready?' }, late);
    expect(late.sent).toEqual([{ kind: 'libdesk.database-ready' }]);
    // Opening again answers nobody twice.
    gate.open();
    expect(early.sent).toHaveLength(1);
  });

  it('leaves every other message on the channel to its own reader', () => {
    const gate = createDatabaseReadyGate();
    const other = peer();
    expect(gate.receive({ kind: 'libdesk.bus', topic: 't', payload: '' }, other)).toBe(false);
    expect(gate.receive('libdesk.database-ready?', other)).toBe(false);
    gate.open();
    expect(other.sent).toEqual([]);
  });

  it('keeps a web process waiting until the primary answers, whatever else arrives first', async () => {
    const asked: unknown[] = [];
    const channel = Object.assign(new EventEmitter(), { send: (message: unknown) => asked.push(message) });
    let ready = false;
    const waiting = awaitDatabaseReady(channel as unknown as NodeJS.Process).then(() => (ready = true));
    expect(asked).toEqual([{ kind: 'libdesk.database-ready?' }]);
    channel.emit('message', { kind: 'libdesk.bus', topic: 't', payload: '' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(ready).toBe(false);
    channel.emit('message', { kind: 'libdesk.database-ready' });
    await waiting;
    expect(ready).toBe(true);
    expect(channel.listenerCount('message')).toBe(0);
  });
});
