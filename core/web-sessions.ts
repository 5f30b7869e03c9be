/**
 * Server-issued web-chat sessions. A session is the patron's address and thread on the `web` channel;
 * it ends when the patron presses "End chat" or after a configured idle time, so the next patron at a
 * shared PC starts fresh. The store keeps only the id and times; the signed token never touches it.
 */
export interface WebSessionRecord {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

export interface WebSessionStore {
  create(record: { id: string; createdAt: Date }): Promise<void>;
  find(id: string): Promise<WebSessionRecord | undefined>;
  /** Records activity; a no-op for a session that has ended. */
  touch(id: string, at: Date): Promise<void>;
  end(id: string, at: Date): Promise<void>;
}
