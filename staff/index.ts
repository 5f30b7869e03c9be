export { createStaffRepository, type ApiKeyRecord, type StaffMemberRecord, type StaffRepository } from './staff.repository.js';
export { createStaffService, FIRST_ADMIN_NAME, type IssuedApiKey, type IssuedStaffToken, type StaffService, type StaffServiceOptions } from './staff-service.js';
export { ensureFirstStaffCredential, FIRST_TOKEN_FILE, firstStaffTokenNotice, writeFirstStaffToken } from './first-token.js';
