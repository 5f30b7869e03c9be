import { z } from 'zod';

/**
 * What the account, renew and hold skills wait on between messages. Kept beside (not inside) the router's
 * `pending` question so these skills own their own multi-turn steps. Never holds a card number or PIN.
 */
const resumeSchema = z.discriminatedUnion('action', [
  /** Re-run a request once the patron is verified; `text` has card numbers and PINs masked. */
  z.object({ action: z.literal('request'), intent: z.enum(['account', 'renew', 'hold']), text: z.string() }),
  z.object({ action: z.literal('hold'), bibId: z.string(), title: z.string(), branchId: z.string() }),
]);
export type IlsResume = z.infer<typeof resumeSchema>;

export const ilsDialogSchema = z.discriminatedUnion('kind', [
  /** Asked for card number and PIN. */
  z.object({ kind: z.literal('credentials'), resume: resumeSchema }),
  /** Sent a one-time code to the contact on file; waiting for it to be typed back. */
  z.object({ kind: z.literal('code'), resume: resumeSchema }),
  /** Listed loans by number: "renew 2" picks `itemIds[1]`. */
  z.object({ kind: z.literal('pick-loan'), itemIds: z.array(z.string()) }),
  /** Listed catalog matches by number for a hold. */
  z.object({ kind: z.literal('pick-title'), options: z.array(z.object({ bibId: z.string(), title: z.string() })), branchId: z.string().optional() }),
  /** Asked "place a hold on X for pickup at Y?". */
  z.object({ kind: z.literal('confirm-hold'), bibId: z.string(), title: z.string(), branchId: z.string() }),
]);
export type IlsDialog = z.infer<typeof ilsDialogSchema>;
