import { Controller, Get, Res } from '@nestjs/common';
import { HealthResponseSchema, type HealthResponse } from '@tally/domain';
import { type FastifyReply } from 'fastify';
import { Public } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { HealthService } from './health.service.js';

@Controller('api/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiDoc({
    summary: 'Liveness and database readiness',
    description:
      '200 when the database answers and every migration has run; 503 with the same body otherwise.',
    tags: ['health'],
    responses: { 200: HealthResponseSchema, 503: HealthResponseSchema },
  })
  async get(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const report = await this.health.check();
    void reply.status(report.status === 'ok' ? 200 : 503).header('cache-control', 'no-store');
    return report;
  }
}
