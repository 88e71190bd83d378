//! End-to-end tests of studies from the command line: `vilfredo optimize` with a study
//! file or a command, `vilfredo study …` and `vilfredo plot`.
//!
//! The objective is `tests/data/objective.py`, run by `python3`. Tests that read a study
//! back from another process need a persistent storage: they use an SQLite file and are
//! skipped (saying so) in a build whose SQLite backend is not there.

#![allow(clippy::unwrap_used, clippy::panic, clippy::print_stderr)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success: {self:?}");
        &self.stdout
    }

    fn fails(&self, code: i32, needles: &[&str]) {
        assert_eq!(self.code, code, "wrong exit status: {self:?}");
        assert!(self.stderr.contains("vilfredo: error:"), "{self:?}");
        for n in needles {
            assert!(self.stderr.contains(n), "missing {n:?}: {self:?}");
        }
        assert!(!self.stderr.contains("panicked"), "{self:?}");
    }
}

fn vilfredo_in(dir: Option<&Path>, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vilfredo"));
    cmd.args(args)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let output = cmd.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn vilfredo(args: &[&str]) -> Run {
    vilfredo_in(None, args, &[])
}

/// A fresh directory for one test.
fn tmpdir(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("vilfredo-study-tests")
        .join(format!(
            "{}-{}-{name}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn script() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/objective.py").to_owned()
}

/// An SQLite URL in `dir`, or `None` (with a note) when this build has no SQLite backend.
fn sqlite(dir: &Path) -> Option<String> {
    let probe_url = format!("sqlite:///{}", dir.join("probe.db").display());
    let probe = run_modes(&probe_url, "good", &["--n-trials", "1", "-q"]);
    if probe.code == 0 {
        Some(format!("sqlite:///{}", dir.join("study.db").display()))
    } else {
        eprintln!(
            "skipped: no SQLite backend in this build ({})",
            probe.stderr.trim()
        );
        None
    }
}

/// `vilfredo optimize` on the test objective with `modes` (categorical) and x in [0, 1].
fn run_modes(storage: &str, modes: &str, extra: &[&str]) -> Run {
    let script = script();
    let param = format!("mode:cat:{modes}");
    let mut args = vec![
        "optimize",
        "--storage",
        storage,
        "--study-name",
        "t",
        "--direction",
        "minimize",
        "--direction",
        "minimize",
        "--param",
        &param,
        "--param",
        "x:float:0:1",
    ];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--", "python3", &script, "{mode}", "{x}"]);
    vilfredo(&args)
}

fn parse_table(stdout: &str) -> Vec<Vec<String>> {
    stdout
        .lines()
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect()
}

// --- the study file and the flags ---------------------------------------------------------

fn study_file(dir: &Path, text: &str) -> String {
    let path = dir.join("study.toml");
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

const GOOD_FILE: &str = r#"
directions = ["minimize", "minimize"]
command = ["python3", "SCRIPT", "good", "{x}"]
n_trials = 4
[params.x]
type = "float"
low = 0
high = 1
"#;

#[test]
fn study_file_mistakes_are_usage_errors_naming_the_key() {
    let dir = tmpdir("file-errors");
    let good = GOOD_FILE.replace("SCRIPT", &script());
    for (text, extra, needles) in [
        (
            good.replace("n_trials = 4", "n_trails = 4"),
            vec![],
            vec!["unknown field `n_trails`", "line 4"],
        ),
        (
            good.replace("high = 1", "high = 1\nhihg = 2"),
            vec![],
            vec!["hihg", "line 9"],
        ),
        (
            good.replace("low = 0", "low = 2"),
            vec![],
            vec!["[params.x]", "low"],
        ),
        (
            good.clone(),
            vec!["--param", "x:float:0:2"],
            vec![
                "\"x\" is defined twice with different ranges",
                "on the command line",
            ],
        ),
        (
            good.replace("\"{x}\"", "\"{y}\""),
            vec![],
            vec!["{y}", "no parameter \"y\"", "{x}"],
        ),
        (
            format!("{good}[sampler]\nname = \"tpe\"\n"),
            vec![],
            vec!["unknown sampler \"tpe\"", "random, sobol, nsga2"],
        ),
        (
            good.replace("directions = [\"minimize\", \"minimize\"]", ""),
            vec![],
            vec!["no objectives"],
        ),
        (
            good.replace("\"minimize\"]", "\"up\"]"),
            vec![],
            vec!["unknown direction \"up\""],
        ),
        (
            format!("reference_point = [1, 2, 3]\n{good}"),
            vec![],
            vec!["reference point has 3 values"],
        ),
        (
            good.replace("type = \"float\"", "type = \"real\""),
            vec![],
            vec!["unknown type \"real\""],
        ),
        (
            good.replace(
                "n_trials = 4",
                "n_trials = 4\n[params.trial_number]\ntype = \"int\"\nlow = 0\nhigh = 1",
            ),
            vec![],
            vec!["reserved"],
        ),
        (
            good.clone(),
            vec!["--pop-size", "10"],
            vec!["--pop-size belongs to the built-in problem form"],
        ),
        (
            good.clone(),
            vec!["--storage", "mysql://x"],
            vec!["unknown scheme"],
        ),
        (good.replace("n_trials = 4", ""), vec![], vec!["no budget"]),
    ] {
        let path = study_file(&dir, &text);
        let mut args = vec!["optimize", path.as_str(), "--storage", "memory"];
        if extra.contains(&"--storage") {
            args.truncate(2);
        }
        args.extend(extra.iter().copied());
        let r = vilfredo(&args);
        r.fails(2, &needles);
        assert!(r.stdout.is_empty(), "{r:?}");
    }
    // A file that does not exist, and flags that only a study takes.
    vilfredo(&["optimize", "/no/such/study.toml"]).fails(2, &["cannot read the study file"]);
    vilfredo(&[
        "optimize",
        "--problem",
        "zdt1",
        "--algorithm",
        "nsga2",
        "--n-trials",
        "3",
    ])
    .fails(2, &["--n-trials is a study option"]);
    vilfredo(&["optimize"]).fails(2, &["--problem", "study file"]);
}

#[test]
fn a_study_file_runs_and_prints_its_front() {
    let dir = tmpdir("file-runs");
    let path = study_file(&dir, &GOOD_FILE.replace("SCRIPT", &script()));
    let r = vilfredo(&["optimize", &path, "--storage", "memory"]);
    let table = parse_table(r.ok());
    assert_eq!(table[0], ["trial", "f1", "f2", "x"]);
    // good prints [x, 1 - x]: every trial is on the front.
    assert_eq!(table.len(), 1 + 4, "{r:?}");
    for row in &table[1..] {
        let (f1, f2, x): (f64, f64, f64) = (
            row[1].parse().unwrap(),
            row[2].parse().unwrap(),
            row[3].parse().unwrap(),
        );
        assert_eq!(f1, x);
        assert_eq!(f2, 1.0 - x);
    }
    assert!(
        r.stderr
            .contains("4 finished trials (4 complete), 4 run now"),
        "{r:?}"
    );
    // Not a terminal: no progress line, no escape codes.
    assert!(
        !r.stderr.contains('\r') && !r.stderr.contains('\x1b'),
        "{r:?}"
    );
}

#[test]
fn every_sampler_runs_a_study() {
    let dir = tmpdir("samplers");
    let base = GOOD_FILE
        .replace("SCRIPT", &script())
        .replace("n_trials = 4", "n_trials = 12");
    for sampler in [
        "name = \"random\"",
        "name = \"sobol\"\nscramble = false",
        "name = \"nsga2\"\npopulation_size = 4",
        "name = \"nsga3\"\npopulation_size = 4\ncrossover_prob = 1.0",
    ] {
        let path = study_file(&dir, &format!("{base}[sampler]\n{sampler}\nseed = 3\n"));
        let r = vilfredo(&["optimize", &path, "--storage", "memory", "--jobs", "2"]);
        assert!(r.ok().starts_with("trial"), "{sampler}: {r:?}");
        assert!(
            r.stderr.contains("12 finished trials (12 complete)"),
            "{sampler}: {r:?}"
        );
    }
}

#[test]
fn the_moead_sampler_runs_from_the_file_and_the_flag() {
    let dir = tmpdir("moead");
    let base = GOOD_FILE
        .replace("SCRIPT", &script())
        .replace("n_trials = 4", "n_trials = 30");
    let options = "name = \"moead\"\nn_partitions = 9\nn_neighbors = 4\n\
                   decomposition = \"pbi\"\npbi_theta = 5.0\nvariation = \"de\"\n\
                   prob_neighbor_mating = 0.8\nmax_replacements = 1\nseed = 3\n";
    let path = study_file(&dir, &format!("{base}[sampler]\n{options}"));
    let r = vilfredo(&["optimize", &path, "--storage", "memory", "--jobs", "2"]);
    assert!(r.ok().starts_with("trial"), "{r:?}");
    assert!(
        r.stderr.contains("30 finished trials (30 complete)"),
        "{r:?}"
    );
    // The flag names the sampler; its defaults need no table.
    let plain = study_file(&dir, &base);
    let r = vilfredo(&[
        "optimize",
        &plain,
        "--storage",
        "memory",
        "--sampler",
        "moead",
    ]);
    assert!(
        r.stderr.contains("30 finished trials (30 complete)"),
        "{r:?}"
    );
    // Bad options are usage errors naming the option.
    for (table, needles) in [
        (
            "name = \"moead\"\nn_neighbors = 0\n",
            vec!["n_neighbors", "got 0"],
        ),
        (
            "name = \"moead\"\ndecomposition = \"sum\"\n",
            vec!["unknown decomposition \"sum\"", "tchebycheff, pbi"],
        ),
        ("name = \"moead\"\nvariation = \"ga\"\n", vec!["sbx, de"]),
        (
            "name = \"moead\"\npopulation_size = 10\n",
            vec!["no option \"population_size\""],
        ),
        (
            "name = \"nsga2\"\nn_neighbors = 10\n",
            vec!["nsga2", "no option \"n_neighbors\""],
        ),
    ] {
        let path = study_file(&dir, &format!("{base}[sampler]\n{table}"));
        vilfredo(&["optimize", &path, "--storage", "memory"]).fails(2, &needles);
    }
    // More neighbours than weight vectors is known once the objectives are: the run
    // fails at its first trial with the reason.
    let path = study_file(
        &dir,
        &format!("{base}[sampler]\nname = \"moead\"\nn_partitions = 4\n"),
    );
    let r = vilfredo(&["optimize", &path, "--storage", "memory"]);
    assert_ne!(r.code, 0, "{r:?}");
    assert!(r.stderr.contains("only 5 weight vectors"), "{r:?}");
    assert!(!r.stderr.contains("panicked"), "{r:?}");
}

// --- outcomes of the command ---------------------------------------------------------------

#[test]
fn failures_are_warnings_and_the_study_goes_on() {
    let r = run_modes(
        "memory",
        "good,garbage,count,nan,exit,silent",
        &["--n-trials", "24", "--jobs", "2"],
    );
    assert_eq!(r.code, 0, "{r:?}");
    let warnings: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("vilfredo: warning: trial "))
        .collect();
    assert!(!warnings.is_empty() && warnings.len() < 24, "{r:?}");
    for needle in [
        "not a JSON array of numbers",
        "1 value(s) reported but the study has 2 objective(s)",
        "objective value 0 is NaN",
        "the command exited with status 3 (stderr: RuntimeError: boom)",
        "printed nothing on standard output",
    ] {
        assert!(
            warnings.iter().any(|w| w.contains(needle)),
            "no warning with {needle:?}: {r:?}"
        );
    }
    let complete = 24 - warnings.len();
    assert!(
        r.stderr
            .contains(&format!("({complete} complete, {} failed)", warnings.len())),
        "{r:?}"
    );
}

#[test]
fn exit_status_is_1_when_every_trial_fails() {
    run_modes("memory", "garbage", &["--n-trials", "3"]).fails(
        1,
        &["all 3 trial(s) of this run failed", "not a JSON array"],
    );
    let r = vilfredo(&[
        "optimize",
        "--storage",
        "memory",
        "--direction",
        "minimize",
        "--param",
        "x:float:0:1",
        "--n-trials",
        "2",
        "--",
        "/no/such/program",
        "{x}",
    ]);
    r.fails(1, &["cannot start \"/no/such/program\""]);
}

#[test]
fn timeouts_kill_the_command() {
    let started = Instant::now();
    let r = run_modes(
        "memory",
        "sleep",
        &[
            "--n-trials",
            "2",
            "--jobs",
            "2",
            "--timeout-per-trial",
            "0.5",
        ],
    );
    r.fails(1, &["timed out after 0.5 s"]);
    // The commands sleep for 30 s; they were killed long before.
    assert!(started.elapsed() < Duration::from_secs(25));
}

#[test]
fn parameters_reach_the_program_verbatim_never_through_a_shell() {
    let dir = tmpdir("verbatim");
    let pwned = dir.join("pwned");
    let echo = dir.join("echo.jsonl");
    let nasty = [
        "a b",
        "it's \"quoted\"",
        &format!("$(touch {})", pwned.display()),
        &format!("`touch {}`", pwned.display()),
        "; touch pwned; #",
        "{x}",
        "*",
        "",
    ];
    let choices: Vec<String> = nasty
        .iter()
        .map(|s| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\"")))
        .collect();
    let text = format!(
        r#"
directions = ["minimize", "minimize"]
command = ["python3", "{}", "echo", "{{s}}", "pre-{{s}}-post", "{{{{s}}}}", "{{trial_number}}"]
env = true
params_file = true
n_trials = 24
[params.s]
type = "categorical"
choices = [{}]
[params.n]
type = "int"
low = -3
high = 3
"#,
        script(),
        choices.join(", ")
    );
    let path = study_file(&dir, &text);
    let r = vilfredo_in(
        None,
        &["optimize", &path, "--storage", "memory", "-q"],
        &[("VILFREDO_TEST_ECHO", echo.to_str().unwrap())],
    );
    assert_eq!(r.code, 0, "{r:?}");
    let lines = std::fs::read_to_string(&echo).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for line in lines.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let s = v["env"]["VILFREDO_PARAM_S"].as_str().unwrap().to_owned();
        let n = v["env"]["VILFREDO_PARAM_N"].as_str().unwrap().to_owned();
        let number = v["env"]["VILFREDO_TRIAL_NUMBER"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            v["argv"],
            serde_json::json!([s, format!("pre-{s}-post"), "{s}", number]),
            "{line}"
        );
        assert_eq!(
            v["params"],
            serde_json::json!({"s": s, "n": n.parse::<i64>().unwrap()})
        );
        assert_eq!(v["env"]["VILFREDO_STUDY"], "study");
        // The command runs in the study file's folder.
        assert_eq!(
            Path::new(v["cwd"].as_str().unwrap())
                .canonicalize()
                .unwrap(),
            dir.canonicalize().unwrap()
        );
        seen.insert(s);
    }
    assert_eq!(lines.lines().count(), 24);
    assert!(seen.len() >= 6, "{seen:?}");
    assert!(seen.iter().any(|s| s.starts_with("$(")), "{seen:?}");
    assert!(!pwned.exists(), "a shell ran");
    assert!(!dir.join("pwned").exists());
}

