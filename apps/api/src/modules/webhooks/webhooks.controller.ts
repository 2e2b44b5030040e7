import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  CreateWebhookEndpointSchema,
  UpdateWebhookEndpointSchema,
  type WebhookDeliveryDetail,
  WebhookDeliveryDetailSchema,
  type WebhookDeliveryPage,
  WebhookDeliveryPageSchema,
  WebhookDeliveryQuerySchema,
  type WebhookEndpoint,
  WebhookEndpointSchema,
  type WebhookEndpointWithSecret,
  WebhookEndpointWithSecretSchema,
} from '@tally/domain';
import { z } from 'zod';
import { type RequestContext } from '../../common/auth/actor.js';
import { Ctx, RequirePermission } from '../../common/auth/permission.decorator.js';
import { ApiDoc } from '../../common/decorators/api-doc.decorator.js';
import { WebhooksService } from './webhooks.service.js';

@Controller('api/v1/admin/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @RequirePermission('webhooks:manage')
  @ApiDoc({
    summary: 'Webhook endpoints',
    tags: ['webhooks'],
    responses: { 200: z.array(WebhookEndpointSchema) },
  })
  list(): Promise<WebhookEndpoint[]> {
    return this.webhooks.list();
  }

  @Post()
  @RequirePermission('webhooks:manage')
  @ApiDoc({
    summary: 'Register an endpoint; its signing secret is shown once',
    tags: ['webhooks'],
    body: CreateWebhookEndpointSchema,
    responses: { 201: WebhookEndpointWithSecretSchema },
  })
  create(@Body() body: unknown, @Ctx() ctx: RequestContext): Promise<WebhookEndpointWithSecret> {
    return this.webhooks.create(body, ctx);
  }

  @Get(':id')
  @RequirePermission('webhooks:manage')
  @ApiDoc({ summary: 'One webhook endpoint', tags: ['webhooks'], responses: { 200: WebhookEndpointSchema } })
  get(@Param('id') id: string): Promise<WebhookEndpoint> {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @RequirePermission('webhooks:manage')
  @ApiDoc({
    summary: 'Change an endpoint’s URL, description, events, or enable/disable it',
    tags: ['webhooks'],
    body: UpdateWebhookEndpointSchema,
    responses: { 200: WebhookEndpointSchema },
  })
  update(
    @Param('id') id: string,
    @Body() body: unknown,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookEndpoint> {
    return this.webhooks.update(id, body, ctx);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('webhooks:manage')
  @ApiDoc({
    summary: 'Delete an endpoint with its deliveries',
    tags: ['webhooks'],
    responses: { 204: null },
  })
  remove(@Param('id') id: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.webhooks.remove(id, ctx);
  }

  @Post(':id/rotate-secret')
  @RequirePermission('webhooks:manage')
  @ApiDoc({
    summary: 'Replace the signing secret (shown once); later deliveries use the new one',
    tags: ['webhooks'],
    responses: { 201: WebhookEndpointWithSecretSchema },
  })
  rotate(@Param('id') id: string, @Ctx() ctx: RequestContext): Promise<WebhookEndpointWithSecret> {
    return this.webhooks.rotateSecret(id, ctx);
  }

  @Get(':id/deliveries')
  @RequirePermission('webhooks:manage')
  @ApiDoc({
    summary: 'The endpoint’s deliveries, newest first',
    tags: ['webhooks'],
    query: WebhookDeliveryQuerySchema,
    responses: { 200: WebhookDeliveryPageSchema },
  })
  deliveries(@Param('id') id: string, @Query() query: Record<string, unknown>): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveries(id, query);
  }

  @Get(':id/deliveries/:deliveryId')
  @RequirePermission('webhooks:manage')
  @ApiDoc({
    summary: 'One delivery: its body and every attempt with the receiver’s answer',
    tags: ['webhooks'],
    responses: { 200: WebhookDeliveryDetailSchema },
  })
  delivery(@Param('id') id: string, @Param('deliveryId') deliveryId: string): Promise<WebhookDeliveryDetail> {
    return this.webhooks.delivery(id, deliveryId);
  }

  @Post(':id/deliveries/:deliveryId/resend')
  @RequirePermission('webhooks:manage')
  @ApiDoc({
    summary: 'Send a dead delivery again (same delivery id and body)',
    tags: ['webhooks'],
    responses: { 201: WebhookDeliveryDetailSchema },
  })
  resend(
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
    @Ctx() ctx: RequestContext,
  ): Promise<WebhookDeliveryDetail> {
    return this.webhooks.resend(id, deliveryId, ctx);
  }
}
