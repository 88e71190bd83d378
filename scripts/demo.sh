#!/usr/bin/env bash
# The main job: builds the `vilfredo` command and measures a Pareto front with it.
# (The study runner with its embedded SQLite store comes with the studies issue; until then
# the main job exercises the kernels every later layer stands on.)
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked --bin vilfredo
vilfredo=target/release/vilfredo
data=examples/data/three-objectives.csv

echo "== input: $data ($(grep -cv '^#' "$data") points, 3 objectives)"
echo "== Pareto ranks (0 = non-dominated):"
"$vilfredo" rank "$data" | paste -sd' '
echo "== the non-dominated points:"
"$vilfredo" pareto "$data"
echo "== hypervolume with reference point (1.1, 1.1, 1.1):"
"$vilfredo" hv --ref 1.1,1.1,1.1 "$data"
echo "== exclusive contribution of each point:"
"$vilfredo" hvc --ref 1.1,1.1,1.1 "$data" | paste -sd' '
echo "== IGD+ against the true front sample:"
"$vilfredo" indicator igd-plus --front examples/data/three-objectives-front.csv "$data"
