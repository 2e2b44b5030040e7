import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [LedgerModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
