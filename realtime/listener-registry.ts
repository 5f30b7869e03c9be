import type { ConversationEvent } from '../core/inquiry-service.js';

export type ConversationListener = (event: ConversationEvent) => void;

/**
 * Local listeners per key (a conversation, a bus topic). Every engine delivers through this, so a
 * throwing listener (a closed SSE socket, say) never stops the others from hearing the event.
 */
export interface ListenerRegistry<T = ConversationEvent> {
  /** Returns true when this is the first listener for the key. */
  add(key: string, listener: (event: T) => void): boolean;
  /** Returns true when the key has no listeners left. */
  remove(key: string, listener: (event: T) => void): boolean;
  deliver(key: string, event: T): void;
  keys(): string[];
  clear(): void;
}

export function createListenerRegistry<T = ConversationEvent>(onListenerError: (error: unknown) => void): ListenerRegistry<T> {
  const byKey = new Map<string, Set<(event: T) => void>>();
  return {
    add(key, listener) {
      let set = byKey.get(key);
      const first = set === undefined;
      if (!set) {
        set = new Set();
        byKey.set(key, set);
      }
      set.add(listener);
      return first;
    },
    remove(key, listener) {
      const set = byKey.get(key);
      if (!set) return false;
      set.delete(listener);
      if (set.size > 0) return false;
      byKey.delete(key);
      return true;
    },
    deliver(key, event) {
      // Copy first: a listener may unsubscribe itself while we iterate.
      for (const listener of [...(byKey.get(key) ?? [])]) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    keys: () => [...byKey.keys()],
    clear: () => byKey.clear(),
  };
}
