// A request body checked against its schema in the control API's contract (protocol/): the first
// problem found, in the schema's own words, is a CONTROL_BAD_REQUEST.
import * as z from 'zod/mini';
import { ControlError } from './control-error.js';

export function checkBody<Schema extends z.ZodMiniType>(
  schema: Schema,
  body: unknown,
): z.output<Schema> {
  const result = z.safeParse(schema, body);
  if (result.success) return result.data;
  const message = result.error.issues[0]?.message ?? 'the request body is not acceptable';
  throw new ControlError('CONTROL_BAD_REQUEST', message);
}
