-- wrk script of scripts/bench-server: GET /agent/v1/schedule as the agents of many screens, each with its own token,
-- gzip accepted; with BENCH_CONDITIONAL=1 each request carries the screen's current ETag (the 304 path).
-- BENCH_SCREENS names a file of "token etag" lines.
local screens = {}
for line in io.lines(os.getenv("BENCH_SCREENS")) do
  local token, etag = line:match("^(%S+)%s+(%S+)")
  if token then screens[#screens + 1] = {token, etag} end
end
local conditional = os.getenv("BENCH_CONDITIONAL") == "1"
local n = 0

function setup(thread)
  n = n + 1
  thread:set("offset", n * 17)
end

request = function()
  offset = (offset or 0) + 1
  local screen = screens[offset % #screens + 1]
  local headers = {["Authorization"] = "Bearer " .. screen[1], ["Accept-Encoding"] = "gzip"}
  if conditional then headers["If-None-Match"] = screen[2] end
  return wrk.format("GET", "/agent/v1/schedule?hours=72", headers)
end
