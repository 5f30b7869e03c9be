/**
 * BullMQ refuses custom job ids that look like integers (its own ids are) and ids with a `:` (its key
 * separator). Every custom id gets a `c-` prefix and `%`/`:` are escaped, so the mapping is one-to-one
 * and can never meet an id BullMQ generated.
 */
export function toBullmqJobId(jobId: string): string {
  return `c-${jobId.replaceAll('%', '%25').replaceAll(':', '%3A')}`;
}

export function fromBullmqJobId(bullmqId: string): string {
  if (!bullmqId.startsWith('c-')) return bullmqId;
  return bullmqId.slice(2).replaceAll('%3A', ':').replaceAll('%25', '%');
}
