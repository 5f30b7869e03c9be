export { openDatabase, migrateDatabase, sqliteFileFor, type Database, type DatabaseOptions, type Db } from './database.js';
export type { MigrationReport, Provider } from './migrator.js';
export { createPostgresSql, createSqliteSql, exec, execOf, first, firstOf, isUniqueViolation, prepare, rawRows, rows, rowsOf, toDate, type Prepared, type Sql, type SqlScript } from './sql.js';
export type { SqlSchema } from './sql-schema.js';
export { timeOrderedUuid } from './time-ordered-id.js';
