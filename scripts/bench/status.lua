-- wrk script of scripts/bench-server --status-only: POST /agent/v1/status heartbeats, each from the next screen's
-- agent in turn (every screen of the network), as the player agent sends them. BENCH_SCREENS names a file of
-- "screenId token" lines.
local screens = {}
for line in io.lines(os.getenv("BENCH_SCREENS")) do
  local id, token = line:match("^(%S+)%s+(%S+)")
  if id then screens[#screens + 1] = {id, token} end
end
local n = 0

function setup(thread)
  n = n + 1
  thread:set("thread_number", n)
end

request = function()
  sent = (sent or 0) + 1
  local screen = screens[(sent * 2 + thread_number) % #screens + 1]
  return wrk.format("POST", "/agent/v1/status",
    {["Authorization"] = "Bearer " .. screen[2], ["Content-Type"] = "application/json"},
    string.format('{"agentVersion":"0.1.0","scheduleVersion":1,"cachedFiles":37,"cachedBytes":412000000,'
      .. '"missingMedia":0,"clockOffsetMillis":%d,"journalBacklog":0,"sentAt":"2026-11-24T03:12:00.000Z"}', sent))
end

function done(summary, latency, requests)
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
