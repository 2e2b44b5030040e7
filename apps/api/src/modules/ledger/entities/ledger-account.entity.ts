import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/bigint.transformer.js';

/** Read model of `ledger_account`; all writes go through the ledger SQL functions. */
@Entity('ledger_account')
export class LedgerAccountEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintTransformer })
  id!: number;

  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  balance!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  held!: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigintTransformer })
  floor!: number | null;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
