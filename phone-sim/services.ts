// Routes a host OPEN to its service, by the service name adbd would see.
import type { ServiceHandler } from './connection.js';
import type { ReverseForwards } from './reverse.js';
import { startShellService, type ShellServiceContext } from './shell.js';

export function createServiceRouter(
  shell: ShellServiceContext,
  reverse: ReverseForwards,
): ServiceHandler {
  return (service, stream, conn) => {
    // `shell:CMD`, `shell,raw:CMD` (args before the colon) and `exec:CMD` all run CMD.
    const shellMatch = /^(?:shell(?:,[^:]*)?|exec):(.*)$/s.exec(service);
    if (shellMatch) {
      startShellService(shellMatch[1] ?? '', stream, shell);
      return true;
    }
    if (service.startsWith('reverse:')) {
      reverse.handle(service.slice('reverse:'.length), stream, conn);
      return true;
    }
    return false;
  };
}
