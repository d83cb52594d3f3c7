-- wrk script of bench/Gateway.sh's gateway-dpop target: every request carries "Authorization: DPoP <token>" and a proof of
-- its own (RFC 9449: the gateway accepts each proof once). Proofs are made beforehand, one per line; thread n of N takes
-- lines n, n+N, ... so no two threads send the same proof. Arguments: <proofs file> <token file> <threads>.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local count = tonumber(args[3])
  proofs = {}
  local i = 0
  for line in io.lines(args[1]) do
    if i % count == id then proofs[#proofs + 1] = line end
    i = i + 1
  end
  local file = io.open(args[2])
  authorization = "DPoP " .. file:read("*l")
  file:close()
  nextProof = 1
end

function request()
  local proof = proofs[nextProof]
  -- Past the last proof the first comes again and is refused as a replay (counted as non-2xx in the results).
  nextProof = nextProof % #proofs + 1
  return wrk.format(nil, nil, { ["Authorization"] = authorization, ["DPoP"] = proof })
end
