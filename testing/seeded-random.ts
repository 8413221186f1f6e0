// One seeded PRNG for every fuzzer: the same sequence for the same seed on every machine, so a
// printed seed replays a run exactly.

export interface Random {
  /** [0, 1) */
  next(): number;
  /** [0, max) */
  int(max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast and reproducible from its seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (max: number): number => Math.floor(next() * max);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] as T };
}
