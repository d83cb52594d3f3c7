#!/usr/bin/env bash
# Runs the README's curl walk-through verbatim against a running platform and checks what it prints.
# Usage: tests/readme-walkthrough.sh [DIR]   DIR holds .nhi/ (default: the repository root).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workdir="${1:-$repo}"

# The first ```bash block after the walk-through heading, exactly as a reader copies it.
script="$(awk '/^## The thin path, with curl/{found=1} found && /^```bash$/{inblock=1; next} inblock && /^```$/{exit} inblock{print}' "$repo/README.md")"
if [[ -z "$script" ]]; then
  echo "readme-walkthrough: no walk-through block found in README.md" >&2
  exit 1
fi

output="$(cd "$workdir" && bash -euo pipefail -c "$script" 2>&1)" || {
  echo "readme-walkthrough: the walk-through failed:" >&2
  echo "$output" >&2
  exit 1
}
echo "$output"

fail() { echo "readme-walkthrough: $1" >&2; exit 1; }
grep -q '"clientId": "orders-api-' <<<"$output" || fail "the echo call did not show the verified client id"
grep -qx '401' <<<"$output" || fail "the call without a token did not answer 401"
grep -q '"status":200,"clientId":"orders-api-[a-z0-9]*","decision":"allowed"' <<<"$output" || fail "the inventory lacks the allowed call"
grep -q '"status":401,"clientId":null,"decision":"denied","reason":"missing_token"' <<<"$output" || fail "the inventory lacks the denied call"
echo "readme-walkthrough: ok"
