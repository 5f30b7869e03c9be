import pino, { type DestinationStream, type Logger as PinoLogger } from 'pino';
import { redactText, redactValue } from './redact.js';

export interface LoggerOptions {
  level: string;
  /** Where lines go (tests pass a stream to read them back); stdout by default. */
  destination?: DestinationStream;
}

/** Structured JSON logs with personal data scrubbed from every field and from the message itself. */
export function createLogger(options: LoggerOptions): PinoLogger {
  return pino(
    {
      level: options.level,
      base: { service: 'libdesk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        log: (object) => redactValue(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          // The message string (pino's last string argument) is scrubbed too.
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as typeof args;
          method.apply(this, scrubbed);
        },
      },
      serializers: {
        err: (error: unknown) => redactValue(pino.stdSerializers.err(error as Error)),
      },
    },
    options.destination,
  );
}
