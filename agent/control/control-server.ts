// The agent's local control API: fastify on 127.0.0.1 only, guarded by Host, Origin and token.
import Fastify, { type FastifyInstance } from 'fastify';
import type { AgentControl } from './control-api.js';
import { ControlError } from './control-error.js';
import { checkControlRequest } from './guard.js';
import { framingErrorOptions } from '../../server/framing-errors.js';
import { guardServerSockets } from '../../server/socket-guard.js';
import { parseSendRequest } from '../session/send-request.js';
import { parseBrowserRequest } from './browser-request.js';
import { readUiAsset, uiAssets, uiContentSecurityPolicy } from './ui-assets.js';
import { isPairingClientError } from '../pairing/pairing-client-error.js';

export interface ControlServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startControlServer(
  control: AgentControl,
  token: string,
  port = 0,
): Promise<ControlServer> {
  const app = Fastify({
    logger: false,
    bodyLimit: 16 * 1024,
    ...framingErrorOptions({
      code: 'CONTROL_BAD_REQUEST',
      message: 'the request is not valid HTTP or its URL does not decode',
    }),
  });
  // A client resetting its connection must never throw in the agent's process.
  guardServerSockets(app.server);
  let boundPort = port;

  app.addHook('onRequest', async (request, reply) => {
    const query = request.query as { token?: string } | undefined;
    const path = request.url.split('?')[0] ?? '';
    const failure = checkControlRequest(
      {
        host: request.headers.host,
        origin: request.headers.origin,
        authorization: request.headers.authorization,
        queryToken: typeof query?.token === 'string' ? query.token : undefined,
      },
      boundPort,
      token,
      { tokenRequired: !(path in uiAssets) },
    );
    if (failure) {
      const status = failure === 'CONTROL_UNAUTHORIZED' ? 401 : 403;
      return reply.code(status).send({ error: { code: failure, message: guardMessage[failure] } });
    }
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ControlError) {
      return reply
        .code(error.statusCode)
        .send({ error: { code: error.code, message: error.message } });
    }
    if (isPairingClientError(error)) {
      // The pairing server refused or could not be reached (a release, say): pass its code on.
      return reply.code(502).send({ error: { code: error.code, message: error.message } });
    }
    // Fastify's own messages quote the input (a content type, a JSON fragment): never pass them on.
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    const [code, message] =
      status === 413
        ? ['CONTROL_PAYLOAD_TOO_LARGE', 'the request body is too large']
        : status < 500
          ? ['CONTROL_BAD_REQUEST', 'the request body or its content type is not acceptable']
          : ['INTERNAL', 'internal agent failure'];
    return reply.code(status).send({ error: { code, message } });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: 'CONTROL_NOT_FOUND', message: 'no such route' } }),
  );

  for (const path of Object.keys(uiAssets)) {
    app.get(path, async (_request, reply) => {
      const asset = readUiAsset(path);
      if (!asset) {
        return reply
          .code(404)
          .send({ error: { code: 'CONTROL_NOT_FOUND', message: 'no such page' } });
      }
      return reply
        .header('content-type', asset.type)
        .header('content-security-policy', uiContentSecurityPolicy)
        .header('x-content-type-options', 'nosniff')
        .send(asset.body);
    });
  }
  app.get('/api/status', async () => control.status());
  app.get('/api/history', async () => ({ phones: control.history() }));
  app.post('/api/pause', async () => {
    control.pause();
    return control.status();
  });
  app.post('/api/resume', async () => {
    control.resume();
    return control.status();
  });
  app.post('/api/forget', async (request) => ({
    forgotten: await control.forget(targetOf(request.body)),
  }));
  app.post('/api/release', async (request) => ({
    released: await control.release(targetOf(request.body)),
  }));

  app.post('/api/open', async (request) => {
    if (!control.open) {
      throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent has no browser session', 503);
    }
    return { opened: await control.open(urlOf(request.body)) };
  });

  const browser = () => {
    if (!control.browser) {
      throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent has no browser session', 503);
    }
    return control.browser;
  };
  app.get('/api/tabs', async () => ({ tabs: browser().tabs() }));
  app.post('/api/browser', async (request) => ({
    tabs: await browser().act(parseBrowserRequest(request.body)),
  }));

  // Text up to the relay's 100,000 characters, JSON-escaped: a larger body limit for this route.
  app.post('/api/send', { bodyLimit: 1024 * 1024 }, async (request) => {
    if (!control.send) {
      throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent cannot send to phones', 503);
    }
    return { sent: await control.send(parseSendRequest(request.body)) };
  });

  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  boundPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://127.0.0.1:${boundPort}`, app, close: () => app.close() };
}

function targetOf(body: unknown): string {
  const target = (body as { target?: unknown } | null)?.target;
  if (typeof target !== 'string' || target.length === 0 || target.length > 128) {
    throw new ControlError(
      'CONTROL_BAD_REQUEST',
      'expected { "target": "<serial or masked identity>" }',
    );
  }
  return target;
}

function urlOf(body: unknown): string {
  const url = (body as { url?: unknown } | null)?.url;
  if (
    typeof url !== 'string' ||
    url.length > 8192 ||
    !/^https?:\/\//i.test(url) ||
    !URL.canParse(url)
  ) {
    throw new ControlError('CONTROL_BAD_REQUEST', 'expected { "url": "<http(s) URL>" }');
  }
  return url;
}

const guardMessage = {
  CONTROL_BAD_HOST: 'the control API answers only 127.0.0.1 and localhost',
  CONTROL_BAD_ORIGIN: 'cross-origin requests are refused',
  CONTROL_UNAUTHORIZED: 'a valid control token is required (see agent.json in the data folder)',
} as const;
