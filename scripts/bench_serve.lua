-- wrk script of scripts/bench_serve.sh: POSTs /v1/ask with the questions of BODIES (one JSON body a line),
-- each connection cycling through them from its own offset, and prints a JSON summary at the end.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local counter = 0
local threads = {}

function setup(thread)
    thread:set("offset", counter * 7919)
    counter = counter + 1
    threads[#threads + 1] = thread
end

function init(args)
    position = offset
    refused = 0   -- 4xx: a question the answerer turns down (only common words, …), not a server failure
    failed = 0    -- 5xx
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    position = position + 1
    return wrk.format(nil, "/v1/ask", nil, bodies[(position % #bodies) + 1])
end

function response(status, headers, body)
    if status >= 500 then failed = failed + 1 elseif status >= 400 then refused = refused + 1 end
end

function done(summary, latency, requests)
    local errors = summary.errors
    local refused, failed = 0, 0
    for _, thread in ipairs(threads) do
        refused = refused + thread:get("refused")
        failed = failed + thread:get("failed")
    end
    io.write(string.format(
        '{"requests": %d, "seconds": %.3f, "requests_per_second": %.1f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ' ..
        '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, "status_4xx": %d, "status_5xx": %d}\n',
        summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        errors.connect, errors.read, errors.write, errors.status, errors.timeout, refused, failed))
end
