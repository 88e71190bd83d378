#!/usr/bin/env bash
# The main job: builds the `vilfredo` command, minimises a benchmark problem with NSGA-II,
# and measures the front it found with the kernels every later layer stands on.
# (The study runner with its embedded SQLite store comes with the studies issue.)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked --bin vilfredo
vilfredo=target/release/vilfredo
out=target/demo
mkdir -p "$out"

echo "== the problem:"
"$vilfredo" problems show zdt3

echo
echo "== NSGA-II on ZDT3: population 100, 250 generations, seed 1"
"$vilfredo" optimize --problem zdt3 --algorithm nsga2 --pop-size 100 --n-gen 250 --seed 1 \
    --plot "$out/front.svg" --output "$out/front.csv"
echo "== the front found ($(wc -l < "$out/front.csv") points, $out/front.csv), first lines:"
head -n 5 "$out/front.csv"
echo "   ..."
echo "== plot: $out/front.svg"

echo
echo "== the kernels on the front found:"
echo "-- hypervolume at the summary's reference point (the true front's nadir x 1.1):"
"$vilfredo" hv --ref 0.93701615194,1.1 "$out/front.csv"
echo "-- Pareto ranks (0 = non-dominated), counted:"
"$vilfredo" rank "$out/front.csv" | sort -n | uniq -c
echo "-- IGD+ against about 1000 points of the true front (as in the summary):"
"$vilfredo" problems front zdt3 -n 1000 > "$out/zdt3-true-front.csv"
"$vilfredo" indicator igd-plus --front "$out/zdt3-true-front.csv" "$out/front.csv"
echo "-- the five largest exclusive hypervolume contributions (row, contribution):"
"$vilfredo" hvc --ref 0.93701615194,1.1 "$out/front.csv" | nl -v0 -s, -w1 | sort -t, -k2 -gr | head -n 5

echo
echo "== three objectives: NSGA-II on DTLZ2 (n_obj 3), 20000 evaluations, seed 1"
"$vilfredo" optimize --problem dtlz2 --param n_obj=3 --algorithm nsga2 --pop-size 100 \
    --n-eval 20000 --seed 1 --plot "$out/front3.svg" --output "$out/front3.csv"
echo "== plot (pairwise scatter matrix): $out/front3.svg"
