import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { ProgrammeModule } from '../programme/programme.module.js';
import { ReferralsModule } from '../referrals/referrals.module.js';
import { MembersController } from './members.controller.js';
import { MembersRepository } from './members.repository.js';
import { MembersService } from './members.service.js';

@Module({
  imports: [LedgerModule, OutboxModule, ProgrammeModule, ReferralsModule],
  controllers: [MembersController],
  providers: [MembersRepository, MembersService],
  exports: [MembersService, MembersRepository],
})
export class MembersModule {}
