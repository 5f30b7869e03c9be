import { expect, it } from 'vitest';
import { rawRows, type Sql } from '../../db/index.js';
import { SQL_SCHEMA_COLUMNS } from '../../db/sql-schema.js';

interface ColumnInfo {
  name: string;
  required: boolean;
}

async function columnsOf(sql: Sql, table: string): Promise<ColumnInfo[]> {
  if (sql.provider === 'sqlite') {
    const found = await sql.run(() => rawRows<{ name: string; notnull: number; dflt_value: string | null; pk: number }>('SELECT name, "notnull", dflt_value, pk FROM pragma_table_info(?)', [table]));
    return found.map((column) => ({ name: column.name, required: column.notnull === 1 && column.dflt_value === null }));
  }
  const found = await sql.run(() =>
    rawRows<{ name: string; is_nullable: string; column_default: string | null }>(
      'SELECT column_name AS name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
      [table],
    ),
  );
  return found.map((column) => ({ name: column.name, required: column.is_nullable === 'NO' && column.column_default === null }));
}

/**
 * The typed SQL layer declares the hot-path tables by hand (db/sql-schema.ts); the migrations made from
 * prisma/schema.prisma are the truth. Every declared column must exist, and every column a row cannot be
 * inserted without must be declared.
 */
export function runSqlSchemaContract(open: () => Promise<Sql>): void {
  it('declares the hot-path tables as the migrations created them', async () => {
    const sql = await open();
    for (const [table, declared] of Object.entries(SQL_SCHEMA_COLUMNS)) {
      const actual = await columnsOf(sql, table);
      expect(actual.length, `table ${table} exists`).toBeGreaterThan(0);
      const names = new Set(actual.map((column) => column.name));
      expect(declared.filter((column) => !names.has(column)), `${table}: declared columns missing from the database`).toEqual([]);
      expect(
        actual.filter((column) => column.required && !declared.includes(column.name)).map((column) => column.name),
        `${table}: required columns the SQL layer does not know`,
      ).toEqual([]);
    }
  });
}
