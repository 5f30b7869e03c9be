import type { IntegrationAuthenticator, IntegrationIdentity, StaffAuthenticator, StaffIdentity } from '../../core/staff.js';

/**
 * Staff tokens and integration keys for the HTTP tests: a fixed table, as the staff service would
 * answer after hashing and looking them up. `disable` makes a credential stop working.
 */
export interface FakeCredentials extends StaffAuthenticator, IntegrationAuthenticator {
  readonly staffToken: string;
  readonly apiKey: string;
  addStaff(token: string, identity: StaffIdentity): void;
  disable(token: string): void;
}

export function createFakeCredentials(): FakeCredentials {
  const staffToken = 'lds_test-staff-token-0123456789abcdefghijklmnopq';
  const apiKey = 'ldk_test-api-key-0123456789abcdefghijklmnopqrstu';
  const staff = new Map<string, StaffIdentity>([[staffToken, { id: 'staff-1', name: 'ann', role: 'staff' }]]);
  const integrations = new Map<string, IntegrationIdentity>([[apiKey, { id: 'key-1', name: 'catalog-kiosk' }]]);
  return {
    staffToken,
    apiKey,
    async authenticateStaff(token) {
      return staff.get(token);
    },
    async authenticateIntegration(key) {
      return integrations.get(key);
    },
    addStaff(token, identity) {
      staff.set(token, identity);
    },
    disable(token) {
      staff.delete(token);
      integrations.delete(token);
    },
  };
}
