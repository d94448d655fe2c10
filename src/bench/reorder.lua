-- wrk script for the reorder benchmark: each request is PATCH .../collections/c<i>/order with
-- i drawn uniformly from [first, last] and a body drawn uniformly from a file of bodies, one per line.
-- Arguments after "--": <bodies file> <api key> <collections url path> <first> <last>
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("thread_number", threads)
end

function init(args)
   bodies = {}
   for line in io.lines(args[1]) do
      bodies[#bodies + 1] = line
   end
   headers = { ["X-API-Key"] = args[2], ["Content-Type"] = "application/json" }
   collections = args[3]
   first = tonumber(args[4])
   last = tonumber(args[5])
   math.randomseed(os.time() * 100 + thread_number)
end

function request()
   local path = collections .. "/c" .. math.random(first, last) .. "/order"
   return wrk.format("PATCH", path, headers, bodies[math.random(#bodies)])
end

-- One machine-readable line; latencies in microseconds.
function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("RESULT requests=%d duration_us=%d non2xx=%d socket_errors=%d mean_us=%.0f p50_us=%d p99_us=%d\n",
      summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
      latency.mean, latency:percentile(50), latency:percentile(99)))
end
