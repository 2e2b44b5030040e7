import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  type Segment,
  type SegmentCount,
  SegmentCountRequestSchema,
  SegmentCountSchema,
  SegmentDefinitionSchema,
  type SegmentDetail,
  SegmentDetailSchema,
  type SegmentPage,
  SegmentPageSchema,
  SegmentQuerySchema,
  SegmentSchema,
  SegmentUpdateSchema,
} from '@tally/domain';
import { type RequestContext } from '../../common/auth/actor.js';
import { Ctx, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { SegmentsService } from './segments.service.js';

/** Segments sit with campaigns: the same roles read (`campaigns:read`) and change (`campaigns:manage`) them. */
@Controller('api/v1/segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Get()
  @RequirePermission('campaigns:read')
  @ApiDoc({
    summary: 'Segments, newest first (active ones, or `?status=archived`)',
    tags: ['segments'],
    query: SegmentQuerySchema,
    responses: { 200: SegmentPageSchema },
  })
  list(@Query() query: Record<string, unknown>): Promise<SegmentPage> {
    return this.segments.list(query);
  }

  @Post()
  @RequirePermission('campaigns:manage')
  @ApiDoc({
    summary: 'Save a segment: members who match all of its rules',
    tags: ['segments'],
    body: SegmentDefinitionSchema,
    responses: { 201: SegmentSchema },
  })
  create(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Segment> {
    return this.segments.create(body, ctx);
  }

  @Post('count')
  @HttpCode(200)
  @RequirePermission('campaigns:read')
  @ApiDoc({
    summary: 'How many active members match these rules now (for a segment being edited)',
    tags: ['segments'],
    body: SegmentCountRequestSchema,
    responses: { 200: SegmentCountSchema },
  })
  count(@Body() body: unknown): Promise<SegmentCount> {
    return this.segments.count(body);
  }

  @Get(':id')
  @RequirePermission('campaigns:read')
  @ApiDoc({
    summary: 'One segment with how many members match it now and the campaigns that target it',
    tags: ['segments'],
    responses: { 200: SegmentDetailSchema },
  })
  get(@Param('id') id: string): Promise<SegmentDetail> {
    return this.segments.get(id);
  }

  @Put(':id')
  @RequirePermission('campaigns:manage')
  @ApiDoc({
    summary: 'Save a new version of a segment (send the version you edited)',
    tags: ['segments'],
    body: SegmentUpdateSchema,
    responses: { 200: SegmentSchema },
  })
  update(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Segment> {
    return this.segments.update(id, body, ctx);
  }

  @Delete(':id')
  @RequirePermission('campaigns:manage')
  @ApiDoc({
    summary: 'Archive a segment (refused while a scheduled, live or paused campaign targets it)',
    tags: ['segments'],
    responses: { 200: SegmentSchema },
  })
  archive(@Param('id') id: string, @Ctx() ctx: RequestContext): Promise<Segment> {
    return this.segments.archive(id, ctx);
  }
}
