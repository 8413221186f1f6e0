// WebSocket close codes the relay uses (4000-4999 is the application range).
export const RelayCloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  /** ws closes with 1009 by itself when a frame exceeds maxPayload. */
  TooLarge: 1009,
  Expired: 4001,
  Replaced: 4002,
  Invalid: 4400,
  HeartbeatTimeout: 4408,
  ServerShutdown: 4503,
  /** The relay shed the session to stay within its memory budget (an `error` frame precedes it). */
  OverBudget: 4507,
} as const;
