//! End-to-end tests of the `vilfredo` binary: every command on small inputs with known
//! answers, input edge cases, bad input with the right exit status and message, and
//! garbage that must never make it panic.

// The helpers below are test code too; clippy.toml's test allowances only reach `#[test]`
// functions.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

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

/// Writes `content` to a new file (named after `name`, made unique, since tests run in
/// parallel) and returns its path.
fn file(name: &str, content: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("vilfredo-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
    let path = dir.join(format!("{}-{unique}-{name}", std::process::id()));
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
    let path = file(&format!("front-{which}.txt"), front);
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

// --- agreement with moocore -------------------------------------------------------------
//
// Values below were computed with moocore 0.3.2 (`maximise=` for the flipped columns);
// CI does not call moocore, the numbers are fixed here.

const MOO_POINTS: &str = "3 1 7\n2 5 1\n4 4 4\n1 1 1\n";

#[test]
fn hv_and_hvc_with_maximize_match_moocore() {
    assert_eq!(
        vilfredo(&["hv", "--maximize", "all", "--ref", "0,0,0"], MOO_POINTS).ok(),
        "75\n"
    );
    let args = ["--maximize", "2", "--ref", "5,0,8"];
    let hv = [&["hv"][..], &args].concat();
    assert_eq!(vilfredo(&hv, MOO_POINTS).ok(), "112\n");
    let hvc = [&["hvc"][..], &args].concat();
    assert_eq!(vilfredo(&hvc, MOO_POINTS).ok(), "0\n72\n0\n7\n");
    let hvc_ignore = [&["hvc", "--ignore-dominated"][..], &args].concat();
    assert_eq!(vilfredo(&hvc_ignore, MOO_POINTS).ok(), "0\n84\n0\n7\n");
}

#[test]
fn indicators_with_maximize_match_moocore() {
    let front = "1 2 3\n5 1 1\n2 2 6\n6 6 1\n";
    let points = "3 1 7\n2 5 1\n4 4 4\n";
    // (maximize option, [eps-mult, eps-add, igd, igd-plus]) from moocore.
    let cases: [(&[&str], [f64; 4]); 3] = [
        (&[], [4.0, 3.0, 3.4889281908752885, 2.144122805635369]),
        (
            &["--maximize", "all"],
            [1.5, 2.0, 3.4889281908752885, 1.2071067811865475],
        ),
        (
            &["--maximize", "1,3"],
            [1.6666666666666667, 2.0, 3.4889281908752885, 1.0],
        ),
    ];
    for (extra, expected) in cases {
        for (which, want) in ["eps-mult", "eps-add", "igd", "igd-plus"]
            .iter()
            .zip(expected)
        {
            let got = numbers(indicator(which, front, points, extra).ok())[0];
            // eps-mult compares maximised objectives through reciprocals: equal up to rounding.
            assert!(
                (got - want).abs() <= 4.0 * f64::EPSILON * want.abs(),
                "{which} {extra:?}: {got} vs moocore {want}"
            );
        }
    }
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
        // Garbage as the reference front, and as the points against a sane front.
        let garbage_front = file("garbage-front.txt", &String::from_utf8_lossy(input));
        let sane_front = file("sane-front.txt", "1 2\n2 1\n");
        for (front, points) in [
            (&garbage_front, &b"0.5 3\n3 0.5\n"[..]),
            (&sane_front, &input[..]),
        ] {
            for which in ["igd", "eps-mult"] {
                let args = ["indicator", which, "--front", front.to_str().unwrap()];
                let r = vilfredo_bytes(&args, points);
                assert!(
                    matches!(r.code, 0..=2) && !r.stderr.contains("panicked"),
                    "{args:?} on {:?}: {r:?}",
                    String::from_utf8_lossy(input)
                );
            }
        }
    }
}

// --- problems ---------------------------------------------------------------------------

#[test]
fn problems_lists_every_problem_with_its_parameters() {
    let listed = vilfredo(&["problems"], "");
    let text = listed.ok();
    for name in ["zdt1", "zdt5", "dtlz2", "dtlz7", "wfg1", "wfg9"] {
        assert!(text.lines().any(|l| l.starts_with(name)), "{name}: {text}");
    }
    for param in ["n_var=", "n_obj=", "k=", "l=", "alpha="] {
        assert!(text.contains(&format!("--param {param}")), "{param}");
    }
    assert_eq!(vilfredo(&["problems", "list"], "").ok(), text);
}

#[test]
fn problems_show_gives_sizes_bounds_and_front() {
    let zdt1 = vilfredo(&["problems", "show", "zdt1", "--param", "n_var=5"], "");
    let text = zdt1.ok();
    for line in [
        "name: zdt1",
        "n_var: 5",
        "n_obj: 2",
        "n_constr: 0",
        "bounds: [0, 1] for every variable",
        "variables: real",
        "pareto_front: known",
    ] {
        assert!(text.lines().any(|l| l == line), "{line}: {text}");
    }
    let dtlz2 = vilfredo(&["problems", "show", "DTLZ2", "--param", "n_obj=4"], "");
    assert!(dtlz2.ok().contains("n_obj: 4\n"), "{dtlz2:?}");
    let wfg3 = vilfredo(&["problems", "show", "wfg3", "--param", "n_obj=3"], "");
    let text = wfg3.ok();
    assert!(text.contains("pareto_front: not known"), "{text}");
    assert!(text.contains("upper: 2,4,6,"), "{text}");
}

#[test]
fn problems_eval_zdt1_matches_hand_computed_values() {
    // n_var = 3: g = 1 + 9/2 (x2 + x3), f1 = x1, f2 = g (1 - sqrt(f1 / g)).
    let out = vilfredo(
        &["problems", "eval", "zdt1", "--param", "n_var=3"],
        "0 0 0\n1,0,0\n# comment\n0.25 0.5 0.5\n",
    );
    let rows: Vec<Vec<f64>> = out
        .ok()
        .lines()
        .map(|l| l.split(',').map(|v| v.parse().unwrap()).collect())
        .collect();
    let expected = [[0.0, 1.0], [1.0, 0.0], [0.25, 5.5 - (0.25f64 * 5.5).sqrt()]];
    assert_eq!(rows.len(), 3);
    for (row, want) in rows.iter().zip(expected) {
        assert_eq!(row.len(), 2);
        for (a, b) in row.iter().zip(want) {
            assert!((a - b).abs() <= 1e-12, "{row:?} vs {want:?}");
        }
    }
    // From a file too, and empty input is an empty answer.
    let path = file("x.csv", "0 0 0\n");
    assert_eq!(
        vilfredo(
            &[
                "problems",
                "eval",
                "zdt1",
                "--param",
                "n_var=3",
                path.to_str().unwrap()
            ],
            ""
        )
        .ok(),
        "0,1\n"
    );
    assert_eq!(
        vilfredo(&["problems", "eval", "zdt1", "--param", "n_var=3"], "").ok(),
        ""
    );
}

#[test]
fn problems_eval_refuses_vectors_that_do_not_fit() {
    vilfredo(&["problems", "eval", "zdt1", "--param", "n_var=3"], "0 0\n")
        .fails(2, &["2 values", "n_var = 3"]);
    vilfredo(
        &["problems", "eval", "zdt1", "--param", "n_var=3"],
        "0 0 0\n0 1.5 0\n",
    )
    .fails(1, &["<stdin>: line 2, column 2", "1.5", "[0, 1]"]);
    vilfredo(&["problems", "eval", "zdt1", "--param", "n_var=2"], "0 x\n")
        .fails(1, &["line 1, column 2"]);
}

#[test]
fn problems_front_points_lie_on_the_front() {
    let out = vilfredo(
        &[
            "problems", "front", "dtlz2", "--param", "n_obj=3", "-n", "50",
        ],
        "",
    );
    let text = out.ok();
    let mut n = 0;
    for line in text.lines() {
        let f: Vec<f64> = line.split(',').map(|v| v.parse().unwrap()).collect();
        assert_eq!(f.len(), 3);
        let norm: f64 = f.iter().map(|v| v * v).sum();
        assert!((norm - 1.0).abs() < 1e-12, "{line}");
        n += 1;
    }
    assert!((30..=50).contains(&n), "{n}");
    let zdt1 = vilfredo(&["problems", "front", "zdt1", "-n", "11"], "");
    let lines: Vec<&str> = zdt1.ok().lines().collect();
    assert_eq!(lines.len(), 11);
    for line in lines {
        let f: Vec<f64> = line.split(',').map(|v| v.parse().unwrap()).collect();
        assert!((f[1] - (1.0 - f[0].sqrt())).abs() < 1e-12, "{line}");
    }
    // The front is non-dominated: every rank is 0.
    let ranks = vilfredo(&["rank"], zdt1.ok());
    assert!(ranks.ok().lines().all(|r| r == "0"));
}

#[test]
fn problems_show_and_eval_constrained_problems() {
    let mw3 = vilfredo(&["problems", "show", "mw3"], "");
    assert!(mw3.ok().contains("n_constr: 2\n"), "{mw3:?}");
    let re36 = vilfredo(&["problems", "show", "re36"], "");
    assert!(re36.ok().contains("variables: integer\n"), "{re36:?}");
    let re35 = vilfredo(&["problems", "show", "re35"], "");
    assert!(re35.ok().contains("variables: real, integer\n"), "{re35:?}");
    let all = vilfredo(&["problems", "list"], "");
    let listed = all.ok();
    for name in [
        "c2dtlz2",
        "mw14",
        "bnh",
        "welded_beam",
        "carside",
        "re21",
        "re91",
    ] {
        assert!(listed.lines().any(|l| l.starts_with(name)), "{name}");
    }
    // BNH at (1, 1): f = (8, 32), g = ((16 + 1 − 25)/25, −(49 + 16 − 7.7)/7.7): objectives
    // then constraints on one line.
    let bnh = vilfredo(&["problems", "eval", "bnh"], "1 1\n");
    let out = bnh.ok();
    let row: Vec<f64> = out.trim().split(',').map(|v| v.parse().unwrap()).collect();
    let want = [8.0, 32.0, -0.32, -57.3 / 7.7];
    assert_eq!(row.len(), 4, "{out}");
    for (a, b) in row.iter().zip(want) {
        assert!((a - b).abs() <= 1e-12, "{row:?}");
    }
    vilfredo(&["problems", "front", "carside"], "").fails(2, &["carside", "not available"]);
}

#[test]
fn problems_errors_are_usage_errors_listing_what_is_valid() {
    vilfredo(&["problems", "show", "zdt9"], "").fails(2, &["zdt9", "zdt1", "dtlz2", "wfg9"]);
    vilfredo(&["problems", "show", "zdt1", "--param", "n_obj=3"], "")
        .fails(2, &["n_obj", "valid parameters: n_var"]);
    vilfredo(&["problems", "front", "nope", "-n", "3"], "").fails(2, &["nope", "zdt1"]);
    vilfredo(&["problems", "eval", "dtlz2", "--param", "alpha=2"], "")
        .fails(2, &["alpha", "n_obj"]);
    vilfredo(&["problems", "show", "zdt1", "--param", "n_var"], "").fails(2, &["NAME=VALUE"]);
    vilfredo(&["problems", "show", "zdt1", "--param", "n_var=1"], "").fails(2, &["n_var"]);
    vilfredo(&["problems", "front", "wfg3", "--param", "n_obj=3"], "").fails(2, &["not known"]);
    vilfredo(&["problems", "front", "zdt1", "-n", "0"], "").fails(2, &["--points"]);
}

// --- optimize ---------------------------------------------------------------------------

const SMALL_RUN: &[&str] = &[
    "optimize",
    "--problem",
    "zdt1",
    "--algorithm",
    "nsga2",
    "--pop-size",
    "20",
    "--n-gen",
    "30",
    "--seed",
    "3",
];

fn small_run(extra: &[&str]) -> Run {
    let args: Vec<&str> = SMALL_RUN.iter().chain(extra).copied().collect();
    vilfredo(&args, "")
}

#[test]
fn optimize_is_deterministic_and_prints_a_non_dominated_front() {
    let first = small_run(&[]);
    let second = small_run(&[]);
    assert_eq!(first.code, 0, "{first:?}");
    assert_eq!(first.stdout, second.stdout);
    assert_eq!(first.stderr, second.stderr);
    let threaded = small_run(&["--threads", "2"]);
    assert_eq!(first.stdout, threaded.stdout, "threads change the result");

    let rows: Vec<Vec<f64>> = first
        .stdout
        .lines()
        .map(|l| l.split(',').map(|v| v.parse().unwrap()).collect())
        .collect();
    assert!(!rows.is_empty() && rows.len() <= 20, "{first:?}");
    assert!(rows.iter().all(|r| r.len() == 2));
    assert!(rows.windows(2).all(|w| w[0] <= w[1]), "rows are sorted");
    let ranks = vilfredo(&["rank"], &first.stdout);
    assert!(ranks.ok().lines().all(|r| r == "0"), "{ranks:?}");

    // The summary: 30 generations of 20, the front size, HV and IGD+.
    let summary = &first.stderr;
    assert!(summary.contains("600 evaluations"), "{summary}");
    assert!(
        summary.contains(&format!("front: {} points", rows.len())),
        "{summary}"
    );
    assert!(summary.contains("reference 1.1,1.1"), "{summary}");
    assert!(summary.contains("IGD+"), "{summary}");
    // The reported hypervolume is the hv command's answer on the printed front.
    let hv = vilfredo(&["hv", "--ref", "1.1,1.1"], &first.stdout);
    assert!(
        summary.contains(&format!("hypervolume: {} ", hv.ok().trim())),
        "{summary}"
    );

    // Another seed, another front.
    let other = vilfredo(
        &[
            "optimize",
            "--problem",
            "zdt1",
            "--algorithm",
            "nsga2",
            "--pop-size",
            "20",
            "--n-gen",
            "30",
            "--seed",
            "4",
            "-q",
        ],
        "",
    );
    assert_ne!(other.ok(), first.stdout);
}

#[test]
fn optimize_nsga3_and_moead_are_deterministic_for_any_thread_count() {
    for (algorithm, max_rows) in [("nsga3", 16), ("moead", 15)] {
        let run = |extra: &[&str]| {
            let mut args = vec![
                "optimize",
                "--problem",
                "dtlz2",
                "--param",
                "n_obj=3",
                "--algorithm",
                algorithm,
                "--partitions",
                "4",
                "--n-gen",
                "20",
                "--seed",
                "3",
                "-q",
            ];
            args.extend_from_slice(extra);
            vilfredo(&args, "")
        };
        let first = run(&[]);
        let out = first.ok();
        assert_eq!(run(&["--threads", "3"]).ok(), out, "{algorithm}");
        let rows: Vec<&str> = out.lines().collect();
        assert!(
            !rows.is_empty() && rows.len() <= max_rows,
            "{algorithm}: {out}"
        );
        assert!(rows.iter().all(|r| r.split(',').count() == 3));
        let ranks = vilfredo(&["rank"], out);
        assert!(ranks.ok().lines().all(|r| r == "0"), "{algorithm}");
    }
    // 16 directions of 4 divisions: NSGA-III's population is 16, 20 generations.
    let summary = vilfredo(
        &[
            "optimize",
            "--problem",
            "dtlz2",
            "--param",
            "n_obj=3",
            "--algorithm",
            "nsga3",
            "--partitions",
            "4",
            "--n-gen",
            "20",
        ],
        "",
    );
    assert!(summary.stderr.contains("320 evaluations"), "{summary:?}");
}

#[test]
fn optimize_writes_output_and_a_well_formed_svg() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("vilfredo-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let id = std::process::id();
    let csv = dir.join(format!("{id}-front.csv"));
    let svg = dir.join(format!("{id}-front.svg"));
    let plain = small_run(&[]);
    let run = small_run(&[
        "--output",
        csv.to_str().unwrap(),
        "--plot",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.is_empty(), "--output replaces standard output");
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), plain.stdout);
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(picture.starts_with("<svg"), "{picture}");
    assert!(picture.trim_end().ends_with("</svg>"));
    let n_front = plain.stdout.lines().count();
    // The found points, the grey true front underneath, two legend dots.
    assert!(
        picture.matches("<circle").count() >= n_front + 1000,
        "too few circles"
    );
    assert_eq!(picture.matches("<svg").count(), 1);
    assert!(picture.contains(">f1</text>") && picture.contains(">f2</text>"));
    // Same inputs, same bytes.
    small_run(&["--plot", svg.to_str().unwrap(), "-q"]);
    assert_eq!(std::fs::read_to_string(&svg).unwrap(), picture);

    // Three objectives: a scatter matrix with every objective named.
    let run = vilfredo(
        &[
            "optimize",
            "--problem",
            "dtlz2",
            "--param",
            "n_obj=3",
            "--algorithm",
            "nsga2",
            "--pop-size",
            "12",
            "--n-eval",
            "60",
            "-q",
            "--plot",
            svg.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(picture.contains(">f3</text>"));
    assert!(picture.matches("<circle").count() >= 6 * run.stdout.lines().count());
}

#[test]
fn optimize_without_a_known_front_uses_its_own_nadir() {
    let run = vilfredo(
        &[
            "optimize",
            "--problem",
            "wfg3",
            "--param",
            "n_obj=3",
            "--algorithm",
            "nsga2",
            "--pop-size",
            "8",
            "--n-gen",
            "2",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("front's nadir + 10% of its range"),
        "{run:?}"
    );
    assert!(run.stderr.contains("true front not known"), "{run:?}");
    let given = small_run(&["--ref", "2,2"]);
    assert!(given.stderr.contains("reference 2,2: --ref"), "{given:?}");
}

#[test]
fn optimize_bad_flags_exit_2() {
    let base = ["optimize", "--problem", "zdt1", "--algorithm"];
    let with = |extra: &[&str]| -> Vec<String> {
        base.iter().chain(extra).map(|s| (*s).to_owned()).collect()
    };
    for (args, needle) in [
        (with(&["nsga4"]), "valid algorithms: nsga2"),
        (
            with(&["nsga2", "--partitions", "4"]),
            "--partitions applies",
        ),
        (with(&["nsga3", "--partitions", "0"]), "partitions"),
        (
            with(&["moead", "--operator", "true"]),
            "--operator works with",
        ),
        (
            with(&["nsga2", "--n-gen", "3", "--n-eval", "50"]),
            "cannot be used with",
        ),
        (with(&["nsga2", "--pop-size", "1"]), "pop-size"),
        (with(&["nsga2", "--ref", "1,1,1"]), "--ref has 3 values"),
        (with(&["nsga2", "--param", "n_obj=2"]), "valid parameters"),
        (with(&["nsga2", "--threads", "0"]), "threads"),
        (with(&["nsga2", "--n-gen", "x"]), "n-gen"),
        (
            vec!["optimize".into(), "--algorithm".into(), "nsga2".into()],
            "--problem",
        ),
        (
            vec![
                "optimize".into(),
                "--problem".into(),
                "zdt42".into(),
                "--algorithm".into(),
                "nsga2".into(),
            ],
            "known problems",
        ),
    ] {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = vilfredo(&args, "");
        assert_eq!(r.code, 2, "{args:?}: {r:?}");
        assert!(r.stdout.is_empty(), "{args:?}: {r:?}");
        assert!(r.stderr.starts_with("vilfredo: error:"), "{args:?}: {r:?}");
        assert!(r.stderr.contains(needle), "{needle}: {args:?}: {r:?}");
    }
}

#[test]
fn problems_and_optimize_have_help_with_examples() {
    for command in [
        &["problems"][..],
        &["problems", "eval"],
        &["problems", "front"],
        &["optimize"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let r = vilfredo(&args, "");
        assert!(r.ok().contains("Examples:"), "{command:?}: {r:?}");
    }
}

#[test]
fn optimize_into_a_closed_pipe_still_writes_the_plot_and_summary() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("vilfredo-cli-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let svg = dir.join(format!("{}-closed-pipe.svg", std::process::id()));
    let _ = std::fs::remove_file(&svg);
    let mut child = Command::new(env!("CARGO_BIN_EXE_vilfredo"))
        .args(SMALL_RUN)
        .args(["--plot", svg.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // As under `| head -0`: the reader is gone before anything is written.
    drop(child.stdout.take());
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("hypervolume:"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
}

// --- optimize: SMS-EMOA, SPEA2, R-NSGA-II ------------------------------------------------

fn optimize_with(algorithm: &str, extra: &[&str]) -> Run {
    let mut args = vec![
        "optimize",
        "--problem",
        "zdt1",
        "--param",
        "n_var=8",
        "--algorithm",
        algorithm,
        "--pop-size",
        "16",
        "--n-eval",
        "480",
        "--seed",
        "5",
    ];
    args.extend_from_slice(extra);
    vilfredo(&args, "")
}

#[test]
fn optimize_runs_the_other_algorithms_deterministically() {
    for (algorithm, extra) in [
        (
            "sms-emoa",
            &["--n-offspring", "4", "--ref-offset", "0.5"][..],
        ),
        ("spea2", &["--archive-size", "10"][..]),
        ("spea2", &["--archive-size", "10", "--normalize"][..]),
        (
            "rnsga2",
            &["--ref-points", "0.2,0.5;0.7,0.1", "--epsilon", "0.01"][..],
        ),
    ] {
        let first = optimize_with(algorithm, extra);
        assert_eq!(first.code, 0, "{algorithm}: {first:?}");
        assert_eq!(
            first.stdout,
            optimize_with(algorithm, extra).stdout,
            "{algorithm}"
        );
        let threaded = optimize_with(algorithm, &[extra, &["--threads", "2"][..]].concat());
        assert_eq!(
            first.stdout, threaded.stdout,
            "{algorithm}: threads change the result"
        );
        assert!(
            first.stderr.contains("480 evaluations"),
            "{algorithm}: {}",
            first.stderr
        );
        let ranks = vilfredo(&["rank"], &first.stdout);
        assert!(
            ranks.ok().lines().all(|r| r == "0"),
            "{algorithm}: {ranks:?}"
        );
    }
}

#[test]
fn optimize_spea2_normalize_changes_the_run_and_belongs_to_spea2() {
    let plain = optimize_with("spea2", &["--archive-size", "10"]);
    let norm = optimize_with("spea2", &["--archive-size", "10", "--normalize"]);
    assert_eq!(norm.code, 0, "{norm:?}");
    assert_ne!(plain.stdout, norm.stdout);
    let wrong = optimize_with("sms-emoa", &["--normalize"]);
    assert_eq!(wrong.code, 2, "{wrong:?}");
    assert!(
        wrong
            .stderr
            .contains("--normalize is an option of --algorithm spea2"),
        "{}",
        wrong.stderr
    );
}

#[test]
fn optimize_gives_sms_emoa_the_evaluations_of_the_default_generations() {
    let run = vilfredo(
        &[
            "optimize",
            "--problem",
            "zdt1",
            "--param",
            "n_var=4",
            "--algorithm",
            "sms-emoa",
            "--pop-size",
            "4",
            "--n-offspring",
            "2",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr.contains("1000 evaluations, 499 generations"),
        "{}",
        run.stderr
    );
}

#[test]
fn optimize_refuses_misplaced_or_bad_algorithm_options() {
    optimize_with("rnsga2", &[]).fails(2, &["--ref-points"]);
    optimize_with("rnsga2", &["--ref-points", "0.2,0.5,0.1"])
        .fails(2, &["3 values", "2 objectives"]);
    optimize_with("nsga2", &["--epsilon", "0.1"]).fails(2, &["--epsilon", "rnsga2"]);
    optimize_with("spea2", &["--n-offspring", "2"]).fails(2, &["--n-offspring", "sms-emoa"]);
    optimize_with("sms-emoa", &["--ref-offset", "-1"]).fails(2, &["ref_offset"]);
    optimize_with("rnsga2", &["--ref-points", "0.2,0.5", "--epsilon", "-1"]).fails(2, &["ε"]);
    optimize_with("moead-x", &[]).fails(2, &["sms-emoa, spea2, rnsga2"]);
}
