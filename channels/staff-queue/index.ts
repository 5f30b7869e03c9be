export { bestEffort } from './best-effort.js';
export { parseStaffCommand, STAFF_COMMAND_HELP, type StaffCommand } from './commands.js';
export { createStaffActions, type ActionOutcome, type QueueStats, type StaffActions, type StaffTickets } from './staff-actions.js';
export { threadLineFor, type LineFormat } from './thread-lines.js';
export { describeAssignee, shortDue, STATUS_LABELS } from './ticket-text.js';
