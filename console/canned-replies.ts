import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

/** One answer staff send often, picked from a list on the ticket page. */
export interface CannedReply {
  id: string;
  title: string;
  text: string;
}

const cannedRepliesSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an id is lowercase letters, digits and "-"'),
    title: z.string().min(1).max(80),
    text: z.string().min(1).max(2000),
  }),
);

/** Reads `canned-replies.yaml` from the knowledge folder; a missing file means no canned replies. */
export async function loadCannedReplies(file: string): Promise<CannedReply[]> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const parsed = cannedRepliesSchema.safeParse(parse(source) ?? []);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}
