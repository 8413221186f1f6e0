// One JSON request to the pairing server: timeout, one retry on a broken connection, and every
// failure turned into a PairingClientError with a stable code. The answer is checked by its schema.
import type { z } from 'zod';
import { ErrorBodySchema } from '../../protocol/pairing.js';
import { PairingClientError } from './pairing-client-error.js';

export interface JsonCall {
  url: string;
  method: 'GET' | 'POST';
  body?: unknown;
  authorization?: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  fetch: typeof fetch;
}

interface Answer {
  status: number;
  text: string;
}

export async function callJson<S extends z.ZodType>(
  schema: S,
  call: JsonCall,
): Promise<z.infer<S>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.authorization) headers.authorization = call.authorization;
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
  const init: RequestInit = {
    method: call.method,
    headers,
    signal,
    ...(call.body !== undefined && { body: JSON.stringify(call.body) }),
  };
  const send = async (): Promise<Answer> => {
    const response = await call.fetch(call.url, init);
    return { status: response.status, text: await response.text() };
  };
  let answer: Answer;
  try {
    answer = await send();
  } catch (error) {
    if (signal.aborted) throw transportError(error, timeout, call);
    // A kept-alive socket to a server that restarted fails once ("other side closed"); every
    // pairing call is safe to repeat (binds and releases are idempotent for their owner).
    try {
      answer = await send();
    } catch (again) {
      throw transportError(again, timeout, call);
    }
  }
  return parseAnswer(schema, answer, new URL(call.url).pathname);
}

function transportError(error: unknown, timeout: AbortSignal, call: JsonCall): PairingClientError {
  const cause = { cause: error };
  const { origin, pathname } = new URL(call.url);
  if (timeout.aborted) {
    const message = `${pathname}: no answer within ${call.timeoutMs} ms`;
    return new PairingClientError('SERVER_TIMEOUT', message, undefined, cause);
  }
  if ((error as Error | undefined)?.name === 'AbortError') {
    return new PairingClientError('ABORTED', `${pathname}: aborted`, undefined, cause);
  }
  const message = `cannot reach the pairing server at ${origin}`;
  return new PairingClientError('SERVER_UNREACHABLE', message, undefined, cause);
}

function parseAnswer<S extends z.ZodType>(schema: S, answer: Answer, path: string): z.infer<S> {
  const { status } = answer;
  const bad = (why: string) => new PairingClientError('BAD_RESPONSE', `${path}: ${why}`, status);
  let json: unknown;
  try {
    json = JSON.parse(answer.text);
  } catch {
    throw bad(`HTTP ${status} without a JSON body`);
  }
  if (status >= 400) {
    const failure = ErrorBodySchema.safeParse(json);
    if (!failure.success) throw bad(`HTTP ${status} without an error code`);
    // A newer server may send a code this agent does not know yet; it is passed on unchanged.
    const { code, message } = failure.data.error;
    throw new PairingClientError(code as PairingClientError['code'], message, status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw bad('the answer does not match the protocol');
  return parsed.data;
}
