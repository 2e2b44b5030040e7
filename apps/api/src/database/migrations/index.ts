import { CampaignSimulations1764050000000 } from './1764050000000-campaign-simulations.js';
import { Campaigns1764010000000 } from './1764010000000-campaigns.js';
import { Claims1763960000000 } from './1763960000000-claims.js';
import { Checkout1763930000000 } from './1763930000000-checkout.js';
import { Ideas1764070000000 } from './1764070000000-ideas.js';
import { Identity1763910000000 } from './1763910000000-identity.js';
import { Jobs1764000000000 } from './1764000000000-jobs.js';
import { Ledger1763900000000 } from './1763900000000-ledger.js';
import { LedgerHotPath1763920000000 } from './1763920000000-ledger-hot-path.js';
import { Notifications1763980000000 } from './1763980000000-notifications.js';
import { PostingAccountIndex1763950000000 } from './1763950000000-posting-account-index.js';
import { ProgrammeChanges1764020000000 } from './1764020000000-programme-changes.js';
import { Referrals1763970000000 } from './1763970000000-referrals.js';
import { InactivityExpiry1764045000000 } from './1764045000000-inactivity-expiry.js';
import { TierReview1764040000000 } from './1764040000000-tier-review.js';
import { CheckoutFinish1764090000000 } from './1764090000000-checkout-finish.js';
import { DebitNotifications1764100000000 } from './1764100000000-debit-notifications.js';
import { ReversePaysDebt1764100000001 } from './1764100000001-reverse-pays-debt.js';
import { ClaimReceiptsAtPurchase1764100000002 } from './1764100000002-claim-receipts-at-purchase.js';
import { ReferralNotifications1764080000000 } from './1764080000000-referral-notifications.js';
import { Segments1764060000000 } from './1764060000000-segments.js';
import { Rewards1763940000000 } from './1763940000000-rewards.js';
import { Webhooks1763990000000 } from './1763990000000-webhooks.js';

/** Every migration, in order. Listed explicitly so the same array works from sources (tests) and dist. */
export const migrations = [
  Ledger1763900000000,
  Identity1763910000000,
  LedgerHotPath1763920000000,
  Checkout1763930000000,
  Rewards1763940000000,
  PostingAccountIndex1763950000000,
  Claims1763960000000,
  Referrals1763970000000,
  Notifications1763980000000,
  Webhooks1763990000000,
  Jobs1764000000000,
  Campaigns1764010000000,
  ProgrammeChanges1764020000000,
  TierReview1764040000000,
  InactivityExpiry1764045000000,
  CampaignSimulations1764050000000,
  Segments1764060000000,
  Ideas1764070000000,
  ReferralNotifications1764080000000,
  CheckoutFinish1764090000000,
  DebitNotifications1764100000000,
  ReversePaysDebt1764100000001,
  ClaimReceiptsAtPurchase1764100000002,
];
