import type { Clock } from '../core/clock.js';
import type { ChannelSender, DeliveryTarget } from '../core/delivery.js';
import type { InquiryService } from '../core/inquiry-service.js';
import type { Logger } from '../core/logger.js';
import type { Db } from '../db/index.js';
import { createTwilioSmsSender } from '../channels/sms-twilio/index.js';
import { createDiscordGateway, createDiscordReceiver, createDiscordRest, createDiscordSender } from '../channels/discord/index.js';
import { createMemoryRateCounter, createRedisRateCounter, createSmsConsentRepository, createSmsStatusRepository, type RateCounter } from '../messaging/index.js';
import type { TwilioWebhookOptions } from '../http/routes/webhooks/twilio.js';
import { TWILIO_STATUS_PATH } from '../http/routes/webhooks/twilio.js';
import type { DiscordSettings, SmsSettings } from './channel-settings.js';

export interface PatronChannelsDeps {
  sms: SmsSettings | undefined;
  discord: DiscordSettings | undefined;
  prisma: Db;
  inquiries: Pick<InquiryService, 'accept' | 'history'>;
  clock: Clock;
  logger: Logger;
  libraryName: () => string;
  /** Where the full answer to a cut-short SMS can be read (the web chat). */
  publicUrl: string;
  redis?: { url: string; prefix: string };
}

/** The SMS and Discord patron channels of this installation, as settings switch them on. */
export interface PatronChannels {
  /** One per channel switched on; the delivery registry takes them. */
  senders: ChannelSender[];
  /** The Twilio webhook routes' options, when SMS is on. */
  smsWebhooks: TwilioWebhookOptions | undefined;
  /** For `DeliveryContext.optedOut`: true for an SMS number that texted STOP and not START since. */
  isOptedOut(target: Pick<DeliveryTarget, 'channel' | 'address'>): Promise<boolean>;
  /** Connects the Discord gateway (worker processes); nothing when Discord is off. */
  start(): Promise<void>;
  close(): Promise<void>;
}

export function createPatronChannels(deps: PatronChannelsDeps): PatronChannels {
  const consent = createSmsConsentRepository(deps.prisma);
  const senders: ChannelSender[] = [];
  const closers: Array<() => Promise<void>> = [];
  let smsWebhooks: TwilioWebhookOptions | undefined;
  let startGateway: (() => Promise<void>) | undefined;

  if (deps.sms) {
    const sms = deps.sms;
    // Several web processes must share one count per number, so it lives in Redis when there is one.
    const rate: RateCounter = deps.redis ? createRedisRateCounter({ redisUrl: deps.redis.url, prefix: deps.redis.prefix }) : createMemoryRateCounter(deps.clock);
    closers.push(() => rate.close());
    senders.push(
      createTwilioSmsSender({
        accountSid: sms.accountSid,
        authToken: sms.authToken,
        ...(sms.fromNumber ? { fromNumber: sms.fromNumber } : {}),
        ...(sms.messagingServiceSid ? { messagingServiceSid: sms.messagingServiceSid } : {}),
        apiUrl: sms.apiUrl,
        statusCallbackUrl: `${sms.publicBaseUrl}${TWILIO_STATUS_PATH}`,
        maxSegments: sms.maxSegments,
        fallbackUrl: `${deps.publicUrl.replace(/\/+$/, '')}/`,
        answersPerMinute: sms.answersPerMinute,
        optOuts: consent,
        rate,
        clock: deps.clock,
        logger: deps.logger.child({ part: 'sms' }),
      }),
    );
    smsWebhooks = {
      authToken: sms.authToken,
      publicBaseUrl: sms.publicBaseUrl,
      inquiries: deps.inquiries,
      consent,
      status: createSmsStatusRepository(deps.prisma),
      keywordReplies: sms.keywordReplies,
      get libraryName() {
        return deps.libraryName();
      },
      clock: deps.clock,
    };
  }

  if (deps.discord) {
    const discord = deps.discord;
    const rest = createDiscordRest({ botToken: discord.botToken, apiUrl: discord.apiUrl });
    senders.push(createDiscordSender(rest));
    startGateway = async () => {
      const logger = deps.logger.child({ part: 'discord' });
      let gateway: ReturnType<typeof createDiscordGateway> | undefined;
      const receiver = createDiscordReceiver({
        inquiries: deps.inquiries,
        rules: () => ({ ...(gateway?.botUserId() ? { botUserId: gateway.botUserId()! } : {}), ...(discord.helpChannelId ? { helpChannelId: discord.helpChannelId } : {}) }),
        logger,
      });
      gateway = createDiscordGateway({ botToken: discord.botToken, receiver, rest, logger, apiUrl: discord.apiUrl });
      closers.push(() => gateway!.close());
      // A gateway that cannot connect (bad token, Discord down) must not stop the rest of Libdesk.
      gateway.start().catch((error: unknown) => logger.error({ err: error }, 'discord gateway could not connect'));
    };
  }

  return {
    senders,
    smsWebhooks,
    isOptedOut: async (target) => (target.channel === 'sms' && target.address ? consent.isOptedOut('sms', target.address) : false),
    async start() {
      await startGateway?.();
    },
    async close() {
      for (const close of closers.reverse()) await close().catch(() => {});
    },
  };
}
