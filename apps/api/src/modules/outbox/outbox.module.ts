import { Module } from '@nestjs/common';
import { OutboxController } from './outbox.controller.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboxService } from './outbox.service.js';

@Module({
  controllers: [OutboxController],
  providers: [OutboxRepository, OutboxService],
  exports: [OutboxService, OutboxRepository],
})
export class OutboxModule {}
