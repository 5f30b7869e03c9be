import { LibdeskError } from '../core/errors.js';
import { isUniqueViolation, type Db, type Provider } from '../db/index.js';
import type { DocumentKind, KnowledgeDocumentStore, StoredDocument } from './knowledge-store.js';

type Row = { revision: number; kind: string; name: string; content: string; retired: boolean; updatedBy: string; updatedAt: Date };

const toDocument = (row: Row): StoredDocument => ({ ...row, kind: row.kind as DocumentKind });

const conflict = (name: string) =>
  new LibdeskError('LD_CONFLICT', `${name} was changed by someone else meanwhile. Open it again to see their version.`, { details: { name } });

/** Any fixed number: the PostgreSQL advisory lock that puts knowledge saves in a row. */
const SAVE_LOCK_KEY = 7_310_417;

/** KnowledgeDocument rows through Prisma; works the same on SQLite and PostgreSQL. */
export function createKnowledgeStoreRepository(prisma: Db, provider: Provider): KnowledgeDocumentStore {
  return {
    async latestRevision() {
      const result = await prisma.knowledgeDocument.aggregate({ _max: { revision: true } });
      return result._max.revision ?? 0;
    },
    async list(kind) {
      const rows = await prisma.knowledgeDocument.findMany({ ...(kind ? { where: { kind } } : {}), orderBy: { name: 'asc' } });
      return rows.map(toDocument);
    },
    async find(kind, name) {
      const row = await prisma.knowledgeDocument.findUnique({ where: { kind_name: { kind, name } } });
      return row ? toDocument(row) : undefined;
    },
    async save(document, now) {
      const { expectedRevision, ...fields } = document;
      try {
        // Replacing the row gives it the next revision from the primary key's own sequence: no counter
        // to keep, and the highest revision is always the latest change.
        const row = await prisma.$transaction(async (tx) => {
          // Saves commit one at a time, in the order of their revisions. Otherwise a slow save could
          // commit revision 10 after a quick one committed 11, and processes polling the highest revision
          // (already 11) would never reload for it. SQLite has one writer at a time anyway.
          if (provider === 'postgresql') await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SAVE_LOCK_KEY})`);
          const where = { kind_name: { kind: fields.kind, name: fields.name } };
          const current = await tx.knowledgeDocument.findUnique({ where, select: { revision: true } });
          if ((current?.revision ?? 0) !== expectedRevision) throw conflict(fields.name);
          if (current) await tx.knowledgeDocument.delete({ where: { revision: current.revision } });
          return tx.knowledgeDocument.create({ data: { ...fields, updatedAt: now } });
        });
        return toDocument(row);
      } catch (error) {
        // Two saves at the same moment: the second finds the first's row in its way.
        if (isUniqueViolation(error) || (error as { code?: string }).code === 'P2025') throw conflict(fields.name);
        throw error;
      }
    },
  };
}
