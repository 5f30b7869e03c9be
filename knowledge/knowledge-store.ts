/**
 * The knowledge documents an administrator saved in the staff console: the library settings
 * (library.yaml's shape) and articles (front matter and Markdown). They live in the database so that
 * every process, on every machine, serves the same hours and articles; the shipped files are the
 * starting point (see knowledge-documents.ts).
 */
export const DOCUMENT_KINDS = ['library', 'article'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The library settings' one document name: the file it stands for. */
export const LIBRARY_DOCUMENT = 'library.yaml';

export interface StoredDocument {
  kind: DocumentKind;
  /** The file it stands for: library.yaml, or an article's file name ("wifi.md"). */
  name: string;
  content: string;
  retired: boolean;
  /** Grows with every save, across all documents. */
  revision: number;
  updatedBy: string;
  updatedAt: Date;
}

export interface DocumentSave {
  kind: DocumentKind;
  name: string;
  content: string;
  retired: boolean;
  updatedBy: string;
  /**
   * The revision the editor started from (0: none, the shipped file). A save on top of someone else's
   * newer one is refused with LD_CONFLICT rather than silently undoing it.
   */
  expectedRevision: number;
}

export interface KnowledgeDocumentStore {
  /**
   * The highest revision saved (0 when none): one primary-key lookup, cheap enough to poll. Saves commit
   * in revision order, so a change is never hidden behind a higher revision seen earlier.
   */
  latestRevision(): Promise<number>;
  list(kind?: DocumentKind): Promise<StoredDocument[]>;
  find(kind: DocumentKind, name: string): Promise<StoredDocument | undefined>;
  save(document: DocumentSave, now: Date): Promise<StoredDocument>;
}
