-- wrk script of scripts/bench-server --abuse: GET BENCH_PATH with each line of BENCH_AUTH (Authorization header
-- values) in turn, counting the answers by status and those that carry Retry-After.
local auths = {}
for line in io.lines(os.getenv("BENCH_AUTH")) do
  if #line > 0 then auths[#auths + 1] = line end
end
local path = os.getenv("BENCH_PATH")
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

function init(args)
  counts = {}
  retry_after = 0
  sent = 0
end

request = function()
  sent = sent + 1
  return wrk.format("GET", path, {["Authorization"] = auths[(sent * 7 + thread_number) % #auths + 1]})
end

response = function(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if headers["Retry-After"] or headers["retry-after"] then retry_after = retry_after + 1 end
end

function done(summary, latency, requests)
  local total = {}
  local retry = 0
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + n end
    retry = retry + thread:get("retry_after")
  end
  for status, n in pairs(total) do io.write(string.format("status %d %d\n", status, n)) end
  io.write(string.format("retry_after %d\n", retry))
  io.write(string.format("p50_ms %.2f\np99_ms %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
