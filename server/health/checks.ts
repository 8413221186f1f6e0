// The server's dependency checks: named async probes, each bounded by a timeout, run together.
// /healthz reports them, /readyz needs them all to pass. A part that brings a dependency (the
// store, the cluster's Redis) registers one line: `checks.add('store', () => store.ping())`.

export type HealthCheck = () => Promise<void> | void;

export interface CheckResult {
  status: 'ok' | 'failing';
  /** How long the check took, in whole milliseconds. */
  ms: number;
  /** Why it failed: the error's code when it has one, else its message. */
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'failing';
  checks: Record<string, CheckResult>;
  /** The names of the checks that failed, in registration order. */
  failed: string[];
}

/** Default bound on one check; a dependency slower than this counts as down. */
export const DEFAULT_CHECK_TIMEOUT_MS = 2_000;

export class HealthChecks {
  private readonly checks = new Map<string, { run: HealthCheck; timeoutMs: number }>();

  constructor(private readonly defaultTimeoutMs = DEFAULT_CHECK_TIMEOUT_MS) {}

  /** Registers a check; a name is registered once. */
  add(name: string, run: HealthCheck, options: { timeoutMs?: number } = {}): this {
    if (this.checks.has(name)) throw new RangeError(`health check ${name} is already registered`);
    this.checks.set(name, { run, timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs });
    return this;
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  /** Runs every check at once; never rejects. */
  async run(): Promise<HealthReport> {
    const entries = [...this.checks];
    const results = await Promise.all(
      entries.map(([, check]) => runBounded(check.run, check.timeoutMs)),
    );
    const checks: Record<string, CheckResult> = {};
    const failed: string[] = [];
    entries.forEach(([name], index) => {
      const result = results[index]!;
      checks[name] = result;
      if (result.status === 'failing') failed.push(name);
    });
    return { status: failed.length === 0 ? 'ok' : 'failing', checks, failed };
  }
}

async function runBounded(check: HealthCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    // Not unref'd: the answer waits for it, and it is cleared as soon as the check settles.
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(check), timeout]);
    return { status: 'ok', ms: elapsed(started) };
  } catch (error) {
    return { status: 'failing', ms: elapsed(started), error: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (started: number): number => Math.round(performance.now() - started);

function describe(error: unknown): string {
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message.slice(0, 200);
  }
  return String(error).slice(0, 200);
}
