/**
 * Who may call the closed parts of Libdesk. Staff members read and act on tickets; integrations (a
 * library's own systems) may post inquiries. Both present a bearer token; only its SHA-256 is stored.
 */
export const STAFF_ROLES = ['staff', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The staff identity a request acts as; every staff action is attributed to it. */
export interface StaffIdentity {
  id: string;
  name: string;
  role: StaffRole;
}

/** A trusted integration holding an API key (`libdesk apikey add NAME`). */
export interface IntegrationIdentity {
  id: string;
  name: string;
}

/** Turns a presented bearer token into the staff identity it belongs to, or nothing. */
export interface StaffAuthenticator {
  authenticateStaff(token: string): Promise<StaffIdentity | undefined>;
}

/** Turns a presented API key into the integration it belongs to, or nothing. */
export interface IntegrationAuthenticator {
  authenticateIntegration(key: string): Promise<IntegrationIdentity | undefined>;
}

/** Names of staff members and API keys: what the CLI and the audit trail show. */
export const CREDENTIAL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** The name STAFF_API_TOKEN acts under. */
export const BOOTSTRAP_STAFF_NAME = 'bootstrap';
