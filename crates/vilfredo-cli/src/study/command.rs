//! Running the objective command for one trial and reading what it reports.
//!
//! The command runs directly (`std::process::Command`, never a shell) in a process
//! group of its own, with standard input closed and both output streams captured on
//! threads (so a chatty command never blocks on a full pipe). Standard output keeps its
//! last 64 KiB, enough for the result line; standard error its last 4 KiB, stored with a
//! failed trial. A command past its time limit, or running at a second Ctrl-C, is killed
//! with its whole process group; so are processes a finished command left behind still
//! holding its output open after two seconds.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use vilfredo_study::ParamValue;

use super::interrupt;
use super::template::Template;
use crate::output::Shortest;

/// How much of standard error a failed trial keeps.
pub(crate) const STDERR_TAIL: usize = 4 * 1024;
/// How much of standard output is kept to find the result line.
const STDOUT_TAIL: usize = 64 * 1024;

/// The objective command of a study, ready to run trials.
#[derive(Debug)]
pub(crate) struct Objective {
    /// The command line with placeholders.
    pub(crate) template: Template,
    /// Working directory (the current one when `None`).
    pub(crate) workdir: Option<PathBuf>,
    /// Pass parameters as `VILFREDO_PARAM_<NAME>`.
    pub(crate) env: bool,
    /// Write the parameters to a JSON file.
    pub(crate) params_file: bool,
    /// Kill the command after this long.
    pub(crate) timeout: Option<Duration>,
    /// Number of objectives the result must have.
    pub(crate) n_obj: usize,
    /// The study's name (`VILFREDO_STUDY`, `{study_name}`).
    pub(crate) study: String,
}

/// What a command reported.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Report {
    /// One value per objective.
    pub(crate) values: Vec<f64>,
    /// Constraint values, when reported.
    pub(crate) constraints: Option<Vec<f64>>,
    /// User attributes, when reported.
    pub(crate) user_attrs: BTreeMap<String, serde_json::Value>,
}

/// Why a trial's command failed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Failure {
    /// One line saying why.
    pub(crate) reason: String,
    /// The end of the command's standard error.
    pub(crate) stderr_tail: String,
}

/// The text of a parameter value as it appears in the command line and environment:
/// numbers in shortest round-trip form, choices as written.
pub(crate) fn param_text(v: &ParamValue) -> String {
    match v {
        ParamValue::Float(x) => Shortest(*x).to_string(),
        ParamValue::Int(i) => i.to_string(),
        ParamValue::Choice(vilfredo_study::Choice::Float(x)) => Shortest(*x).to_string(),
        ParamValue::Choice(c) => c.to_string(),
    }
}

/// `VILFREDO_PARAM_` followed by the name in upper case.
pub(crate) fn env_name(param: &str) -> String {
    format!("VILFREDO_PARAM_{}", param.to_ascii_uppercase())
}

impl Objective {
    /// Runs the command for trial `number` with `params` and reads its report.
    pub(crate) fn run(
        &self,
        number: u64,
        params: &[(String, ParamValue)],
    ) -> Result<Report, Failure> {
        let scratch = Scratch::new(number).map_err(|e| Failure {
            reason: format!("cannot create a scratch directory: {e}"),
            stderr_tail: String::new(),
        })?;
        let result = self.run_in(&scratch.0, number, params);
        drop(scratch);
        result
    }

