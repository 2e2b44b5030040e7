import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type CampaignSimulation,
  type CampaignSimulationPage,
  CampaignSimulationPageSchema,
  CampaignSimulationQuerySchema,
  CampaignSimulationRequestSchema,
  CampaignSimulationSchema,
} from '@tally/domain';
import { type RequestContext } from '../../common/auth/actor.js';
import { Ctx, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { SimulationsService } from './simulations.service.js';

/**
 * Registered before `CampaignsController`, whose `POST :id/:action` would otherwise take
 * `POST :id/simulations`.
 */
@Controller('api/v1/campaigns/:id/simulations')
export class SimulationsController {
  constructor(private readonly simulations: SimulationsService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('campaigns:manage')
  @ApiDoc({
    summary: 'Simulate the campaign on the till receipts of a past period (a background job; poll it)',
    tags: ['campaigns'],
    body: CampaignSimulationRequestSchema,
    responses: { 202: CampaignSimulationSchema },
  })
  start(
    @Param('id') id: string,
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
  ): Promise<CampaignSimulation> {
    return this.simulations.start(id, body, ctx);
  }

  @Get()
  @RequirePermission('campaigns:read')
  @ApiDoc({
    summary: 'The campaign’s simulations, newest first',
    tags: ['campaigns'],
    query: CampaignSimulationQuerySchema,
    responses: { 200: CampaignSimulationPageSchema },
  })
  list(@Param('id') id: string, @Query() query: Record<string, unknown>): Promise<CampaignSimulationPage> {
    return this.simulations.list(id, query);
  }

  @Get(':simulationId')
  @RequirePermission('campaigns:read')
  @ApiDoc({
    summary: 'One simulation: its progress and the figures so far',
    tags: ['campaigns'],
    responses: { 200: CampaignSimulationSchema },
  })
  get(@Param('id') id: string, @Param('simulationId') simulationId: string): Promise<CampaignSimulation> {
    return this.simulations.get(id, simulationId);
  }

  @Post(':simulationId/cancel')
  @HttpCode(200)
  @RequirePermission('campaigns:manage')
  @ApiDoc({
    summary: 'Cancel a waiting or running simulation; it stops before its next batch',
    tags: ['campaigns'],
    responses: { 200: CampaignSimulationSchema },
  })
  cancel(
    @Param('id') id: string,
    @Param('simulationId') simulationId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<CampaignSimulation> {
    return this.simulations.cancel(id, simulationId, ctx);
  }
}
