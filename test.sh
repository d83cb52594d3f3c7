#!/usr/bin/env bash
# Runs every test: installs what is missing (PostgreSQL 15, redis-server, chromium), builds the solution (Release), runs `dotnet test` with a
# TRX report per test assembly in test-results/, and ends with one line "N passed, N failed" (", N skipped" when
# any). Fails when a test failed, when no test ran, or when any test was skipped: a skipped test does not pass.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

"$root/scripts/prerequisites.sh"

# NHI_SOLUTION overrides what is built and tested (the default is the whole solution, the AppHost included).
solution="${NHI_SOLUTION:-NhiPlatform.sln}"

results="$root/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "test.sh: building $solution (Release)"
dotnet build "$solution" -c Release -nologo -v quiet

echo "test.sh: testing $solution"
status=0
dotnet test "$solution" --no-build -c Release -nologo \
  --logger "trx;LogFilePrefix=tests" --results-directory "$results" || status=$?

# Sum the counters of every TRX report.
passed=0 failed=0 skipped=0 reports=0
counter() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }
for report in "$results"/*.trx; do
  [[ -e "$report" ]] || continue
  counters="$(grep -o '<Counters [^>]*>' "$report" | head -n 1)"
  reports=$((reports + 1))
  passed=$((passed + $(counter passed "$counters")))
  failed=$((failed + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
  skipped=$((skipped + $(counter notExecuted "$counters") + $(counter inconclusive "$counters")))
done

[[ $status -eq 0 ]] || echo "test.sh: dotnet test exited with code $status"
[[ $reports -gt 0 ]] || echo "test.sh: no test report was written to test-results/"
[[ $((passed + failed + skipped)) -gt 0 ]] || echo "test.sh: no test ran"
[[ $skipped -eq 0 ]] || echo "test.sh: $skipped test(s) skipped; every test must run"

summary="$passed passed, $failed failed"
[[ $skipped -eq 0 ]] || summary="$summary, $skipped skipped"
echo "$summary"

if [[ $status -ne 0 || $failed -ne 0 || $skipped -ne 0 || $((passed + failed + skipped)) -eq 0 ]]; then
  exit 1
fi
