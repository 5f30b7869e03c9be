import type { AcceptedInquiry, InquiryService } from '../../core/inquiry-service.js';
import type { Logger } from '../../core/logger.js';
import { discordButtonSchema, discordMessageSchema, toDiscordButtonInquiry, toDiscordInquiry } from './inbound.js';
import { ignoreReasonFor, ignoreReasonForButton, type DiscordPlaceRules, type IgnoreReason } from './verify.js';

export type ReceiveOutcome =
  | { handled: true; inquiryId: string; duplicate: boolean }
  | { handled: false; reason: IgnoreReason | 'invalid' | 'not_ours' };

export interface DiscordReceiverDeps {
  inquiries: Pick<InquiryService, 'accept'>;
  /** Read on every event: the bot's own id is known only once the gateway is ready. */
  rules: () => DiscordPlaceRules;
  logger: Logger;
  /** Tries before a message that could not be stored is given up on and logged (default 3). */
  attempts?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the gateway adapter calls for each event: check, parse, `accept`. Kept apart from discord.js so
 * it can be tested with recorded payloads; the gateway cannot redeliver, so storing is retried here
 * before the failure is logged as an error.
 */
export function createDiscordReceiver(deps: DiscordReceiverDeps) {
  const attempts = deps.attempts ?? 3;

  async function acceptWithRetry(input: Parameters<InquiryService['accept']>[0]): Promise<AcceptedInquiry> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await deps.inquiries.accept(input);
      } catch (error) {
        if (attempt >= attempts || (error as { code?: string }).code === 'LD_VALIDATION') throw error;
        await sleep(200 * 2 ** attempt);
      }
    }
  }

  return {
    async onMessage(payload: unknown): Promise<ReceiveOutcome> {
      const parsed = discordMessageSchema.safeParse(payload);
      if (!parsed.success) {
        deps.logger.warn({ issues: parsed.error.issues.map((issue) => issue.path.join('.')) }, 'discord message payload not understood; ignored');
        return { handled: false, reason: 'invalid' };
      }
      const reason = ignoreReasonFor(parsed.data, deps.rules());
      if (reason) return { handled: false, reason };
      const accepted = await acceptWithRetry(toDiscordInquiry(parsed.data));
      deps.logger.info({ inquiryId: accepted.inquiryId, duplicate: accepted.duplicate }, 'discord message accepted');
      return { handled: true, inquiryId: accepted.inquiryId, duplicate: accepted.duplicate };
    },

    async onButton(payload: unknown): Promise<ReceiveOutcome> {
      const parsed = discordButtonSchema.safeParse(payload);
      if (!parsed.success) return { handled: false, reason: 'invalid' };
      const reason = ignoreReasonForButton(parsed.data, deps.rules());
      if (reason) return { handled: false, reason };
      const input = toDiscordButtonInquiry(parsed.data);
      // Buttons of the staff bot (or anyone else's) are not quick replies.
      if (!input) return { handled: false, reason: 'not_ours' };
      const accepted = await acceptWithRetry(input);
      return { handled: true, inquiryId: accepted.inquiryId, duplicate: accepted.duplicate };
    },
  };
}

export type DiscordReceiver = ReturnType<typeof createDiscordReceiver>;
