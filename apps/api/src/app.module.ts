import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { DocsModule } from './modules/docs/docs.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { AdminModule } from './modules/admin/admin.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { CampaignsModule } from './modules/campaigns/campaigns.module.js';
import { ClaimsModule } from './modules/claims/claims.module.js';
import { CheckoutModule } from './modules/checkout/checkout.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { IdeasModule } from './modules/ideas/ideas.module.js';
import { JobsModule } from './modules/jobs/jobs.module.js';
import { LedgerModule } from './modules/ledger/ledger.module.js';
import { MembersModule } from './modules/members/members.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { OutboxModule } from './modules/outbox/outbox.module.js';
import { ProgrammeModule } from './modules/programme/programme.module.js';
import { ProgrammeChangesModule } from './modules/programme-changes/programme-changes.module.js';
import { ReferralsModule } from './modules/referrals/referrals.module.js';
import { RewardsModule } from './modules/rewards/rewards.module.js';
import { SegmentsModule } from './modules/segments/segments.module.js';
import { StaffModule } from './modules/staff/staff.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';

@Global()
@Module({})
class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl, config.env.DB_POOL_SIZE) }),
        HealthModule,
        DocsModule,
        LedgerModule,
        AuditModule,
        OutboxModule,
        NotificationsModule,
        AuthModule,
        MembersModule,
        StaffModule,
        AdminModule,
        ProgrammeModule,
        ProgrammeChangesModule,
        RewardsModule,
        SegmentsModule,
        CampaignsModule,
        IdeasModule,
        ReferralsModule,
        CheckoutModule,
        ClaimsModule,
        WebhooksModule,
        ReportsModule,
        DemoModule,
        JobsModule,
      ],
    };
  }
}
