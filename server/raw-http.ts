// Test support: one HTTP request with headers fetch() will not send (Host) and a chosen source
// address (127.0.0.2 is another client than 127.0.0.1). Used by *.itest.ts files only.
import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  code: string | undefined;
}

export function rawHttp(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    localAddress?: string;
    /** Where to connect; default 127.0.0.1. */
    address?: string;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = options.body;
    const req = request(
      {
        host: options.address ?? '127.0.0.1',
        port,
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        path: options.path,
        localAddress: options.localAddress,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let code: string | undefined;
          try {
            code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
          } catch {
            code = undefined;
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text,
            code,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
