import type { Logger } from 'pino';
import type { KnowledgeDocumentStore } from './knowledge-store.js';

export interface KnowledgeSyncOptions {
  store: Pick<KnowledgeDocumentStore, 'latestRevision'>;
  /** The revision the documents in service were loaded at (read before loading them). */
  loadedRevision: number;
  everyMs: number;
  /** Reloads everything that reads knowledge documents (calendar, articles). */
  reload: () => Promise<void>;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

export interface KnowledgeSync {
  /** Reloads now if the store moved past what is in service; true when it did. */
  check(): Promise<boolean>;
  stop(): void;
}

/**
 * Keeps a process's calendar and articles in step with the database: every few seconds one indexed read
 * of the latest revision, and a reload only when it moved. Polling, rather than a notification, is the
 * guarantee: it needs nothing but the database every process already has, and a process that was busy
 * or briefly disconnected catches up on its next look. The process that saved reloads at once.
 */
export function startKnowledgeSync(options: KnowledgeSyncOptions): KnowledgeSync {
  let inService = options.loadedRevision;
  let running: Promise<boolean> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function look(): Promise<boolean> {
    const latest = await options.store.latestRevision();
    if (latest === inService) return false;
    // Taken before reloading: a save during the reload moves the revision again and is picked up next time.
    const previous = inService;
    inService = latest;
    try {
      await options.reload();
    } catch (error) {
      // Not in service after all: the next look tries again.
      inService = previous;
      throw error;
    }
    options.logger?.info({ revision: latest }, 'knowledge documents changed; reloaded');
    return true;
  }

  function check(): Promise<boolean> {
    // One look at a time: a slow reload must not stack up behind the timer.
    running ??= look().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      check()
        .catch((err: unknown) => options.logger?.warn({ err }, 'could not check for knowledge changes; trying again'))
        .finally(schedule);
    }, options.everyMs);
    // A waiting check never keeps a process (or a test) alive.
    timer.unref();
  }
  schedule();

  return {
    check,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
