import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Route = (request: RecordedRequest, response: ServerResponse) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>`, to pass as the client's `baseUrl`. */
  baseUrl: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on a free loopback port, for testing the front ends' fetchers and pages against the
 * wire instead of a fetch mock. Routes are keyed by `METHOD /path` (or `METHOD /path?query`).
 */
export async function startTestServer(routes: Record<string, Route>): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      // An exact `METHOD /path?query` route wins over the `METHOD /path` one.
      const route =
        routes[`${recorded.method} ${recorded.url}`] ??
        routes[`${recorded.method} ${recorded.url.split('?')[0] ?? ''}`];
      if (route) route(recorded, res);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('no such test route');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
) {
  res.writeHead(status, { 'content-type': contentType }).end(JSON.stringify(body));
}

/** Answers with an RFC 9457 problem, shaped as the API's problem filter writes it. */
export function sendProblem(
  res: ServerResponse,
  status: number,
  problem: { code: string; title: string; detail?: string; errors?: { field: string; message: string }[] },
  requestId = 'req-test',
) {
  res.writeHead(status, { 'content-type': 'application/problem+json', 'x-request-id': requestId }).end(
    JSON.stringify({
      type: `/api/docs/errors#${problem.code.toLowerCase()}`,
      status,
      requestId,
      ...problem,
    }),
  );
}
