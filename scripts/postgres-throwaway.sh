#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on loopback for tests and benchmarks.
# Usage: source scripts/postgres-throwaway.sh   (sets PNX_PG_BASE and a cleanup trap)
# PostgreSQL refuses to run as root, so the server runs as the unprivileged 'postgres' user.

pg_bin=""
for candidate in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent)")" /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  if [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then pg_bin="$candidate"; break; fi
done
if [ -z "$pg_bin" ]; then
  echo "postgres: installing postgresql-15 server binaries" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null || { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null; }
  pg_bin=/usr/lib/postgresql/15/bin
fi

run_as_pg=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  run_as_pg=(runuser -u postgres --)
fi

pg_root="$(mktemp -d /tmp/pnx-pg.XXXXXX)"
chmod 755 "$pg_root"
[ "$(id -u)" = "0" ] && chown postgres "$pg_root"
pg_port=55432
while (echo > "/dev/tcp/127.0.0.1/$pg_port") >/dev/null 2>&1; do pg_port=$((pg_port + 1)); done

pushd / >/dev/null   # the postgres user cannot enter root's home
if ! "${run_as_pg[@]}" "$pg_bin/initdb" -D "$pg_root/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$pg_root/initdb.log" 2>&1; then
  cat "$pg_root/initdb.log" >&2; popd >/dev/null; echo "postgres: initdb failed" >&2; return 1 2>/dev/null || exit 1
fi
if ! "${run_as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_root/data" -l "$pg_root/server.log" -w -t 60 \
    -o "-p $pg_port -k $pg_root/data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null; then
  cat "$pg_root/server.log" >&2; popd >/dev/null; echo "postgres: start failed" >&2; return 1 2>/dev/null || exit 1
fi
popd >/dev/null

pnx_pg_stop() {
  (cd / && "${run_as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_root/data" -m immediate stop >/dev/null 2>&1) || true
  rm -rf "$pg_root"
}
trap pnx_pg_stop EXIT
export PNX_PG_BASE="Host=127.0.0.1;Port=$pg_port;Username=postgres"
echo "postgres: running on 127.0.0.1:$pg_port" >&2
