import { randomUUID } from 'node:crypto';
import { type NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type Audience, cardNumberFromDigits, type Programme, type StaffRole } from '@tally/domain';
import { type DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { passwordHasher } from '../../src/common/crypto/password-hasher.js';
import { randomDigits } from '../../src/common/crypto/tokens.js';
import { createRootLogger } from '../../src/common/logging/logger.js';
import { packageVersion } from '../../src/config/config.js';
import { parseEnv } from '../../src/config/env.schema.js';
import { AuthRepository } from '../../src/modules/auth/auth.repository.js';
import { AuthService } from '../../src/modules/auth/auth.service.js';
import { ProgrammeService } from '../../src/modules/programme/programme.service.js';
import { migrateTestDatabase, testDatabaseKind, testDatabaseUrl } from '../setup/test-database.js';

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= passwordHasher.hash(TEST_PASSWORD));

export interface TestApp {
  app: NestFastifyApplication;
  server: () => ReturnType<NestFastifyApplication['getHttpServer']>;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The whole application, wired as in production, on the test database (no demo data). */
export async function createTestApp(
  env: Record<string, string> = {},
  databaseUrl?: string,
): Promise<TestApp> {
  if (!databaseUrl) await migrateTestDatabase();
  const config = parseEnv({ LOG_LEVEL: 'silent', DEMO_SEED: 'false', JOBS_ENABLED: 'false', ...env });
  const app = await createApp(
    {
      env: config,
      databaseUrl: databaseUrl ?? testDatabaseUrl(),
      databaseKind: testDatabaseKind(),
      version: packageVersion(),
    },
    createRootLogger('silent'),
  );
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    server: () => app.getHttpServer(),
    dataSource: app.get<DataSource>(getDataSourceToken()),
    close: () => app.close(),
  };
}

/**
 * Sets the programme directly, as an installation's set-up would: no notice period, so tests can put
 * back settings that are worse for members (the API itself refuses those without notice).
 */
export async function setProgramme(t: TestApp, programme: Programme): Promise<void> {
  await t.app
    .get(ProgrammeService)
    .update(programme, { actor: null, ip: '', requestId: 'test', userAgent: null }, { requireNotice: false });
}

export const uniqueEmail = (label = 'person') => `${label}-${randomUUID().slice(0, 8)}@test.tally`;

export async function createStore(ds: DataSource, label = 'Test store'): Promise<string> {
  const [row] = await ds.query<[{ id: string }]>(
    `INSERT INTO store (code, name, timezone) VALUES ($1, $2, 'Europe/London') RETURNING id`,
    [`T-${randomUUID().slice(0, 8).toUpperCase()}`, label],
  );
  return row.id;
}

export interface TestStaff {
  id: string;
  email: string;
  role: StaffRole;
  storeIds: string[];
}

export async function createStaff(
  ds: DataSource,
  role: StaffRole,
  storeIds: string[] = [],
  status: 'active' | 'invited' | 'disabled' = 'active',
): Promise<TestStaff> {
  const email = uniqueEmail(role);
  const [row] = await ds.query<[{ id: string }]>(
    `INSERT INTO staff_user (email, password_hash, name, role, status) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [email, await hashed(), `Test ${role}`, role, status],
  );
  for (const storeId of storeIds)
    await ds.query(`INSERT INTO staff_store (staff_id, store_id) VALUES ($1, $2)`, [row.id, storeId]);
  return { id: row.id, email, role, storeIds };
}

export async function createMember(
  ds: DataSource,
): Promise<{ id: string; email: string; cardNumber: string }> {
  const email = uniqueEmail('member');
  const cardNumber = cardNumberFromDigits(randomDigits(11));
  const [row] = await ds.query<[{ id: string }]>(
    `INSERT INTO member (card_number, email, password_hash, name) VALUES ($1, $2, $3, 'Test Member') RETURNING id`,
    [cardNumber, email, await hashed()],
  );
  return { id: row.id, email, cardNumber };
}

/** A session for an existing member or staff user, without going through the password check. */
export async function bearerFor(t: TestApp, audience: Audience, id: string): Promise<string> {
  const subject = await t.app.get(AuthRepository).findSubject(audience, id);
  if (!subject) throw new Error(`no ${audience} ${id}`);
  const session = await t.app
    .get(AuthService)
    .issueSession(subject, { actor: null, ip: '127.0.0.1', requestId: 'test', userAgent: 'jest' });
  return `Bearer ${session.accessToken}`;
}

export async function createPosKey(ds: DataSource, storeId: string): Promise<string> {
  const { newPosKey, sha256 } = await import('../../src/common/crypto/tokens.js');
  const { key, prefix } = newPosKey();
  await ds.query(
    `INSERT INTO pos_api_key (store_id, name, prefix, secret_hash) VALUES ($1, 'Test till', $2, $3)`,
    [storeId, prefix, sha256(key)],
  );
  return `Bearer ${key}`;
}