// --- storage round trips (SQLite) ----------------------------------------------------------

#[test]
fn resume_runs_only_the_remainder() {
    let dir = tmpdir("resume");
    let Some(url) = sqlite(&dir) else { return };
    let r = run_modes(&url, "good", &["--n-trials", "5", "-q"]);
    r.ok();
    let r = run_modes(&url, "good", &["--n-trials", "8"]);
    assert!(r.ok().lines().count() > 1);
    assert!(
        r.stderr
            .contains("8 finished trials (8 complete), 3 run now"),
        "{r:?}"
    );
    let r = run_modes(&url, "good", &["--n-trials", "8"]);
    assert!(r.stderr.contains("nothing to run"), "{r:?}");
    assert_eq!(r.code, 0);
    // Another search space under the same name is refused.
    run_modes(&url, "good,garbage", &["--n-trials", "9"])
        .fails(2, &["another search space", "\"mode\" was"]);
    let list = vilfredo(&["study", "list", "--storage", &url]);
    let rows = parse_table(list.ok());
    assert_eq!(rows[0][..4], ["name", "directions", "complete", "failed"]);
    assert_eq!(rows[1][..4], ["t", "minimize,minimize", "8", "0"]);
}

#[test]
fn export_best_show_and_plot_read_the_study_back() {
    let dir = tmpdir("export");
    let Some(url) = sqlite(&dir) else { return };
    let r = run_modes(
        &url,
        "good,garbage,object",
        &["--n-trials", "12", "--ref", "2,2", "-q"],
    );
    let front_table = parse_table(r.ok());

    let csv = vilfredo(&["study", "export", "--storage", &url, "--study", "t"]);
    let lines: Vec<&str> = csv.ok().lines().collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    assert_eq!(
        header,
        [
            "number",
            "state",
            "values_0",
            "values_1",
            "params_mode",
            "params_x",
            "constraints_0",
            "datetime_start",
            "datetime_complete",
            "fail_reason"
        ]
    );
    assert_eq!(lines.len(), 13);
    let mut failed = 0;
    for line in &lines[1..] {
        let cells: Vec<&str> = line.splitn(10, ',').collect();
        let x: f64 = cells[5].parse().unwrap();
        match cells[4] {
            "good" | "object" => {
                assert_eq!(cells[1], "COMPLETE");
                // Shortest round-trip numbers: read back bit for bit.
                assert_eq!(cells[2].parse::<f64>().unwrap().to_bits(), x.to_bits());
                assert_eq!(cells[3].parse::<f64>().unwrap(), 1.0 - x);
            }
            _ => {
                assert_eq!(cells[1], "FAILED");
                assert!(cells[9].contains("not a JSON array"), "{line}");
                failed += 1;
            }
        }
        assert!(cells[7].ends_with('Z') && cells[7].len() == 24, "{line}");
    }
    let only_failed = vilfredo(&[
        "study",
        "export",
        "--storage",
        &url,
        "--states",
        "failed",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(only_failed.ok()).unwrap();
    assert_eq!(json.as_array().unwrap().len(), failed);
    for t in json.as_array().unwrap() {
        assert_eq!(t["state"], "FAILED");
        assert_eq!(t["values"], serde_json::Value::Null);
        assert!(t["system_attrs"]["fail_reason"].is_string());
    }
    vilfredo(&["study", "export", "--storage", &url, "--states", "done"])
        .fails(2, &["unknown trial state"]);

    // best: the front, the same trials as the table optimize printed.
    let best = vilfredo(&["study", "best", "--storage", &url, "--format", "json"]);
    let best: serde_json::Value = serde_json::from_str(best.ok()).unwrap();
    let numbers: Vec<String> = best
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["number"].to_string())
        .collect();
    let printed: Vec<String> = front_table[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(numbers, printed);

    let show = vilfredo(&["study", "show", "--storage", &url]);
    let text = show.ok();
    assert!(
        text.contains("objectives: f1 (minimize), f2 (minimize)"),
        "{text}"
    );
    assert!(text.contains("hypervolume: "), "{text}");
    assert!(text.contains("reference 2,2"), "{text}");

    let svg = dir.join("front.svg");
    vilfredo(&["plot", "--storage", &url, "--output", svg.to_str().unwrap()]).ok();
    let picture = std::fs::read_to_string(&svg).unwrap();
    assert!(picture.starts_with("<svg") && picture.contains("all trials"));
    let hv = dir.join("hv.svg");
    vilfredo(&[
        "plot",
        "--storage",
        &url,
        "--kind",
        "history",
        "--output",
        hv.to_str().unwrap(),
    ])
    .ok();
    assert!(std::fs::read_to_string(&hv).unwrap().contains("<path"));
    vilfredo(&["study", "show", "--storage", &url, "--study", "nope"])
        .fails(2, &["no study named \"nope\"", "\"t\""]);
    let missing = format!("sqlite:///{}", dir.join("missing.db").display());
    vilfredo(&["study", "list", "--storage", &missing]).fails(1, &["missing.db does not exist"]);
}

// --- Ctrl-C ---------------------------------------------------------------------------------

/// Starts a long study, sends SIGINT `presses` times once it runs, and returns the run.
fn interrupt(presses: usize, mode: &str) -> (Run, Duration) {
    let script = script();
    let param = format!("mode:cat:{mode}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vilfredo"))
        .args([
            "optimize",
            "--storage",
            "memory",
            "--direction",
            "minimize",
            "--direction",
            "minimize",
            "--param",
            &param,
            "--param",
            "x:float:0:1",
            "--n-trials",
            "1000",
            "--",
            "python3",
            &script,
            "{mode}",
            "{x}",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Let it start a trial or two.
    std::thread::sleep(Duration::from_millis(1500));
    let started = Instant::now();
    for _ in 0..presses {
        let status = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        std::thread::sleep(Duration::from_millis(300));
    }
    let mut stdout = String::new();
    let mut stderr = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let code = child.wait().unwrap().code().unwrap_or(-1);
    (
        Run {
            code,
            stdout,
            stderr,
        },
        started.elapsed(),
    )
}

#[test]
fn ctrl_c_lets_running_trials_finish_and_exits_130() {
    let (r, _) = interrupt(1, "nap");
    assert_eq!(r.code, 130, "{r:?}");
    assert!(r.stderr.contains("interrupted: no new trials"), "{r:?}");
    assert!(r.stderr.contains(" complete)"), "{r:?}");
    assert!(
        !r.stderr.contains("failed"),
        "the running trial finished: {r:?}"
    );
    assert!(r.stdout.starts_with("trial"), "the front is printed: {r:?}");
}

#[test]
fn a_second_ctrl_c_kills_the_running_command() {
    let (r, elapsed) = interrupt(2, "sleep");
    assert_eq!(r.code, 130, "{r:?}");
    assert!(r.stderr.contains("killed by a second Ctrl-C"), "{r:?}");
    assert!(r.stderr.contains("1 failed"), "{r:?}");
    assert!(
        elapsed < Duration::from_secs(20),
        "the 30 s command was killed"
    );
}

#[test]
fn three_named_objectives_with_a_maximised_one() {
    let dir = tmpdir("three");
    let svg = dir.join("front.svg");
    let text = r#"
directions = ["minimize", "maximize", "minimize"]
objective_names = ["cost", "quality", "risk"]
command = ["python3", "-c", "import sys, json; x = float(sys.argv[1]); y = float(sys.argv[2]); print(json.dumps([x, x + y, 1 - y]))", "{x}", "{y}"]
n_trials = 10
plot = "front.svg"
reference_point = [2, -1, 2]
[params.x]
type = "float"
low = 0
high = 1
[params.y]
type = "float"
low = 0
high = 1
step = 0.25
"#;
    let path = study_file(&dir, text);
    let r = vilfredo(&["optimize", &path, "--storage", "memory"]);
    let table = parse_table(r.ok());
    assert_eq!(table[0], ["trial", "cost", "quality", "risk", "x", "y"]);
    for row in &table[1..] {
        let y: f64 = row[5].parse().unwrap();
        assert_eq!((y * 4.0).fract(), 0.0, "y on its grid: {row:?}");
    }
    assert!(r.stderr.contains("hypervolume "), "{r:?}");
    let picture = std::fs::read_to_string(&svg).unwrap();
    for name in ["cost", "quality", "risk"] {
        assert!(picture.contains(&format!(">{name}</text>")), "{name}");
    }
}

#[test]
fn processes_left_behind_do_not_hold_the_study() {
    // The command exits at once but leaves a child holding its standard output open
    // for 30 s; vilfredo reads the result and kills the leftover group.
    let started = Instant::now();
    let r = vilfredo(&[
        "optimize",
        "--storage",
        "memory",
        "--direction",
        "minimize",
        "--param",
        "x:float:0:1",
        "--n-trials",
        "1",
        "--",
        "python3",
        "-c",
        "import subprocess, sys; subprocess.Popen(['sleep', '30']); print(sys.argv[1])",
        "{x}",
    ]);
    assert!(r.ok().starts_with("trial"), "{r:?}");
    assert!(r.stderr.contains("(1 complete)"), "{r:?}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "waited for the leftover"
    );
}
