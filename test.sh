#!/usr/bin/env bash
# The test command: installs what the tests need, starts a throwaway PostgreSQL, runs every test
# against SQLite and against PostgreSQL, and ends with one line "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

# Debian's Chromium for the browser tests (never a downloaded browser).
if [ ! -x /usr/bin/chromium ]; then
  echo "test: installing chromium" >&2
  (apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }) \
    || echo "test: could not install chromium" >&2
fi

# Redocly CLI for the OpenAPI lint test, exactly as locked in tests/openapi-lint/package-lock.json.
if [ ! -x "$root/tests/openapi-lint/node_modules/.bin/redocly" ]; then
  echo "test: installing the OpenAPI linter (npm ci)" >&2
  (cd "$root/tests/openapi-lint" && npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1) \
    || echo "test: could not install the OpenAPI linter; its test will fail and say so" >&2
fi

# shellcheck source=scripts/postgres-throwaway.sh
source "$root/scripts/postgres-throwaway.sh" || { echo "0 passed, 1 failed"; exit 1; }

if ! dotnet build "$root/Pnx.sln" -c Debug --nologo -v quiet; then
  echo "test: build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

logs="$root/tests/artifacts"
mkdir -p "$logs"
status=0
run() {
  local engine=$1; shift
  echo "test: running against $engine" >&2
  env "$@" dotnet test "$root/tests/Pnx.Tests/Pnx.Tests.csproj" --no-build -c Debug --nologo \
    --logger "console;verbosity=minimal" --logger "trx;LogFileName=$engine.trx" \
    --results-directory "$logs/$engine" >"$logs/$engine.log" 2>&1
  local rc=$?
  grep -vE '^\s*$|^(Test run for|A total of|VSTest version)' "$logs/$engine.log"
  [ "$rc" -eq 0 ] || status=1
}
run sqlite PNX_TEST_ENGINE=sqlite
run postgres PNX_TEST_ENGINE=postgres "PNX_TEST_POSTGRES=$PNX_PG_BASE"

passed=0; failed=0
for log in "$logs/sqlite.log" "$logs/postgres.log"; do
  line=$(grep -E '(Passed|Failed)!' "$log" | tail -n 1)
  p=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$line"); f=$(sed -nE 's/.*Failed: *([0-9]+).*/\1/p' <<<"$line")
  [ -n "$line" ] || { f=1; status=1; echo "test: no summary in $log" >&2; }
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
