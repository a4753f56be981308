#!/usr/bin/env bash
# Runs the benchmark scenarios (issue 8), each in its own process under /usr/bin/time -v so the peak resident memory
# is that scenario's. Tables are printed; JSON lands in reports/bench/<scenario>.json, peak RSS in <scenario>.time.txt.
#   tests/bench.sh                 all scenarios
#   tests/bench.sh ingest review   some of them
#   tests/bench.sh micro           the BenchmarkDotNet micro-benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
out=reports/bench
mkdir -p "$out"
dotnet build -c Release tests/Compliance.Benchmarks -nologo -v q
scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(inventory throttled ingest evaluate reports-xlsx reports-pdf review)
for s in "${scenarios[@]}"; do
  if [ "$s" = micro ]; then
    dotnet run -c Release --no-build --project tests/Compliance.Benchmarks -- micro --filter '*' --artifacts "$out/micro"
    continue
  fi
  /usr/bin/time -v -o "$out/$s.time.txt" dotnet run -c Release --no-build --project tests/Compliance.Benchmarks -- scenario "$s" ${BENCH_ARGS:-}
  echo "peak RSS ($s): $(awk -F': ' '/Maximum resident set size/ {printf "%.0f MiB", $2/1024}' "$out/$s.time.txt")"
done
