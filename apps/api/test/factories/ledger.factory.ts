import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { type Actor, type JournalContext } from '@tally/domain';
import { type DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.js';
import { migrateTestDatabase } from '../setup/test-database.js';
import { LedgerVerifyService } from '../../src/modules/ledger/ledger-verify.service.js';
import { LedgerModule } from '../../src/modules/ledger/ledger.module.js';
import { LedgerService } from '../../src/modules/ledger/ledger.service.js';
import { testDatabaseUrl } from '../setup/test-database.js';

export interface LedgerHarness {
  module: TestingModule;
  ledger: LedgerService;
  verify: LedgerVerifyService;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The real ledger module on the test database (migrated by the global setup). */
export async function createLedgerHarness(poolSize = 20): Promise<LedgerHarness> {
  await migrateTestDatabase();
  const module = await Test.createTestingModule({
    imports: [TypeOrmModule.forRoot(dataSourceOptions(testDatabaseUrl(), poolSize)), LedgerModule],
  }).compile();
  await module.init();
  return {
    module,
    ledger: module.get(LedgerService),
    verify: module.get(LedgerVerifyService),
    dataSource: module.get<DataSource>(getDataSourceToken()),
    close: () => module.close(),
  };
}

export const testActor: Actor = { type: 'staff', id: 'test-cashier' };

/** A fresh member id: tests stay apart by their data, never by truncating tables. */
export const newMemberId = (): string => randomUUID();

export function ctx(overrides: Partial<JournalContext> = {}): JournalContext {
  return { idempotencyKey: `test-${randomUUID()}`, actor: testActor, ...overrides };
}

export const inDays = (days: number): Date => new Date(Date.now() + days * 86_400_000);
