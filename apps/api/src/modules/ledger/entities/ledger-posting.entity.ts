import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/bigint.transformer.js';

/** Insert-only: a trigger rejects UPDATE, DELETE and TRUNCATE. */
@Entity('ledger_posting')
export class LedgerPostingEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintTransformer })
  id!: number;

  @Column({ name: 'journal_id', type: 'uuid' })
  journalId!: string;

  @Column({ name: 'account_id', type: 'bigint', transformer: bigintTransformer })
  accountId!: number;

  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId!: string | null;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount!: number;

  @Column({ name: 'balance_after', type: 'bigint', nullable: true, transformer: bigintTransformer })
  balanceAfter!: number | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
