//! End-to-end tests of the `vilfredo` binary: every command on small inputs with known
//! answers, input edge cases, bad input with the right exit status and message, and
//! garbage that must never make it panic.

// The helpers below are test code too; clippy.toml's test allowances only reach `#[test]`
// functions.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// What a run of the binary produced.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Asserts success and returns standard output.
    fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success: {self:?}");
        assert!(self.stderr.is_empty(), "unexpected stderr: {self:?}");
        &self.stdout
    }

    /// Asserts failure with `code`, a `vilfredo: error:` message containing every one of
    /// `needles`, and no output.
    fn fails(&self, code: i32, needles: &[&str]) {
        assert_eq!(self.code, code, "wrong exit status: {self:?}");
        assert!(self.stdout.is_empty(), "output on failure: {self:?}");
        assert!(
            self.stderr.starts_with("vilfredo: error:"),
            "message format: {self:?}"
        );
        for needle in needles {
            assert!(self.stderr.contains(needle), "missing {needle:?}: {self:?}");
        }
        assert!(!self.stderr.contains("panicked"), "{self:?}");
    }
}

fn vilfredo_bytes(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vilfredo"))
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Write from a thread: the child may fail (and stop reading) before taking it all.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn vilfredo(args: &[&str], stdin: &str) -> Run {
    vilfredo_bytes(args, stdin.as_bytes())
}

/// Writes `content` to a file unique to this test and returns its path.
fn file(name: &str, content: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("vilfredo-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

fn numbers(text: &str) -> Vec<f64> {
    text.lines().map(|l| l.parse::<f64>().unwrap()).collect()
}

/// Three points on a staircase with a 2-D hypervolume of 6 against (4, 4).
const STAIRS: &str = "1,3\n2,2\n3,1\n";

// --- rank and pareto --------------------------------------------------------------------

#[test]
fn rank_known_answer_with_duplicates() {
    let input = "1 2\n2 1\n1.5 1.5\n2 2\n1 2\n3 3\n2.5 2.5\n";
    assert_eq!(vilfredo(&["rank"], input).ok(), "0\n0\n0\n1\n0\n3\n2\n");
}

#[test]
fn rank_reads_stdin_dash_and_files_alike() {
    let path = file("rank.csv", "# objectives f1,f2\n\n3,1\n1,3\n4,4\n\n");
    let from_file = vilfredo(&["rank", path.to_str().unwrap()], "");
    let from_dash = vilfredo(&["rank", "-"], &std::fs::read_to_string(&path).unwrap());
    let from_stdin = vilfredo(&["rank"], &std::fs::read_to_string(&path).unwrap());
    assert_eq!(from_file.ok(), "0\n0\n1\n");
    assert_eq!(from_dash.ok(), "0\n0\n1\n");
    assert_eq!(from_stdin.ok(), "0\n0\n1\n");
}

#[test]
fn rank_maximize_flips_objectives() {
    let input = "1 1\n2 2\n1 2\n";
    assert_eq!(
        vilfredo(&["rank", "--maximize", "all"], input).ok(),
        "2\n0\n1\n"
    );
    assert_eq!(
        vilfredo(&["rank", "--maximize", "2"], input).ok(),
        "1\n1\n0\n"
    );
    assert_eq!(vilfredo(&["rank"], input).ok(), "0\n2\n1\n");
}

#[test]
fn pareto_prints_rows_as_read_or_indices() {
    let input = "# f1 f2\n1.50 2\n2 1\n3e0 3\n1.5,2.0\n0.30000000000000004 9\n";
    assert_eq!(
        vilfredo(&["pareto"], input).ok(),
        "1.5,2\n2,1\n1.5,2\n0.30000000000000004,9\n"
    );
    assert_eq!(
        vilfredo(&["pareto", "--indices"], input).ok(),
        "0\n1\n3\n4\n"
    );
}

#[test]
fn pareto_with_maximize_keeps_the_user_orientation() {
    let input = "1,5\n2,4\n0,0\n-1,6\n";
    assert_eq!(
        vilfredo(&["pareto", "--maximize", "1,2"], input).ok(),
        "1,5\n2,4\n-1,6\n"
    );
    assert_eq!(
        vilfredo(&["pareto", "--maximize", "2"], input).ok(),
        "-1,6\n"
    );
}

#[test]
fn maximize_column_out_of_range_is_a_usage_error() {
    vilfredo(&["rank", "--maximize", "3"], "1 2\n").fails(2, &["column 3", "2 objectives"]);
    let r = vilfredo(&["rank", "--maximize", "0"], "1 2\n");
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.starts_with("vilfredo: error:"), "{r:?}");
}

// --- empty input ------------------------------------------------------------------------

#[test]
fn empty_input_is_valid() {
    for input in ["", "\n\n", "# nothing here\n"] {
        assert_eq!(vilfredo(&["hv", "--ref", "1,1"], input).ok(), "0\n");
        assert_eq!(
            vilfredo(&["hv", "--ref", "1,1", "--approx", "10"], input).ok(),
            "0,0,0\n"
        );
        for args in [
            &["rank"][..],
            &["pareto"],
            &["pareto", "--indices"],
            &["hvc", "--ref", "1,1"],
            &["crowding"],
        ] {
            assert_eq!(vilfredo(args, input).ok(), "", "{args:?}");
        }
    }
    let front = file("empty-input-front.txt", "0 1\n1 0\n");
    assert_eq!(
        vilfredo(
            &["indicator", "igd", "--front", front.to_str().unwrap()],
            ""
        )
        .ok(),
        ""
    );
}

// --- hv and hvc -------------------------------------------------------------------------

#[test]
fn hv_staircase() {
    assert_eq!(vilfredo(&["hv", "--ref", "4,4"], STAIRS).ok(), "6\n");
    // Dominated points, duplicates and points beyond the reference add nothing.
    let noisy = format!("{STAIRS}3,3\n2,2\n5,0\n0,4\n");
    assert_eq!(vilfredo(&["hv", "--ref", "4,4"], &noisy).ok(), "6\n");
    // Whitespace-separated reference point and data, a file argument.
    let path = file("stairs.txt", "1 3\n2 2\n3 1\n");
    assert_eq!(
        vilfredo(&["hv", "--ref", "4 4", path.to_str().unwrap()], "").ok(),
        "6\n"
    );
    assert_eq!(
        vilfredo(
            &["hv", "--ref", "0.5,0.5"],
            "0 1\n0.5 0.5\n1 0\n0.25 0.25\n"
        )
        .ok(),
        "0.0625\n"
    );
}

#[test]
fn hv_accepts_negative_reference_points() {
    assert_eq!(vilfredo(&["hv", "--ref", "-1,-1"], "-3,-3\n").ok(), "4\n");
    assert_eq!(vilfredo(&["hv", "--ref=-1,-1"], "-3,-3\n").ok(), "4\n");
}

#[test]
fn hv_maximize_takes_the_reference_in_the_users_orientation() {
    let mirrored = "3,1\n2,2\n1,3\n";
    assert_eq!(
        vilfredo(&["hv", "--maximize", "all", "--ref", "0,0"], mirrored).ok(),
        "6\n"
    );
    // Maximise only the second objective: boxes [1,4]×[0,3] and [3,4]×[0,4] overlap in 3.
    assert_eq!(
        vilfredo(&["hv", "--maximize", "2", "--ref", "4,0"], "1,3\n3,4\n").ok(),
        "10\n"
    );
}

#[test]
fn hv_approx_prints_estimate_and_interval() {
    let args = ["hv", "--ref", "4,4", "--approx", "100000", "--seed", "3"];
    let first = vilfredo(&args, STAIRS);
    let out = first.ok();
    let values: Vec<f64> = out.trim().split(',').map(|v| v.parse().unwrap()).collect();
    assert_eq!(values.len(), 3, "{out}");
    let (estimate, lower, upper) = (values[0], values[1], values[2]);
    assert!(lower <= estimate && estimate <= upper, "{out}");
    assert!((estimate - 6.0).abs() < 0.2, "{out}");
    // The same seed gives the same answer.
    assert_eq!(vilfredo(&args, STAIRS).ok(), out);
}

#[test]
fn hv_approx_options_need_approx() {
    let r = vilfredo(&["hv", "--ref", "4,4", "--seed", "3"], STAIRS);
    assert_eq!(r.code, 2, "{r:?}");
    let r = vilfredo(
        &[
            "hv",
            "--ref",
            "4,4",
            "--approx",
            "10",
            "--confidence",
            "1.5",
        ],
        STAIRS,
    );
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("confidence"), "{r:?}");
    let r = vilfredo(&["hv", "--ref", "4,4", "--approx", "0"], STAIRS);
    assert_eq!(r.code, 2, "{r:?}");
}

#[test]
fn hvc_staircase_in_input_order() {
    assert_eq!(vilfredo(&["hvc", "--ref", "4,4"], STAIRS).ok(), "1\n1\n1\n");
    // A duplicated point contributes nothing, nor does a point beyond the reference.
    assert_eq!(
        vilfredo(&["hvc", "--ref", "4,4"], "1,3\n2,2\n3,1\n2,2\n5,0\n").ok(),
        "1\n0\n1\n0\n0\n"
    );
}

#[test]
fn hvc_ignore_dominated() {
    let input = "1,3\n2,2\n3,1\n2.5,2.5\n";
    // The dominated point (2.5, 2.5) shares a 0.5 × 0.5 square with (2, 2).
    assert_eq!(
        vilfredo(&["hvc", "--ref", "4,4"], input).ok(),
        "1\n0.75\n1\n0\n"
    );
    assert_eq!(
        vilfredo(&["hvc", "--ref", "4,4", "--ignore-dominated"], input).ok(),
        "1\n1\n1\n0\n"
    );
}

#[test]
fn wrong_reference_length_is_a_usage_error() {
    vilfredo(&["hv", "--ref", "1,1,1"], STAIRS).fails(2, &["--ref has 3 values", "2 objectives"]);
    vilfredo(&["hvc", "--ref", "1"], STAIRS).fails(2, &["--ref has 1 values"]);
}

#[test]
fn malformed_reference_is_a_usage_error() {
    for bad in ["1,x", "1,nan", "inf,1", "", ",", "1,,"] {
        let r = vilfredo(&["hv", "--ref", bad], STAIRS);
        assert_eq!(r.code, 2, "{bad:?}: {r:?}");
        assert!(r.stderr.starts_with("vilfredo: error:"), "{r:?}");
        assert!(r.stderr.contains("--ref"), "{r:?}");
    }
    let r = vilfredo(&["hv"], STAIRS);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("--ref"), "{r:?}");
}

