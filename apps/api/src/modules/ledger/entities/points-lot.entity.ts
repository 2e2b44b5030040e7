import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintTransformer } from '../../../database/bigint.transformer.js';

@Entity('points_lot')
export class PointsLotEntity {
  @PrimaryColumn({ type: 'bigint', transformer: bigintTransformer })
  id!: number;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Column({ name: 'journal_id', type: 'uuid' })
  journalId!: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amount!: number;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  remaining!: number;

  @Column({ type: 'text' })
  state!: 'pending' | 'available';

  @Column({ name: 'available_at', type: 'timestamptz' })
  availableAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
