-- wrk script for scripts/bench-web: answer submissions to the Koers JSON API.
--
-- Each request is PUT /api/v1/sessions/{id}/answers/{questionId} with a valid answer, cycling
-- over several anonymous sessions (X-Resume-Token) and a few questions with their options, so
-- every request is a real, accepted, durably saved answer. The sessions and answers come from
-- the file named by KOERS_BENCH_PLAN, written by scripts/bench-web:
--
--   session <id> <resume token>
--   answer <question id> <option id>
--
-- Each wrk thread starts at a different session, so that threads rarely change one session at
-- the same moment (a clash is retried once by the server, and counted as a non-2xx otherwise).

local sessions = {}
local answers = {}

local function load_plan()
  local path = os.getenv("KOERS_BENCH_PLAN")
  if path == nil then error("KOERS_BENCH_PLAN is not set") end
  for line in io.lines(path) do
    local kind, first, second = line:match("^(%S+)%s+(%S+)%s+(%S+)$")
    if kind == "session" then
      sessions[#sessions + 1] = { id = first, token = second }
    elseif kind == "answer" then
      answers[#answers + 1] = { question = first, value = second }
    end
  end
  if #sessions == 0 or #answers == 0 then error("the plan has no sessions or no answers") end
end

load_plan()

local thread_count = 0
function setup(thread)
  thread:set("offset", thread_count)
  thread_count = thread_count + 1
end

local counter = 0
function request()
  counter = counter + 1
  local session = sessions[((counter + offset * 7) % #sessions) + 1]
  local answer = answers[(counter % #answers) + 1]
  local body = '{"value":"' .. answer.value .. '"}'
  return wrk.format("PUT", "/api/v1/sessions/" .. session.id .. "/answers/" .. answer.question, {
    ["Content-Type"] = "application/json",
    ["X-Resume-Token"] = session.token,
  }, body)
end

function done(summary, latency, requests)
  io.write(string.format("answers_per_second %.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency_p50_ms %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("latency_p99_ms %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("non_2xx %d\n", summary.errors.status))
  io.write(string.format("socket_errors %d\n", summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
