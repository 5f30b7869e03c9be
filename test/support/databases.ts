import { openDatabase, type Database } from '../../db/index.js';
import { createTemporaryDir, createTemporaryPostgresDatabase } from './services.js';

/** A migrated database that exists for one test file; `close()` disconnects and throws it away. */
export interface TemporaryDatabase {
  db: Database;
  close(): Promise<void>;
}

/** Embedded SQLite in a temporary DATA_DIR. */
export async function openTemporarySqlite(): Promise<TemporaryDatabase> {
  const temp = createTemporaryDir();
  const db = await openDatabase({ dataDir: temp.dir });
  return {
    db,
    async close() {
      await db.close();
      temp.remove();
    },
  };
}

/** A fresh PostgreSQL database on the server at DATABASE_URL. */
export async function openTemporaryPostgres(): Promise<TemporaryDatabase> {
  const database = await createTemporaryPostgresDatabase();
  const db = await openDatabase({ dataDir: '', databaseUrl: database.url });
  return {
    db,
    async close() {
      await db.close();
      await database.drop();
    },
  };
}