    fn run_in(
        &self,
        scratch: &Path,
        number: u64,
        params: &[(String, ParamValue)],
    ) -> Result<Report, Failure> {
        let fail = |reason: String| Failure {
            reason,
            stderr_tail: String::new(),
        };
        let params_path = scratch.join("params.json");
        let results_path = scratch.join("results.json");
        let with_params_file = self.params_file || self.template.uses("params_file");
        if with_params_file {
            let json: serde_json::Map<String, serde_json::Value> = params
                .iter()
                .map(|(n, v)| (n.clone(), v.to_json()))
                .collect();
            std::fs::write(&params_path, serde_json::Value::Object(json).to_string())
                .map_err(|e| fail(format!("cannot write the parameters file: {e}")))?;
        }
        let argv = self.template.fill(|name| match name {
            "trial_number" => number.to_string(),
            "study_name" => self.study.clone(),
            "params_file" => params_path.display().to_string(),
            "results_file" => results_path.display().to_string(),
            _ => params
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| param_text(v))
                .unwrap_or_default(),
        });
        let Some((program, rest)) = argv.split_first() else {
            return Err(fail("the command is empty".to_owned()));
        };
        let mut cmd = Command::new(program);
        cmd.args(rest)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("VILFREDO_TRIAL_NUMBER", number.to_string())
            .env("VILFREDO_STUDY", &self.study)
            .env("VILFREDO_RESULTS_FILE", &results_path);
        if with_params_file {
            cmd.env("VILFREDO_PARAMS_FILE", &params_path);
        }
        if self.env {
            for (n, v) in params {
                cmd.env(env_name(n), param_text(v));
            }
        }
        if let Some(dir) = &self.workdir {
            cmd.current_dir(dir);
        }
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            // A group of its own: the terminal's Ctrl-C goes to vilfredo alone, and a
            // timeout can kill the command together with anything it started.
            cmd.process_group(0);
        }
        let mut child = cmd
            .spawn()
            .map_err(|e| fail(format!("cannot start {program:?}: {e}")))?;
        let pid = child.id();
        interrupt::register(pid);
        let stdout = child.stdout.take().map(|s| spawn_tail(s, STDOUT_TAIL));
        let stderr = child.stderr.take().map(|s| spawn_tail(s, STDERR_TAIL));

        let started = Instant::now();
        let mut pause = Duration::from_millis(1);
        let mut killed: Option<String> = None;
        let status: std::io::Result<ExitStatus> = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Ok(status),
                Ok(None) => {}
                Err(e) => break Err(e),
            }
            if killed.is_none() {
                if let Some(limit) = self.timeout
                    && started.elapsed() >= limit
                {
                    killed = Some(format!(
                        "timed out after {} s (the command was killed)",
                        Shortest(limit.as_secs_f64())
                    ));
                } else if interrupt::killing() {
                    killed = Some("killed by a second Ctrl-C".to_owned());
                }
                if killed.is_some() {
                    interrupt::kill_group(pid);
                    let _ = child.kill();
                }
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(50));
        };
        interrupt::unregister(pid);
        finish_tails([stdout.as_ref(), stderr.as_ref()], pid);
        let out = take_tail(stdout, STDOUT_TAIL);
        let err = take_tail(stderr, STDERR_TAIL);
        let stderr_tail = String::from_utf8_lossy(&err).into_owned();
        let failed = |reason: String| Failure {
            reason,
            stderr_tail: stderr_tail.clone(),
        };
        let status = status.map_err(|e| failed(format!("cannot wait for the command: {e}")))?;
        if let Some(why) = killed {
            return Err(failed(why));
        }
        if !status.success() && interrupt::killing() {
            // The Ctrl-C handler killed the group before this loop noticed.
            return Err(failed("killed by a second Ctrl-C".to_owned()));
        }
        if !status.success() {
            return Err(failed(describe_exit(status)));
        }
        // A results file the command wrote wins over standard output.
        let (text, source) = match std::fs::read_to_string(&results_path) {
            Ok(t) if !t.trim().is_empty() => (t, "the results file"),
            _ => {
                let out = String::from_utf8_lossy(&out).into_owned();
                let last = out
                    .lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("")
                    .to_owned();
                (last, "the last line of standard output")
            }
        };
        if text.trim().is_empty() {
            return Err(failed(format!(
                "the command printed nothing on standard output (expected {} numbers as a \
                 JSON array on its last line)",
                self.n_obj
            )));
        }
        parse_report(&text, self.n_obj).map_err(|e| failed(format!("{source}: {e}")))
    }
}

/// "exited with status 3" or "killed by signal 9".
fn describe_exit(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("the command exited with status {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return format!("the command was killed by signal {sig}");
        }
    }
    "the command failed".to_owned()
}

/// Parses a command's report: a JSON array of numbers (NaN and infinities written as
/// Python does are read, so they can be refused by name), numbers separated by commas
/// or spaces, or an object `{"values": [...], "constraints": [...], "user_attrs": {...}}`.
pub(crate) fn parse_report(text: &str, n_obj: usize) -> Result<Report, String> {
    let text = text.trim();
    let shown = || {
        let t: String = text.chars().take(120).collect();
        if t.len() < text.len() {
            format!("{t:?}…")
        } else {
            format!("{t:?}")
        }
    };
    let report = if text.starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| format!("{} is not valid JSON: {e}", shown()))?;
        let serde_json::Value::Object(map) = value else {
            return Err(format!("{} is not a JSON object", shown()));
        };
        let mut values = None;
        let mut constraints = None;
        let mut user_attrs = BTreeMap::new();
        for (key, v) in map {
            match key.as_str() {
                "values" => values = Some(numbers(&v, "values")?),
                "constraints" => constraints = Some(numbers(&v, "constraints")?),
                "user_attrs" => match v {
                    serde_json::Value::Object(m) => user_attrs = m.into_iter().collect(),
                    _ => return Err("\"user_attrs\" must be a JSON object".to_owned()),
                },
                other => {
                    return Err(format!(
                        "unknown key {other:?} in the result object; expected values, \
                         constraints, user_attrs"
                    ));
                }
            }
        }
        Report {
            values: values.ok_or("the result object has no \"values\"")?,
            constraints,
            user_attrs,
        }
    } else {
        let inner = text
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or(text);
        let values = inner
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|t| !t.is_empty())
            .map(|t| t.parse::<f64>().map_err(|_| ()))
            .collect::<Result<Vec<f64>, ()>>()
            .map_err(|()| {
                format!(
                    "{} is not a JSON array of numbers (print e.g. [0.5, 1.25] or \
                     {{\"values\": [0.5, 1.25]}} as the last line)",
                    shown()
                )
            })?;
        Report {
            values,
            constraints: None,
            user_attrs: BTreeMap::new(),
        }
    };
    if report.values.len() != n_obj {
        return Err(format!(
            "{} value(s) reported but the study has {n_obj} objective(s)",
            report.values.len()
        ));
    }
    if let Some(i) = report.values.iter().position(|v| v.is_nan()) {
        return Err(format!("objective value {i} is NaN"));
    }
    if let Some(c) = &report.constraints
        && let Some(i) = c.iter().position(|v| v.is_nan())
    {
        return Err(format!("constraint {i} is NaN"));
    }
    Ok(report)
}

