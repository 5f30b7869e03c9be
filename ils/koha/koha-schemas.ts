import { z } from 'zod';
import { LibdeskError } from '../../core/errors.js';

/** The parts of Koha's REST responses the adapter reads (names from Koha's OpenAPI definitions). */
export const patronSchema = z.object({
  patron_id: z.number().int(),
  cardnumber: z.string().nullable(),
  firstname: z.string().nullable().optional(),
  preferred_name: z.string().nullable().optional(),
  surname: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  library_id: z.string().nullable().optional(),
  expiry_date: z.string().nullable().optional(),
  restricted: z.boolean().optional(),
});
export type KohaPatron = z.infer<typeof patronSchema>;

export const passwordValidationSchema = z.object({ patron_id: z.number().int(), cardnumber: z.string().nullable().optional() });

export const checkoutSchema = z.object({
  checkout_id: z.number().int(),
  patron_id: z.number().int(),
  item_id: z.number().int().nullable(),
  external_id: z.string().nullable().optional(),
  due_date: z.string(),
  renewals_count: z.number().int().nullable().optional(),
});
export type KohaCheckout = z.infer<typeof checkoutSchema>;

export const allowsRenewalSchema = z.object({
  allows_renewal: z.boolean(),
  max_renewals: z.number().int().nullable().optional(),
  current_renewals: z.number().int().nullable().optional(),
  error: z.string().nullable().optional(),
});

export const holdSchema = z.object({
  hold_id: z.number().int(),
  patron_id: z.number().int(),
  biblio_id: z.number().int(),
  pickup_library_id: z.string().nullable().optional(),
  priority: z.number().int().nullable().optional(),
  status: z.string().nullable().optional(),
  hold_date: z.string().nullable().optional(),
  expiration_date: z.string().nullable().optional(),
  suspended: z.boolean().optional(),
});
export type KohaHold = z.infer<typeof holdSchema>;

export const itemSchema = z.object({
  item_id: z.number().int(),
  biblio_id: z.number().int(),
  external_id: z.string().nullable().optional(),
  holding_library_id: z.string().nullable().optional(),
  home_library_id: z.string().nullable().optional(),
  checked_out_date: z.string().nullable().optional(),
  not_for_loan_status: z.number().nullable().optional(),
  lost_status: z.number().nullable().optional(),
  withdrawn: z.number().nullable().optional(),
  biblio: z.object({ title: z.string().nullable().optional(), subtitle: z.string().nullable().optional() }).nullable().optional(),
});

export const biblioSchema = z.object({ biblio_id: z.number().int(), title: z.string().nullable().optional() });

export const accountSchema = z.object({
  balance: z.number(),
  outstanding_debits: z.object({
    total: z.number().nullable().optional(),
    lines: z.array(z.object({ account_line_id: z.number().int(), amount_outstanding: z.number(), description: z.string().nullable().optional(), date: z.string().nullable().optional(), debit_type: z.string().nullable().optional() })),
  }),
});

export const errorSchema = z.object({ error: z.string().optional(), error_code: z.string().optional() }).passthrough();

export function parseKoha<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new LibdeskError('LD_ILS_PROTOCOL', `Koha's ${what} response did not have the expected shape`, { details: { fields: parsed.error.issues.map((issue) => issue.path.join('.')) } });
  return parsed.data;
}
