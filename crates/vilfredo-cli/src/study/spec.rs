//! What a study run is, once the study file and the command-line flags are merged and
//! validated: the runtime description `cmd::study_run` executes.
//!
//! Flags override the file's scalar settings; a parameter defined both in the file and
//! by `--param` must be defined identically, since two different ranges for one name
//! are a mistake, not an override.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use vilfredo_storage::StorageUrl;
use vilfredo_study::{Choice, Direction, Distribution, Heartbeat};

use super::config::{self, ParamConfig, SamplerConfig, StudyFile};
use super::template::Template;
use crate::args::OptimizeArgs;
use crate::error::usage;

/// Storage of a study given only by flags.
pub(crate) const DEFAULT_STORAGE: &str = "sqlite:///vilfredo.db";
/// Name of a study given only by flags.
pub(crate) const DEFAULT_NAME: &str = "study";

/// A validated study run.
#[derive(Debug)]
pub(crate) struct StudySpec {
    /// The study's name.
    pub(crate) name: String,
    /// Its storage URL (relative SQLite paths in a study file made absolute).
    pub(crate) storage: String,
    /// One direction per objective.
    pub(crate) directions: Vec<Direction>,
    /// One name per objective (`f1`, `f2`, … unless named).
    pub(crate) objective_names: Vec<String>,
    /// The search space, in a fixed order.
    pub(crate) params: Vec<(String, Distribution)>,
    /// The objective command.
    pub(crate) command: Template,
    /// Where the command runs (the study file's directory, or the current one).
    pub(crate) workdir: Option<PathBuf>,
    /// Pass parameters as environment variables.
    pub(crate) env: bool,
    /// Write the parameters to a JSON file.
    pub(crate) params_file: bool,
    /// Total finished trials wanted.
    pub(crate) n_trials: Option<u64>,
    /// Stop starting trials after this long.
    pub(crate) timeout: Option<Duration>,
    /// Commands run at once.
    pub(crate) jobs: usize,
    /// Per-trial time limit.
    pub(crate) trial_timeout: Option<Duration>,
    /// Reference point of the hypervolume shown.
    pub(crate) reference_point: Option<Vec<f64>>,
    /// SVG of the front to write at the end.
    pub(crate) plot: Option<PathBuf>,
    /// Failure detection for dead workers.
    pub(crate) heartbeat: Option<Heartbeat>,
    /// The sampler's name and options.
    pub(crate) sampler: SamplerConfig,
    /// No summary or progress line.
    pub(crate) quiet: bool,
}

