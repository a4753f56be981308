#!/usr/bin/env bash
# Reliability drills (issue 8). The fast ones also run in CI as xunit tests; this script runs them all.
#   tests/drills.sh faults       every simulator fault profile (xunit: Compliance.Collectors.Tests …Drills)
#   tests/drills.sh crash [N]    SIGKILL `review --demo` at N random points (default 20), rerun, check the store and reports
#   tests/drills.sh disk         reports to a full, then a read-only disk (tmpfs; needs root)
#   tests/drills.sh workers [M]  two workers on one database, every schedule each minute, for M minutes (default 10)
#   tests/drills.sh              all of them
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
fail=0

faults() {
  dotnet test tests/Compliance.Collectors.Tests --filter "FullyQualifiedName~Drills" || fail=1
}

# The shipped appsettings.json with the database and reports moved into workspace $1.
configure() {
  python3 - "$root/appsettings.json" "$1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); ws = sys.argv[2]
s["Storage"]["DatabasePath"] = ws + "/data/compliance.db"; s["Reports"]["OutputRoot"] = ws + "/reports"
json.dump(s, open(ws + "/appsettings.json", "w"))
PY
}

# The demo review against one workspace (its own database and reports folder), the binary built once.
review() { (cd "$ws" && dotnet "$root/src/Compliance.Worker/bin/Debug/net10.0/compliance.dll" review --demo --config "$ws/appsettings.json" >>"$ws/log.txt" 2>&1); }

# Rows per table that stay the same from one complete demo run to the next (activity is incremental, so it is
# counted over the store, not per run).
counts() {
  local db=$1 run=$2
  for t in applications service_principals credentials app_role_grants access_policies control_results; do
    printf '%s=%s ' "$t" "$(sqlite3 "$db" "SELECT count(*) FROM $t WHERE run_id='$run'")"
  done
  printf 'activity=%s' "$(sqlite3 "$db" "SELECT count(*) || '/' || count(DISTINCT tenant_id||source||id) FROM activity_records")"
}

