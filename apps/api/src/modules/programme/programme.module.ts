import { Module } from '@nestjs/common';
import { WebhookEventsModule } from '../webhooks/webhook-events.module.js';
import { ProgrammeController } from './programme.controller.js';
import { ProgrammeRepository } from './programme.repository.js';
import { ProgrammeService } from './programme.service.js';

@Module({
  imports: [WebhookEventsModule],
  controllers: [ProgrammeController],
  providers: [ProgrammeRepository, ProgrammeService],
  exports: [ProgrammeService],
})
export class ProgrammeModule {}
