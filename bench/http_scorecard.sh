#!/usr/bin/env bash
# HTTP benchmark (issue 3, section 10): in one run, with wrk at 50 connections,
# measures the minimal JSON endpoint (GET /healthz) and the city scorecard of
# the demo (GET /api/v1/scorecard?unit=LS&period=2021, signed in with a session
# cookie), then prints requests/s and p99 latency for both and the ratio.
# Goal: scorecard >= 1/4 of /healthz's requests/s, scorecard p99 < 5 ms.
#
# Works on a temporary copy of the demo database; only talks to 127.0.0.1.
# Tunables (environment): BENCH_DURATION (10s), BENCH_WARMUP (2s),
# BENCH_CONNECTIONS (50), BENCH_WRK_THREADS (2), BENCH_SERVER_THREADS (2),
# BENCH_PORT (0 = any free port).
# This is a benchmark, not a test: the exit status is 0 even if the goal is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

duration="${BENCH_DURATION:-10s}"
warmup="${BENCH_WARMUP:-2s}"
connections="${BENCH_CONNECTIONS:-50}"
wrk_threads="${BENCH_WRK_THREADS:-2}"
server_threads="${BENCH_SERVER_THREADS:-2}"
port="${BENCH_PORT:-0}"

# --- tools -----------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
for tool in curl awk; do
  command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool" >&2; exit 1; }
done

# --- build (configured like scripts/start) ----------------------------------
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build --target mandate >/dev/null
mandate="$root/build/src/cli/mandate"

# --- temporary database, user, server ---------------------------------------
tmp="$(mktemp -d "${TMPDIR:-/tmp}/mandate-bench.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$server_pid" 2>/dev/null && kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

db="$tmp/bench.db"
password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
"$mandate" demo --db "$db" >/dev/null
printf '%s\n' "$password" |
  "$mandate" user add --db "$db" --username bench --unit LS --role viewer >/dev/null

# stdout carries the start-up line and one access-log line per request: to a file.
"$mandate" serve --db "$db" --listen "127.0.0.1:$port" --threads "$server_threads" \
  >"$tmp/server.log" 2>"$tmp/server.err" &
server_pid=$!

base=""
for _ in $(seq 1 100); do
  base="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/server.log" 2>/dev/null | head -n1 || true)"
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { echo "server did not start" >&2; cat "$tmp/server.err" >&2; exit 1; }

curl -fsS --max-time 10 -o /dev/null -c "$tmp/cookies" \
  -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench\",\"password\":\"$password\"}" \
  "$base/api/v1/auth/login"
session="$(awk '$6 == "mandate_session" {print $7}' "$tmp/cookies")"
[ -n "$session" ] || { echo "login gave no mandate_session cookie" >&2; exit 1; }
cookie="Cookie: mandate_session=$session"

health_url="$base/healthz"
scorecard_url="$base/api/v1/scorecard?unit=LS&period=2021"
# Both must answer 200 before being measured (a 401 would be very fast).
for url in "$health_url" "$scorecard_url"; do
  code="$(curl -sS --max-time 10 -o "$tmp/probe" -w '%{http_code}' -H "$cookie" "$url")"
  [ "$code" = 200 ] || { echo "GET $url -> $code" >&2; cat "$tmp/probe" >&2; exit 1; }
done
scorecard_bytes="$(curl -sS --max-time 10 -H "$cookie" "$scorecard_url" | wc -c)"

# --- measure ------------------------------------------------------------------
# wrk's latency unit -> milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# run NAME URL -> sets rps_NAME, p99_NAME (ms), err_NAME (non-2xx + socket errors)
run() {
  local name=$1 url=$2 out
  wrk -t"$wrk_threads" -c"$connections" -d"$warmup" -H "$cookie" "$url" >/dev/null
  out="$tmp/wrk-$name.txt"
  wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency -H "$cookie" "$url" >"$out"
  echo "--- wrk: $name ($url)" >&2
  cat "$out" >&2
  printf -v "rps_$name" '%s' "$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  printf -v "p99_$name" '%s' "$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  local non2xx sock
  non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")"
  sock="$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$out")"
  printf -v "err_$name" '%s' "$(( ${non2xx:-0} + ${sock:-0} ))"
}

echo "mandate $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores," \
  "server --threads $server_threads, wrk -t$wrk_threads -c$connections -d$duration" \
  "(warm-up $warmup each), scorecard body $scorecard_bytes bytes" >&2
run healthz "$health_url"
run scorecard "$scorecard_url"

ratio="$(awk -v a="$rps_scorecard" -v b="$rps_healthz" 'BEGIN {printf "%.3f", a / b}')"
echo
printf '%-44s %12s %10s %8s\n' endpoint 'requests/s' 'p99 (ms)' errors
printf '%-44s %12s %10s %8s\n' 'GET /healthz' "$rps_healthz" "$p99_healthz" "$err_healthz"
printf '%-44s %12s %10s %8s\n' 'GET /api/v1/scorecard?unit=LS&period=2021' \
  "$rps_scorecard" "$p99_scorecard" "$err_scorecard"
echo
echo "ratio scorecard/healthz requests/s: $ratio (goal >= 0.25)"
verdict_rps="$(awk -v r="$ratio" 'BEGIN {print (r >= 0.25) ? "met" : "MISSED"}')"
verdict_p99="$(awk -v p="$p99_scorecard" 'BEGIN {print (p < 5) ? "met" : "MISSED"}')"
echo "scorecard p99: $p99_scorecard ms (goal < 5 ms)"
echo "verdict: throughput goal $verdict_rps, latency goal $verdict_p99"
