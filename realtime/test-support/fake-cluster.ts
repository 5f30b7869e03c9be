import { createPrimaryBus, createWorkerBus, type BusMessage, type BusPeer, type ClusterBusOptions, type ReceivingBus } from '../cluster-bus.js';

/**
 * A primary and web processes wired as node:cluster wires them, in one test process: each message is
 * copied through JSON (as IPC serialises it) and arrives on a later turn of the event loop, in order.
 */
export function createFakeCluster(webProcesses: number, options: ClusterBusOptions = {}) {
  const toWorkers: BusPeer[] = [];
  const primary = createPrimaryBus(() => toWorkers, options);
  const workers: ReceivingBus[] = [];
  for (let index = 0; index < webProcesses; index += 1) {
    const toWorker: BusPeer = { send: (message, callback) => later(() => workers[index]!.receive(copy(message)), callback) };
    const toPrimary: BusPeer = { send: (message, callback) => later(() => primary.receive(copy(message), toWorker), callback) };
    toWorkers.push(toWorker);
    workers.push(createWorkerBus(toPrimary, options));
  }
  return { primary, workers };
}

function copy(message: BusMessage): unknown {
  return JSON.parse(JSON.stringify(message));
}

function later(deliver: () => void, callback: (error: Error | null) => void): void {
  setImmediate(() => {
    deliver();
    callback(null);
  });
}
