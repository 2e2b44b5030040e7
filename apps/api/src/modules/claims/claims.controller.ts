import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApproveClaimSchema,
  type Claim,
  type ClaimPage,
  ClaimPageSchema,
  ClaimQuerySchema,
  ClaimSchema,
  CreateClaimSchema,
  DenyClaimSchema,
  MyClaimQuerySchema,
  type PublicStore,
  PublicStoreSchema,
  type StaffClaim,
  type StaffClaimPage,
  StaffClaimPageSchema,
  StaffClaimSchema,
} from '@tally/domain';
import { z } from 'zod';
import { type Actor, type RequestContext } from '../../common/auth/actor.js';
import { Ctx, CurrentActor, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { ClaimsService } from './claims.service.js';

@Controller('api/v1')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get('me/stores')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'The stores a member can name (in a missing-points claim)',
    tags: ['me'],
    responses: { 200: z.array(PublicStoreSchema) },
  })
  stores(): Promise<PublicStore[]> {
    return this.claims.stores();
  }

  @Post('me/claims')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'Claim missing points for a receipt',
    tags: ['me', 'claims'],
    body: CreateClaimSchema,
    responses: { 201: ClaimSchema },
  })
  create(@CurrentActor() actor: Actor, @Body() body: unknown): Promise<Claim> {
    return this.claims.create(actor, body);
  }

  @Get('me/claims')
  @RequirePermission('profile:own')
  @ApiDoc({
    summary: 'My missing-points claims, newest first, with the staff answer',
    tags: ['me', 'claims'],
    query: MyClaimQuerySchema,
    responses: { 200: ClaimPageSchema },
  })
  mine(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<ClaimPage> {
    return this.claims.mine(actor, query);
  }

  @Get('claims')
  @RequirePermission('claims:decide')
  @ApiDoc({
    summary: 'The claims queue with how each matches the till’s records (managers: their stores)',
    tags: ['claims'],
    query: ClaimQuerySchema,
    responses: { 200: StaffClaimPageSchema },
  })
  queue(@CurrentActor() actor: Actor, @Query() query: unknown): Promise<StaffClaimPage> {
    return this.claims.queue(actor, query);
  }

  @Post('claims/:id/approve')
  @RequirePermission('claims:decide')
  @ApiDoc({
    summary: 'Approve a claim: credit the points with a reason, and mark the receipt credited',
    tags: ['claims'],
    body: ApproveClaimSchema,
    responses: { 201: StaffClaimSchema },
  })
  approve(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<StaffClaim> {
    return this.claims.approve(id, body, ctx);
  }

  @Post('claims/:id/deny')
  @RequirePermission('claims:decide')
  @ApiDoc({
    summary: 'Deny a claim with a reason the member sees',
    tags: ['claims'],
    body: DenyClaimSchema,
    responses: { 201: StaffClaimSchema },
  })
  deny(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<StaffClaim> {
    return this.claims.deny(id, body, ctx);
  }
}
