import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { RewardsController } from './rewards.controller.js';
import { RewardsRepository } from './rewards.repository.js';
import { RewardsService } from './rewards.service.js';

@Module({
  imports: [LedgerModule],
  controllers: [RewardsController],
  providers: [RewardsRepository, RewardsService],
  exports: [RewardsService],
})
export class RewardsModule {}
