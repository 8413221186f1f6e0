// Request bodies are checked against the protocol's zod schemas. The error message names fields and
// rules, never the values sent (a rejected value could be an IMEI).
import type { z } from 'zod';
import { ServerError } from './errors.js';

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
    // An unknown key's name is input too, so it is not repeated back.
    const what = issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message;
    return `${where}: ${what}`;
  });
  throw new ServerError('VALIDATION_FAILED', problems.join('; '));
}
