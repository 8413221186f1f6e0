// The orchestrator's timers (retries, checks again), behind a function tests replace with a clock
// of their own.

/** Runs `run` after `ms`; returns what cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

export const realSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/** How often a plugged-in phone bound elsewhere is checked again. */
export const RECHECK_MS = 30_000;
/** How often while a takeover waits for the person's tap on the phone. */
export const TAKEOVER_POLL_MS = 1_000;
