import { Controller, Get, Query } from '@nestjs/common';
import {
  type JobRun,
  JobRunSchema,
  JobRunsQuerySchema,
  type JobStatus,
  JobStatusSchema,
} from '@tally/domain';
import { z } from 'zod';
import { RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { JobsService } from './jobs.service.js';

@Controller('api/v1/admin/jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @RequirePermission('jobs:read')
  @ApiDoc({
    summary: 'Background jobs: next run, current worker, last outcome',
    tags: ['admin'],
    responses: { 200: z.array(JobStatusSchema) },
  })
  status(): Promise<JobStatus[]> {
    return this.jobs.status();
  }

  @Get('runs')
  @RequirePermission('jobs:read')
  @ApiDoc({
    summary: 'Recent job runs, newest first',
    tags: ['admin'],
    query: JobRunsQuerySchema,
    responses: { 200: z.array(JobRunSchema) },
  })
  runs(@Query() query: Record<string, unknown>): Promise<JobRun[]> {
    const { name, limit } = parseOrThrow(JobRunsQuerySchema, query, ['query']);
    return this.jobs.runs(name ?? null, limit);
  }
}
