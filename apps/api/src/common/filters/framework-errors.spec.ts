import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ProblemSchema } from '@tally/domain';
import { type FastifyInstance } from 'fastify';
import { FrameworkProblems } from './framework-errors.js';

async function adapterWithRoute(): Promise<{ fastify: FastifyInstance; hookCalls: string[]; url: string }> {
  const problems = new FrameworkProblems();
  const adapter = new FastifyAdapter({ ...problems.options });
  problems.watch(adapter);
  const hookCalls: string[] = [];
  adapter.registerSecurityHook((request, response) => {
    hookCalls.push(request.url);
    response.setHeader('x-content-type-options', 'nosniff');
    return undefined;
  });
  const fastify = adapter.getInstance<FastifyInstance>();
  fastify.get('/things/:id', async () => 'ok');
  const url = await fastify.listen({ port: 0, host: '127.0.0.1' });
  return { fastify, hookCalls, url };
}

/** Calls the socket-level handler as Node does, on the server side of a real connection. */
async function answerToClientError(code: string): Promise<{ head: string; body: string }> {
  const { fastify } = await adapterWithRoute();
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const client = connect(typeof address === 'object' && address ? address.port : 0, '127.0.0.1');
  const [serverSide] = (await once(server, 'connection')) as [Socket];
  serverSide.on('error', () => undefined); // the handler destroys the socket with the error, as Node's does
  let data = '';
  client.on('data', (chunk) => (data += chunk.toString()));
  const closed = once(client, 'close');
  new FrameworkProblems().options.clientErrorHandler.call(
    fastify,
    Object.assign(new Error(code), { code }),
    serverSide,
  );
  await closed;
  server.close();
  await fastify.close();
  const [head = '', body = ''] = data.split('\r\n\r\n');
  return { head, body };
}

describe(FrameworkProblems.name, () => {
  it('answers an over-long path parameter with a 414 problem, and runs Nest’s security hook for it', async () => {
    const { fastify, hookCalls, url } = await adapterWithRoute();
    const res = await fetch(`${url}/things/${'a'.repeat(500)}`);
    expect(res.status).toBe(414);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(ProblemSchema.parse(await res.json())).toMatchObject({ code: 'URI_TOO_LONG', status: 414 });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(hookCalls).toHaveLength(1);
    await fastify.close();
  });

  it('answers a percent escape that is not UTF-8 with a 400 problem', async () => {
    const { fastify, url } = await adapterWithRoute();
    const res = await fetch(`${url}/things/%ED%A0%80`);
    expect(res.status).toBe(400);
    expect(ProblemSchema.parse(await res.json())).toMatchObject({ code: 'MALFORMED_REQUEST' });
    await fastify.close();
  });

  it.each([
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'REQUEST_TIMEOUT'],
    ['HPE_HEADER_OVERFLOW', 431, 'HEADERS_TOO_LARGE'],
    ['HPE_INVALID_METHOD', 400, 'MALFORMED_REQUEST'],
  ])('writes a %s from Node’s parser to the socket as a %i problem', async (code, status, problemCode) => {
    const { head, body } = await answerToClientError(code);
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toMatch(/content-type: application\/problem\+json/i);
    expect(ProblemSchema.parse(JSON.parse(body))).toMatchObject({ code: problemCode, status });
  });
});
