import type { Asset } from '../../core/assets.js';
import type { Branch } from '../../core/calendar.js';
import type { InquiryInput } from '../../core/inquiry.js';
import type { ConversationEntry, InquiryResult, InquiryService } from '../../core/inquiry-service.js';
import { createFakeTickets, type FakeTickets } from '../../test/fakes/fake-tickets.js';

/**
 * Small fakes of the ports the HTTP layer serves. They implement the port, not any storage: enough
 * behaviour (dedupe, history, one ticket per equipment report) for the HTTP tests to be about HTTP.
 */
export interface FakeInquiryService extends InquiryService {
  readonly received: InquiryInput[];
  /** Makes the next `handle` throw this error. */
  failNextWith(error: Error): void;
}

export const FAKE_SATURDAY_HOURS = 'On Saturday the Main Library is open 10:00 to 17:00.';

export function createFakeInquiryService(options: { tickets?: FakeTicketPort; at?: Date } = {}): FakeInquiryService {
  const received: InquiryInput[] = [];
  const byExternalId = new Map<string, InquiryResult>();
  const conversations = new Map<string, ConversationEntry[]>();
  const at = options.at ?? new Date('2026-03-07T15:00:00Z');
  let nextFailure: Error | undefined;
  let sequence = 0;

  return {
    received,
    failNextWith(error) {
      nextFailure = error;
    },
    async handle(input) {
      received.push(input);
      if (nextFailure) {
        const error = nextFailure;
        nextFailure = undefined;
        throw error;
      }
      const seen = input.externalId ? byExternalId.get(input.externalId) : undefined;
      if (seen) return { ...seen, duplicate: true };

      sequence += 1;
      const result = await answer(input, `inq-${sequence}`, options.tickets);
      if (input.externalId) byExternalId.set(input.externalId, result);
      const key = `${input.channel}:${input.threadKey ?? input.address}`;
      const log = conversations.get(key) ?? [];
      log.push({ from: 'patron', text: input.text, at });
      log.push({ from: 'assistant', text: result.reply.text, at, ...(result.reply.quickReplies ? { quickReplies: result.reply.quickReplies } : {}) });
      conversations.set(key, log);
      return result;
    },
    async accept(input) {
      received.push(input);
      const seen = input.externalId ? byExternalId.get(input.externalId) : undefined;
      if (seen) return { inquiryId: seen.inquiryId, conversationId: seen.conversationId, duplicate: true };
      sequence += 1;
      const accepted = { inquiryId: `inq-${sequence}`, conversationId: `conv-${input.threadKey ?? input.address}`, duplicate: false };
      if (input.externalId) byExternalId.set(input.externalId, { ...accepted, intent: 'unknown', confidence: 0, outcome: 'unanswered', reply: { text: '' } });
      return accepted;
    },
    async history(channel, threadKey, historyOptions) {
      const log = conversations.get(`${channel}:${threadKey}`) ?? [];
      return historyOptions?.limit ? log.slice(-historyOptions.limit) : [...log];
    },
  };
}

async function answer(input: InquiryInput, inquiryId: string, tickets: FakeTicketPort | undefined): Promise<InquiryResult> {
  const base = { inquiryId, conversationId: `conv-${input.threadKey ?? input.address}`, duplicate: false };
  if (/\b(open|hours)\b/i.test(input.text)) {
    return {
      ...base,
      intent: 'hours',
      confidence: 0.93,
      outcome: 'answered',
      reply: {
        text: FAKE_SATURDAY_HOURS,
        smsText: 'Sat 10-17',
        quickReplies: ['Hours for Eastside', 'Thanks!'],
        cards: [{ title: 'Main Library', lines: ['Sat 10:00–17:00', 'Sun closed'], url: 'https://library.example/hours' }],
      },
    };
  }
  if (input.channel === 'report' && tickets) {
    const ticket = await tickets.open({
      kind: 'equipment',
      subject: input.text.slice(0, 80),
      description: input.text,
      assetTag: String(input.meta?.assetTag ?? ''),
      requester: { channel: input.channel, address: input.address, threadKey: input.threadKey ?? input.address },
    });
    return {
      ...base,
      intent: 'equipment',
      confidence: 1,
      outcome: 'ticket',
      reply: { text: `Thanks, staff will look at it. Your ticket is ${ticket.number}.` },
      ticket,
    };
  }
  return { ...base, intent: 'unknown', confidence: 0.2, outcome: 'unanswered', reply: { text: 'I am not sure; a librarian will follow up.' } };
}

/**
 * The ticket fake of test/fakes (the real lifecycle over memory), numbered from 12, on a fixed clock.
 * `opened` keeps every input with its requester address, so tests can prove the API never shows it.
 */
export type FakeTicketPort = FakeTickets;

export function createFakeTicketPort(at = new Date('2026-03-07T15:00:00Z')): FakeTicketPort {
  return createFakeTickets({ firstId: 12, now: () => at });
}

export const FAKE_BRANCHES: Branch[] = [
  { id: 'main', name: 'Main Library', aliases: ['downtown'], address: '1 Library Square' },
  { id: 'east', name: 'Eastside Branch', aliases: ['east'] },
];

export const FAKE_ASSETS: Asset[] = [
  { tag: 'PC-07', kind: 'pc', name: 'Public PC 7', branchId: 'main', location: 'Adult computer area, 2nd floor', floor: 2 },
  { tag: 'PR-01', kind: 'printer', name: 'Black & white printer', branchId: 'east', location: 'By the front desk' },
];

export function createFakeAssetPort(assets: Asset[] = FAKE_ASSETS) {
  return {
    async findByTag(tag: string) {
      return assets.find((asset) => asset.tag === tag);
    },
  };
}

export function createFakeCalendar(branches: Branch[] = FAKE_BRANCHES) {
  return { branches: () => branches };
}
