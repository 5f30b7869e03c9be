import { createHash } from 'node:crypto';

/**
 * The Reply id of the assistant's answer to an inquiry: derived from the inquiry id (a name-based UUID,
 * shaped like every other row id). The answer is stored under it with the inquiry, and delivery adopts that
 * row: the words are stored once, and handing the answer over twice sends it once.
 */
export function answerReplyId(inquiryId: string): string {
  const hex = createHash('sha256').update(`libdesk:answer:${inquiryId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
