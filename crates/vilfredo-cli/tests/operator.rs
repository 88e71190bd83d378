//! `vilfredo optimize --operator`: NSGA-II with offspring from an outside program.

#![allow(clippy::unwrap_used)]

use std::process::Command;

fn script() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/midpoint_operator.py"
    )
    .to_owned()
}

fn run(extra: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vilfredo"))
        .args([
            "optimize",
            "--problem",
            "zdt1",
            "--algorithm",
            "nsga2",
            "--pop-size",
            "12",
        ])
        .args(["--n-gen", "6", "--seed", "4"])
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_scripted_operator_makes_the_offspring() {
    let s = script();
    let (code, front, summary) = run(&["--operator", "python3", "--operator-arg", &s]);
    assert_eq!(code, 0, "{summary}");
    assert!(!front.is_empty());
    // Midpoints of parents stay inside the convex hull of the population, so the run
    // differs from the built-in operators' run with the same seed.
    let (code, builtin, _) = run(&[]);
    assert_eq!(code, 0);
    assert_ne!(front, builtin);
    // A deterministic operator gives a reproducible run.
    let (_, again, _) = run(&["--operator", "python3", "--operator-arg", &s]);
    assert_eq!(front, again);
}

#[test]
fn a_broken_operator_is_a_clear_runtime_error() {
    let (code, out, err) = run(&[
        "--operator",
        "python3",
        "--operator-arg",
        "-c",
        "--operator-arg",
        "import sys; sys.stdin.readline(); print('hello')",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("answer is not JSON") && err.contains("python3"),
        "{err}"
    );
    let (code, _, err) = run(&["--operator", "/nonexistent/operator"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("cannot start operator"), "{err}");
    let (code, _, err) = run(&["--operator-arg", "x"]);
    assert_eq!(code, 2, "{err}");
}
