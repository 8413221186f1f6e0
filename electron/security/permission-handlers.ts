// Installs a PermissionGate on an Electron session: the request handler (a page asks) and the
// check handler (a page queries), both keyed on the requesting frame's exact origin.
import type { Session } from 'electron';
import { originOf } from './origin.js';
import type { PermissionGate } from './permission-gate.js';

/** What Tandem uses of Electron's Session. */
export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler'
>;

export function installPermissionHandlers(session: PermissionSession, gate: PermissionGate): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const url = details.requestingUrl || contents?.getURL() || '';
    void gate.request(originOf(url), permission).then(callback, () => callback(false));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    gate.check(originOf(requestingOrigin), permission),
  );
}