/// Reads the study file (if any) and merges the flags into it.
pub(crate) fn from_args(args: &OptimizeArgs) -> Result<StudySpec> {
    let (file, file_name, dir) = match &args.study_file {
        Some(path) => {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path)
                .map_err(|e| usage(format!("cannot read the study file {name}: {e}")))?;
            let file = config::parse(&text, &name).map_err(usage)?;
            let dir = path
                .parent()
                .map(|p| {
                    if p.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        p
                    }
                })
                .map(std::path::absolute)
                .transpose()
                .map_err(|e| usage(format!("{name}: {e}")))?;
            (file, name, dir)
        }
        None => (StudyFile::default(), String::new(), None),
    };
    let stem = args
        .study_file
        .as_ref()
        .and_then(|p| p.file_stem())
        .map(|s| s.to_string_lossy().into_owned());
    let in_file = |key: &str| format!("{file_name}: {key}");

    let name = args
        .study_name
        .clone()
        .or(file.name.clone())
        .or(stem.clone())
        .unwrap_or_else(|| DEFAULT_NAME.to_owned());

    let storage = match (&args.storage, &file.storage, &dir) {
        (Some(url), _, _) => url.clone(),
        (None, Some(url), Some(dir)) => relative_to(url, dir)?,
        (None, Some(url), None) => url.clone(),
        (None, None, Some(dir)) => format!(
            "sqlite:///{}",
            dir.join(format!("{}.db", stem.as_deref().unwrap_or("vilfredo")))
                .display()
        ),
        (None, None, None) => DEFAULT_STORAGE.to_owned(),
    };
    StorageUrl::parse(&storage).map_err(|e| usage(e.to_string()))?;

    let direction_names: Vec<String> = if args.directions.is_empty() {
        file.directions.clone().unwrap_or_default()
    } else {
        args.directions.clone()
    };
    if direction_names.is_empty() {
        return Err(usage(
            "the study has no objectives: give directions = [\"minimize\", ...] in the study \
             file or --direction minimize|maximize, once per objective",
        ));
    }
    let directions = direction_names
        .iter()
        .map(|d| parse_direction(d))
        .collect::<Result<Vec<_>>>()?;
    let objective_names = match &file.objective_names {
        Some(names) if names.len() != directions.len() => {
            return Err(usage(format!(
                "{}: {} names for {} objectives",
                in_file("objective_names"),
                names.len(),
                directions.len()
            )));
        }
        Some(names) => names.clone(),
        None => (1..=directions.len()).map(|i| format!("f{i}")).collect(),
    };

    let params = merge_params(&file, &file_name, &args.params)?;
    if params.is_empty() {
        return Err(usage(
            "the search space is empty: give [params.NAME] tables in the study file or \
             --param NAME:float:LOW:HIGH",
        ));
    }

    // Environment variable names are upper case: `lr` and `LR` would share one.
    for (i, (a, _)) in params.iter().enumerate() {
        if let Some((b, _)) = params[..i].iter().find(|(b, _)| b.eq_ignore_ascii_case(a)) {
            return Err(usage(format!(
                "parameters {b:?} and {a:?} differ only in case; both would be {}",
                super::command::env_name(a)
            )));
        }
    }

    let argv = if args.command.is_empty() {
        file.command.clone().unwrap_or_default()
    } else {
        args.command.clone()
    };
    if argv.is_empty() {
        return Err(usage(
            "no objective command: give command = [\"program\", \"arg\", ...] in the study \
             file, or the command after '--'",
        ));
    }
    let names: Vec<&str> = params.iter().map(|(n, _)| n.as_str()).collect();
    let command = Template::parse(&argv, &names).map_err(usage)?;

    let reference_point = match &args.reference {
        Some(r) => Some(r.0.clone()),
        None => file.reference_point.clone(),
    };
    if let Some(r) = &reference_point {
        if r.len() != directions.len() {
            return Err(usage(format!(
                "the reference point has {} values but the study has {} objectives",
                r.len(),
                directions.len()
            )));
        }
        if r.iter().any(|v| !v.is_finite()) {
            return Err(usage("the reference point must be finite"));
        }
    }

    let mut sampler = file.sampler.clone().unwrap_or_default();
    if let Some(s) = &args.sampler {
        sampler.name = Some(s.clone());
    }
    if let Some(seed) = args.seed {
        sampler.seed = Some(seed);
    }

    let heartbeat = file
        .heartbeat
        .as_ref()
        .map(|h| -> Result<Heartbeat> {
            let interval = seconds(h.interval, &in_file("heartbeat.interval"))?;
            let grace = match h.grace {
                Some(g) => seconds(g, &in_file("heartbeat.grace"))?,
                None => interval * 4,
            };
            Ok(Heartbeat {
                interval,
                grace,
                max_retry: h.max_retry,
            })
        })
        .transpose()?;

    let jobs = args.jobs.or(file.jobs).unwrap_or(1);
    if jobs == 0 || jobs > 1024 {
        return Err(usage(format!("{}: must be in 1..=1024", in_file("jobs"))));
    }
    if file.n_trials == Some(0) {
        return Err(usage(format!(
            "{}: must be at least 1",
            in_file("n_trials")
        )));
    }
    let timeout = match (args.timeout, file.timeout) {
        (Some(t), _) => Some(seconds(t, "--timeout")?),
        (None, Some(t)) => Some(seconds(t, &in_file("timeout"))?),
        (None, None) => None,
    };
    let trial_timeout = match (args.timeout_per_trial, file.trial_timeout) {
        (Some(t), _) => Some(seconds(t, "--timeout-per-trial")?),
        (None, Some(t)) => Some(seconds(t, &in_file("trial_timeout"))?),
        (None, None) => None,
    };
    let plot = match (&args.plot, &file.plot, &dir) {
        (Some(p), _, _) => Some(p.clone()),
        (None, Some(p), Some(dir)) => Some(dir.join(p)),
        (None, Some(p), None) => Some(PathBuf::from(p)),
        (None, None, _) => None,
    };

    Ok(StudySpec {
        name,
        storage,
        directions,
        objective_names,
        params,
        command,
        workdir: dir,
        env: args.env || file.env.unwrap_or(false),
        params_file: args.params_file || file.params_file.unwrap_or(false),
        n_trials: args.n_trials.or(file.n_trials),
        timeout,
        jobs: jobs as usize,
        trial_timeout,
        reference_point,
        plot,
        heartbeat,
        sampler,
        quiet: args.quiet,
    })
}

