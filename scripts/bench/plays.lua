-- wrk script of scripts/bench-server: POST /agent/v1/plays, batches of 1,000 proof-of-play records (the
-- protocol's largest), each batch from one screen's agent in turn. The server counts only plays of spots a screen
-- was scheduled, the first of each slot, so the records are the screens' own published spots: BENCH_PLAYS_<thread>
-- names a file of "screenId token version startedAt campaign creative durationMillis" lines, one screen's lines
-- together, made by scripts/bench-server from the published tables (each wrk thread has screens of its own, so no
-- two threads send the same slot). Each batch takes the next 1,000 spots of its screen; a screen whose spots are
-- used up starts over, and its plays are then stored but not counted (duplicate-slot). Play ids are new UUIDs
-- built from BENCH_RUN, the wrk thread and a counter, so every record is stored.
local run = tonumber(os.getenv("BENCH_RUN"))
local n = 0

function setup(thread)
  n = n + 1
  thread:set("thread_number", n)
end

local screens, cursors

local function load()
  screens, cursors = {}, {}
  local by_id = {}
  for line in io.lines(os.getenv("BENCH_PLAYS_" .. thread_number)) do
    local id, token, version, started, campaign, creative, millis =
      line:match("^(%S+)%s+(%S+)%s+(%S+)%s+(%S+)%s+(%S+)%s+(%S+)%s+(%S+)")
    if id then
      local screen = by_id[id]
      if not screen then
        screen = {id = id, token = token, spots = {}}
        by_id[id] = screen
        screens[#screens + 1] = screen
        cursors[#screens] = 0
      end
      screen.spots[#screen.spots + 1] = string.format('"screenId":"%s","campaign":"%s","creative":"%s",'
        .. '"startedAt":"%s","durationMillis":%s,"scheduleVersion":%s}', id, campaign, creative, started, millis,
        version)
    end
  end
end

request = function()
  if not screens then load() end
  batch = (batch or 0) + 1
  local s = batch % #screens + 1
  local screen = screens[s]
  local plays = {}
  for k = 1, 1000 do
    cursors[s] = cursors[s] % #screen.spots + 1
    plays[k] = string.format('{"playId":"%08x-%04x-4000-8000-%012x",', run, thread_number, batch * 1000 + k)
      .. screen.spots[cursors[s]]
  end
  return wrk.format("POST", "/agent/v1/plays",
    {["Authorization"] = "Bearer " .. screen.token, ["Content-Type"] = "application/json"},
    '{"plays":[' .. table.concat(plays, ",") .. ']}')
end
