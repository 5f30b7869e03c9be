import { z } from 'zod';

/**
 * The start-up handshake between the primary and the web processes it forks. Web processes are forked at
 * once, so they load their code while the primary migrates and seeds; each then asks whether the
 * database is ready and opens it only when the primary says so (it never migrates itself). Asking,
 * rather than listening for a broadcast, means a web process that is slower to load misses nothing.
 */
const ASK = 'libdesk.database-ready?';
const ANSWER = 'libdesk.database-ready';

const askSchema = z.object({ kind: z.literal(ASK) });
const answerSchema = z.object({ kind: z.literal(ANSWER) });

/** The environment variable the primary sets on web processes that must wait for it. */
export const AWAIT_PRIMARY_ENV = 'LIBDESK_AWAIT_PRIMARY';

interface Peer {
  send(message: unknown): unknown;
}

/** The primary's side: answers every question at once when the database is ready, later otherwise. */
export function createDatabaseReadyGate() {
  let ready = false;
  const waiting = new Set<Peer>();
  return {
    /** Handles one IPC message; true when it was the handshake's (so nothing else should read it). */
    receive(message: unknown, from: Peer): boolean {
      if (!askSchema.safeParse(message).success) return false;
      if (ready) from.send({ kind: ANSWER });
      else waiting.add(from);
      return true;
    },
    open(): void {
      ready = true;
      for (const peer of waiting) peer.send({ kind: ANSWER });
      waiting.clear();
    },
  };
}

/** The web process's side: resolves once the primary says the database is migrated and seeded. */
export function awaitDatabaseReady(channel: NodeJS.Process): Promise<void> {
  return new Promise((resolve) => {
    const listen = (message: unknown) => {
      if (!answerSchema.safeParse(message).success) return;
      channel.off('message', listen);
      resolve();
    };
    channel.on('message', listen);
    channel.send!({ kind: ASK });
  });
}
