import { Module } from '@nestjs/common';
import { ProgrammeModule } from '../programme/programme.module.js';
import { SegmentsModule } from '../segments/segments.module.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';
import { SimulationsController } from './simulations.controller.js';
import { SimulationsRepository } from './simulations.repository.js';
import { SimulationsService } from './simulations.service.js';

@Module({
  imports: [ProgrammeModule, SegmentsModule],
  // Simulations first: CampaignsController's `POST :id/:action` would otherwise take `:id/simulations`.
  controllers: [SimulationsController, CampaignsController],
  providers: [CampaignsRepository, CampaignsService, SimulationsRepository, SimulationsService],
  exports: [CampaignsService, SimulationsService],
})
export class CampaignsModule {}
