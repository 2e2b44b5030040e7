import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  type Programme,
  ProgrammeSchema,
  type PublicProgramme,
  PublicProgrammeSchema,
  toPublicProgramme,
} from '@tally/domain';
import { type RequestContext } from '../../common/auth/actor.js';
import { Ctx, Public, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { ProgrammeService } from './programme.service.js';

@Controller('api/v1/programme')
export class ProgrammeController {
  constructor(private readonly programme: ProgrammeService) {}

  @Get()
  @RequirePermission('programme:read')
  @ApiDoc({
    summary: 'The programme: earn rate, exclusions, return window, expiry, tiers, cashier limits',
    tags: ['programme'],
    responses: { 200: ProgrammeSchema },
  })
  get(): Promise<Programme> {
    return this.programme.get();
  }

  @Get('public')
  @Public()
  @ApiDoc({
    summary:
      'The programme rules members and visitors may read (earn rate, exclusions, return window, expiry, refunds, tiers); no staff-only settings',
    tags: ['programme'],
    responses: { 200: PublicProgrammeSchema },
  })
  async getPublic(): Promise<PublicProgramme> {
    return toPublicProgramme(await this.programme.get());
  }

  @Put()
  @RequirePermission('programme:manage')
  @ApiDoc({
    summary: 'Replace the programme settings (audited)',
    tags: ['programme'],
    body: ProgrammeSchema,
    responses: { 200: ProgrammeSchema },
  })
  update(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Programme> {
    return this.programme.update(body, ctx);
  }
}
