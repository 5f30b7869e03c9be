import type { Db } from '../db/index.js';
import type { StaffRole } from '../core/staff.js';

type StaffRow = Awaited<ReturnType<Db['staffMember']['findFirstOrThrow']>>;
type ApiKeyRow = Awaited<ReturnType<Db['apiKey']['findFirstOrThrow']>>;

export interface StaffMemberRecord {
  id: string;
  name: string;
  role: StaffRole;
  slackUserId: string | null;
  discordUserId: string | null;
  createdAt: Date;
  disabledAt: Date | null;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  createdAt: Date;
  disabledAt: Date | null;
}

function toStaff(row: StaffRow): StaffMemberRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role as StaffRole,
    slackUserId: row.slackUserId,
    discordUserId: row.discordUserId,
    createdAt: row.createdAt,
    disabledAt: row.disabledAt,
  };
}

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return { id: row.id, name: row.name, createdAt: row.createdAt, disabledAt: row.disabledAt };
}

/** True for the unique-constraint error of either driver adapter (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/** Staff members and integration keys, looked up by the SHA-256 of the presented token. */
export function createStaffRepository(prisma: Db) {
  const repository = {
    async findStaffByTokenHash(tokenHash: string): Promise<StaffMemberRecord | undefined> {
      const row = await prisma.staffMember.findUnique({ where: { tokenHash } });
      return row ? toStaff(row) : undefined;
    },
    async findStaffByName(name: string): Promise<StaffMemberRecord | undefined> {
      const row = await prisma.staffMember.findUnique({ where: { name } });
      return row ? toStaff(row) : undefined;
    },
    async countStaff(): Promise<number> {
      return prisma.staffMember.count();
    },
    async listStaff(): Promise<StaffMemberRecord[]> {
      return (await prisma.staffMember.findMany({ orderBy: { name: 'asc' } })).map(toStaff);
    },
    async createStaff(input: { name: string; role: StaffRole; tokenHash: string; createdAt: Date }): Promise<StaffMemberRecord> {
      return toStaff(await prisma.staffMember.create({ data: input }));
    },
    /** Sets a new token hash (and re-enables); undefined when no member has that name. */
    async replaceStaffToken(name: string, tokenHash: string): Promise<StaffMemberRecord | undefined> {
      const { count } = await prisma.staffMember.updateMany({ where: { name }, data: { tokenHash, disabledAt: null } });
      return count === 0 ? undefined : repository.findStaffByName(name);
    },
    async disableStaff(name: string, at: Date): Promise<boolean> {
      const { count } = await prisma.staffMember.updateMany({ where: { name }, data: { disabledAt: at } });
      return count > 0;
    },

    async findApiKeyByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
      const row = await prisma.apiKey.findUnique({ where: { keyHash } });
      return row ? toApiKey(row) : undefined;
    },
    async listApiKeys(): Promise<ApiKeyRecord[]> {
      return (await prisma.apiKey.findMany({ orderBy: { name: 'asc' } })).map(toApiKey);
    },
    async createApiKey(input: { name: string; keyHash: string; createdAt: Date }): Promise<ApiKeyRecord> {
      return toApiKey(await prisma.apiKey.create({ data: input }));
    },
    async disableApiKey(name: string, at: Date): Promise<boolean> {
      const { count } = await prisma.apiKey.updateMany({ where: { name }, data: { disabledAt: at } });
      return count > 0;
    },
  };
  return repository;
}
export type StaffRepository = ReturnType<typeof createStaffRepository>;
