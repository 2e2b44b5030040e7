import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type ProgrammeChange,
  ProgrammeChangeRequestSchema,
  ProgrammeChangeSchema,
  type UpcomingChange,
  UpcomingChangeSchema,
} from '@tally/domain';
import { z } from 'zod';
import { type RequestContext } from '../../common/auth/actor.js';
import { Ctx, Public, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { ProgrammeChangesService } from './programme-changes.service.js';

@Controller('api/v1/programme')
export class ProgrammeChangesController {
  constructor(private readonly changes: ProgrammeChangesService) {}

  @Get('changes')
  @RequirePermission('programme:read')
  @ApiDoc({
    summary: 'Announced programme changes, newest first, with what each changes and whether it is worse',
    tags: ['programme'],
    responses: { 200: z.array(ProgrammeChangeSchema) },
  })
  list(): Promise<ProgrammeChange[]> {
    return this.changes.list();
  }

  @Post('changes')
  @RequirePermission('programme:manage')
  @ApiDoc({
    summary: 'Announce a programme change with its effective date; members are told by email',
    description:
      'A change worse for members (lower earn rate, sooner expiry, higher thresholds or prices …) needs at least the programme’s notice period (`changeNoticeDays`); a shorter one is refused with 422 PROGRAMME_NOTICE_TOO_SHORT.',
    tags: ['programme'],
    body: ProgrammeChangeRequestSchema,
    responses: { 201: ProgrammeChangeSchema },
  })
  announce(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<ProgrammeChange> {
    return this.changes.announce(body, ctx);
  }

  @Post('changes/:id/withdraw')
  @HttpCode(200)
  @RequirePermission('programme:manage')
  @ApiDoc({
    summary: 'Withdraw an announced change before it takes effect; members are told',
    tags: ['programme'],
    responses: { 200: ProgrammeChangeSchema },
  })
  withdraw(@Param('id') id: string, @Ctx() ctx: RequestContext): Promise<ProgrammeChange> {
    return this.changes.withdraw(id, ctx);
  }

  @Get('upcoming')
  @Public()
  @ApiDoc({
    summary: 'Programme changes announced and not yet in effect, in plain words',
    tags: ['programme'],
    responses: { 200: z.array(UpcomingChangeSchema) },
  })
  upcoming(): Promise<UpcomingChange[]> {
    return this.changes.upcoming();
  }
}
