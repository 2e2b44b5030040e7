import { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { OutboxService } from '../../src/modules/outbox/outbox.service.js';
import { passwordResetEmail } from '../../src/modules/outbox/templates.js';
import { createTestApp, type TestApp, uniqueEmail } from '../factories/app.factory.js';

interface Received {
  to: string[];
  data: string;
}

/** A real SMTP server on a local port: the outbox worker talks SMTP to it like to any mail relay. */
async function startSmtp(options: { rejectFirst?: number } = {}) {
  const received: Received[] = [];
  let rejections = options.rejectFirst ?? 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        if (rejections > 0) {
          rejections -= 1;
          callback(new Error('451 try again later'));
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const statusOf = async (t: TestApp, id: string) =>
  (
    await t.dataSource.query<[{ status: string; attempts: number; last_error: string | null }]>(
      'SELECT status, attempts, last_error FROM outbox_message WHERE id = $1',
      [id],
    )
  )[0];

describe(OutboxService.name, () => {
  it('holds messages when no mail server is configured, readable in the console', async () => {
    const t = await createTestApp();
    try {
      const outbox = t.app.get(OutboxService);
      const to = uniqueEmail('held');
      const id = await t.dataSource.transaction((m) =>
        outbox.enqueue(m, passwordResetEmail(to, 'Held', 'http://x/reset', 60)),
      );
      expect((await statusOf(t, id)).status).toBe('held');
      expect(await outbox.deliverDue()).toBe(0);
      const page = await outbox.list({ status: 'held', limit: 200 });
      expect(page.items.find((m) => m.id === id)).toMatchObject({
        to,
        subject: 'Reset your Tally password',
        status: 'held',
      });
    } finally {
      await t.close();
    }
  });

  it('delivers through SMTP, retries a refused message with backoff, and marks each sent once', async () => {
    const smtp = await startSmtp({ rejectFirst: 1 });
    const t = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_POLL_MS: '600000' });
    try {
      const outbox = t.app.get(OutboxService);
      const to = uniqueEmail('smtp');
      const id = await t.dataSource.transaction((m) =>
        outbox.enqueue(m, passwordResetEmail(to, 'Sam', 'http://x/reset?token=abc', 60)),
      );
      expect(await outbox.deliverDue()).toBe(0);
      const failed = await statusOf(t, id);
      expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
      expect(failed.last_error).toMatch(/try again later/);
      // Not due again until its backoff passes; make it due now rather than wait.
      expect(await outbox.deliverDue()).toBe(0);
      await t.dataSource.query('UPDATE outbox_message SET next_attempt_at = now() WHERE id = $1', [id]);
      expect(await outbox.deliverDue()).toBe(1);
      expect(await statusOf(t, id)).toMatchObject({ status: 'sent', attempts: 2 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.to).toEqual([to]);
      expect(smtp.received[0]!.data).toContain('token=abc');
      expect(await outbox.deliverDue()).toBe(0);
    } finally {
      await t.close();
      await smtp.close();
    }
  });

  it('lets two workers share the queue without sending anything twice', async () => {
    const smtp = await startSmtp();
    const a = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_POLL_MS: '600000' });
    const b = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_POLL_MS: '600000' });
    try {
      const recipients = Array.from({ length: 12 }, () => uniqueEmail('pair'));
      for (const to of recipients) {
        await a.dataSource.transaction((m) =>
          a.app.get(OutboxService).enqueue(m, passwordResetEmail(to, 'P', 'http://x', 60)),
        );
      }
      const [sentA, sentB] = await Promise.all([
        a.app.get(OutboxService).deliverDue(5),
        b.app.get(OutboxService).deliverDue(5),
      ]);
      const rest =
        (await a.app.get(OutboxService).deliverDue(50)) + (await b.app.get(OutboxService).deliverDue(50));
      const mine = smtp.received.filter((r) => recipients.includes(r.to[0]!));
      expect(sentA + sentB + rest).toBeGreaterThanOrEqual(12);
      expect(mine).toHaveLength(12);
      expect(new Set(mine.map((r) => r.to[0])).size).toBe(12);
    } finally {
      await a.close();
      await b.close();
      await smtp.close();
    }
  });
});
