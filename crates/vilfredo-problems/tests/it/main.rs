//! Integration tests of vilfredo-problems: one binary, one module per area.

// Test helpers outside `#[test]` functions unwrap and panic freely.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod bad_input;
mod constrained_fronts;
mod fixtures;
mod fronts;
mod registry;

use vilfredo_problems::Params;

/// The fixture directory, `tests/data/problems/` at the workspace root.
pub fn data_path(file: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/problems")
        .join(file)
}

/// Parses a `param <name> <value>` sequence into [`Params`].
pub fn parse_params<'a>(mut words: impl Iterator<Item = &'a str>) -> Params {
    let mut params = Params::new();
    while let Some(w) = words.next() {
        assert_eq!(w, "param", "malformed parameter list");
        let name = words.next().unwrap();
        let value: f64 = words.next().unwrap().parse().unwrap();
        params = params.set(name, value);
    }
    params
}

/// `|a − b| ≤ max(rel·|b|, abs)`.
pub fn close(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    (a - b).abs() <= (rel * b.abs()).max(abs)
}