crash() {
  local points=${1:-20}
  dotnet build src/Compliance.Worker -nologo -v q >/dev/null || { echo "build failed"; fail=1; return; }
  ws=$(mktemp -d /tmp/compliance-crash-XXXX)
  configure "$ws"
  local db="$ws/data/compliance.db"
  local start=$(date +%s.%N); review; local rc=$?
  local wall=$(echo "$(date +%s.%N) - $start" | bc)
  [ $rc -eq 0 ] || [ $rc -eq 3 ] || { echo "crash drill: the first run failed (exit $rc), see $ws/log.txt"; fail=1; return; }
  local first=$(sqlite3 "$db" "SELECT id FROM runs WHERE status IN ('completed','partial') ORDER BY started_at DESC LIMIT 1")
  local expected=$(counts "$db" "$first")
  echo "crash drill: a clean run takes ${wall%.*} s; expected per run: $expected"
  for i in $(seq 1 "$points"); do
    local at=$(python3 -c "import random; print(round(random.uniform(0.3, $wall), 2))")
    (cd "$ws" && exec dotnet "$root/src/Compliance.Worker/bin/Debug/net10.0/compliance.dll" review --demo --config "$ws/appsettings.json" >>"$ws/log.txt" 2>&1) &
    local pid=$!
    sleep "$at"; kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    review; rc=$?
    local problems=""
    [ $rc -eq 0 ] || [ $rc -eq 3 ] || problems+=" rerun exit $rc;"
    [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || problems+=" integrity_check;"
    local last=$(sqlite3 "$db" "SELECT id FROM runs WHERE status IN ('completed','partial') ORDER BY started_at DESC LIMIT 1")
    [ "$(counts "$db" "$last")" = "$expected" ] || problems+=" rows: $(counts "$db" "$last");"
    local partial=$(find "$ws/reports" -type f \( -name '*.tmp' -o -name '.*' -o -size 0 \) | wc -l)
    [ "$partial" -eq 0 ] || problems+=" $partial partial report file(s);"
    for f in "$ws"/reports/demo/*/findings.json "$ws"/reports/demo/*/manifest.json; do
      python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$f" 2>/dev/null || problems+=" unreadable $f;"
    done
    printf 'crash %2d at %5.2f s: %s\n' "$i" "$at" "${problems:-ok}"
    [ -z "$problems" ] || fail=1
  done
  echo "crash drill: runs by status: $(sqlite3 "$db" "SELECT group_concat(status||'='||n, ' ') FROM (SELECT status, count(*) n FROM runs GROUP BY status)")"
  [ $fail -eq 0 ] && rm -rf "$ws" || echo "crash drill: workspace kept at $ws"
}

# Reports written to a full disk, then to a read-only one (a small tmpfs mounted over the reports folder; needs root):
# the run must fail with a clear message naming the cause, the previous reports must stay byte for byte, no partial
# file may remain, the run's evidence must stay in the database; once space is back the next run publishes.
disk() {
  dotnet build src/Compliance.Worker -nologo -v q >/dev/null || { echo "build failed"; fail=1; return; }
  ws=$(mktemp -d /tmp/compliance-disk-XXXX)
  mkdir -p "$ws/reports"
  if ! mount -t tmpfs -o size=16m tmpfs "$ws/reports" 2>/dev/null; then
    echo "disk drill: skipped (mounting a tmpfs needs root)"; rm -rf "$ws"; return
  fi
  configure "$ws"
  local db="$ws/data/compliance.db" problems=""
  review; local rc=$?
  [ $rc -eq 0 ] || [ $rc -eq 3 ] || problems+=" first run exit $rc;"
  local before=$(cd "$ws/reports" && find . -type f | sort | xargs sha256sum)
  local runs_before=$(sqlite3 "$db" "SELECT count(*) FROM runs")
  for case in full read-only; do
    if [ $case = full ]; then
      dd if=/dev/zero of="$ws/reports/filler" bs=64k 2>/dev/null
    else
      rm -f "$ws/reports/filler"; mount -o remount,ro "$ws/reports"
    fi
    : >"$ws/log.txt"; review; rc=$?
    local said=$(grep -m1 -iE "no space left|read-only file system" "$ws/log.txt")
    [ $rc -ne 0 ] && [ $rc -ne 3 ] || problems+=" $case: exit $rc (a failure was expected);"
    [ -n "$said" ] || problems+=" $case: no clear message (log: $(tail -c 300 "$ws/log.txt"));"
    local after=$(cd "$ws/reports" && find . -type f ! -name filler | sort | xargs sha256sum)
    [ "$after" = "$before" ] || problems+=" $case: previous reports changed or partial files left;"
    [ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || problems+=" $case: integrity_check;"
    local kept=$(sqlite3 "$db" "SELECT count(*) FROM service_principals WHERE run_id=(SELECT id FROM runs ORDER BY started_at DESC LIMIT 1)")
    [ "$kept" -gt 0 ] || problems+=" $case: the failed run's evidence was not kept;"
    printf 'disk %-9s exit %s, %s; evidence rows kept: %s\n' "$case" "$rc" "${said:-no message}" "$kept"
  done
  mount -o remount,rw "$ws/reports"
  review; rc=$?
  [ $rc -eq 0 ] || [ $rc -eq 3 ] || problems+=" after space returned: exit $rc;"
  echo "disk drill: runs $runs_before → $(sqlite3 "$db" "SELECT group_concat(status||'='||n, ' ') FROM (SELECT status, count(*) n FROM runs GROUP BY status)"); ${problems:-ok}"
  umount "$ws/reports"
  [ -z "$problems" ] && rm -rf "$ws" || { fail=1; echo "disk drill: workspace kept at $ws"; }
}

# Two `compliance worker` processes on one database, every shipped schedule rewritten to fire each minute, for N
# minutes (default 10). Halfway the active worker gets SIGTERM (it must stop within 10 s), the standby takes over and
# the stopped one comes back as the new standby. Each (job, scheduled fire) must have run exactly once.
workers() {
  local minutes=${1:-10}
  dotnet build src/Compliance.Worker -nologo -v q >/dev/null || { echo "build failed"; fail=1; return; }
  ws=$(mktemp -d /tmp/compliance-workers-XXXX)
  configure "$ws"
  mkdir -p "$ws/schedules"
  for f in "$root"/schedules/*.json; do
    python3 - "$f" "$ws/schedules/$(basename "$f")" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
for t in s["Quartz"]["Schedule"]["Triggers"].values():
    t["Cron"]["Expression"] = "0 * * * * ?"
json.dump(s, open(sys.argv[2], "w"), indent=1)
PY
  done
  local dll="$root/src/Compliance.Worker/bin/Debug/net10.0/compliance.dll" db="$ws/data/compliance.db"
  start_worker() { (cd "$ws" && exec dotnet "$dll" worker --config "$ws/appsettings.json" --schedules "$ws/schedules" 2>>"$ws/worker-$1.log" >/dev/null) & echo $!; }
  stop_worker() { # SIGTERM, prints the seconds it took to exit
    local t0=$(date +%s.%N); kill -TERM "$1"; while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
    echo "$(date +%s.%N) - $t0" | bc
  }
  local a=$(start_worker a); sleep 5; local b=$(start_worker b)
  sleep $((minutes * 30))
  local active=$a standby=$b name=a
  grep -q worker.standby "$ws/worker-a.log" && { active=$b; standby=$a; name=b; }
  local stop1=$(stop_worker "$active")
  local again=$(start_worker "$name-again")
  sleep $((minutes * 30))
  local stop2=$(stop_worker "$standby") stop3=$(stop_worker "$again")
  local dups=$(sqlite3 "$db" "SELECT count(*) FROM (SELECT job, scheduled_at FROM job_executions GROUP BY job, scheduled_at HAVING count(*) > 1)")
  echo "workers drill: $minutes min; SIGTERM of the active worker took ${stop1} s, then ${stop2} s and ${stop3} s"
  sqlite3 "$db" "SELECT '  ' || job || ': ' || count(*) || ' fires, outcomes ' || group_concat(DISTINCT outcome) FROM job_executions GROUP BY job"
  for log in "$ws"/worker-*.log; do echo "  $(basename "$log" .log): $(grep -c 'job.start' "$log") job starts, $(grep -c 'worker.standby' "$log") standby"; done
  echo "  duplicate fires: $dups; reports: $(find "$ws/reports" -name '*.pdf' | wc -l) PDF(s); alert mails: $(sqlite3 "$db" "SELECT group_concat(status||'='||n, ' ') FROM (SELECT status, count(*) n FROM alert_outbox GROUP BY status)")"
  local slow=$(echo "$stop1 > 10 || $stop2 > 10 || $stop3 > 10" | bc)
  [ "$dups" -eq 0 ] && [ "$slow" -eq 0 ] && rm -rf "$ws" || { fail=1; echo "workers drill: failed, workspace kept at $ws"; }
}

case "${1:-all}" in
  faults) faults ;;
  crash) crash "${2:-20}" ;;
  disk) disk ;;
  workers) workers "${2:-10}" ;;
  all) faults; crash 20; disk; workers 10 ;;
  *) echo "usage: tests/drills.sh [faults|crash [N]|disk|workers [MINUTES]]"; exit 2 ;;
esac
exit $fail
