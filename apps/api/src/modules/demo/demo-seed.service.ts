import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { cardNumberFromDigits } from '@tally/domain';
import { DataSource } from 'typeorm';
import { passwordHasher } from '../../common/crypto/password-hasher.js';
import { randomDigits, sha256 } from '../../common/crypto/tokens.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { demoSeedEnabled } from '../../config/env.schema.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { seedDemoIdeas } from './demo-ideas.js';
import { DEMO_MEMBERS, DEMO_PASSWORD, DEMO_POS_KEY, DEMO_STAFF, DEMO_STORES } from './demo-data.js';

const DAY = 86_400_000;

/** Creates the demo business once, on a database with no stores, unless production or DEMO_SEED=false. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: LedgerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!demoSeedEnabled(this.config.env)) return;
    if (await this.seed()) this.logger.log('demo business created (see README for the logins)');
  }

  /** Returns true when it created the demo data, false when the database already had stores. */
  async seed(): Promise<boolean> {
    const passwordHash = await passwordHasher.hash(DEMO_PASSWORD);
    const members = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(7262002)');
      const [{ n }] = await manager.query<[{ n: number }]>('SELECT count(*)::int AS n FROM store');
      if (n > 0) return null;
      const storeIds = new Map<string, string>();
      for (const store of DEMO_STORES) {
        const [row] = await manager.query<[{ id: string }]>(
          `INSERT INTO store (code, name, address, timezone) VALUES ($1, $2, $3, $4) RETURNING id`,
          [store.code, store.name, store.address, store.timezone],
        );
        storeIds.set(store.code, row.id);
      }
      let marketingId = '';
      for (const staff of DEMO_STAFF) {
        const [row] = await manager.query<[{ id: string }]>(
          `INSERT INTO staff_user (email, password_hash, name, role, status) VALUES ($1, $2, $3, $4, 'active') RETURNING id`,
          [staff.email, passwordHash, staff.name, staff.role],
        );
        if (staff.role === 'marketing') marketingId = row.id;
        for (const code of staff.stores) {
          await manager.query(`INSERT INTO staff_store (staff_id, store_id) VALUES ($1, $2)`, [
            row.id,
            storeIds.get(code),
          ]);
        }
      }
      await manager.query(
        `INSERT INTO pos_api_key (store_id, name, prefix, secret_hash) VALUES ($1, $2, $3, $4)`,
        [storeIds.get(DEMO_POS_KEY.store), DEMO_POS_KEY.name, DEMO_POS_KEY.prefix, sha256(DEMO_POS_KEY.key)],
      );
      const ids: string[] = [];
      for (const member of DEMO_MEMBERS) {
        const [row] = await manager.query<[{ id: string }]>(
          `INSERT INTO member (card_number, email, password_hash, name, phone, birthday, marketing_consent)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            cardNumberFromDigits(randomDigits(11)),
            member.email,
            passwordHash,
            member.name,
            member.phone,
            member.birthday,
            member.marketingConsent,
          ],
        );
        ids.push(row.id);
      }
      await seedDemoIdeas(manager, ids, marketingId);
      return { ids, london: storeIds.get('LON-01')! };
    });
    if (!members) return false;
    await this.history(members.ids, members.london);
    return true;
  }

  /** Some ledger history so the statement and balances have something to explain. */
  private async history(memberIds: string[], storeId: string): Promise<void> {
    const [alice, bob] = memberIds as [string, string];
    const actor = { type: 'system' as const, id: 'demo-seed' };
    const yearOut = new Date(Date.now() + 365 * DAY);
    const at = (key: string) => ({ idempotencyKey: `demo-${key}`, idempotencyScope: 'demo', actor, storeId });
    await this.ledger.earn({
      ...at('alice-1'),
      memberId: alice,
      points: 420,
      externalRef: 'LON-01-000101',
      expiresAt: yearOut,
    });
    await this.ledger.earn({
      ...at('alice-2'),
      memberId: alice,
      points: 180,
      externalRef: 'LON-01-000145',
      expiresAt: yearOut,
    });
    await this.ledger.redeem({
      ...at('alice-3'),
      memberId: alice,
      points: 250,
      reason: 'Free coffee reward',
    });
    await this.ledger.earn({
      ...at('alice-4'),
      memberId: alice,
      points: 95,
      externalRef: 'LON-01-000188',
      expiresAt: yearOut,
      availableAt: new Date(Date.now() + 14 * DAY),
    });
    await this.ledger.earn({
      ...at('bob-1'),
      memberId: bob,
      points: 60,
      externalRef: 'LON-01-000150',
      expiresAt: yearOut,
    });
  }
}