/// `url` with a relative SQLite path made relative to `dir` (the study file's folder),
/// so that a study file works from any working directory.
fn relative_to(url: &str, dir: &Path) -> Result<String> {
    match StorageUrl::parse(url).map_err(|e| usage(e.to_string()))? {
        StorageUrl::Sqlite(path) if path.is_relative() => {
            Ok(format!("sqlite:///{}", dir.join(path).display()))
        }
        _ => Ok(url.to_owned()),
    }
}

fn seconds(s: f64, what: &str) -> Result<Duration> {
    if s.is_finite() && s > 0.0 && s < 1e9 {
        Ok(Duration::from_secs_f64(s))
    } else {
        Err(usage(format!(
            "{what}: expected a positive number of seconds, got {s}"
        )))
    }
}

fn parse_direction(text: &str) -> Result<Direction> {
    match text.trim().to_ascii_lowercase().as_str() {
        "minimize" | "min" => Ok(Direction::Minimize),
        "maximize" | "max" => Ok(Direction::Maximize),
        _ => Err(usage(format!(
            "unknown direction {text:?}; expected minimize or maximize"
        ))),
    }
}

/// The file's parameters (in name order) followed by those of `--param` (in the order
/// given); a name defined twice must have the same distribution.
fn merge_params(
    file: &StudyFile,
    file_name: &str,
    flags: &[String],
) -> Result<Vec<(String, Distribution)>> {
    let mut params: Vec<(String, Distribution, String)> = Vec::new();
    for (name, p) in &file.params {
        let where_ = format!("{file_name}: [params.{name}]");
        check_name(name, &where_)?;
        let d = from_config(p).map_err(|e| usage(format!("{where_}: {e}")))?;
        params.push((name.clone(), d, format!("in {file_name}")));
    }
    for text in flags {
        let (name, d) = parse_flag(text).map_err(|e| usage(format!("--param {text:?}: {e}")))?;
        check_name(&name, &format!("--param {text:?}"))?;
        match params.iter().find(|(n, _, _)| *n == name) {
            Some((_, existing, origin)) if *existing != d => {
                return Err(usage(format!(
                    "parameter {name:?} is defined twice with different ranges: {origin} as \
                     {existing}, on the command line as {d}"
                )));
            }
            Some(_) => {}
            None => params.push((name, d, "on the command line".to_owned())),
        }
    }
    Ok(params.into_iter().map(|(n, d, _)| (n, d)).collect())
}

/// Parameter names become placeholders and environment variable suffixes, so they are
/// identifiers; the placeholder names vilfredo itself fills are reserved.
fn check_name(name: &str, where_: &str) -> Result<()> {
    if !super::template::is_identifier(name) {
        return Err(usage(format!(
            "{where_}: parameter name {name:?} must be letters, digits and '_', not \
             starting with a digit"
        )));
    }
    if super::template::RESERVED.contains(&name) {
        return Err(usage(format!(
            "{where_}: {name:?} is a reserved placeholder name; choose another"
        )));
    }
    Ok(())
}

/// A `[params.NAME]` table as a distribution.
fn from_config(p: &ParamConfig) -> std::result::Result<Distribution, String> {
    let kind = p.kind.to_ascii_lowercase();
    let refuse = |key: &str, present: bool| -> std::result::Result<(), String> {
        if present {
            Err(format!("{key} does not apply to a {kind} parameter"))
        } else {
            Ok(())
        }
    };
    let d = match kind.as_str() {
        "float" => {
            refuse("choices", p.choices.is_some())?;
            let low = number(p.low.as_ref(), "low")?;
            let high = number(p.high.as_ref(), "high")?;
            let step = p
                .step
                .as_ref()
                .map(|s| number(Some(s), "step"))
                .transpose()?;
            Distribution::float(low, high, p.log, step)
        }
        "int" => {
            refuse("choices", p.choices.is_some())?;
            let low = integer(p.low.as_ref(), "low")?;
            let high = integer(p.high.as_ref(), "high")?;
            let step = match &p.step {
                Some(s) => integer(Some(s), "step")?,
                None => 1,
            };
            Distribution::int(low, high, p.log, step)
        }
        "categorical" | "cat" => {
            refuse("low", p.low.is_some())?;
            refuse("high", p.high.is_some())?;
            refuse("step", p.step.is_some())?;
            refuse("log", p.log)?;
            let choices = p
                .choices
                .as_ref()
                .ok_or("a categorical parameter needs choices = [...]")?
                .iter()
                .map(choice)
                .collect::<std::result::Result<Vec<_>, _>>()?;
            Distribution::categorical(choices)
        }
        _ => {
            return Err(format!(
                "unknown type {:?}; expected float, int or categorical",
                p.kind
            ));
        }
    };
    d.map_err(|e| e.to_string())
}

