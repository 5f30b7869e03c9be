import { z } from 'zod';

/** Dates leave the API as ISO 8601 strings; handlers return `Date` and the serializer encodes it. */
export const isoDateSchema = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});
