// Requests Node or fastify refuse before any route or error handler sees them: an unparsable
// request line or header (Node's HTTP parser), headers over the size limit, a URL that does not
// decode. Fastify's defaults answer those with their own body shape and, for a bad URL, the URL
// itself in the message. These options make them a coded `{ error: { code, message } }` that
// echoes nothing, for the pairing server and the agent's control API alike.
import type { FastifyServerOptions } from 'fastify';
import type { Duplex } from 'node:stream';

export interface FramingCode {
  code: string;
  message: string;
}

const reasons: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/** `coded` names the API's code for a request that is not valid HTTP. */
export function framingErrorOptions(
  coded: FramingCode,
): Pick<FastifyServerOptions, 'clientErrorHandler' | 'frameworkErrors'> {
  return {
    clientErrorHandler(error: Error & { code?: string }, socket: Duplex) {
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const status =
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : error.code === 'HPE_HEADER_OVERFLOW'
            ? 431
            : 400;
      const body = JSON.stringify({ error: coded });
      if (socket.writable) {
        socket.write(
          `HTTP/1.1 ${status} ${reasons[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
            `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
        );
      }
      socket.destroy();
    },
    frameworkErrors(error, _request, reply) {
      const status = (error as { statusCode?: number }).statusCode;
      const answer = reply as unknown as {
        code(status: number): { send(body: unknown): unknown };
      };
      answer
        .code(typeof status === 'number' && status >= 400 && status < 500 ? status : 400)
        .send({ error: coded });
    },
  };
}
