import type { Logger } from '../../core/logger.js';

/**
 * Runs a chat-side courtesy (an ephemeral answer, a message refresh) after a ticket action has been done.
 * Its failure is logged, never thrown: a thrown error would make the job run the event again and repeat
 * the action (a second reply to the patron). The ticket message is refreshed again by `ticket.changed`.
 */
export async function bestEffort(logger: Logger, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    logger.warn({ what, err: error instanceof Error ? error.message : String(error) }, 'staff chat call failed after the ticket action; not retried');
  }
}
