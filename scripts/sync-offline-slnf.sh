#!/usr/bin/env bash
# Rewrites NhiPlatform.Offline.slnf from NhiPlatform.sln: every project but the Aspire ones (AppHost and its tests),
# which need packages the offline machines lack. Run it after `dotnet sln add`; ./test.sh refuses a stale filter.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python3 - <<'PY'
import json, re
projects = re.findall(r'"([^"]+\.csproj)"', open("NhiPlatform.sln").read())
offline = [p for p in projects if "AppHost" not in p]
with open("NhiPlatform.Offline.slnf", "w") as f:
    json.dump({"solution": {"path": "NhiPlatform.sln", "projects": offline}}, f, indent=2)
    f.write("\n")
PY