// --- crowding ---------------------------------------------------------------------------

#[test]
fn crowding_known_answer() {
    // pymoo's normalisation: the mean over objectives of (next - prev) / (max - min).
    assert_eq!(vilfredo(&["crowding"], STAIRS).ok(), "inf\n1\ninf\n");
    assert_eq!(
        vilfredo(&["crowding"], "0 4\n1 2\n3 1\n4 0\n").ok(),
        "inf\n0.75\n0.625\ninf\n"
    );
    assert_eq!(
        vilfredo(&["crowding", "--maximize", "all"], "0 4\n1 2\n3 1\n4 0\n").ok(),
        "inf\n0.75\n0.625\ninf\n"
    );
}

// --- indicators -------------------------------------------------------------------------

fn indicator(which: &str, front: &str, points: &str, extra: &[&str]) -> Run {
    let path = file(&format!("front-{which}-{}.txt", extra.len()), front);
    let mut args = vec!["indicator", which, "--front", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    vilfredo(&args, points)
}

#[test]
fn indicators_known_answers() {
    let front = "0 1\n1 0\n";
    let points = "1 0.5\n";
    let value = |which: &str| numbers(indicator(which, front, points, &[]).ok())[0];
    let igd = (1.25f64.sqrt() + 0.5) / 2.0;
    assert!((value("igd") - igd).abs() < 1e-12);
    assert_eq!(value("gd"), 0.5);
    assert_eq!(value("igd-plus"), 0.75);
    assert_eq!(value("gd-plus"), 0.5);
    assert_eq!(value("eps-add"), 1.0);
    assert_eq!(
        numbers(indicator("eps-mult", "1 2\n2 1\n", "2 1\n", &[]).ok()),
        [2.0]
    );
}

#[test]
fn eps_mult_maximize_compares_reciprocals() {
    let r = indicator(
        "eps-mult",
        "1 0.5\n0.5 1\n",
        "0.5 1\n",
        &["--maximize", "all"],
    );
    assert_eq!(numbers(r.ok()), [2.0]);
    indicator("eps-mult", "1 2\n2 1\n", "2 0\n", &[]).fails(1, &["line 1, column 2", "positive"]);
}

#[test]
fn indicator_input_errors() {
    indicator("igd", "0 1 2\n", "1 1\n", &[]).fails(1, &["3", "2 objectives"]);
    indicator("igd", "# empty\n", "1 1\n", &[]).fails(1, &["empty"]);
    vilfredo(&["indicator", "igd", "--front", "-"], "1 1\n").fails(2, &["standard input"]);
    let r = vilfredo(&["indicator", "hv", "--front", "x"], "1 1\n");
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("possible values"), "{r:?}");
    let r = vilfredo(&["indicator", "igd"], "1 1\n");
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("--front"), "{r:?}");
    vilfredo(
        &["indicator", "igd", "--front", "/no/such/front.csv"],
        "1 1\n",
    )
    .fails(1, &["/no/such/front.csv"]);
    indicator("gd", "0 1\n1 nan\n", "1 1\n", &[]).fails(1, &["line 2, column 2", "finite"]);
}

