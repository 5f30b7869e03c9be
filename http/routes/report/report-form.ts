import { z } from 'zod';
import type { Asset } from '../../../core/assets.js';
import type { InquiryInput } from '../../../core/inquiry.js';
import { storableText } from '../../../core/text.js';

/** What a patron can pick on the report page, as the router will read it in the text. */
export const REPORT_PROBLEMS = {
  'wont-turn-on': "won't turn on",
  frozen: 'frozen',
  'no-internet': 'no internet',
  'printer-jam': 'printer jam',
  'out-of-supplies': 'out of paper or toner',
  other: 'other problem',
} as const;
export type ReportProblem = keyof typeof REPORT_PROBLEMS;

const PROBLEM_KEYS = Object.keys(REPORT_PROBLEMS) as [ReportProblem, ...ReportProblem[]];
export const MAX_REPORT_DETAILS = 2000;

const emailSchema = z.email();
const UNSTORABLE_FIELD_MESSAGE = 'The form contains a character we cannot store (a NUL character or a broken emoji); please retype it.';
const phonePattern = /^\+?[\d\s().-]{7,20}$/;

/** The form as posted; empty fields arrive as "" from a browser, so they count as absent. */
export const reportFormSchema: z.ZodType<ReportForm> = z
  .object({
    problem: z.enum(PROBLEM_KEYS, { error: 'Choose what is wrong with the device.' }),
    details: storableText(
      z
        .string()
        .trim()
        .max(MAX_REPORT_DETAILS, `Please keep the description under ${MAX_REPORT_DETAILS} characters.`),
      UNSTORABLE_FIELD_MESSAGE,
    )
      .optional()
      .transform((text) => text || undefined),
    contact: storableText(z.string().trim().max(320, 'That contact is too long.'), UNSTORABLE_FIELD_MESSAGE)
      .optional()
      .transform((text) => text || undefined)
      .refine((text) => text === undefined || emailSchema.safeParse(text).success || (phonePattern.test(text) && countDigits(text) >= 7), {
        error: 'Enter a phone number or an e-mail address, or leave it empty.',
      }),
    submission: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
  })
  .refine((form) => form.problem !== 'other' || form.details !== undefined, {
    error: 'Tell us a little about the problem when you choose "other".',
    path: ['details'],
  });
/** A report form after parsing: empty fields are gone. */
export interface ReportForm {
  problem: ReportProblem;
  details?: string | undefined;
  contact?: string | undefined;
  submission?: string | undefined;
}

export interface ReportFormValues {
  problem?: string;
  details?: string;
  contact?: string;
}

function countDigits(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** "PC-07: frozen — stuck on the login screen": the same words a patron would text us. */
export function composeReportText(asset: Pick<Asset, 'tag'>, form: Pick<ReportForm, 'problem' | 'details'>): string {
  const head = `${asset.tag}: ${REPORT_PROBLEMS[form.problem]}`;
  return form.details ? `${head} — ${form.details}` : head;
}

/**
 * The inquiry a report becomes. A report without a contact gets a per-submission address so that
 * anonymous reports never share a conversation; the submission id also makes a double-submitted form
 * land once (it is the externalId).
 */
export function toReportInquiry(asset: Pick<Asset, 'tag'>, form: ReportForm, submissionId: string): InquiryInput {
  const threadKey = `report:${submissionId}`;
  const contactKind = form.contact === undefined ? undefined : emailSchema.safeParse(form.contact).success ? 'email' : 'phone';
  return {
    channel: 'report',
    address: form.contact ?? threadKey,
    threadKey,
    text: composeReportText(asset, form),
    externalId: threadKey,
    meta: { assetTag: asset.tag, problem: form.problem, ...(contactKind ? { contactKind } : {}) },
  };
}
