// The control API's routes for one plugged-in phone: "Check again" (POST /api/phones/check) and
// "Use it on this computer" (POST /api/phones/takeover) and "Open on the phone again"
// (POST /api/phones/reopen), each by serial or masked identity.
import type { FastifyInstance } from 'fastify';
import { controlRoutes } from '../../protocol/control-api.js';
import type { AgentControl } from './control-api.js';
import { ControlError } from './control-error.js';
import { checkBody } from './check-body.js';

export function registerPhoneRoutes(app: FastifyInstance, control: AgentControl): void {
  const phones = () => {
    if (!control.phones) {
      throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent pairs no phones', 503);
    }
    return control.phones;
  };
  const { checkPhone, takeover, reopen } = controlRoutes;
  app.post(reopen.path, async (request) => {
    const { target } = checkBody(reopen.request, request.body);
    return { phone: await phones().reopen(target) };
  });
  app.post(checkPhone.path, async (request) => {
    const { target } = checkBody(checkPhone.request, request.body);
    return { phone: await phones().checkAgain(target) };
  });
  app.post(takeover.path, async (request) => {
    const { target } = checkBody(takeover.request, request.body);
    return { phone: await phones().takeover(target) };
  });
}
