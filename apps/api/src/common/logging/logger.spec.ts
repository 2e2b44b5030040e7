import { Writable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { pino } from 'pino';
import { JsonLogger } from './logger.js';

/** The JSON lines a JsonLogger writes, read back as objects. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: new JsonLogger(pino({ level: 'trace' }, stream)) };
}

describe(JsonLogger.name, () => {
  afterEach(() => Logger.overrideLogger(false));

  it('logs a structured object as fields of the line, as the jobs and simulations call it through Nest', async () => {
    const { lines, logger } = capture();
    Logger.overrideLogger(logger);
    new Logger('JobsService').error({ msg: 'job failed', job: 'ledger.expire-due', err: 'boom' });
    new Logger('SimulationsService').error({
      msg: 'campaign simulation failed',
      simulationId: 's-1',
      err: 'x',
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'job failed',
        job: 'ledger.expire-due',
        err: 'boom',
        context: 'JobsService',
      }),
      expect.objectContaining({
        msg: 'campaign simulation failed',
        simulationId: 's-1',
        context: 'SimulationsService',
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('[object Object]');
  });

  it('logs text as the message, and an Error with its message and stack', async () => {
    const { lines, logger } = capture();
    logger.warn('webhook subscriptions not refreshed', 'WebhookEventsService');
    logger.error(new Error('no database'), undefined, 'Outbox');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatchObject({
      level: 40,
      msg: 'webhook subscriptions not refreshed',
      context: 'WebhookEventsService',
    });
    expect(lines[1]).toMatchObject({
      level: 50,
      msg: 'no database',
      context: 'Outbox',
      err: { message: 'no database' },
    });
    expect((lines[1]!.err as { stack: string }).stack).toContain('Error: no database');
  });
});
