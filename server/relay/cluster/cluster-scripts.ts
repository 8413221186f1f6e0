// The relay's state in Redis (key layout: cluster-keys.ts) changes only through these Lua scripts:
// each runs atomically, so two nodes never race on a seat, a seq or a queue.

/** Shared by every script: tell whoever holds a seat (key) something on its node's channel. */
const TELL = `
local function tell(seat, kind, body)
  local holder = redis.call('GET', seat)
  if not holder then return false end
  local node, conn = string.match(holder, '^([^/]+)/(.+)$')
  redis.call('PUBLISH', 'tandem:node:' .. node, kind .. ' ' .. conn .. ' ' .. body)
  return true
end
local function release_queue(slot, q, l)
  redis.call('DEL', q, l)
  local ob = redis.call('HGET', slot, 'ob')
  if ob then redis.call('HSET', slot, 'ab', ob, 'acked', redis.call('HGET', slot, 'out')) end
end
`;

export interface ClusterScript {
  keys: number;
  lua: string;
}

/**
 * KEYS seat, slot, peerSeat, peerSlot, q, l; ARGV holder, resumeToken, leaseMs, newToken,
 * expiresAt, role, last. Returns {decision, token, recv, peer, oldHolder}; decision "full" alone.
 */
const claim: ClusterScript = {
  keys: 6,
  lua: `${TELL}
local holder = redis.call('GET', KEYS[1])
local token = redis.call('HGET', KEYS[2], 'token')
local decision
if token and ARGV[2] ~= '' and token == ARGV[2] then decision = 'resume'
elseif not token then decision = 'fresh'
elseif holder then return {'full'}
else decision = 'replace' end
if decision ~= 'resume' then
  token = ARGV[4]
  redis.call('HSET', KEYS[2], 'token', token, 'recv', 0)
else
  local last = tonumber(ARGV[7])
  local acked = tonumber(redis.call('HGET', KEYS[2], 'acked') or '0')
  if last > acked then
    while true do
      local entries = redis.call('XRANGE', KEYS[5], '-', '+', 'COUNT', 128)
      if #entries == 0 then break end
      local done = false
      for _, e in ipairs(entries) do
        local f = e[2]
        if tonumber(f[2]) > last then done = true break end
        redis.call('XDEL', KEYS[5], e[1])
        redis.call('HSET', KEYS[2], 'ab', f[4])
      end
      if done then break end
    end
    redis.call('HSET', KEYS[2], 'acked', last)
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
redis.call('PEXPIREAT', KEYS[2], ARGV[5])
local peer = 'absent'
if redis.call('EXISTS', KEYS[3]) == 1 then peer = 'present'
elseif redis.call('HEXISTS', KEYS[4], 'token') == 1 then peer = 'away' end
tell(KEYS[3], 'C', '{"t":"peer-joined","role":"' .. ARGV[6] .. '","resumed":' .. (decision == 'resume' and 'true' or 'false') .. '}')
return {decision, token, redis.call('HGET', KEYS[2], 'recv'), peer, holder or ''}
`,
};

/**
 * Reliable messages of this node's terminals, many sessions in one call (one per event-loop turn:
 * a call per message cost more CPU than the rest of the relay). ARGV maxlen, then per message
 * seat, slot, peerSlot, peerQ, peerSeat, holder, seq, msg bytes, expiresAt. Per message it gives
 * 1 and the bytes queued toward the peer, 0 (a resend already held), -1 (the seat is no longer
 * this connection's) or -2 (a seq gap); each node holding a receiver gets one "B" publication:
 * "<conn> <seq> <length> <fwd frame>" repeated.
 */
