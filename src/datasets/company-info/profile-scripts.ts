// Stores a profile fetched at ARGV[1] (epoch ms) from the provider ARGV[2], given as field/JSON pairs from ARGV[3] on, in the
// hash KEYS[1]: each field whose JSON differs from the stored one is replaced and, unless the hash
// is new, appended to the `changes` JSON array as {at, field, from, to}; `fetched_at` moves to
// ARGV[1]. A fetch older than the stored one changes nothing: runs that overlap never record a
// change backwards in time. Returns 1 for a new profile or a changed field, else 0. Comparing here,
// not in the caller, keeps a change of a concurrent run from being lost.
export const WRITE_PROFILE = `
local stored = redis.call('HGET', KEYS[1], 'fetched_at')
if stored and tonumber(stored) > tonumber(ARGV[1]) then return 0 end
local entries = {}
for i = 3, #ARGV, 2 do
  local field, value = ARGV[i], ARGV[i + 1]
  local old = redis.call('HGET', KEYS[1], field) or 'null'
  if old ~= value then
    if stored then
      entries[#entries + 1] = '{"at":' .. ARGV[1] .. ',"field":"' .. field .. '","from":' .. old .. ',"to":' .. value .. '}'
    end
    redis.call('HSET', KEYS[1], field, value)
  end
end
if #entries > 0 then
  local changes = redis.call('HGET', KEYS[1], 'changes')
  local joined = table.concat(entries, ',')
  if changes and changes ~= '[]' then
    redis.call('HSET', KEYS[1], 'changes', string.sub(changes, 1, -2) .. ',' .. joined .. ']')
  else
    redis.call('HSET', KEYS[1], 'changes', '[' .. joined .. ']')
  end
end
redis.call('HSET', KEYS[1], 'fetched_at', ARGV[1], 'source', ARGV[2])
if not stored or #entries > 0 then return 1 end
return 0
`;
