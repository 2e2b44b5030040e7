import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  CreatedPosKeySchema,
  type CreatedPosKey,
  CreatePosKeySchema,
  CreateStoreSchema,
  InviteStaffSchema,
  type PosKey,
  PosKeyQuerySchema,
  PosKeySchema,
  ReasonBodySchema,
  type StaffUser,
  StaffUserSchema,
  type Store,
  StoreSchema,
  UpdateStaffSchema,
} from '@tally/domain';
import { z } from 'zod';
import { type Actor, type RequestContext } from '../../common/auth/actor.js';
import { Ctx, CurrentActor, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { StaffService } from './staff.service.js';

@Controller('api/v1/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @RequirePermission('staff:read')
  @ApiDoc({
    summary: 'Staff accounts (managers: those in their stores)',
    tags: ['staff'],
    responses: { 200: z.array(StaffUserSchema) },
  })
  list(@CurrentActor() actor: Actor): Promise<StaffUser[]> {
    return this.staff.listStaff(actor);
  }

  @Post('invitations')
  @RequirePermission('staff:manage')
  @ApiDoc({
    summary: 'Invite a staff user (the invitation email goes through the outbox)',
    tags: ['staff'],
    body: InviteStaffSchema,
    responses: { 201: StaffUserSchema },
  })
  invite(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<StaffUser> {
    return this.staff.invite(body as never, ctx);
  }

  @Patch(':id')
  @RequirePermission('staff:manage')
  @ApiDoc({
    summary: 'Change a staff user’s role or stores (ends their sessions)',
    tags: ['staff'],
    body: UpdateStaffSchema,
    responses: { 200: StaffUserSchema },
  })
  update(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<StaffUser> {
    return this.staff.update(id, body as never, ctx);
  }

  @Post(':id/disable')
  @RequirePermission('staff:manage')
  @ApiDoc({
    summary: 'Disable a staff account (takes effect at once)',
    tags: ['staff'],
    body: ReasonBodySchema,
    responses: { 201: StaffUserSchema },
  })
  disable(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<StaffUser> {
    return this.staff.setEnabled(id, false, body as never, ctx);
  }

  @Post(':id/enable')
  @RequirePermission('staff:manage')
  @ApiDoc({
    summary: 'Enable a disabled staff account',
    tags: ['staff'],
    body: ReasonBodySchema,
    responses: { 201: StaffUserSchema },
  })
  enable(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<StaffUser> {
    return this.staff.setEnabled(id, true, body as never, ctx);
  }
}

@Controller('api/v1/stores')
export class StoresController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @RequirePermission('stores:read')
  @ApiDoc({
    summary: 'Stores (store-bound roles: their own)',
    tags: ['stores'],
    responses: { 200: z.array(StoreSchema) },
  })
  list(@CurrentActor() actor: Actor): Promise<Store[]> {
    return this.staff.listStores(actor);
  }

  @Post()
  @RequirePermission('stores:manage')
  @ApiDoc({
    summary: 'Create a store',
    tags: ['stores'],
    body: CreateStoreSchema,
    responses: { 201: StoreSchema },
  })
  create(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<Store> {
    return this.staff.createStore(body as never, ctx);
  }
}

@Controller('api/v1/pos-keys')
export class PosKeysController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @RequirePermission('pos-keys:read')
  @ApiDoc({
    summary: 'POS keys (managers: their stores)',
    tags: ['pos-keys'],
    query: PosKeyQuerySchema,
    responses: { 200: z.array(PosKeySchema) },
  })
  list(@CurrentActor() actor: Actor, @Query() query: Record<string, unknown>): Promise<PosKey[]> {
    return this.staff.listKeys(actor, query);
  }

  @Post()
  @RequirePermission('pos-keys:manage')
  @ApiDoc({
    summary: 'Create a POS key for a store; the secret is shown once',
    tags: ['pos-keys'],
    body: CreatePosKeySchema,
    responses: { 201: CreatedPosKeySchema },
  })
  create(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<CreatedPosKey> {
    return this.staff.createKey(body as never, ctx);
  }

  @Post(':id/revoke')
  @RequirePermission('pos-keys:manage')
  @ApiDoc({
    summary: 'Revoke a POS key (takes effect at once)',
    tags: ['pos-keys'],
    body: ReasonBodySchema,
    responses: { 201: PosKeySchema },
  })
  revoke(@Param('id') id: string, @Body() body: unknown, @Ctx() ctx: RequestContext): Promise<PosKey> {
    return this.staff.revokeKey(id, body as never, ctx);
  }
}
