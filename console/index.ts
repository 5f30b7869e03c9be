export { consoleRoutes, CONSOLE_CSRF_COOKIE, CONSOLE_SESSION_COOKIE, type ConsoleDeps, type ConsoleRoutesOptions } from './console-routes.js';
export { createConsoleAccounts, type ConsoleAccounts, type ConsoleAccountsOptions, type ConsoleSession } from './console-accounts.js';
export { createConsoleRepository } from './console.repository.js';
export type { ConsoleStore, ConsoleStaffRecord, StaffSessionRecord } from './console-store.js';
export { createClusterQueueFeed, createMemoryQueueFeed, createRedisQueueFeed, type QueueFeed } from './queue-feed.js';
export { loadCannedReplies, type CannedReply } from './canned-replies.js';
export { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from './passwords.js';
export { createDevicesRepository, type DeviceAdminStore, type ManagedDevice } from './devices.repository.js';
