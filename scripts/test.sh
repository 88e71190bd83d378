#!/usr/bin/env bash
# Runs every test of vilfredo: formatting, lints, the Rust suites (unit, integration,
# property and fixture tests, doctests) and the Python suite with its live differential
# tests against moocore, pygmo and pymoo. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Python test dependencies"
python3 -m pip install --quiet --disable-pip-version-check -r python/requirements-test.txt

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests"
# vilfredo-py is an extension module: it links against the Python interpreter only when
# loaded by it, so it is tested through pytest below rather than by cargo.
cargo test --workspace --exclude vilfredo-py --locked

step "Python package (pip install .) and pytest"
python3 -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps .
python3 -m pytest python/tests -q
