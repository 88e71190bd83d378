#!/usr/bin/env bash
# The main job: builds the `vilfredo` command and runs a study (NSGA-II) whose objectives come from
# an outside program (examples/zdt-study/objective.py, run once per trial, never through a
# shell), kept in an SQLite file; then reads the study back: its front, a CSV export, the
# plots. Last, the kernels and NSGA-II on a built-in benchmark.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked --bin vilfredo
vilfredo=target/release/vilfredo
out=target/demo
mkdir -p "$out"
db="sqlite:///$out/zdt-study.db"
rm -f "$out/zdt-study.db" "$out/zdt-study.db-wal" "$out/zdt-study.db-shm"

echo "== the study file:"
grep -v '^#' examples/zdt-study/study.toml | grep -v '^$'

echo
echo "== a study: 60 trials of 'python3 objective.py', stored in $out/zdt-study.db"
"$vilfredo" optimize examples/zdt-study/study.toml --storage "$db" --n-trials 60 \
    --plot "$out/study-front.svg" > "$out/study-front.txt"
echo "== resumed: the same command with --n-trials 100 runs only the 40 missing trials"
"$vilfredo" optimize examples/zdt-study/study.toml --storage "$db" --n-trials 100 \
    --plot "$out/study-front.svg"

echo
echo "== what the storage holds:"
"$vilfredo" study list --storage "$db"
echo "== its front, as CSV (vilfredo study best):"
"$vilfredo" study best --storage "$db" --study zdt1
"$vilfredo" study export --storage "$db" --study zdt1 --output "$out/study-trials.csv"
echo "== every trial: $out/study-trials.csv ($(($(wc -l < "$out/study-trials.csv") - 1)) rows)"
"$vilfredo" plot --storage "$db" --study zdt1 --output "$out/study-front.svg"
"$vilfredo" plot --storage "$db" --study zdt1 --kind history --output "$out/study-hv.svg"
echo "== plots: $out/study-front.svg (front over every trial), $out/study-hv.svg (hypervolume)"

echo
echo "== NSGA-II on the built-in ZDT3: population 100, 250 generations, seed 1"
"$vilfredo" optimize --problem zdt3 --algorithm nsga2 --pop-size 100 --n-gen 250 --seed 1 \
    --plot "$out/front.svg" --output "$out/front.csv"
echo "== the kernels on the front found ($(wc -l < "$out/front.csv") points, $out/front.csv):"
echo "-- hypervolume at the summary's reference point (the true front's nadir x 1.1):"
"$vilfredo" hv --ref 0.93701615194,1.1 "$out/front.csv"
echo "-- IGD+ against about 1000 points of the true front (as in the summary):"
"$vilfredo" problems front zdt3 -n 1000 > "$out/zdt3-true-front.csv"
"$vilfredo" indicator igd-plus --front "$out/zdt3-true-front.csv" "$out/front.csv"
echo "-- the five largest exclusive hypervolume contributions (row, contribution):"
"$vilfredo" hvc --ref 0.93701615194,1.1 "$out/front.csv" | nl -v0 -s, -w1 | sort -t, -k2 -gr | head -n 5
echo "== plot: $out/front.svg"
