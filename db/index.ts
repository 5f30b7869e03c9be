export { openDatabase, migrateDatabase, sqliteFileFor, type Database, type DatabaseOptions, type Db } from './database.js';
export type { MigrationReport, Provider } from './migrator.js';
