import { z } from 'zod';

/** Every background job by name, with the schema its payload must match. */
export const JOB_SCHEMAS = {
  'ticket.opened': z.object({ ticketId: z.number().int().positive() }),
  /** Erases message bodies and sender addresses older than the retention period; runs daily. */
  'retention.purge': z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  /** Counts settled hours of the inquiry log into InquiryHourStat for the reports; runs hourly. */
  'reports.rollup': z.object({ hour: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}$/) }),
  /** Routes a stored inquiry that arrived on an asynchronous channel (SMS, e-mail, Discord) and delivers the answer. */
  'inquiry.route': z.object({ inquiryId: z.string().min(1) }),
  /** Sends one recorded outbound Reply through its channel's sender; the job id is the reply id, so it is sent once. */
  'delivery.send': z.object({ replyId: z.string().min(1) }),
  /** A ticket changed (see TICKET_CHANGES in core/tickets.ts); the staff bots update their messages. */
  'ticket.changed': z.object({ ticketId: z.number().int().positive(), change: z.string().min(1), eventId: z.string().min(1).optional() }),
  /** An SLA timer: at `dueAt`, if the ticket still owes this, it is escalated. Job id `sla-<ticketId>-<kind>-<dueAt ms>`. */
  'sla.check': z.object({ ticketId: z.number().int().positive(), kind: z.enum(['first_response', 'resolution']), dueAt: z.string().datetime() }),
  /** A ticket missed an SLA due time: the staff bots re-post it in the queue and mention the on-call role. */
  'ticket.escalated': z.object({ ticketId: z.number().int().positive(), kind: z.enum(['first_response', 'resolution']), dueAt: z.string().datetime() }),
  /** The open queue summarised for staff at opening time; `day` is the local date (YYYY-MM-DD). */
  'queue.digest': z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  /** Processes one stored, verified staff-chat event (a Slack event or command, a Discord interaction) once. */
  'staff.event': z.object({ platform: z.enum(['slack', 'discord-staff']), eventId: z.string().min(1).max(300) }),
  /** Library-system notices for a local day: due-soon reminders three days ahead, hold-ready notices (embedded ILS). */
  'ils.notices': z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
} as const;

export type JobName = keyof typeof JOB_SCHEMAS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_SCHEMAS)[N]>;
export type JobHandler<N extends JobName> = (payload: JobPayload<N>, info: { attempt: number; jobId: string }) => Promise<void>;

export interface EnqueueOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Enqueuing the same id twice runs the job once. */
  jobId?: string;
  /** Tries before the job is marked failed (default 5, with exponential back-off). */
  attempts?: number;
}

/**
 * One interface, two engines: BullMQ on Redis, or an in-process runner persisted in the database.
 * Jobs survive a restart in both.
 */
export interface JobQueue {
  readonly engine: 'bullmq' | 'in-process';
  enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options?: EnqueueOptions): Promise<void>;
  /** Registers the one handler for a job name; call before `start`. */
  handle<N extends JobName>(name: N, handler: JobHandler<N>): void;
  /** Starts consuming jobs in this process. Web-only processes may enqueue without starting. */
  start(): Promise<void>;
  close(): Promise<void>;
}
