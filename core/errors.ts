/**
 * One base error with stable codes. Every code is listed in docs/errors.md; `http/` maps codes to
 * status codes in one place.
 */
export const ERROR_CODES = {
  LD_CONFIG_INVALID: 'A setting in the environment is missing or invalid.',
  LD_VALIDATION: 'Input from outside did not match the expected shape.',
  LD_NOT_FOUND: 'The thing asked for does not exist.',
  LD_UNKNOWN_ASSET: 'No device has that asset tag.',
  LD_CONFLICT: 'The request conflicts with the current state.',
  LD_UNAUTHORIZED: 'The route needs a credential (a staff token or an integration API key) and none valid was sent.',
  LD_FORBIDDEN: 'The caller is known but may not do this (a channel only its verified webhook may use, a form from another site).',
  LD_SESSION_EXPIRED: 'The web-chat session ended, expired after inactivity, or was never issued by this server.',
  LD_TICKET_TRANSITION: 'The ticket cannot make that change in its current status.',
  LD_CHANNEL_BAD_SIGNATURE: 'A webhook from a chat platform (Slack, Discord) failed its signature or freshness check.',
  LD_TWILIO_BAD_SIGNATURE: 'A Twilio webhook (SMS or status callback) failed its X-Twilio-Signature check.',
  LD_CHANNEL_SEND_FAILED: 'A chat platform (Twilio, Discord) did not take an outbound message; the delivery is retried.',
  LD_CHANNEL_REJECTED: 'A chat platform refused the recipient for good (an invalid or landline number, a user who blocks the bot).',
  LD_MIGRATION_CHECKSUM: 'An applied database migration was changed after it was applied.',
  LD_MIGRATION_FAILED: 'A database migration failed to apply.',
  LD_KNOWLEDGE_INVALID: 'A knowledge file could not be read.',
  LD_JOB_UNKNOWN: 'A job was enqueued that no worker handles.',
  LD_ILS_UNAVAILABLE: 'The library system (ILS) could not be reached or refused the connection.',
  LD_ILS_TIMEOUT: 'The library system (ILS) did not answer in time.',
  LD_ILS_PROTOCOL: 'The library system (ILS) answered with something that could not be read.',
  LD_INTERNAL: 'Something unexpected failed.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class LibdeskError extends Error {
  readonly code: ErrorCode;
  /** Extra facts safe to show to the caller (never patron data). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; details?: Record<string, unknown> } = {}) {
    super(message, { cause: options.cause });
    this.name = 'LibdeskError';
    this.code = code;
    this.details = options.details;
  }
}

export function isLibdeskError(error: unknown, code?: ErrorCode): error is LibdeskError {
  return error instanceof LibdeskError && (code === undefined || error.code === code);
}
