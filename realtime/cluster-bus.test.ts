import { describe, expect, it } from 'vitest';
import { createPrimaryBus, createWorkerBus, type BusPeer } from './cluster-bus.js';
import { createFakeCluster } from './test-support/fake-cluster.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));
const settle = async () => {
  for (let turn = 0; turn < 5; turn += 1) await tick();
};

describe('cluster bus', () => {
  it('carries a web process\'s publication to the primary and every other web process, once each', async () => {
    const { primary, workers } = createFakeCluster(3);
    const heard: string[] = [];
    primary.subscribe('news', (payload) => heard.push(`primary:${payload}`));
    workers.forEach((worker, index) => worker.subscribe('news', (payload) => heard.push(`web${index}:${payload}`)));
    workers[0]!.publish('news', 'hello');
    await settle();
    expect(heard.sort()).toEqual(['primary:hello', 'web0:hello', 'web1:hello', 'web2:hello']);
  });

  it('carries the primary\'s publication to every web process and keeps topics apart', async () => {
    const { primary, workers } = createFakeCluster(2);
    const heard: string[] = [];
    workers.forEach((worker, index) => worker.subscribe('a', (payload) => heard.push(`web${index}:${payload}`)));
    primary.publish('b', 'not for a');
    primary.publish('a', 'for a');
    await settle();
    expect(heard.sort()).toEqual(['web0:for a', 'web1:for a']);
  });

  it('stops delivering after unsubscribe', async () => {
    const { primary, workers } = createFakeCluster(1);
    const heard: string[] = [];
    const stop = workers[0]!.subscribe('a', (payload) => heard.push(payload));
    primary.publish('a', 'one');
    await settle();
    stop();
    primary.publish('a', 'two');
    await settle();
    expect(heard).toEqual(['one']);
  });

  it.each([
    ['a wrong topic type', { kind: 'libdesk.bus', topic: 42, payload: 'x' }],
    ['a missing payload', { kind: 'libdesk.bus', topic: 'a' }],
    ['an empty topic', { kind: 'libdesk.bus', topic: '', payload: 'x' }],
  ])('drops a malformed message (%s) with a warning instead of throwing', (_, message) => {
    const warnings: string[] = [];
    const sent: unknown[] = [];
    const worker: BusPeer = { send: (forwarded) => sent.push(forwarded) };
    const primary = createPrimaryBus(() => [worker], { warn: (problem) => warnings.push(problem) });
    const heard: string[] = [];
    primary.subscribe('a', (payload) => heard.push(payload));
    expect(() => primary.receive(message)).not.toThrow();
    const web = createWorkerBus({ send: () => {} }, { warn: (problem) => warnings.push(problem) });
    web.subscribe('a', (payload) => heard.push(payload));
    expect(() => web.receive(message)).not.toThrow();
    expect(heard).toEqual([]);
    expect(sent).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/dropped a malformed cluster bus message/);
  });

  it('ignores the other messages the IPC channel carries, without a warning', () => {
    const warnings: string[] = [];
    const web = createWorkerBus({ send: () => {} }, { warn: (problem) => warnings.push(problem) });
    for (const message of [null, 'text', 7, { cmd: 'NODE_CLUSTER' }, { kind: 'something.else', topic: 1 }]) web.receive(message);
    expect(warnings).toEqual([]);
  });

  it('keeps relaying when one web process cannot be reached or a handler throws', () => {
    const warnings: string[] = [];
    const reached: unknown[] = [];
    const gone: BusPeer = {
      send: () => {
        throw new Error('ERR_IPC_CHANNEL_CLOSED');
      },
    };
    const closing: BusPeer = { send: (_, callback) => callback(new Error('channel closed')) };
    const alive: BusPeer = { send: (message) => reached.push(message) };
    const primary = createPrimaryBus(() => [gone, closing, alive], { warn: (problem) => warnings.push(problem) });
    const heard: string[] = [];
    primary.subscribe('a', () => {
      throw new Error('listener bug');
    });
    primary.subscribe('a', (payload) => heard.push(payload));
    primary.publish('a', 'still here');
    expect(reached).toHaveLength(1);
    expect(heard).toEqual(['still here']);
    expect(warnings).toHaveLength(3);
  });
});
