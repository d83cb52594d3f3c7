#!/usr/bin/env bash
# Starts NhiPlatform on this machine: installs what is missing (PostgreSQL 15, redis-server), builds (Release), then
# runs the LocalHost in the foreground: PostgreSQL, Redis, tokens, inventory, echo and the gateway. Ctrl+C stops
# everything. Arguments go to the LocalHost (./run.sh --help lists them). Run state lives in .nhi/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

"$root/scripts/prerequisites.sh"

# NHI_SOLUTION overrides what is built (the default is every project that builds without Aspire).
solution="${NHI_SOLUTION:-NhiPlatform.Offline.slnf}"
echo "run.sh: building $solution (Release)"
dotnet build "$solution" -c Release -nologo -v quiet

exec dotnet "$root/src/NhiPlatform.LocalHost/bin/Release/net10.0/NhiPlatform.LocalHost.dll" "$@"
