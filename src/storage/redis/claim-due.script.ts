/**
 * Claims from a queue of ids scored by when they are due (a ZSET) beside one key per entry: takes
 * the due ids and pushes each one's score to the end of its visibility in the same step, so that of
 * several replicas claiming at once each entry goes to one. An id whose entry is gone (expired,
 * deleted) is dropped from the queue. KEYS: queue; ARGV: now, visible until, limit, entry key prefix
 * (with the client's keyPrefix: a script sees raw key names). Returns id, value, id, value, …
 */
export const CLAIM_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local found = {}
for _, id in ipairs(ids) do
  local entry = redis.call('GET', ARGV[4] .. id)
  if entry then
    redis.call('ZADD', KEYS[1], ARGV[2], id)
    found[#found + 1] = id
    found[#found + 1] = entry
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return found
`;
