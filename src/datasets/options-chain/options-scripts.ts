// Stores one snapshot (ARGV[3], '' for none) scored by its fetch time ARGV[1], replacing the one of
// the same fetch and expiration tag ARGV[2] (a run written again), then drops the snapshots fetched
// before ARGV[4].
export const WRITE_SNAPSHOT = `
if ARGV[3] ~= '' then
  local tag = ARGV[2] .. '|'
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1])) do
    if string.sub(member, 1, #tag) == tag then redis.call('ZREM', KEYS[1], member) end
  end
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[4])
return 1
`;

// The latest snapshot fetched at or before ARGV[1]: of expiration tag ARGV[2], or ('' for none) the
// nearest expiration of the latest fetch, the first member of its score. Only the one snapshot
// leaves Redis.
export const READ_SNAPSHOT = `
if ARGV[2] == '' then
  local top = redis.call('ZREVRANGEBYSCORE', KEYS[1], ARGV[1], '-inf', 'WITHSCORES', 'LIMIT', 0, 1)
  if not top[1] then return false end
  return redis.call('ZRANGEBYSCORE', KEYS[1], top[2], top[2], 'LIMIT', 0, 1)[1]
end
local tag, offset = ARGV[2] .. '|', 0
while true do
  local page = redis.call('ZREVRANGEBYSCORE', KEYS[1], ARGV[1], '-inf', 'LIMIT', offset, 32)
  for _, member in ipairs(page) do
    if string.sub(member, 1, #tag) == tag then return member end
  end
  if #page < 32 then return false end
  offset = offset + 32
end
`;
