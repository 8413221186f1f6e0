// Desktop notifications, deduplicated by key: a key shown once is not shown again until it is
// forgotten (a phone unplugged) or its window has passed. Each notification has a click action.
// Notifications are made through an injected factory (Electron's Notification, or a test's).

export interface NotificationContent {
  title: string;
  body: string;
}

export interface NotificationLike {
  show(): void;
  on(event: 'click' | 'close', listener: () => void): unknown;
}

export type CreateNotification = (content: NotificationContent) => NotificationLike;

export interface NotifyOptions {
  /** Show the same key again after this long; default: never, until `forget`. */
  windowMs?: number;
  onClick(): void;
}

export class Notifier {
  private readonly shownAt = new Map<string, number>();
  /** Shown notifications, held until clicked or closed: a collected one loses its click handler. */
  private readonly live = new Set<NotificationLike>();

  constructor(
    private readonly create: CreateNotification | undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when it was shown; false when deduplicated or notifications are unsupported. */
  notify(key: string, content: NotificationContent, options: NotifyOptions): boolean {
    if (!this.create) return false;
    const last = this.shownAt.get(key);
    if (last !== undefined) {
      if (options.windowMs === undefined || this.now() - last < options.windowMs) return false;
    }
    this.shownAt.set(key, this.now());
    const notification = this.create(content);
    this.live.add(notification);
    notification.on('click', () => {
      this.live.delete(notification);
      options.onClick();
    });
    notification.on('close', () => this.live.delete(notification));
    notification.show();
    return true;
  }

  /** Forgets every key that starts with `prefix`, so they may show again. */
  forget(prefix: string): void {
    for (const key of [...this.shownAt.keys()])
      if (key.startsWith(prefix)) this.shownAt.delete(key);
  }
}
