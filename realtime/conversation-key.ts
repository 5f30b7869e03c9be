import { createHash } from 'node:crypto';
import type { Channel } from '../core/inquiry.js';

/**
 * A thread key can be a phone number or an e-mail address. Hashing it keeps personal data out of
 * Redis channel names (which show up in MONITOR, PUBSUB CHANNELS and slow logs) while staying stable
 * across processes.
 */
export function conversationKey(channel: Channel, threadKey: string): string {
  return createHash('sha256').update(channel).update('\u0000').update(threadKey).digest('base64url');
}
