import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module.js';
import { CampaignsService } from '../campaigns/campaigns.service.js';
import { IdeasModule } from '../ideas/ideas.module.js';
import { IdeasService } from '../ideas/ideas.service.js';
import { LedgerModule } from '../ledger/ledger.module.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ProgrammeChangesModule } from '../programme-changes/programme-changes.module.js';
import { ProgrammeChangesService } from '../programme-changes/programme-changes.service.js';
import { ProgrammeModule } from '../programme/programme.module.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { ReferralsModule } from '../referrals/referrals.module.js';
import { ReferralsService } from '../referrals/referrals.service.js';
import { JOB_DEFINITIONS, type JobDefinition } from './job-definition.js';
import { JobsController } from './jobs.controller.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const STEPS = [
  LedgerService,
  CampaignsService,
  ProgrammeChangesService,
  NotificationsService,
  ReferralsService,
  ProgrammeService,
  IdeasService,
] as const;

/** Every background job, by name. Each step catches up on what is due by `now` and is safe to repeat. */
function jobDefinitions(
  ledger: LedgerService,
  campaigns: CampaignsService,
  changes: ProgrammeChangesService,
  notifications: NotificationsService,
  referrals: ReferralsService,
  programme: ProgrammeService,
  ideas: IdeasService,
): JobDefinition[] {
  const job = (name: string, intervalMs: number, run: (now: Date) => Promise<object>): JobDefinition => ({
    name,
    intervalMs,
    run: async (now) => ({ ...(await run(now)) }),
  });
  return [
    job('campaigns.lifecycle', 30_000, (now) => campaigns.runLifecycle(now)),
    job('programme.apply-changes', MINUTE, (now) => changes.applyDue(now)),
    job('ledger.release-due', MINUTE, (now) => ledger.releaseDue(now)),
    job('ledger.void-expired-holds', MINUTE, (now) => ledger.voidExpiredHolds(now)),
    job('ledger.expire-due', 15 * MINUTE, (now) => ledger.expireDue(now)),
    job('notifications.remind-expiring', HOUR, (now) => notifications.remindExpiring(now)),
    job('notifications.remind-vouchers', HOUR, (now) => notifications.remindVouchersExpiring(now)),
    job('referrals.reward-due', 15 * MINUTE, (now) => referrals.rewardDue(now)),
    job('tiers.review', 10 * MINUTE, () => programme.reviewTiers()),
    // Hourly, but each follower's digest of a UTC day is sent once (keyed by member and day).
    job('ideas.digest', HOUR, (now) => ideas.sendDigests(now)),
  ];
}

@Module({
  imports: [
    LedgerModule,
    CampaignsModule,
    ProgrammeChangesModule,
    NotificationsModule,
    ReferralsModule,
    ProgrammeModule,
    IdeasModule,
  ],
  controllers: [JobsController],
  providers: [
    JobsRepository,
    JobsService,
    { provide: JOB_DEFINITIONS, useFactory: jobDefinitions, inject: [...STEPS] },
  ],
  exports: [JobsService],
})
export class JobsModule {}
