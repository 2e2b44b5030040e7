import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module.js';
import { SegmentsModule } from '../segments/segments.module.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';

@Module({
  imports: [ProgrammeModule, SegmentsModule],
  controllers: [CampaignsController],
  providers: [CampaignsRepository, CampaignsService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
