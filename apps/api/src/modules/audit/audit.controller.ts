import { Controller, Get, Query } from '@nestjs/common';
import { type AuditPage, AuditPageSchema, AuditQuerySchema } from '@tally/domain';
import { type Actor } from '../../common/auth/actor.js';
import { CurrentActor, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { AuditService } from './audit.service.js';

@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiDoc({
    summary: 'The audit log, newest first (managers: their stores only)',
    tags: ['audit'],
    query: AuditQuerySchema,
    responses: { 200: AuditPageSchema },
  })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<AuditPage> {
    return this.audit.list(actor, query);
  }
}
