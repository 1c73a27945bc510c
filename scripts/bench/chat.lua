-- wrk script: the streamed chat request the engine sends, with a distinct question each time (scripts/bench-e2e).
local n = 0
request = function()
  n = n + 1
  local body = '{"model":"m","messages":[{"role":"user","content":"Question ' .. n
      .. ': which option fits best? Think about item ' .. (n * 7) .. '."}],"stream":true,'
      .. '"stream_options":{"include_usage":true}}'
  return wrk.format("POST", "/v1/chat/completions", {["Content-Type"] = "application/json"}, body)
end
