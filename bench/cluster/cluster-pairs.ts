// The load generator's sessions for bench/cluster: the PC's terminal on one node, the phone's on
// another (or the same), spoken in the relay's wire protocol by hand as bench/relay does
// (bench/support/tandem-pairs.ts).
import {
  connectInBatches,
  createBenchSessions,
  tandemPair,
  type Pair,
} from '../support/tandem-pairs.js';

export type { Pair };

/**
 * `count` sessions created on the first node; with two nodes, session i puts its PC on node i % 2
 * and its phone on the other, so every message crosses nodes and both nodes do both halves.
 */
export async function connectClusterPairs(bases: string[], count: number): Promise<Pair[]> {
  const sessions = await createBenchSessions(bases[0]!, count);
  return connectInBatches(count, (n) =>
    tandemPair(bases[n % bases.length]!, bases[(n + 1) % bases.length]!, sessions[n]!),
  );
}
