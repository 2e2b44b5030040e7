import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/bigint.transformer.js';

@Entity('lot_consumption')
export class LotConsumptionEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintTransformer })
  id!: number;

  @Column({ name: 'lot_id', type: 'bigint', transformer: bigintTransformer })
  lotId!: number;

  @Column({ name: 'journal_id', type: 'uuid' })
  journalId!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
