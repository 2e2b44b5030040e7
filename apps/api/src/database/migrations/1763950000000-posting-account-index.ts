import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Every earn posts to the one issuance account, so an index on ledger_posting(account_id) funnels all
 * concurrent checkouts into the same btree leaf. No query needs it (statements go by journal; the
 * invariant check and system balances scan), so it goes.
 */
export class PostingAccountIndex1763950000000 implements MigrationInterface {
  name = 'PostingAccountIndex1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS ledger_posting_account_ix`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS ledger_posting_account_ix ON ledger_posting (account_id)`,
    );
  }
}
