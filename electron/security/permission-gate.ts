// Web permissions (camera, location, notifications…): denied by default; a browsed site gets one
// only after the person confirms it for that exact origin, and keeps it for this run only.
// Permissions outside ASKABLE are always denied; the UI's session asks nothing (deny all).

export const ASKABLE_PERMISSIONS: ReadonlySet<string> = new Set([
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'pointerLock',
  'display-capture',
]);

/** Asks the person; true when they allowed `permission` for `origin`. */
export type ConfirmPermission = (origin: string, permission: string) => Promise<boolean>;

export class PermissionGate {
  private readonly granted = new Map<string, Set<string>>();
  private readonly asking = new Map<string, Promise<boolean>>();

  /** `confirm` absent: nothing is ever allowed (Tandem's own UI needs no permission). */
  constructor(private readonly confirm?: ConfirmPermission) {}

  /** A request from a page: allowed if already confirmed, else the person is asked (once at a time). */
  async request(origin: string | undefined, permission: string): Promise<boolean> {
    if (!origin || !this.confirm || !ASKABLE_PERMISSIONS.has(permission)) return false;
    if (this.check(origin, permission)) return true;
    const key = `${origin} ${permission}`;
    let pending = this.asking.get(key);
    if (!pending) {
      pending = this.confirm(origin, permission).catch(() => false);
      this.asking.set(key, pending);
    }
    const allowed = await pending;
    this.asking.delete(key);
    if (allowed) {
      const set = this.granted.get(origin) ?? new Set<string>();
      set.add(permission);
      this.granted.set(origin, set);
    }
    return allowed;
  }

  /** A synchronous check: only what the person already allowed for this exact origin. */
  check(origin: string | undefined, permission: string): boolean {
    return origin !== undefined && (this.granted.get(origin)?.has(permission) ?? false);
  }
}
