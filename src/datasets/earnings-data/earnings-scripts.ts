// Stores earnings fetched at ARGV[1] (epoch ms) from the provider ARGV[3] in the hash KEYS[1]: the next dates ARGV[2] (JSON)
// replace the stored ones, and each quarter, given as field/JSON pairs from ARGV[4] on, replaces the
// stored one of its quarter end when it differs. A fetch older than the stored one changes nothing.
// Returns the quarters that were new or changed.
export const WRITE_EARNINGS = `
local stored = redis.call('HGET', KEYS[1], 'fetched_at')
if stored and tonumber(stored) > tonumber(ARGV[1]) then return 0 end
local written = 0
for i = 4, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) ~= ARGV[i + 1] then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
    written = written + 1
  end
end
redis.call('HSET', KEYS[1], 'next', ARGV[2], 'fetched_at', ARGV[1], 'source', ARGV[3])
return written
`;
