// Request counts per route, so tests (and operators) can prove what an agent did or did not ask,
// e.g. that a history hit made no binding request.
export type StatsSnapshot = Record<string, number>;

export class RequestStats {
  private readonly counts = new Map<string, number>();

  /** `route` is the method and the route pattern, e.g. `POST /v1/bindings`. */
  count(route: string): void {
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
  }

  get(route: string): number {
    return this.counts.get(route) ?? 0;
  }

  snapshot(): StatsSnapshot {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
