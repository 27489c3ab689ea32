#!/usr/bin/env bash
# The benchmarks, one command: starts a throwaway PostgreSQL and runs every benchmark on SQLite and PostgreSQL.
# Usage: ./bench.sh [import|cli|web|pages|pages-large|matching|api|phases|all] [--rows N]
# `cli` runs whole ./pnx processes next to `sqlite3 .import` and `psql \copy` (and is part of `import`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# shellcheck source=scripts/postgres-throwaway.sh
source "$root/scripts/postgres-throwaway.sh"
case "${1:-all}" in
  cli|import|all)
    # The loaders the CLI benchmark compares with, and /usr/bin/time for peak memory (Debian packages).
    if ! command -v sqlite3 >/dev/null || ! command -v psql >/dev/null || [ ! -x /usr/bin/time ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3 postgresql-client time >/dev/null ||
        { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q sqlite3 postgresql-client time >/dev/null; }
    fi
    ;;
esac
dotnet build "$root/bench/Pnx.Benchmarks/Pnx.Benchmarks.csproj" -c Release --nologo -v quiet -o "$root/artifacts/bench" >/dev/null
PNX_BENCH_POSTGRES="$PNX_PG_BASE" dotnet "$root/artifacts/bench/Pnx.Benchmarks.dll" "${@:-all}"
