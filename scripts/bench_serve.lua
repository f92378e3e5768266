-- wrk script of scripts/bench_serve.sh: POSTs /v1/ask with the questions of BODIES (one JSON body a line),
-- each connection cycling through them from its own offset, and prints a JSON summary at the end.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local counter = 0

function setup(thread)
    thread:set("offset", counter * 7919)
    counter = counter + 1
end

function init(args)
    position = offset
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    position = position + 1
    return wrk.format(nil, "/v1/ask", nil, bodies[(position % #bodies) + 1])
end

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format(
        '{"requests": %d, "seconds": %.3f, "requests_per_second": %.1f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ' ..
        '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
