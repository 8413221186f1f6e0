// Whether the server is draining (SIGTERM): /readyz answers 503 from the moment it starts, and the
// relay refuses new upgrades. It never stops draining: a drained process exits.
export class DrainState {
  private startedAt: number | undefined;

  get draining(): boolean {
    return this.startedAt !== undefined;
  }

  /** Marks the start once; false when the drain had already started. */
  start(now = Date.now()): boolean {
    if (this.startedAt !== undefined) return false;
    this.startedAt = now;
    return true;
  }
}
