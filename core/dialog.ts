/**
 * Short-lived dialog state per conversation ("which branch?", "reply 1 or 2"). The router owns the
 * shape of `state` (it parses it with its own schema); the store only keeps JSON with an expiry.
 */
export interface DialogStore {
  load(conversationId: string, now: Date): Promise<unknown | undefined>;
  save(conversationId: string, state: unknown, expiresAt: Date): Promise<void>;
  clear(conversationId: string): Promise<void>;
}