const appendMany: ClusterScript = {
  keys: 0,
  lua: `
local maxlen = ARGV[1]
local batches, channels, results = {}, {}, {}
for i = 2, #ARGV, 9 do
  local seat, slot, pslot, pq, pseat = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4]
  local seq = tonumber(ARGV[i + 6])
  local result, queued = 1, 0
  if redis.call('GET', seat) ~= ARGV[i + 5] then result = -1
  else
    local recv = tonumber(redis.call('HGET', slot, 'recv') or '0')
    local ab = tonumber(redis.call('HGET', pslot, 'ab') or '0')
    if seq <= recv then
      result, queued = 0, tonumber(redis.call('HGET', pslot, 'ob') or '0') - ab
    elseif seq ~= recv + 1 then result = -2
    else
      redis.call('HSET', slot, 'recv', seq)
      local out = redis.call('HINCRBY', pslot, 'out', 1)
      local frame = '{"t":"fwd","seq":' .. out .. ',"msg":' .. ARGV[i + 7] .. '}'
      local ob = redis.call('HINCRBY', pslot, 'ob', #frame)
      redis.call('XADD', pq, 'MAXLEN', '~', maxlen, '*', 's', out, 'c', ob, 'f', frame)
      redis.call('PEXPIREAT', pq, ARGV[i + 8])
      redis.call('PEXPIREAT', pslot, ARGV[i + 8])
      queued = ob - ab
      local holder = redis.call('GET', pseat)
      if holder then
        local node, conn = string.match(holder, '^([^/]+)/(.+)$')
        local channel = 'tandem:node:' .. node
        if not batches[channel] then
          batches[channel] = {}
          channels[#channels + 1] = channel
        end
        local parts = batches[channel]
        parts[#parts + 1] = conn .. ' ' .. out .. ' ' .. #frame .. ' ' .. frame
      end
    end
  end
  results[#results + 1] = result
  results[#results + 1] = queued
end
for _, channel in ipairs(channels) do
  redis.call('PUBLISH', channel, 'B ' .. table.concat(batches[channel]))
end
return results
`,
};

/** Bytes queued toward a role and not acknowledged. KEYS slot. */
const queued: ClusterScript = {
  keys: 1,
  lua: `return tonumber(redis.call('HGET', KEYS[1], 'ob') or '0') - tonumber(redis.call('HGET', KEYS[1], 'ab') or '0')`,
};

/**
 * A latest-wins message. KEYS seat, peerSeat, peerLatest; ARGV holder, key, fwd frame, expiresAt.
 * Published to the peer when it holds its seat, else kept (newest per key) until it comes.
 */
const latest: ClusterScript = {
  keys: 3,
  lua: `${TELL}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
if tell(KEYS[2], 'L', ARGV[2] .. ' ' .. ARGV[3]) then return 1 end
redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
redis.call('PEXPIREAT', KEYS[3], ARGV[4])
return 0
`,
};

/**
 * The terminal acknowledged the relay's frames through seq. KEYS seat, slot, q; ARGV holder, seq.
 * Returns 1, 0 (nothing new), -1 (seat lost), -2 (ack ahead of seq).
 */
const ack: ClusterScript = {
  keys: 3,
  lua: `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
local seq = tonumber(ARGV[2])
if seq > tonumber(redis.call('HGET', KEYS[2], 'out') or '0') then return -2 end
if seq <= tonumber(redis.call('HGET', KEYS[2], 'acked') or '0') then return 0 end
while true do
  local entries = redis.call('XRANGE', KEYS[3], '-', '+', 'COUNT', 128)
  if #entries == 0 then break end
  local done = false
  for _, e in ipairs(entries) do
    local f = e[2]
    if tonumber(f[2]) > seq then done = true break end
    redis.call('XDEL', KEYS[3], e[1])
    redis.call('HSET', KEYS[2], 'ab', f[4])
  end
  if done then break end
end
redis.call('HSET', KEYS[2], 'acked', seq)
return 1
`,
};

/** Takes the latest-wins frames kept for a role. KEYS latest. Returns a flat list of frames. */
const takeLatest: ClusterScript = {
  keys: 1,
  lua: `
local values = redis.call('HVALS', KEYS[1])
redis.call('DEL', KEYS[1])
return values
`,
};

