import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/bigint.transformer.js';

@Entity('ledger_hold')
export class LedgerHoldEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount!: number;

  @Column({ type: 'text' })
  status!: 'held' | 'captured' | 'voided';

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'hold_journal_id', type: 'uuid' })
  holdJournalId!: string;

  @Column({ name: 'resolved_journal_id', type: 'uuid', nullable: true })
  resolvedJournalId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
