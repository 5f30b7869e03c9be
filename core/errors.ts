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
  LD_MIGRATION_CHECKSUM: 'An applied database migration was changed after it was applied.',
  LD_MIGRATION_FAILED: 'A database migration failed to apply.',
  LD_KNOWLEDGE_INVALID: 'A knowledge file could not be read.',
  LD_JOB_UNKNOWN: 'A job was enqueued that no worker handles.',
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
