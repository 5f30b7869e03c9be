import { SAFETY_KINDS } from '../classifier/safety.js';
import { z } from 'zod';
import type { DialogStore } from '../../core/dialog.js';
import { INTENTS } from '../../core/intents.js';
import { LANGUAGES } from '../../core/knowledge.js';
import { ilsDialogSchema } from '../skills/ils-dialog.js';

/** A dialog waits for the patron's next message this long, then forgets the question it asked. */
export const DIALOG_TIMEOUT_MS = 15 * 60 * 1000;

const intent = z.enum(INTENTS);

/** The question the assistant asked and is waiting on. */
const pendingSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hours-branch'), question: z.enum(['now', 'day', 'week']), date: z.string().optional(), to: z.string().optional() }),
  z.object({ kind: z.literal('confirm-handoff'), intent, request: z.string() }),
  z.object({ kind: z.literal('which-asset'), request: z.string(), candidates: z.array(z.string()) }),
  z.object({ kind: z.literal('unknown-asset'), request: z.string(), tag: z.string() }),
  z.object({ kind: z.literal('which-intent'), request: z.string(), options: z.array(intent) }),
  /** Several articles could answer: `options` are article ids, offered as their titles. */
  z.object({ kind: z.literal('which-article'), request: z.string(), options: z.array(z.string()) }),
]);
export type PendingQuestion = z.infer<typeof pendingSchema>;

/** What the last hours answer was about, so "and Sunday?" keeps the branch. */
const hoursContextSchema = z.object({
  branchId: z.string().optional(),
  question: z.enum(['now', 'day', 'week']),
  /** The day asked about; for a week, its first day (the coming seven days when absent). */
  date: z.string().optional(),
  /** The last day of a range asked about ("next week", "friday to sunday"). */
  to: z.string().optional(),
});
export type HoursContext = z.infer<typeof hoursContextSchema>;

const dialogStateSchema = z.object({
  v: z.literal(1),
  language: z.enum(LANGUAGES).optional(),
  lastIntent: intent.optional(),
  hours: hoursContextSchema.optional(),
  /** The last day the conversation named, on any topic ("I booked a room for the 11th"), for "that day". */
  lastDay: z.string().optional(),
  /** An emergency this conversation reported, and its urgent ticket: what follows is part of it. */
  safety: z.object({ kind: z.enum(SAFETY_KINDS), ticketNumber: z.string() }).optional(),
  /** The branch fact the last answer gave, so "and the eastside one?" gives it for that branch. */
  lastFact: z.enum(['address', 'phone', 'parking', 'directions']).optional(),
  /** The branch that answer was about, so "and parking?" stays with it. */
  lastFactBranch: z.string().optional(),
  /** The article the last FAQ answer came from (English id), so "¿y cuánto cuesta?" stays on its topic. */
  lastArticle: z.string().optional(),
  /** The device the last equipment ticket was about: "now number 7 froze too", "it says no bootable device". */
  lastAsset: z.string().optional(),
  pending: pendingSchema.optional(),
  /** The patron's last real request (card numbers redacted), for a ticket opened a turn later. */
  lastRequest: z.string().optional(),
  /** The account, renew and hold skills' own step (see bots/skills/ils-dialog.ts). */
  ils: ilsDialogSchema.optional(),
  /** The patron's last few messages (card numbers and PINs hidden), oldest first: a ticket carries the story. */
  recent: z.array(z.string()).optional(),
  /** The records the last catalog answer listed, so "Where is it?" and "put it on hold" know what "it" is. */
  lastCatalog: z.object({ query: z.string(), recordIds: z.array(z.string()), titles: z.array(z.string()) }).optional(),
});
export type DialogState = z.infer<typeof dialogStateSchema>;

export const EMPTY_STATE: DialogState = { v: 1 };

/** Stored state that no longer parses (an older shape) is dropped rather than trusted. */
export async function loadDialog(store: DialogStore, conversationId: string, now: Date): Promise<DialogState> {
  const raw = await store.load(conversationId, now);
  const parsed = dialogStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ...EMPTY_STATE };
}
