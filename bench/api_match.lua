-- wrk script for bench/api_load.py: POST yente-style /match queries, paced per connection.
-- bench/api_load.py writes the request bodies (one per line) and sets these globals through
-- environment variables: LT_BODIES (file), LT_TOKEN (viewer token), LT_DELAY_MS (pause
-- between a connection's requests, so the whole run holds the target rate).

local bodies = {}
local index = 0
local pause = tonumber(os.getenv("LT_DELAY_MS") or "0")

function init(args)
   for line in io.lines(os.getenv("LT_BODIES")) do
      bodies[#bodies + 1] = line
   end
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/json"
   wrk.headers["Authorization"] = "Bearer " .. os.getenv("LT_TOKEN")
end

function delay()
   return pause
end

function request()
   index = index % #bodies + 1
   return wrk.format(nil, "/match/default", nil, bodies[index])
end

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d "
         .. "errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency.max, errors.connect, errors.read, errors.write,
      errors.status, errors.timeout))
end