// --- bad input --------------------------------------------------------------------------

#[test]
fn bad_values_name_file_line_and_column() {
    let path = file("bad.csv", "# header\n1,2\n3,nan\n");
    let name = path.to_str().unwrap();
    vilfredo(&["rank", name], "").fails(1, &[name, "line 3, column 2", "finite"]);
    vilfredo(&["rank"], "1 2\ninf 3\n").fails(1, &["<stdin>", "line 2, column 1", "finite"]);
    vilfredo(&["rank"], "1 2\n3 -inf\n").fails(1, &["line 2, column 2"]);
    vilfredo(&["rank"], "1 2\n3 1e999\n").fails(1, &["line 2, column 2"]);
    vilfredo(&["pareto"], "1 2\n3 4x\n").fails(1, &["line 2, column 2", "\"4x\" is not a number"]);
    vilfredo(&["hv", "--ref", "1,1"], "1,,2\n").fails(1, &["line 1, column 2", "empty value"]);
}

#[test]
fn ragged_rows_are_refused() {
    vilfredo(&["rank"], "1 2 3\n4 5 6\n7 8\n")
        .fails(1, &["line 3, column 3", "found 2 values, expected 3"]);
    vilfredo(&["crowding"], "1 2\n4 5 6\n").fails(1, &["line 2, column 3"]);
}

