import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FIRST_TOKEN_FILE = 'first-staff-token';

/**
 * Keeps the first admin token where only the service's own user can read it (mode 0600), so an operator
 * who missed the line printed at start can still find it.
 * Returns the file's path.
 */
export function writeFirstStaffToken(dataDir: string, token: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, FIRST_TOKEN_FILE);
  // Just the token, so `Authorization: Bearer $(cat data/first-staff-token)` works. A file left by an
  // earlier install holds a dead token and is replaced; chmod covers a file that already existed.
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/** The human line printed once at start: not JSON, not through the logger (which would scrub it). */
export function firstStaffTokenNotice(name: string, token: string, file: string | undefined): string {
  return [
    '',
    `Libdesk: no staff member existed, so the admin "${name}" was created. Its token (shown only this once):`,
    '',
    `    ${token}`,
    '',
    file ? `It is also in ${file} (readable by this user only).` : 'It could not be saved under DATA_DIR: copy it now.',
    'Send it as "Authorization: Bearer <token>" to the staff API; add colleagues with `libdesk staff add NAME`,',
    `replace it with \`libdesk staff rotate ${name}\`.`,
    '',
  ].join('\n');
}

/**
 * On a fresh install (no staff member at all) makes the first admin, prints its token once through
 * `announce` and keeps it in DATA_DIR/first-staff-token. Returns the token, or undefined when staff
 * members already exist (or another process starting at the same moment made the admin).
 */
export async function ensureFirstStaffCredential(
  staff: { ensureFirstAdmin(): Promise<{ member: { name: string }; token: string } | undefined> },
  dataDir: string,
  announce: (text: string) => void,
): Promise<string | undefined> {
  const issued = await staff.ensureFirstAdmin();
  if (!issued) return undefined;
  let file: string | undefined;
  try {
    file = writeFirstStaffToken(dataDir, issued.token);
  } catch {
    // A read-only DATA_DIR (a container on PostgreSQL) must not stop the start: the printed line is enough.
    file = undefined;
  }
  announce(firstStaffTokenNotice(issued.member.name, issued.token, file));
  return issued.token;
}
