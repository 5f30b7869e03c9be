import type { Db } from '../db/index.js';
import type { StaffRole } from '../core/staff.js';
import type { ConsoleStaffRecord, ConsoleStore } from './console-store.js';

type StaffRow = { id: string; name: string; role: string; passwordHash: string | null; disabledAt: Date | null };

function toStaff(row: StaffRow): ConsoleStaffRecord {
  return { id: row.id, name: row.name, role: row.role as StaffRole, passwordHash: row.passwordHash, disabled: row.disabledAt !== null };
}

const STAFF_FIELDS = { id: true, name: true, role: true, passwordHash: true, disabledAt: true } as const;

/** The console's sessions, staff passwords and READ scale in Libdesk's database (SQLite or PostgreSQL). */
export function createConsoleRepository(prisma: Db): ConsoleStore {
  return {
    async findStaffByName(name) {
      const row = await prisma.staffMember.findUnique({ where: { name }, select: STAFF_FIELDS });
      return row ? toStaff(row) : undefined;
    },
    async findStaffById(id) {
      const row = await prisma.staffMember.findUnique({ where: { id }, select: STAFF_FIELDS });
      return row ? toStaff(row) : undefined;
    },
    async listStaffNames() {
      const rows = await prisma.staffMember.findMany({ where: { disabledAt: null }, select: { name: true }, orderBy: { name: 'asc' } });
      return rows.map((row) => row.name);
    },
    async listMembers() {
      const rows = await prisma.staffMember.findMany({ select: STAFF_FIELDS, orderBy: { name: 'asc' } });
      return rows.map((row) => ({ name: row.name, role: row.role as StaffRole, hasPassword: row.passwordHash !== null, disabled: row.disabledAt !== null }));
    },
    async setPasswordHash(name, passwordHash) {
      const { count } = await prisma.staffMember.updateMany({ where: { name }, data: { passwordHash } });
      return count > 0;
    },
    async createSession(session) {
      await prisma.staffSession.create({ data: session });
    },
    async findSession(id) {
      return (await prisma.staffSession.findUnique({ where: { id } })) ?? undefined;
    },
    async touchSession(id, lastSeenAt, expiresAt) {
      await prisma.staffSession.updateMany({ where: { id }, data: { lastSeenAt, expiresAt } });
    },
    async deleteSession(id) {
      await prisma.staffSession.deleteMany({ where: { id } });
    },
    async deleteSessionsOf(staffId) {
      return (await prisma.staffSession.deleteMany({ where: { staffId } })).count;
    },
    async deleteExpiredSessions(now) {
      return (await prisma.staffSession.deleteMany({ where: { expiresAt: { lt: now } } })).count;
    },
    async setReadScale(ticketId, scale) {
      const { count } = await prisma.ticket.updateMany({ where: { id: ticketId }, data: { readScale: scale } });
      return count > 0;
    },
    async readScaleOf(ticketId) {
      const row = await prisma.ticket.findUnique({ where: { id: ticketId }, select: { readScale: true } });
      return row?.readScale ?? undefined;
    },
  };
}