#[test]
fn blank_line_between_rows_is_refused() {
    vilfredo(&["rank"], "1 2\n3 4\n\n5 6\n").fails(1, &["line 3", "blank line"]);
    // At the edges it is fine, and so is a comment between rows.
    assert_eq!(
        vilfredo(&["rank"], "\n\n1 2\n# sep\n3 4\n\n\n").ok(),
        "0\n1\n"
    );
}

#[test]
fn header_line_gets_a_hint() {
    vilfredo(&["rank"], "f1,f2\n1,2\n").fails(1, &["line 1, column 1", "header"]);
}

#[test]
fn invalid_utf8_is_refused() {
    vilfredo_bytes(&["rank"], b"1 2\n\xff\xfe 3\n").fails(1, &["line 2", "UTF-8"]);
}

#[test]
fn missing_or_unreadable_file_is_a_runtime_error() {
    vilfredo(&["rank", "/no/such/file.csv"], "").fails(1, &["/no/such/file.csv"]);
    let dir = env!("CARGO_TARGET_TMPDIR");
    vilfredo(&["pareto", dir], "").fails(1, &[dir]);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["rank", "--bogus"],
        &["rank", "a.csv", "b.csv"],
        &["pareto", "--indices=3"],
        &["hv", "--ref"],
    ] {
        let r = vilfredo(args, "1 2\n");
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert!(r.stderr.starts_with("vilfredo: error:"), "{args:?}: {r:?}");
        assert!(r.stdout.is_empty(), "{r:?}");
    }
    // No command at all: the help, on stderr, as a usage error.
    let r = vilfredo(&[], "");
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("Usage:"), "{r:?}");
}

