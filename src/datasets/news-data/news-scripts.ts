// Adds articles and trims. KEYS[1] is the ZSET of articles scored by publish time, each member the
// JSON array of news-article-codec.ts led by the stored id; KEYS[2] the SET of the stored ids of
// those articles, which makes an id seen again (the same article in a later answer or another job's)
// cost one SADD and no write. ARGV[1] is the keep-from time (epoch ms), then (publish time, stored
// id, member) triples, none published before it. Articles published before keep-from leave both
// keys; returns the articles added.
export const ADD_ARTICLES = `
local added = 0
for i = 2, #ARGV, 3 do
  if redis.call('SADD', KEYS[2], ARGV[i + 1]) == 1 then
    redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i + 2])
    added = added + 1
  end
end
local before = '(' .. ARGV[1]
local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', before)
if #old > 0 then
  for _, member in ipairs(old) do redis.call('SREM', KEYS[2], cjson.decode(member)[1]) end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', before)
end
return added
`;