/**
 * The connection dropped without bye. KEYS seat, slot, peerSeat; ARGV holder, role. Frees the seat
 * (the slot stays, away, for the grace window) and tells the peer. Returns the token or false.
 */
const away: ClusterScript = {
  keys: 3,
  lua: `${TELL}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
redis.call('DEL', KEYS[1])
tell(KEYS[3], 'C', '{"t":"peer-away","role":"' .. ARGV[2] .. '"}')
return redis.call('HGET', KEYS[2], 'token')
`,
};

/**
 * The terminal is gone for good. KEYS seat, slot, q, l, peerSeat, peerSlot, peerQ, peerL;
 * ARGV holder ('' when the grace window ran out), token, role, reason. Only the seat's holder (or,
 * after the grace window, nobody having taken the slot again) may free it.
 */
const leave: ClusterScript = {
  keys: 8,
  lua: `${TELL}
if ARGV[1] ~= '' then
  if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
  redis.call('DEL', KEYS[1])
else
  if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
  if redis.call('HGET', KEYS[2], 'token') ~= ARGV[2] then return 0 end
end
redis.call('HDEL', KEYS[2], 'token', 'recv')
release_queue(KEYS[2], KEYS[3], KEYS[4])
if redis.call('HEXISTS', KEYS[6], 'token') == 0 then release_queue(KEYS[6], KEYS[7], KEYS[8]) end
tell(KEYS[5], 'C', '{"t":"peer-left","role":"' .. ARGV[3] .. '","reason":"' .. ARGV[4] .. '"}')
return 1
`,
};

/** Renews the leases this node holds. KEYS seats; ARGV leaseMs, holders. Returns 1/0 per seat. */
const renew: ClusterScript = {
  keys: 0,
  lua: `
local kept = {}
for i = 2, #ARGV, 2 do
  local seat = ARGV[i]
  if redis.call('GET', seat) == ARGV[i + 1] then
    redis.call('PEXPIRE', seat, ARGV[1])
    kept[#kept + 1] = 1
  else kept[#kept + 1] = 0 end
end
return kept
`,
};

/** Tells a seat's holder something (peer notices from a node). KEYS seat; ARGV kind, body. */
const notify: ClusterScript = {
  keys: 1,
  lua: `${TELL}
return tell(KEYS[1], ARGV[1], ARGV[2]) and 1 or 0
`,
};

/**
 * The per-terminal rate budget shared by every node (a terminal that reconnects elsewhere keeps
 * it): two token buckets, messages and bytes, on Redis's clock. KEYS bucket; ARGV message rate,
 * burst, cost, byte rate, burst, cost. Returns the ms to wait until both are positive again.
 */
const rate: ClusterScript = {
  keys: 1,
  lua: `
if redis.replicate_commands then redis.replicate_commands() end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local function take(field, stamp, per_second, burst, cost)
  local tokens = tonumber(redis.call('HGET', KEYS[1], field) or burst)
  local last = tonumber(redis.call('HGET', KEYS[1], stamp) or now)
  tokens = math.min(burst, tokens + (now - last) / 1000 * per_second) - cost
  redis.call('HSET', KEYS[1], field, tokens, stamp, now)
  if tokens >= 0 then return 0 end
  return math.ceil(-tokens / per_second * 1000)
end
local wait = math.max(take('m', 'mt', tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])),
  take('b', 'bt', tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])))
redis.call('PEXPIRE', KEYS[1], 120000)
return wait
`,
};

export const CLUSTER_SCRIPTS = {
  tandemRate: rate,
  tandemClaim: claim,
  tandemAppendMany: appendMany,
  tandemQueued: queued,
  tandemLatest: latest,
  tandemAck: ack,
  tandemTakeLatest: takeLatest,
  tandemAway: away,
  tandemLeave: leave,
  tandemRenew: renew,
  tandemNotify: notify,
} as const;

export type ClusterScriptName = keyof typeof CLUSTER_SCRIPTS;
