// A clock a test moves by hand, for the orchestrator's timers (agent/pairing/schedule.ts): nothing
// runs until the test advances it past a timer's time.
export interface ManualSchedule {
  schedule: (run: () => void, ms: number) => () => void;
  now: () => number;
  /** The delays of the timers still waiting, from now, soonest first. */
  pending(): number[];
  /** Moves the clock on, running each timer that comes due, in order. */
  advance(ms: number): void;
}

export function manualSchedule(start = 1_000_000): ManualSchedule {
  let now = start;
  let timers: { at: number; run: () => void }[] = [];
  return {
    schedule(run, ms) {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    now: () => now,
    pending: () => timers.map((t) => t.at - now).sort((a, b) => a - b),
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.run();
      }
      now = end;
    },
  };
}
