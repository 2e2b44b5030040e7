import { LedgerAccountEntity } from '../modules/ledger/entities/ledger-account.entity.js';
import { LedgerHoldEntity } from '../modules/ledger/entities/ledger-hold.entity.js';
import { LedgerJournalEntity } from '../modules/ledger/entities/ledger-journal.entity.js';
import { LedgerPostingEntity } from '../modules/ledger/entities/ledger-posting.entity.js';
import { LotConsumptionEntity } from '../modules/ledger/entities/lot-consumption.entity.js';
import { PointsLotEntity } from '../modules/ledger/entities/points-lot.entity.js';

/** Every TypeORM entity, listed explicitly (no globs: ESM and swc output must load the same set). */
export const entities = [
  LedgerAccountEntity,
  LedgerJournalEntity,
  LedgerPostingEntity,
  PointsLotEntity,
  LotConsumptionEntity,
  LedgerHoldEntity,
];
