import { Controller, Get, Header, Query } from '@nestjs/common';
import { type LiabilityReport, LiabilityQuerySchema, LiabilityReportSchema } from '@tally/domain';
import { RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { ReportsService } from './reports.service.js';

@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('liability')
  @RequirePermission('reports:read')
  @ApiDoc({
    summary:
      'Points liability: outstanding points and their value; issued, redeemed and expired per month (UTC)',
    tags: ['reports'],
    query: LiabilityQuerySchema,
    responses: { 200: LiabilityReportSchema },
  })
  liability(@Query() query: Record<string, unknown>): Promise<LiabilityReport> {
    return this.reports.liability(query);
  }

  @Get('liability.csv')
  @RequirePermission('reports:read')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="tally-points-liability.csv"')
  @ApiDoc({
    summary: 'The liability report’s months as CSV',
    tags: ['reports'],
    query: LiabilityQuerySchema,
    responses: { 200: null },
  })
  liabilityCsv(@Query() query: Record<string, unknown>): Promise<string> {
    return this.reports.liabilityCsv(query);
  }
}
