-- wrk script of scripts/bench-server: POST /agent/v1/plays, batches of 1,000 new proof-of-play records (the
-- protocol's largest), each batch from one screen's agent in turn. Play ids are new UUIDs built from BENCH_RUN, the
-- wrk thread and a counter, so every record is stored. BENCH_SCREENS names a file of "screenId token" lines;
-- BENCH_STARTED is the startedAt of every play (a recent instant).
local screens = {}
for line in io.lines(os.getenv("BENCH_SCREENS")) do
  local id, token = line:match("^(%S+)%s+(%S+)")
  if id then screens[#screens + 1] = {id, token} end
end
local run = tonumber(os.getenv("BENCH_RUN"))
local started = os.getenv("BENCH_STARTED")
local n = 0

function setup(thread)
  n = n + 1
  thread:set("thread_number", n)
end

request = function()
  batch = (batch or 0) + 1
  local screen = screens[(batch * 7 + thread_number) % #screens + 1]
  local plays = {}
  for k = 1, 1000 do
    plays[k] = string.format('{"playId":"%08x-%04x-4000-8000-%012x","screenId":"%s","campaign":"C-BENCH",'
      .. '"creative":"CR-BENCH","startedAt":"%s","durationMillis":15000,"scheduleVersion":1}',
      run, thread_number, batch * 1000 + k, screen[1], started)
  end
  return wrk.format("POST", "/agent/v1/plays",
    {["Authorization"] = "Bearer " .. screen[2], ["Content-Type"] = "application/json"},
    '{"plays":[' .. table.concat(plays, ",") .. ']}')
end
