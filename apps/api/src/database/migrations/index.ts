import { Checkout1763930000000 } from './1763930000000-checkout.js';
import { Identity1763910000000 } from './1763910000000-identity.js';
import { Ledger1763900000000 } from './1763900000000-ledger.js';
import { LedgerHotPath1763920000000 } from './1763920000000-ledger-hot-path.js';
import { PostingAccountIndex1763950000000 } from './1763950000000-posting-account-index.js';
import { Rewards1763940000000 } from './1763940000000-rewards.js';

/** Every migration, in order. Listed explicitly so the same array works from sources (tests) and dist. */
export const migrations = [
  Ledger1763900000000,
  Identity1763910000000,
  LedgerHotPath1763920000000,
  Checkout1763930000000,
  Rewards1763940000000,
  PostingAccountIndex1763950000000,
];
