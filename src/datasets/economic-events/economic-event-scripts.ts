// KEYS: the rows hash, the times ZSET. ARGV[1] keep-from time, then (id, time, row) triples. Stores
// each release kept whose row differs from the stored one (a new release, or a revised value), then
// drops the releases before keep-from from both keys; returns the releases written.
export const WRITE_EVENTS = `
local written = 0
for i = 2, #ARGV, 3 do
  local id, time, row = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
  if time >= tonumber(ARGV[1]) and redis.call('HGET', KEYS[1], id) ~= row then
    redis.call('HSET', KEYS[1], id, row)
    redis.call('ZADD', KEYS[2], time, id)
    written = written + 1
  end
end
local old = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1])
for _, id in ipairs(old) do redis.call('HDEL', KEYS[1], id) end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[1])
return written
`;

// KEYS as above. ARGV: from, to, limit (0: none), the countries as ',US,EU,' ('' for all). The
// releases of the range, oldest first, filtered by the country in their id: (id, row) pairs.
export const READ_EVENTS = `
local out, limit = {}, tonumber(ARGV[3])
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[1], ARGV[2])) do
  local country = string.match(id, '^[^|]*|([^|]*)|')
  if ARGV[4] == '' or string.find(ARGV[4], ',' .. country .. ',', 1, true) then
    out[#out + 1] = id
    out[#out + 1] = redis.call('HGET', KEYS[1], id)
    if limit > 0 and #out >= 2 * limit then break end
  end
end
return out
`;
