import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  type Campaign,
  CampaignAction,
  CampaignActionRequestSchema,
  CampaignDefinitionSchema,
  type CampaignPage,
  CampaignPageSchema,
  type CampaignPreview,
  CampaignPreviewRequestSchema,
  CampaignPreviewSchema,
  CampaignQuerySchema,
  CampaignSchema,
  type CampaignStats,
  CampaignStatsSchema,
  CampaignUpdateSchema,
  type CampaignVersion,
  CampaignVersionSchema,
} from '@tally/domain';
import { z } from 'zod';
import { type RequestContext } from '../../common/auth/actor.js';
import { Ctx, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { AppException } from '../../common/exceptions/app.exception.js';
import { CampaignsService } from './campaigns.service.js';

@Controller('api/v1/campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Get()
  @RequirePermission('campaigns:read')
  @ApiDoc({
    summary: 'Campaigns, newest first; filter by status',
    tags: ['campaigns'],
    query: CampaignQuerySchema,
    responses: { 200: CampaignPageSchema },
  })
  list(@Query() query: Record<string, unknown>): Promise<CampaignPage> {
    return this.campaigns.list(query);
  }

  @Post()
  @RequirePermission('campaigns:manage')
  @ApiDoc({
    summary: 'Draft a campaign',
    tags: ['campaigns'],
    body: CampaignDefinitionSchema,
    responses: { 201: CampaignSchema },
  })
  create(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Campaign> {
    return this.campaigns.create(body, ctx);
  }

  @Post('preview')
  @HttpCode(200)
  @RequirePermission('campaigns:read')
  @ApiDoc({
    summary: 'Run a campaign on a sample basket with the till’s engine, with and without it',
    tags: ['campaigns'],
    body: CampaignPreviewRequestSchema,
    responses: { 200: CampaignPreviewSchema },
  })
  preview(@Body() body: unknown): Promise<CampaignPreview> {
    return this.campaigns.preview(body);
  }

  @Get(':id')
  @RequirePermission('campaigns:read')
  @ApiDoc({ summary: 'One campaign', tags: ['campaigns'], responses: { 200: CampaignSchema } })
  get(@Param('id') id: string): Promise<Campaign> {
    return this.campaigns.get(id);
  }

  @Put(':id')
  @RequirePermission('campaigns:manage')
  @ApiDoc({
    summary: 'Save a new version of a campaign (send the version you edited)',
    tags: ['campaigns'],
    body: CampaignUpdateSchema,
    responses: { 200: CampaignSchema },
  })
  update(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Campaign> {
    return this.campaigns.update(id, body, ctx);
  }

  @Get(':id/versions')
  @RequirePermission('campaigns:read')
  @ApiDoc({
    summary: 'A campaign’s history: every edit and status change, newest first',
    tags: ['campaigns'],
    responses: { 200: z.array(CampaignVersionSchema) },
  })
  versions(@Param('id') id: string): Promise<CampaignVersion[]> {
    return this.campaigns.versions(id);
  }

  @Get(':id/stats')
  @RequirePermission('campaigns:read')
  @ApiDoc({
    summary: 'The campaign dashboard: issued against budget by day, members, redemptions that followed',
    tags: ['campaigns'],
    responses: { 200: CampaignStatsSchema },
  })
  stats(@Param('id') id: string): Promise<CampaignStats> {
    return this.campaigns.stats(id);
  }

  @Get(':id/stats.csv')
  @RequirePermission('campaigns:read')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="campaign-stats.csv"')
  @ApiDoc({ summary: 'The campaign’s daily figures as CSV', tags: ['campaigns'], responses: { 200: null } })
  statsCsv(@Param('id') id: string): Promise<string> {
    return this.campaigns.statsCsv(id);
  }

  @Post(':id/:action')
  @HttpCode(200)
  @RequirePermission('campaigns:manage')
  @ApiDoc({
    summary: 'Schedule, unschedule, pause, resume or end a campaign',
    tags: ['campaigns'],
    body: CampaignActionRequestSchema,
    responses: { 200: CampaignSchema },
  })
  act(
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
  ): Promise<Campaign> {
    const parsed = CampaignAction.safeParse(action);
    if (!parsed.success) throw new AppException('NOT_FOUND', `There is no campaign action “${action}”.`);
    return this.campaigns.act(id, parsed.data, body, ctx);
  }
}
