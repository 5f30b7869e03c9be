import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { LibdeskError } from '../core/errors.js';
import {
  BOOTSTRAP_STAFF_NAME,
  CREDENTIAL_NAME_PATTERN,
  type IntegrationAuthenticator,
  type IntegrationIdentity,
  type StaffAuthenticator,
  type StaffIdentity,
  type StaffRole,
} from '../core/staff.js';
import { isUniqueViolation, type ApiKeyRecord, type StaffMemberRecord, type StaffRepository } from './staff.repository.js';
import { API_KEY_PREFIX, generateToken, hashToken, STAFF_TOKEN_PREFIX } from './tokens.js';

export interface StaffServiceOptions {
  repository: StaffRepository;
  clock: Clock;
  /** STAFF_API_TOKEN: still accepted, as the admin identity named "bootstrap". */
  bootstrapToken?: string | undefined;
  /**
   * How long a looked-up token is remembered (default 10 s), so an authenticated API costs no query per
   * request. A token disabled by another process (the CLI) stops working within this time.
   */
  cacheMs?: number;
}

/** A credential just made: the token is shown once and never stored. */
export interface IssuedStaffToken {
  member: StaffMemberRecord;
  token: string;
}
export interface IssuedApiKey {
  apiKey: ApiKeyRecord;
  key: string;
}

export interface StaffService extends StaffAuthenticator, IntegrationAuthenticator {
  addStaff(name: string, role?: StaffRole): Promise<IssuedStaffToken>;
  rotateStaff(name: string): Promise<IssuedStaffToken>;
  disableStaff(name: string): Promise<void>;
  listStaff(): Promise<StaffMemberRecord[]>;
  addApiKey(name: string): Promise<IssuedApiKey>;
  disableApiKey(name: string): Promise<void>;
  listApiKeys(): Promise<ApiKeyRecord[]>;
  /**
   * On a fresh install (no staff member at all) creates the admin "admin" and returns its token, once.
   * Two processes starting together create one: the loser of the unique name gets undefined.
   */
  ensureFirstAdmin(): Promise<IssuedStaffToken | undefined>;
}

const CACHE_LIMIT = 1000;
export const FIRST_ADMIN_NAME = 'admin';

export function createStaffService(options: StaffServiceOptions): StaffService {
  const { repository, clock } = options;
  const cacheMs = options.cacheMs ?? 10_000;
  const bootstrapHash = options.bootstrapToken ? Buffer.from(hashToken(options.bootstrapToken), 'hex') : undefined;
  const cache = new Map<string, { identity: StaffIdentity | IntegrationIdentity | undefined; until: number }>();

  async function cached<T extends StaffIdentity | IntegrationIdentity>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const now = clock.now().getTime();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.identity as T | undefined;
    const identity = await load();
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, { identity, until: now + cacheMs });
    return identity;
  }

  function checkName(name: string): string {
    if (!CREDENTIAL_NAME_PATTERN.test(name)) {
      throw new LibdeskError('LD_VALIDATION', 'A name is 1 to 64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit.', {
        details: { fields: ['name'] },
      });
    }
    if (name === BOOTSTRAP_STAFF_NAME) throw new LibdeskError('LD_VALIDATION', `"${BOOTSTRAP_STAFF_NAME}" is kept for STAFF_API_TOKEN.`);
    return name;
  }

  async function create<T>(name: string, insert: () => Promise<T>): Promise<T> {
    try {
      return await insert();
    } catch (error) {
      if (isUniqueViolation(error)) throw new LibdeskError('LD_CONFLICT', `There is already one named ${name}.`, { cause: error });
      throw error;
    }
  }

  async function addStaff(name: string, role: StaffRole = 'staff'): Promise<IssuedStaffToken> {
    checkName(name);
    const token = generateToken(STAFF_TOKEN_PREFIX);
    const member = await create(name, () => repository.createStaff({ name, role, tokenHash: hashToken(token), createdAt: clock.now() }));
    return { member, token };
  }

  return {
    async authenticateStaff(token) {
      const hash = hashToken(token);
      if (bootstrapHash && timingSafeEqual(Buffer.from(hash, 'hex'), bootstrapHash)) {
        return { id: BOOTSTRAP_STAFF_NAME, name: BOOTSTRAP_STAFF_NAME, role: 'admin' };
      }
      return cached<StaffIdentity>(`staff:${hash}`, async () => {
        const member = await repository.findStaffByTokenHash(hash);
        return member && !member.disabledAt ? { id: member.id, name: member.name, role: member.role } : undefined;
      });
    },

    async authenticateIntegration(key) {
      const hash = hashToken(key);
      return cached<IntegrationIdentity>(`key:${hash}`, async () => {
        const apiKey = await repository.findApiKeyByHash(hash);
        return apiKey && !apiKey.disabledAt ? { id: apiKey.id, name: apiKey.name } : undefined;
      });
    },

    addStaff,

    async rotateStaff(name) {
      const token = generateToken(STAFF_TOKEN_PREFIX);
      const member = await repository.replaceStaffToken(name, hashToken(token));
      if (!member) throw new LibdeskError('LD_NOT_FOUND', `There is no staff member named ${name}.`);
      cache.clear();
      return { member, token };
    },

    async disableStaff(name) {
      if (!(await repository.disableStaff(name, clock.now()))) throw new LibdeskError('LD_NOT_FOUND', `There is no staff member named ${name}.`);
      cache.clear();
    },

    listStaff: () => repository.listStaff(),

    async addApiKey(name) {
      checkName(name);
      const key = generateToken(API_KEY_PREFIX);
      const apiKey = await create(name, () => repository.createApiKey({ name, keyHash: hashToken(key), createdAt: clock.now() }));
      return { apiKey, key };
    },

    async disableApiKey(name) {
      if (!(await repository.disableApiKey(name, clock.now()))) throw new LibdeskError('LD_NOT_FOUND', `There is no API key named ${name}.`);
      cache.clear();
    },

    listApiKeys: () => repository.listApiKeys(),

    async ensureFirstAdmin() {
      if ((await repository.countStaff()) > 0) return undefined;
      try {
        return await addStaff(FIRST_ADMIN_NAME, 'admin');
      } catch (error) {
        if (error instanceof LibdeskError && error.code === 'LD_CONFLICT') return undefined;
        throw error;
      }
    },
  };
}