/// A JSON array of numbers (`null` read as NaN so that it is refused by name).
fn numbers(v: &serde_json::Value, key: &str) -> Result<Vec<f64>, String> {
    let serde_json::Value::Array(items) = v else {
        return Err(format!("{key:?} must be an array of numbers"));
    };
    items
        .iter()
        .map(|x| match x {
            serde_json::Value::Number(n) => n
                .as_f64()
                .ok_or_else(|| format!("{key:?} holds {n}, not a float")),
            serde_json::Value::Null => Ok(f64::NAN),
            other => Err(format!("{key:?} must hold numbers, not {other}")),
        })
        .collect()
}

/// A stream read to its end on a thread of its own, keeping its last bytes.
struct Tail {
    bytes: Arc<Mutex<Vec<u8>>>,
    thread: std::thread::JoinHandle<()>,
}

/// Starts reading `stream`, keeping its last `keep` bytes.
fn spawn_tail<R: Read + Send + 'static>(mut stream: R, keep: usize) -> Tail {
    let bytes = Arc::new(Mutex::new(Vec::new()));
    let shared = Arc::clone(&bytes);
    let thread = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        loop {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if let Ok(mut tail) = shared.lock() {
                        tail.extend_from_slice(&buf[..n]);
                        if tail.len() > 2 * keep {
                            let cut = tail.len() - keep;
                            tail.drain(..cut);
                        }
                    }
                }
            }
        }
    });
    Tail { bytes, thread }
}

/// How long the output of a command that exited may stay open (held by processes it
/// left behind) before they are killed.
const LINGER: Duration = Duration::from_secs(2);

/// Waits for the streams of a command that exited. Processes it started and left
/// running may hold them open forever: after [`LINGER`] its process group is killed,
/// and after as long again the bytes read so far are taken as they are.
fn finish_tails(tails: [Option<&Tail>; 2], pid: u32) {
    let open = || tails.iter().flatten().any(|t| !t.thread.is_finished());
    for round in 0..2 {
        let until = Instant::now() + LINGER;
        while open() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
        if !open() {
            return;
        }
        if round == 0 {
            interrupt::kill_group(pid);
        }
    }
}

/// The last `keep` bytes read so far.
fn take_tail(t: Option<Tail>, keep: usize) -> Vec<u8> {
    let Some(t) = t else { return Vec::new() };
    let mut bytes = t.bytes.lock().map(|b| b.clone()).unwrap_or_default();
    if bytes.len() > keep {
        bytes.drain(..bytes.len() - keep);
    }
    bytes
}

/// A per-trial directory for the parameters and results files, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new(number: u64) -> std::io::Result<Self> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let unique = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "vilfredo-{}-trial{number}-{unique}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir)?;
        Ok(Self(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports() {
        let r = parse_report("[0.5, 1e-3]", 2).unwrap();
        assert_eq!(r.values, vec![0.5, 1e-3]);
        assert_eq!(parse_report("1 2", 2).unwrap().values, vec![1.0, 2.0]);
        let r = parse_report(
            r#"{"values": [1, 2], "constraints": [-1], "user_attrs": {"a": "b"}}"#,
            2,
        )
        .unwrap();
        assert_eq!(r.constraints, Some(vec![-1.0]));
        assert_eq!(r.user_attrs["a"], serde_json::json!("b"));
        for (bad, needle) in [
            ("[1, 2, 3]", "3 value(s) reported but the study has 2"),
            ("[NaN, 1]", "objective value 0 is NaN"),
            ("hello", "not a JSON array"),
            (r#"{"values": [1, null]}"#, "objective value 1 is NaN"),
            (r#"{"value": [1, 2]}"#, "unknown key \"value\""),
            (
                r#"{"values": [1, 2], "constraints": [NaN]}"#,
                "not valid JSON",
            ),
        ] {
            let e = parse_report(bad, 2).unwrap_err();
            assert!(e.contains(needle), "{bad}: {e}");
        }
    }

    #[test]
    fn parameter_text() {
        assert_eq!(param_text(&ParamValue::Float(0.1)), "0.1");
        assert_eq!(param_text(&ParamValue::Int(-3)), "-3");
        assert_eq!(
            param_text(&ParamValue::Choice(vilfredo_study::Choice::Str(
                "a b".into()
            ))),
            "a b"
        );
        assert_eq!(env_name("lr_max"), "VILFREDO_PARAM_LR_MAX");
    }
}
