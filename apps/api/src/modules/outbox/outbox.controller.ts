import { Controller, Get, Query } from '@nestjs/common';
import { type OutboxPage, OutboxPageSchema, OutboxQuerySchema } from '@tally/domain';
import { RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { OutboxService } from './outbox.service.js';

@Controller('api/v1/outbox')
export class OutboxController {
  constructor(private readonly outbox: OutboxService) {}

  @Get()
  @RequirePermission('outbox:read')
  @ApiDoc({
    summary: 'Messages written to the outbox, newest first',
    tags: ['outbox'],
    query: OutboxQuerySchema,
    responses: { 200: OutboxPageSchema },
  })
  list(@Query() query: Record<string, unknown>): Promise<OutboxPage> {
    return this.outbox.list(query);
  }
}