#[test]
fn help_and_version() {
    let out = vilfredo(&["--help"], "");
    assert!(out.ok().contains("Examples:"), "{out:?}");
    for command in ["hv", "hvc", "rank", "pareto", "indicator", "crowding"] {
        let r = vilfredo(&[command, "--help"], "");
        assert!(r.ok().contains("Examples:"), "{command}: {r:?}");
        assert!(
            r.stdout.contains(&format!("vilfredo {command}")),
            "{command}: {r:?}"
        );
    }
    assert!(vilfredo(&["--version"], "").ok().starts_with("vilfredo "));
}

// --- output -----------------------------------------------------------------------------

#[test]
fn output_round_trips_through_pareto() {
    let values = [
        0.1 + 0.2,
        1e-300,
        -2.5e20,
        123456789.12345679,
        f64::MAX,
        f64::MIN_POSITIVE,
        -0.0,
    ];
    let input: String = values.iter().map(|v| format!("{v:e} {}\n", -v)).collect();
    let out = vilfredo(&["pareto"], &input);
    let read: Vec<f64> = out
        .ok()
        .lines()
        .flat_map(|l| {
            l.split(',')
                .map(|v| v.parse::<f64>().unwrap())
                .collect::<Vec<_>>()
        })
        .collect();
    let written: Vec<f64> = vilfredo(&["pareto", "--indices"], &input)
        .ok()
        .lines()
        .flat_map(|l| {
            let i: usize = l.parse().unwrap();
            [values[i], -values[i]]
        })
        .collect();
    assert_eq!(read.len(), written.len());
    for (a, b) in read.iter().zip(&written) {
        assert_eq!(a.to_bits(), b.to_bits(), "{a} vs {b}");
    }
}

#[test]
fn closed_output_pipe_exits_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vilfredo"))
        .arg("pareto")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Close the reading end before the child can write: it reads all of its input
    // first, so its first write meets a closed pipe, as under `| head -0`.
    drop(child.stdout.take());
    let mut input = child.stdin.take().unwrap();
    input.write_all(b"1 2\n2 1\n").unwrap();
    drop(input);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

// --- garbage ----------------------------------------------------------------------------

/// A small deterministic generator, so the garbage is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn garbage_never_panics_and_gets_a_proper_status() {
    let mut rng = Lcg(0x5eed);
    let alphabet = b"0123456789.,eE+- \t\n\n#naifNI\r\xff";
    let mut inputs: Vec<Vec<u8>> = vec![
        b"1 2\n3".to_vec(),
        b",\n,".to_vec(),
        b"#".to_vec(),
        b"\n \n1\n".to_vec(),
        b"1e308 1e308\n-1e308 -1e308\n".to_vec(),
        b"0 0\n0 0\n0 0\n".to_vec(),
        b"-0 0\n0 -0\n".to_vec(),
        vec![0u8; 64],
    ];
    for _ in 0..24 {
        let len = (rng.next() % 48) as usize;
        let bytes = (0..len)
            .map(|_| {
                if rng.next().is_multiple_of(8) {
                    (rng.next() % 256) as u8
                } else {
                    alphabet[(rng.next() as usize) % alphabet.len()]
                }
            })
            .collect();
        inputs.push(bytes);
    }
    for input in &inputs {
        for args in [
            &["rank"][..],
            &["pareto"],
            &["hv", "--ref", "1,1"],
            &["hvc", "--ref", "2 2"],
            &["crowding"],
        ] {
            let r = vilfredo_bytes(args, input);
            assert!(
                matches!(r.code, 0..=2) && !r.stderr.contains("panicked"),
                "{args:?} on {:?}: {r:?}",
                String::from_utf8_lossy(input)
            );
            if r.code != 0 {
                assert!(r.stderr.starts_with("vilfredo: error:"), "{r:?}");
            }
        }
    }
}