fn number(v: Option<&toml::Value>, key: &str) -> std::result::Result<f64, String> {
    match v {
        Some(toml::Value::Float(x)) => Ok(*x),
        Some(toml::Value::Integer(i)) => Ok(*i as f64),
        Some(other) => Err(format!("{key} must be a number, not {other}")),
        None => Err(format!("{key} is missing")),
    }
}

fn integer(v: Option<&toml::Value>, key: &str) -> std::result::Result<i64, String> {
    match v {
        Some(toml::Value::Integer(i)) => Ok(*i),
        Some(other) => Err(format!("{key} must be an integer, not {other}")),
        None => Err(format!("{key} is missing")),
    }
}

fn choice(v: &toml::Value) -> std::result::Result<Choice, String> {
    match v {
        toml::Value::String(s) => Ok(Choice::Str(s.clone())),
        toml::Value::Integer(i) => Ok(Choice::Int(*i)),
        toml::Value::Float(x) => Ok(Choice::Float(*x)),
        toml::Value::Boolean(b) => Ok(Choice::Bool(*b)),
        other => Err(format!(
            "choice {other} must be a string, number or boolean"
        )),
    }
}

/// `NAME:float:LOW:HIGH[:log|:step=S]`, `NAME:int:LOW:HIGH[:log|:step=S]` or
/// `NAME:cat:A,B,C`.
fn parse_flag(text: &str) -> std::result::Result<(String, Distribution), String> {
    let mut parts = text.splitn(3, ':');
    let name = parts.next().unwrap_or("").trim().to_owned();
    let kind = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let rest = parts.next().unwrap_or("");
    let expected = "expected NAME:float:LOW:HIGH, NAME:int:LOW:HIGH or NAME:cat:A,B,C \
                    (with :log or :step=S after a range)";
    if name.is_empty() || rest.is_empty() {
        return Err(expected.to_owned());
    }
    let d = match kind.as_str() {
        "float" | "int" => {
            let fields: Vec<&str> = rest.split(':').map(str::trim).collect();
            if fields.len() < 2 {
                return Err(expected.to_owned());
            }
            let mut log = false;
            let mut step = None;
            for extra in &fields[2..] {
                if extra.eq_ignore_ascii_case("log") {
                    log = true;
                } else if let Some(s) = extra.strip_prefix("step=") {
                    step = Some(s.trim());
                } else {
                    return Err(format!("unknown option {extra:?}; expected log or step=S"));
                }
            }
            if kind == "float" {
                let f = |s: &str, what: &str| {
                    s.parse::<f64>()
                        .map_err(|_| format!("{what} {s:?} is not a number"))
                };
                let step = step.map(|s| f(s, "step")).transpose()?;
                Distribution::float(f(fields[0], "low")?, f(fields[1], "high")?, log, step)
            } else {
                let i = |s: &str, what: &str| {
                    s.parse::<i64>()
                        .map_err(|_| format!("{what} {s:?} is not an integer"))
                };
                let step = step.map(|s| i(s, "step")).transpose()?.unwrap_or(1);
                Distribution::int(i(fields[0], "low")?, i(fields[1], "high")?, log, step)
            }
        }
        "cat" | "categorical" => Distribution::categorical(
            rest.split(',')
                .map(|c| {
                    let c = c.trim();
                    if let Ok(i) = c.parse::<i64>() {
                        Choice::Int(i)
                    } else if let Ok(x) = c.parse::<f64>()
                        && x.is_finite()
                    {
                        // `nan` and `inf` stay words: a choice is never a non-finite number.
                        Choice::Float(x)
                    } else if let Ok(b) = c.parse::<bool>() {
                        Choice::Bool(b)
                    } else {
                        Choice::Str(c.to_owned())
                    }
                })
                .collect(),
        ),
        _ => return Err(format!("unknown type {kind:?}; {expected}")),
    };
    Ok((name, d.map_err(|e| e.to_string())?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn from(argv: &[&str]) -> Result<StudySpec> {
        let cli = crate::args::Cli::try_parse_from(argv).unwrap();
        let crate::args::Command::Optimize(args) = cli.command else {
            panic!("not optimize")
        };
        from_args(&args)
    }

    #[test]
    fn file_settings_defaults_and_overrides() {
        let dir = std::env::temp_dir().join(format!("vilfredo-spec-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("runs.toml");
        std::fs::write(
            &path,
            "directions = [\"min\"]\ncommand = [\"p\", \"{x}\"]\nn_trials = 5\njobs = 2\n\
             storage = \"sub/x.db\"\n[heartbeat]\ninterval = 2\n\
             [params.x]\ntype = \"int\"\nlow = 1\nhigh = 9\nstep = 2\n",
        )
        .unwrap();
        let p = path.to_str().unwrap();
        let s = from(&["vilfredo", "optimize", p]).unwrap();
        assert_eq!(s.name, "runs");
        let abs = std::path::absolute(&dir).unwrap();
        assert_eq!(
            s.storage,
            format!("sqlite:///{}", abs.join("sub/x.db").display())
        );
        assert_eq!(s.workdir.as_deref(), Some(abs.as_path()));
        assert_eq!((s.n_trials, s.jobs), (Some(5), 2));
        let hb = s.heartbeat.unwrap();
        assert_eq!(
            (hb.interval, hb.grace),
            (Duration::from_secs(2), Duration::from_secs(8))
        );
        assert_eq!(
            s.params,
            vec![("x".to_owned(), Distribution::int(1, 9, false, 2).unwrap())]
        );
        let s = from(&[
            "vilfredo",
            "optimize",
            p,
            "--n-trials",
            "7",
            "--jobs",
            "3",
            "--study-name",
            "b",
            "--storage",
            "memory",
        ])
        .unwrap();
        assert_eq!(
            (s.n_trials, s.jobs, s.name.as_str(), s.storage.as_str()),
            (Some(7), 3, "b", "memory")
        );
        // Flags alone: the documented defaults.
        let s = from(&[
            "vilfredo",
            "optimize",
            "--direction",
            "max",
            "--param",
            "x:float:0:1",
            "--",
            "p",
        ])
        .unwrap();
        assert_eq!(
            (s.name.as_str(), s.storage.as_str()),
            (DEFAULT_NAME, DEFAULT_STORAGE)
        );
        assert_eq!(s.objective_names, ["f1"]);
        assert!(s.workdir.is_none());
        let e = from(&[
            "vilfredo",
            "optimize",
            "--direction",
            "max",
            "--param",
            "x:float:0:1",
            "--param",
            "X:int:0:1",
            "--",
            "p",
        ])
        .unwrap_err();
        assert!(e.to_string().contains("differ only in case"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn flags() {
        let (n, d) = parse_flag("x:float:0:1").unwrap();
        assert_eq!(n, "x");
        assert_eq!(d, Distribution::float(0.0, 1.0, false, None).unwrap());
        let (_, d) = parse_flag("lr:float:1e-5:1e-1:log").unwrap();
        assert_eq!(d, Distribution::float(1e-5, 1e-1, true, None).unwrap());
        let (_, d) = parse_flag("n:int:1:9:step=2").unwrap();
        assert_eq!(d, Distribution::int(1, 9, false, 2).unwrap());
        let (_, d) = parse_flag("act:cat:relu,tanh,3").unwrap();
        assert_eq!(
            d,
            Distribution::categorical(vec![
                Choice::Str("relu".into()),
                Choice::Str("tanh".into()),
                Choice::Int(3)
            ])
            .unwrap()
        );
        for bad in [
            "x",
            "x:float",
            "x:float:0",
            "x:float:1:0",
            "x:foo:0:1",
            "x:int:0.5:2",
        ] {
            assert!(parse_flag(bad).is_err(), "{bad}");
        }
    }
}
