import { z } from 'zod';
import { LibdeskError } from '../../core/errors.js';

/**
 * Turns a verified Slack request into one of: a URL-verification challenge to answer, a payload to
 * ignore (with the reason, for the log and the tests), or an event to store and process. Slack posts three
 * shapes to us: Events API JSON, interactivity forms (`payload=<json>`) and slash-command forms.
 */
export type SlackInbound =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'ignored'; reason: SlackIgnoreReason }
  | { kind: 'event'; eventId: string; type: 'event_callback' | 'interaction' | 'command'; body: Record<string, unknown> };

export type SlackIgnoreReason = 'bot_echo' | 'edit' | 'subtype' | 'not_a_thread_reply' | 'unsupported_event' | 'other_app' | 'ssl_check';

export interface SlackSelf {
  /** Our bot user id (`auth.test` user_id), e.g. U0BOT. */
  botUserId?: string | undefined;
  /** Our bot id (`auth.test` bot_id), e.g. B0BOT. */
  botId?: string | undefined;
  /** Our app id (`api_app_id`); events for another app on a shared URL are ignored. */
  appId?: string | undefined;
}

const urlVerificationSchema = z.object({ type: z.literal('url_verification'), challenge: z.string().min(1).max(500) });

const messageEventSchema = z.object({
  type: z.string(),
  subtype: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  app_id: z.string().optional(),
  text: z.string().optional(),
  ts: z.string().optional(),
  thread_ts: z.string().optional(),
  channel: z.string().optional(),
  tab: z.string().optional(),
});

const eventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().min(1).max(100),
  api_app_id: z.string().optional(),
  event: messageEventSchema,
});

const interactionSchema = z.object({
  type: z.enum(['block_actions', 'view_submission', 'view_closed', 'shortcut', 'message_action']),
  trigger_id: z.string().min(1).max(200).optional(),
  api_app_id: z.string().optional(),
  user: z.object({ id: z.string() }),
  actions: z.array(z.object({ action_id: z.string(), action_ts: z.string().optional() })).optional(),
  view: z.object({ id: z.string() }).optional(),
});

const commandSchema = z.object({
  command: z.string().min(1),
  trigger_id: z.string().min(1).max(200),
  user_id: z.string().min(1),
  api_app_id: z.string().optional(),
  text: z.string().default(''),
});

/** Message subtypes that are still a person writing in a ticket's thread. */
export const REPLY_SUBTYPES: ReadonlySet<string> = new Set(['thread_broadcast', 'file_share']);

/** Only the events the app subscribes to: thread replies in channels and the App Home tab. */
const HANDLED_EVENTS = new Set(['message', 'app_home_opened']);

/**
 * Classifies a verified request body (the raw string and its content type). Throws `LD_VALIDATION` (400)
 * for a body that is none of Slack's shapes; nothing is stored then.
 */
export function parseSlackRequest(rawBody: string, contentType: string | undefined, self: SlackSelf): SlackInbound {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'application/json') return classifyJson(parseJson(rawBody), self);
  if (type === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(rawBody);
    const payload = form.get('payload');
    if (payload !== null) return classifyInteraction(parseJson(payload), self);
    // Slack checks a slash command's certificate with a form of its own; it only needs a 200.
    if (form.get('ssl_check') === '1') return { kind: 'ignored', reason: 'ssl_check' };
    return classifyCommand(Object.fromEntries(form), self);
  }
  throw invalid(`a Slack request must be JSON or a form, not ${type || 'no content type'}`);
}

function classifyJson(body: unknown, self: SlackSelf): SlackInbound {
  const challenge = urlVerificationSchema.safeParse(body);
  if (challenge.success) return { kind: 'challenge', challenge: challenge.data.challenge };
  const parsed = eventCallbackSchema.safeParse(body);
  if (!parsed.success) throw invalid('the body is not a Slack event');
  const { event, event_id: eventId, api_app_id: appId } = parsed.data;
  if (self.appId && appId && appId !== self.appId) return { kind: 'ignored', reason: 'other_app' };
  const reason = ignoreReason(event, self);
  if (reason) return { kind: 'ignored', reason };
  return { kind: 'event', eventId, type: 'event_callback', body: body as Record<string, unknown> };
}

/** The ignore rules for Events API payloads; each has a named fixture test. */
export function ignoreReason(event: z.infer<typeof messageEventSchema>, self: SlackSelf): SlackIgnoreReason | undefined {
  if (!HANDLED_EVENTS.has(event.type)) return 'unsupported_event';
  if (event.type === 'app_home_opened') return event.tab === undefined || event.tab === 'home' ? undefined : 'unsupported_event';
  // Our own posts come back as events: by bot id, by our bot user, or as bot_message.
  if (event.bot_id !== undefined || event.subtype === 'bot_message') return 'bot_echo';
  if (self.botUserId && event.user === self.botUserId) return 'bot_echo';
  if (event.subtype === 'message_changed' || event.subtype === 'message_deleted') return 'edit';
  // Joins, topic changes, pins…: nothing a patron should receive. A reply also sent to the channel
  // (thread_broadcast) is a reply; a file shared in a thread is taken so its author can be told that files
  // are not forwarded.
  if (event.subtype !== undefined && !REPLY_SUBTYPES.has(event.subtype)) return 'subtype';
  // A top-level channel message is chat among staff; only replies in a ticket's thread matter.
  if (!event.thread_ts || event.thread_ts === event.ts) return 'not_a_thread_reply';
  if (!event.user || (!event.text?.trim() && event.subtype !== 'file_share')) return 'subtype';
  return undefined;
}

function classifyInteraction(body: unknown, self: SlackSelf): SlackInbound {
  const parsed = interactionSchema.safeParse(body);
  if (!parsed.success) throw invalid('the payload is not a Slack interaction');
  const interaction = parsed.data;
  if (self.appId && interaction.api_app_id && interaction.api_app_id !== self.appId) return { kind: 'ignored', reason: 'other_app' };
  // A button press has no event id; its action_ts with the user names it uniquely, and Slack resends the same.
  const action = interaction.actions?.[0];
  const eventId =
    interaction.type === 'block_actions' && action?.action_ts
      ? `action:${interaction.user.id}:${action.action_ts}`
      : interaction.trigger_id
        ? `trigger:${interaction.trigger_id}`
        : undefined;
  if (!eventId) throw invalid('the interaction has neither an action time nor a trigger id');
  if (interaction.type === 'view_closed' || interaction.type === 'shortcut' || interaction.type === 'message_action') {
    return { kind: 'ignored', reason: 'unsupported_event' };
  }
  return { kind: 'event', eventId, type: 'interaction', body: body as Record<string, unknown> };
}

function classifyCommand(form: Record<string, string>, self: SlackSelf): SlackInbound {
  const parsed = commandSchema.safeParse(form);
  if (!parsed.success) throw invalid('the form is not a Slack slash command');
  if (self.appId && parsed.data.api_app_id && parsed.data.api_app_id !== self.appId) return { kind: 'ignored', reason: 'other_app' };
  return { kind: 'event', eventId: `trigger:${parsed.data.trigger_id}`, type: 'command', body: form };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('the body is not valid JSON');
  }
}

function invalid(message: string): LibdeskError {
  return new LibdeskError('LD_VALIDATION', `Slack request refused: ${message}.`, { details: { platform: 'slack' } });
}
