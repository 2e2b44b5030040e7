import { Module } from '@nestjs/common';
import { OutboxModule } from '../outbox/outbox.module.js';
import { PosKeysController, StaffController, StoresController } from './staff.controller.js';
import { StaffRepository } from './staff.repository.js';
import { StaffService } from './staff.service.js';

@Module({
  imports: [OutboxModule],
  controllers: [StaffController, StoresController, PosKeysController],
  providers: [StaffRepository, StaffService],
  exports: [StaffRepository],
})
export class StaffModule {}
