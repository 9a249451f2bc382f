import { QUOTE_BLOCK_MS } from './quote-block-codec.js';

// Adds quotes to their blocks and trims the series. ARGV[1] is the keep-from time (epoch ms), then
// (block start, lines) pairs: each line a quote's full tokens (quote-block-codec.ts), time as an
// offset from the block start, sorted by time and distinct. A block is one member scored by its
// start: a frame line (the field tokens of the first quote written there), then a line per quote in
// time order whose tokens equal to the frame's are left empty (trailing ones cut), so a field that
// holds still through the hour (open, day high and low, previous close, state, currency) costs one
// comma. The common write, quotes newer than the block's last one, only appends; a quote equal to
// the last one is the same quote fetched again and is skipped. Anything else merges the block,
// keeping the stored quote of a time. Then blocks wholly before keep-from go, and the oldest
// block's leading lines before it are cut (the frame stays, so nothing is re-encoded).
export const APPEND_QUOTES = `
local N, SPAN = 14, ${QUOTE_BLOCK_MS}
local function split(line)
  local t = {}
  for token in string.gmatch(line .. ',', '([^,]*),') do t[#t + 1] = token end
  return t
end
local function blanked(frame, t)
  local out = { t[1] }
  for k = 2, N do out[k] = (t[k] == frame[k - 1]) and '' or t[k] end
  return (string.gsub(table.concat(out, ','), ',+$', ''))
end
local added = 0
for i = 2, #ARGV, 2 do
  local start, new = ARGV[i], {}
  for line in string.gmatch(ARGV[i + 1], '[^\\n]+') do new[#new + 1] = split(line) end
  local member = redis.call('ZRANGEBYSCORE', KEYS[1], start, start)[1]
  local parts
  if not member then
    local frame = { unpack(new[1], 2, N) }
    parts = { table.concat(frame, ',') }
    for _, t in ipairs(new) do parts[#parts + 1] = blanked(frame, t) end
    added = added + #new
  else
    local cut = string.find(member, '\\n', 1, true)
    local frame = split(string.sub(member, 1, cut - 1))
    local lastLine = string.match(member, '.*\\n()')
    local last = tonumber(string.match(member, '^[^,\\n]*', lastLine))
    if tonumber(new[1][1]) >= last then
      parts = { member }
      for _, t in ipairs(new) do
        if tonumber(t[1]) > last then parts[#parts + 1] = blanked(frame, t) end
      end
      added = added + #parts - 1
      if #parts == 1 then parts = nil end
    else
      local rows, times = {}, {}
      for line in string.gmatch(string.sub(member, cut + 1), '[^\\n]+') do
        local t = split(line)
        rows[tonumber(t[1])] = t
        times[#times + 1] = tonumber(t[1])
      end
      for _, t in ipairs(new) do
        local time = tonumber(t[1])
        if rows[time] == nil then
          rows[time] = t
          times[#times + 1] = time
          added = added + 1
        end
      end
      table.sort(times)
      parts = { string.sub(member, 1, cut - 1) }
      for k, time in ipairs(times) do
        local t = rows[time]
        for f = 2, N do if t[f] == nil or t[f] == '' then t[f] = frame[f - 1] end end
        parts[k + 1] = blanked(frame, t)
      end
    end
    if parts then redis.call('ZREM', KEYS[1], member) end
  end
  if parts then redis.call('ZADD', KEYS[1], start, table.concat(parts, '\\n')) end
end
local keep = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', keep - SPAN)
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if oldest[1] and tonumber(oldest[2]) < keep then
  local member, start = oldest[1], tonumber(oldest[2])
  local first = string.find(member, '\\n', 1, true) + 1
  local pos = first
  while pos and start + tonumber(string.match(member, '^[^,\\n]*', pos)) < keep do
    local nl = string.find(member, '\\n', pos, true)
    pos = nl and nl + 1
  end
  if pos ~= first then
    redis.call('ZREM', KEYS[1], member)
    if pos then redis.call('ZADD', KEYS[1], start, string.sub(member, 1, first - 1) .. string.sub(member, pos)) end
  end
end
return added
`;

// For each key, the newest block's start, frame line and last line (the series' newest quote), or
// false for a key with no quotes: the latest quotes of many symbols in one call, without sending
// whole blocks back.
export const LATEST_QUOTES = `
local out = {}
for i, key in ipairs(KEYS) do
  local top = redis.call('ZREVRANGE', key, 0, 0, 'WITHSCORES')
  if top[1] then
    local member = top[1]
    out[i] = { top[2], string.sub(member, 1, string.find(member, '\\n', 1, true) - 1), string.sub(member, string.match(member, '.*\\n()')) }
  else
    out[i] = false
  end
end
return out
`;
