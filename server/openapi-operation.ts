// One operation of the OpenAPI document (server/openapi.ts), and the error lists most share.
import type { z } from 'zod';
import type { ServerErrorCode } from '../protocol/pairing.js';

export interface Operation {
  method: 'get' | 'post';
  path: string;
  summary: string;
  auth: boolean;
  request?: z.ZodType;
  status: number;
  response: z.ZodType;
  errors: ServerErrorCode[];
}

export const common: ServerErrorCode[] = [
  'HOST_NOT_ALLOWED',
  'RATE_LIMITED',
  'ADDRESS_RATE_LIMITED',
  'INTERNAL',
];
export const withBody: ServerErrorCode[] = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
];
export const authed: ServerErrorCode[] = ['UNAUTHENTICATED', ...common];
