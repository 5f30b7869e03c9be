/** The library's own mailbox as configured: `ask@library.org` or `Riverside Library <ask@library.org>`. */
export interface MailboxAddress {
  name?: string;
  /** Lower-case. */
  address: string;
}

const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** Parses MAIL_FROM; returns undefined when it holds no single plain address. */
export function parseMailboxAddress(value: string): MailboxAddress | undefined {
  const trimmed = value.trim();
  const named = /^(.*)<([^<>]+)>$/.exec(trimmed);
  const address = (named ? named[2] : trimmed)?.trim().toLowerCase() ?? '';
  if (!ADDRESS.test(address)) return undefined;
  const name = named?.[1]?.trim().replace(/^"(.*)"$/, '$1').trim();
  return { address, ...(name ? { name } : {}) };
}

/** The part after the @, for our own Message-IDs. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}
