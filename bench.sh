#!/usr/bin/env bash
# The benchmarks, one command: starts a throwaway PostgreSQL and runs every benchmark on SQLite and PostgreSQL.
# Usage: ./bench.sh [import|web|pages|matching|api|phases|all] [--rows N]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# shellcheck source=scripts/postgres-throwaway.sh
source "$root/scripts/postgres-throwaway.sh"
dotnet build "$root/bench/Pnx.Benchmarks/Pnx.Benchmarks.csproj" -c Release --nologo -v quiet -o "$root/artifacts/bench" >/dev/null
PNX_BENCH_POSTGRES="$PNX_PG_BASE" dotnet "$root/artifacts/bench/Pnx.Benchmarks.dll" "${@:-all}"
