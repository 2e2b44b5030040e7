import { createHmac } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { openSecret } from '../../common/crypto/secret-box.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { type ClaimedDelivery, WebhooksRepository } from './webhooks.repository.js';

export const WEBHOOK_MAX_ATTEMPTS = 8;
export const WEBHOOK_TIMEOUT_MS = 5000;
const LEASE_SECONDS = 60;
const EXCERPT_CHARS = 500;

/** Seconds to wait after failed attempt `attempt` (1-based): 30 s, 1 min, 2 min … capped at 1 h. */
export function webhookRetryDelay(attempt: number): number {
  return Math.min(3600, 15 * 2 ** attempt);
}

/** `Tally-Signature` header value: HMAC-SHA256 of `<unix seconds>.<body>` with the endpoint's secret. */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/**
 * Delivers webhook messages from the outbox: every API process polls, claims due deliveries with
 * SKIP LOCKED, POSTs them signed, and logs every attempt. A 2xx answer is delivered; anything else
 * (other status, redirect, timeout, network error) is retried with exponential backoff until
 * WEBHOOK_MAX_ATTEMPTS, then the delivery is dead until an admin re-sends it.
 */
@Injectable()
export class WebhookDeliveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryService.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly repository: WebhooksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.deliverDue(), this.config.env.OUTBOX_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One delivery round; returns how many were delivered. Rounds in one process never overlap. */
  async deliverDue(limit = 20): Promise<number> {
    if (this.running) return this.running;
    this.running = this.round(limit).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(limit: number): Promise<number> {
    let delivered = 0;
    try {
      const due = await this.repository.claimDue(limit, LEASE_SECONDS);
      const results = await Promise.all(due.map((d) => this.deliver(d)));
      delivered = results.filter(Boolean).length;
    } catch (error) {
      this.logger.error(`webhook delivery round failed: ${(error as Error).message}`);
    }
    return delivered;
  }

  private async deliver(d: ClaimedDelivery): Promise<boolean> {
    const started = performance.now();
    let statusCode: number | null = null;
    let excerpt: string | null = null;
    let error: string | null = null;
    try {
      const secret = openSecret(d.secret, this.config.env.WEBHOOK_SECRET_KEY);
      const response = await fetch(d.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Tally-Webhooks/1',
          'tally-event': d.event,
          'tally-delivery': d.id,
          'tally-signature': webhookSignature(secret, d.body, Math.floor(Date.now() / 1000)),
        },
        body: d.body,
      });
      statusCode = response.status;
      excerpt = (await response.text()).slice(0, EXCERPT_CHARS);
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (e) {
      const cause = (e as Error & { cause?: Error }).cause;
      error =
        (e as Error).name === 'TimeoutError'
          ? `timed out after ${WEBHOOK_TIMEOUT_MS} ms`
          : (cause?.message ?? (e as Error).message);
    }
    const attempt = {
      number: d.attempts,
      statusCode,
      excerpt,
      durationMs: Math.round(performance.now() - started),
      error: error?.slice(0, 1000) ?? null,
    };
    if (error === null) {
      await this.repository.recordAttempt(d.id, attempt, { delivered: true });
      return true;
    }
    const retryInSeconds = d.attempts >= WEBHOOK_MAX_ATTEMPTS ? null : webhookRetryDelay(d.attempts);
    await this.repository.recordAttempt(d.id, attempt, { delivered: false, retryInSeconds });
    this.logger.warn(`webhook delivery ${d.id} failed (attempt ${d.attempts}): ${error}`);
    return false;
  }
}
