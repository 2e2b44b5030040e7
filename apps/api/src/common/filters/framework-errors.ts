import { STATUS_CODES } from 'node:http';
import { type Socket } from 'node:net';
import { type FastifyAdapter } from '@nestjs/platform-fastify';
import { type ErrorCode, PROBLEM_CONTENT_TYPE } from '@tally/domain';
import { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { sendProblem, toProblem } from './problem.filter.js';
import { buildProblem } from './problem.js';

type SecurityHook = Parameters<FastifyAdapter['registerSecurityHook']>[0];

/**
 * Two kinds of answer are written before any hook, route or Nest's error handler runs, and Fastify
 * and Node write them in their own JSON shape unless told otherwise:
 * - the router's: a path parameter over `maxParamLength` (414) or a percent escape that is not UTF-8
 *   (400), through Fastify's `frameworkErrors` option;
 * - Node's HTTP parser's: headers over 16 kB, the URL included (431), a request that did not arrive in
 *   time (408), bytes that are not HTTP (400), through Fastify's `clientErrorHandler` option, which
 *   writes to the bare socket.
 * These options make both problem+json with a code of ours. Nest's adapter has a `frameworkErrors` of
 * its own that runs the security hook of `app.useSecurityHeaders()` / `app.enableCsrfProtection()`
 * for router errors; ours replaces it, so `watch` picks the hook up and ours runs it too.
 */
export class FrameworkProblems {
  private securityHook: SecurityHook | undefined;

  readonly options = {
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
      try {
        this.securityHook?.(request, reply.raw);
      } catch {
        // The request is refused either way; headers are all the hook could add here.
      }
      // No onRequest hook ran, so the request id is echoed here as every other answer does.
      void reply.header('x-request-id', request.id);
      sendProblem(reply, toProblem(error, request));
    },
    clientErrorHandler: function (this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      this.log.debug({ err: error }, 'client error');
      const code: ErrorCode =
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'REQUEST_TIMEOUT'
          : error.code === 'HPE_HEADER_OVERFLOW'
            ? 'HEADERS_TOO_LARGE'
            : 'MALFORMED_REQUEST';
      const detail =
        code === 'HEADERS_TOO_LARGE'
          ? 'The request line and headers together are over the 16 kB the server reads.'
          : code === 'REQUEST_TIMEOUT'
            ? 'The request did not arrive in time.'
            : 'The request is not valid HTTP.';
      const problem = buildProblem(code, { detail });
      const body = JSON.stringify(problem);
      if (socket.writable) {
        socket.write(
          `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
            `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
            `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      }
      socket.destroy(error);
    },
  };

  /** Keeps the security hook Nest's adapter is given, for the router errors answered above. */
  watch(adapter: FastifyAdapter): void {
    const register = adapter.registerSecurityHook.bind(adapter);
    adapter.registerSecurityHook = (hook) => {
      this.securityHook = hook;
      register(hook);
    };
  }
}
