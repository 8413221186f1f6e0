// Where the relay keeps its state in Redis (changed only by the Lua scripts of cluster-scripts.ts).
// Per session page P and role R, keys share the hash tag {P} (one Redis Cluster slot):
//   t:{P}:seat:R  the seat lease: "<node>/<conn>" of the terminal holding R, SET PX, renewed
//   t:{P}:slot:R  hash: token (resume token; present while R is connected or away), recv (highest
//                 seq stored from R), out (the relay's seq toward R), ob/ab (bytes queued toward R
//                 in all, and acknowledged), acked (highest seq R acknowledged)
//   t:{P}:q:R     stream of the fwd frames toward R not yet acknowledged (s seq, c ob, f frame)
//   t:{P}:l:R     hash of latest-wins frames waiting for an absent R, newest per key
//   t:{P}:rate:R  R's rate budget (token buckets), shared by the nodes it connects to
// A node learns of frames for its terminals on its own channel, tandem:node:<node>:
//   "B <conn> <seq> <length> <fwd frame>…" (reliable frames, a batch), "L <conn> <key> <frame>",
//   "C <conn> <control frame>", "K <conn>".

export const clusterKeys = {
  record: (page: string) => `t:{${page}}:rec`,
  seat: (page: string, role: string) => `t:{${page}}:seat:${role}`,
  slot: (page: string, role: string) => `t:{${page}}:slot:${role}`,
  queue: (page: string, role: string) => `t:{${page}}:q:${role}`,
  latest: (page: string, role: string) => `t:{${page}}:l:${role}`,
  rate: (page: string, role: string) => `t:{${page}}:rate:${role}`,
  nodeChannel: (node: string) => `tandem:node:${node}`,
  epoch: 'tandem:epoch',
};
