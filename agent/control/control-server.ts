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
import { checkBody } from './check-body.js';
import {
  controlRoutes,
  type ControlResponse,
  type ControlRouteName,
} from '../../protocol/control-api.js';
import { isPairingClientError } from '../pairing/pairing-client-error.js';
import { registerPhoneRoutes } from './phone-routes.js';

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
      const asset = await readUiAsset(path);
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
  // Every route of the contract (protocol/control-api.ts): bodies checked there, answers typed by it.
  const routes = controlRoutes;
  const answer = <R extends ControlRouteName>(
    _route: R,
    response: ControlResponse<R>,
  ): ControlResponse<R> => response;
  app.get(routes.status.path, async () => answer('status', control.status()));
  app.get(routes.history.path, async () => answer('history', { phones: control.history() }));
  app.post(routes.pause.path, async () => {
    control.pause();
    return answer('pause', control.status());
  });
  app.post(routes.resume.path, async () => {
    control.resume();
    return answer('resume', control.status());
  });
  app.post(routes.forget.path, async (request) => {
    const { target } = checkBody(routes.forget.request, request.body);
    return answer('forget', { forgotten: await control.forget(target) });
  });
  app.post(routes.release.path, async (request) => {
    const { target } = checkBody(routes.release.request, request.body);
    return answer('release', { released: await control.release(target) });
  });

  app.post(routes.open.path, async (request) => {
    if (!control.open) {
      throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent has no browser session', 503);
    }
    const { url } = checkBody(routes.open.request, request.body);
    return answer('open', { opened: await control.open(url) });
  });

  const browser = () => {
    if (!control.browser) {
      throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent has no browser session', 503);
    }
    return control.browser;
  };
  app.get(routes.tabs.path, async () => answer('tabs', { tabs: browser().tabs() }));
  app.post(routes.browser.path, async (request) =>
    answer('browser', { tabs: await browser().act(parseBrowserRequest(request.body)) }),
  );

  // Text up to the relay's 100,000 characters, JSON-escaped: a larger body limit for this route.
  app.post(routes.send.path, { bodyLimit: 1024 * 1024 }, async (request) => {
    if (!control.send) {
      throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent cannot send to phones', 503);
    }
    return answer('send', { sent: await control.send(parseSendRequest(request.body)) });
  });

  app.get(routes.settings.path, async () => answer('settings', control.settings.get()));
  app.post(routes.updateSettings.path, async (request) =>
    answer(
      'updateSettings',
      control.settings.update(checkBody(routes.updateSettings.request, request.body)),
    ),
  );

  const inbox = () => {
    if (!control.inbox) {
      throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent keeps no inbox', 503);
    }
    return control.inbox;
  };
  app.get(routes.inbox.path, async () =>
    answer('inbox', { items: inbox().list(), folder: inbox().folder() }),
  );
  app.post(routes.inboxOpen.path, async (request) => {
    const { id } = checkBody(routes.inboxOpen.request, request.body);
    return answer('inboxOpen', { opened: await inbox().open(id) });
  });
  app.post(routes.inboxShow.path, async (request) => {
    const { id } = checkBody(routes.inboxShow.request, request.body);
    return answer('inboxShow', { shown: await inbox().show(id) });
  });

  registerPhoneRoutes(app, control);

  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  boundPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://127.0.0.1:${boundPort}`, app, close: () => app.close() };
}

const guardMessage = {
  CONTROL_BAD_HOST: 'the control API answers only 127.0.0.1 and localhost',
  CONTROL_BAD_ORIGIN: 'cross-origin requests are refused',
  CONTROL_UNAUTHORIZED: 'a valid control token is required (see agent.json in the data folder)',
} as const;
