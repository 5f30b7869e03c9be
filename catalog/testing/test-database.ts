import { openDatabase, type Database } from '../../db/index.js';

/** A fresh, migrated SQLite database in `dir` (the migrations hold the catalog tables). */
export async function openTestDatabase(dir: string): Promise<Database> {
  return openDatabase({ dataDir: dir });
}
