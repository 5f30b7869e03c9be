import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LibdeskError } from '../core/errors.js';
import { LIBRARY_DOCUMENT, type DocumentKind, type KnowledgeDocumentStore } from './knowledge-store.js';

/** One knowledge document as it is in service: a shipped file, or what an administrator saved over it. */
export interface KnowledgeDocument {
  kind: DocumentKind;
  /** library.yaml, or an article's file name ("wifi.md"). */
  name: string;
  text: string;
  /** `file`: the shipped file as it is; `database`: saved in the staff console (over a file or new). */
  source: 'file' | 'database';
  /** Whether a shipped file of this name exists (an edited one can then be compared with it). */
  shipped: boolean;
  retired: boolean;
  revision?: number;
  updatedBy?: string;
  updatedAt?: Date;
}

/** Where one kind of document's shipped files are. */
export type DocumentFiles = { kind: 'library'; file: string } | { kind: 'article'; dir: string };

async function shippedFiles(files: DocumentFiles): Promise<Map<string, string>> {
  if (files.kind === 'library') {
    try {
      return new Map([[LIBRARY_DOCUMENT, await readFile(files.file, 'utf8')]]);
    } catch {
      return new Map();
    }
  }
  let names: string[];
  try {
    names = (await readdir(files.dir)).filter((name) => name.endsWith('.md')).sort();
  } catch (error) {
    throw new LibdeskError('LD_KNOWLEDGE_INVALID', `${files.dir}: cannot read the articles folder`, { cause: error, details: { file: files.dir } });
  }
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(files.dir, name), 'utf8')] as const)));
}

/**
 * The one loader of knowledge documents, for the calendar (library settings) and the knowledge base
 * (articles) alike: the shipped files, with every database row of the same name winning over its file,
 * and rows without a file added. Sorted by name, so the same documents always load in the same order.
 * Retired documents are included (marked); callers that serve patrons skip them.
 */
export async function loadDocuments(files: DocumentFiles, store?: KnowledgeDocumentStore): Promise<KnowledgeDocument[]> {
  const [shipped, rows] = await Promise.all([shippedFiles(files), store ? store.list(files.kind) : Promise.resolve([])]);
  const documents = new Map<string, KnowledgeDocument>();
  for (const [name, text] of shipped) documents.set(name, { kind: files.kind, name, text, source: 'file', shipped: true, retired: false });
  for (const row of rows) {
    documents.set(row.name, {
      kind: files.kind,
      name: row.name,
      text: row.content,
      source: 'database',
      shipped: shipped.has(row.name),
      retired: row.retired,
      revision: row.revision,
      updatedBy: row.updatedBy,
      updatedAt: row.updatedAt,
    });
  }
  return [...documents.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The library settings in service; LD_KNOWLEDGE_INVALID when there is neither a row nor a readable file. */
export async function loadLibraryDocument(file: string, store?: KnowledgeDocumentStore): Promise<KnowledgeDocument> {
  const [document] = await loadDocuments({ kind: 'library', file }, store);
  if (!document) throw new LibdeskError('LD_KNOWLEDGE_INVALID', `${file}: cannot be read`, { details: { file } });
  return document;
}

/** How a document is named in messages: its file, or where an administrator saved it. */
export function documentLabel(document: Pick<KnowledgeDocument, 'name' | 'source'>, file = document.name): string {
  return document.source === 'database' ? `${document.name} (saved in the staff console)` : file;
}
