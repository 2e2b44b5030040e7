import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ProgrammeModule } from '../programme/programme.module.js';
import { RewardsModule } from '../rewards/rewards.module.js';
import { ProgrammeChangesController } from './programme-changes.controller.js';
import { ProgrammeChangesRepository } from './programme-changes.repository.js';
import { ProgrammeChangesService } from './programme-changes.service.js';

@Module({
  imports: [ProgrammeModule, RewardsModule, OutboxModule],
  controllers: [ProgrammeChangesController],
  providers: [ProgrammeChangesRepository, ProgrammeChangesService],
  exports: [ProgrammeChangesService],
})
export class ProgrammeChangesModule {}
