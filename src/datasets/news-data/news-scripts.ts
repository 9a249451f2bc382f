// The layout: KEYS[1] is a ZSET of day blocks, each one member scored by the start of its UTC day
// and holding that day's articles one line each, by publish time (articles of one time in the
// order they were added): the publish time's offset from the block start, maybe `~` and its source,
// then the article's JSON row led by its stored id (news-article-codec.ts). KEYS[2] is the SET of the stored ids of those
// articles: an id seen again (in a later answer, or another job's) costs one SADD and no write.
// A block instead of a member per article: Redis spends ~110 bytes on each ZSET member, as much as
// an article's own text, and a day holds many articles.
const COMMON = `
local function offsetOf(line) return tonumber(string.match(line, '^[^%[~]+')) end
local function linesOf(member)
  local lines = {}
  for line in string.gmatch(member, '[^\\n]+') do lines[#lines + 1] = line end
  return lines
end
`;

// ARGV[1] is the keep-from time (epoch ms), then (block start, stored id, line) triples, none
// published before it, in the order to add them. Inserts each new id's line into its block after
// the lines of an earlier or equal time, then drops the lines published before keep-from (their ids
// too) from the blocks starting before it. Returns the articles added.
export const ADD_ARTICLES = `${COMMON}
local added, blocks, starts = 0, {}, {}
for i = 2, #ARGV, 3 do
  if redis.call('SADD', KEYS[2], ARGV[i + 1]) == 1 then
    local start = ARGV[i]
    if not blocks[start] then
      blocks[start] = {}
      starts[#starts + 1] = start
    end
    table.insert(blocks[start], ARGV[i + 2])
    added = added + 1
  end
end
for _, start in ipairs(starts) do
  local member = redis.call('ZRANGEBYSCORE', KEYS[1], start, start)[1]
  local lines = member and linesOf(member) or {}
  for _, line in ipairs(blocks[start]) do
    local offset, at = offsetOf(line), #lines + 1
    while at > 1 and offsetOf(lines[at - 1]) > offset do at = at - 1 end
    table.insert(lines, at, line)
  end
  if member then redis.call('ZREM', KEYS[1], member) end
  redis.call('ZADD', KEYS[1], start, table.concat(lines, '\\n'))
end
local keep = tonumber(ARGV[1])
local old = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. ARGV[1], 'WITHSCORES')
for i = 1, #old, 2 do
  local start, lines, kept = tonumber(old[i + 1]), linesOf(old[i]), {}
  for _, line in ipairs(lines) do
    if start + offsetOf(line) < keep then
      local rowAt = string.find(line, '[', 1, true)
      redis.call('SREM', KEYS[2], cjson.decode(string.sub(line, rowAt))[1])
    else
      kept[#kept + 1] = line
    end
  end
  if #kept < #lines then
    redis.call('ZREM', KEYS[1], old[i])
    if #kept > 0 then redis.call('ZADD', KEYS[1], old[i + 1], table.concat(kept, '\\n')) end
  end
end
return added
`;

// The articles published from ARGV[3] to ARGV[4] ('' for no bound), newest first, at most ARGV[5]
// (0: all), as (block start, line) pairs; ARGV[1] and ARGV[2] are the block scores to read from
// and to. Reads the blocks newest first, a page at a time, and stops at the limit: only the
// articles asked for leave Redis.
export const RANGE_ARTICLES = `${COMMON}
local from, to, limit = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
local out, offset = {}, 0
while true do
  local page = redis.call('ZREVRANGEBYSCORE', KEYS[1], ARGV[2], ARGV[1], 'WITHSCORES', 'LIMIT', offset, 8)
  for i = 1, #page, 2 do
    local start, lines = tonumber(page[i + 1]), linesOf(page[i])
    for k = #lines, 1, -1 do
      local time = start + offsetOf(lines[k])
      if (not from or time >= from) and (not to or time <= to) then
        out[#out + 1] = page[i + 1]
        out[#out + 1] = lines[k]
        if limit > 0 and #out >= 2 * limit then return out end
      end
    end
  end
  if #page < 16 then return out end
  offset = offset + 8
end
`;
