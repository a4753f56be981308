#!/usr/bin/env bash
# Runs the benchmark scenarios (issue 8), each in its own process under /usr/bin/time -v so the peak resident memory
# is that scenario's. Tables are printed; JSON lands in reports/bench/<scenario>.json, peak RSS in <scenario>.time.txt.
#   tests/bench.sh                 all scenarios
#   tests/bench.sh ingest review   some of them
#   tests/bench.sh micro           the BenchmarkDotNet micro-benchmarks
# The machine's load (uptime) is recorded before and after each scenario in <scenario>.uptime.txt: other builds on a
# shared machine move absolute times. `review` starts the simulator as its own process (BENCH_ARGS="--simulator DLL"
# picks another build of it), so time -v reports the larger of the two processes and the table each one; its first
# run's PDF is then page-counted and pages 1-3 rendered to reports/bench/review/page-*.png.
# `volume` runs one review per activity factor (BENCH_ARGS="--activity 50,200,800 --scale small"), each factor in a
# fresh process of the benchmark: its table has each factor's own peak; time -v reports the largest of all processes.
# `reports-large` resets the peak (VmHWM) before each write, so its time -v figure is the last write's peak, not the
# evaluation's before it; its table has each writer's own.
set -euo pipefail
cd "$(dirname "$0")/.."
out=reports/bench
mkdir -p "$out"
dotnet build -c Release tests/Compliance.Benchmarks -nologo -v q
scenarios=("$@")
[ ${#scenarios[@]} -eq 0 ] && scenarios=(inventory throttled ingest evaluate reports-xlsx reports-pdf reports-large review volume)
for s in "${scenarios[@]}"; do
  if [ "$s" = micro ]; then
    dotnet run -c Release --no-build --project tests/Compliance.Benchmarks -- micro --filter '*' --artifacts "$out/micro"
    continue
  fi
  uptime > "$out/$s.uptime.txt"
  /usr/bin/time -v -o "$out/$s.time.txt" dotnet run -c Release --no-build --project tests/Compliance.Benchmarks -- scenario "$s" ${BENCH_ARGS:-}
  uptime >> "$out/$s.uptime.txt"
  echo "peak RSS ($s): $(awk -F': ' '/Maximum resident set size/ {printf "%.0f MiB", $2/1024}' "$out/$s.time.txt"); load: $(tr '\n' ' ' < "$out/$s.uptime.txt")"
  if [ "$s" = review ]; then
    pdf=$(find "$out/review" -name '*.pdf' | head -1)
    if [ -n "$pdf" ] && command -v pdftoppm >/dev/null; then
      echo "PDF $pdf: $(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}') pages, $(du -k "$pdf" | cut -f1) KiB; pages 1-3 as PNG:"
      pdftoppm -png -r 60 -f 1 -l 3 "$pdf" "$out/review/page"
      ls "$out/review"/page*.png
    fi
  fi
done
