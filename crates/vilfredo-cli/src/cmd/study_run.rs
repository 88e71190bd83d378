//! `vilfredo optimize study.toml` (or `-- COMMAND`): run a study whose objective is an
//! outside command.
//!
//! The study is created, or resumed when the storage already holds one of that name:
//! `n_trials` is the total number of finished trials wanted, so a second run only runs
//! the remainder. Each trial draws every parameter of the (fixed) search space, runs
//! the command, and is told its report; a command that fails fails its trial only. The
//! front is printed as a table on standard output at the end, a summary on standard
//! error.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{Context, Result};
use vilfredo_study::{
    AttrKind, Distribution, FrozenTrial, OptimizeOptions, Sampler, Storage, Study, TrialError,
    TrialState,
};

use crate::error::{Interrupted, usage};
use crate::output::Shortest;
use crate::study::command::{Objective, STDERR_TAIL};
use crate::study::interrupt;
use crate::study::progress::{Counts, Progress};
use crate::study::report::{OBJECTIVE_NAMES, write_table};
use crate::study::sampler::make_sampler;
use crate::study::spec::StudySpec;

/// The study attribute holding the search space of a study run from the command line.
const SEARCH_SPACE: &str = "search_space";

/// Runs the study `spec` describes, in the storage its URL names.
pub(crate) fn run(spec: &StudySpec, out: &mut dyn Write) -> Result<()> {
    let sampler = make_sampler(&spec.sampler).map_err(usage)?;
    let storage = vilfredo_storage::open(&spec.storage).map_err(study_error)?;
    run_in(spec, storage, sampler, out).map(|_| ())
}

/// What a run did, for tests and the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RunCounts {
    /// Trials finished by this run.
    pub(crate) ran: u64,
    /// Of which complete.
    pub(crate) complete: u64,
    /// Finished trials in the study afterwards.
    pub(crate) total: u64,
}

/// Runs the study in `storage` (split out so tests can resume in one process).
pub(crate) fn run_in(
    spec: &StudySpec,
    storage: Arc<dyn Storage>,
    sampler: Box<dyn Sampler>,
    out: &mut dyn Write,
) -> Result<RunCounts> {
    if spec.n_trials.is_none() && spec.timeout.is_none() {
        return Err(usage(
            "the study has no budget: give n_trials or timeout in the study file, or \
             --n-trials or --timeout",
        ));
    }
    let study = Study::create(
        Arc::clone(&storage),
        Some(&spec.name),
        &spec.directions,
        sampler,
        true,
    )
    .map_err(study_error)?;
    check_search_space(spec, &study)?;
    storage
        .set_study_attr(
            study.id(),
            AttrKind::System,
            OBJECTIVE_NAMES,
            &serde_json::json!(spec.objective_names),
        )
        .map_err(study_error)?;
    if let Some(r) = &spec.reference_point {
        study.set_reference_point(r).map_err(study_error)?;
    }
    study.set_heartbeat(spec.heartbeat);

    let finished_before = study
        .with_history(|h| h.finished().len() as u64)
        .map_err(study_error)?;
    let progress = Progress::new(spec.n_trials, spec.quiet);
    let remaining = spec.n_trials.map(|n| n.saturating_sub(finished_before));
    let objective = Objective {
        template: spec.command.clone(),
        workdir: spec.workdir.clone(),
        env: spec.env,
        params_file: spec.params_file,
        timeout: spec.trial_timeout,
        n_obj: spec.directions.len(),
        study: spec.name.clone(),
    };

    let ran = AtomicU64::new(0);
    let complete = AtomicU64::new(0);
    let failed_total = AtomicU64::new(
        study
            .with_history(|h| {
                h.finished()
                    .iter()
                    .filter(|t| t.state == TrialState::Failed)
                    .count() as u64
            })
            .map_err(study_error)?,
    );
    let last_failure: Mutex<Option<String>> = Mutex::new(None);
    let stop = interrupt::start_run();

    if remaining == Some(0) {
        progress.say(&format!(
            "study {:?} already has {finished_before} finished trials (n_trials = {}); \
             nothing to run",
            spec.name,
            spec.n_trials.unwrap_or(0)
        ));
    } else {
        let run_trial = |trial: &mut vilfredo_study::Trial| -> Result<Vec<f64>, TrialError> {
            for (name, d) in &spec.params {
                trial.suggest(name, d)?;
            }
            let params: Vec<(String, vilfredo_study::ParamValue)> = trial
                .params()
                .iter()
                .map(|p| (p.name.clone(), p.value()))
                .collect();
            match objective.run(trial.number(), &params) {
                Ok(report) => {
                    if let Some(c) = &report.constraints {
                        trial.set_constraints(c)?;
                    }
                    for (k, v) in report.user_attrs {
                        trial.set_user_attr(&k, v)?;
                    }
                    Ok(report.values)
                }
                Err(failure) => {
                    if !failure.stderr_tail.is_empty() {
                        trial.set_system_attr(
                            "stderr_tail",
                            serde_json::Value::String(tail(&failure.stderr_tail, STDERR_TAIL)),
                        )?;
                    }
                    Err(TrialError::Failed(failure.reason))
                }
            }
        };
        let on_trial = |done: &FrozenTrial| {
            ran.fetch_add(1, Ordering::SeqCst);
            match done.state {
                TrialState::Complete => {
                    complete.fetch_add(1, Ordering::SeqCst);
                }
                TrialState::Failed => {
                    failed_total.fetch_add(1, Ordering::SeqCst);
                    let reason = crate::study::report::fail_reason(done).unwrap_or_default();
                    let stderr_line = done
                        .system_attrs
                        .get("stderr_tail")
                        .and_then(|v| v.as_str())
                        .and_then(|s| s.lines().rev().find(|l| !l.trim().is_empty()))
                        .map(|l| format!(" (stderr: {})", l.trim()))
                        .unwrap_or_default();
                    progress.warn(&format!(
                        "trial {} failed: {reason}{stderr_line}",
                        done.number
                    ));
                    if let Ok(mut last) = last_failure.lock() {
                        *last = Some(reason);
                    }
                }
                _ => {}
            }
            let (front, hypervolume) = study
                .with_history(|h| (h.front_len(), h.hypervolume()))
                .unwrap_or((0, None));
            progress.update(Counts {
                done: finished_before + ran.load(Ordering::SeqCst),
                failed: failed_total.load(Ordering::SeqCst),
                front,
                hypervolume,
            });
        };
        let options = OptimizeOptions {
            n_trials: remaining.map(|r| usize::try_from(r).unwrap_or(usize::MAX)),
            timeout: spec.timeout,
            n_jobs: spec.jobs,
            stop: Some(Arc::clone(&stop)),
        };
        let result = study.optimize(run_trial, &options, Some(&on_trial));
        progress.finish();
        result.map_err(study_error)?;
    }

    let ran = ran.load(Ordering::SeqCst);
    let complete = complete.load(Ordering::SeqCst);
    let summary = summarize(spec, &study, &storage, ran)?;
    for line in &summary.lines {
        progress.say(line);
    }
    // The plot before standard output: a reader that stops early must not cost it.
    if let Some(path) = &spec.plot {
        let svg = super::plot::front_svg(&study, &spec.objective_names).map_err(study_error)?;
        let name = path.display().to_string();
        std::fs::write(path, svg).with_context(|| format!("cannot write {name}"))?;
        progress.say(&format!("plot: {name}"));
    }
    write_table(out, &summary.front, &spec.objective_names)?;
    out.flush()?;
    if interrupt::interrupted() {
        return Err(Interrupted.into());
    }
    if ran > 0 && complete == 0 {
        let last = last_failure
            .lock()
            .ok()
            .and_then(|l| l.clone())
            .unwrap_or_default();
        anyhow::bail!("all {ran} trial(s) of this run failed; the last one: {last}");
    }
    Ok(RunCounts {
        ran,
        complete,
        total: summary.total,
    })
}

/// The end of `s`, at most `max` bytes, cut at a character boundary.
fn tail(s: &str, max: usize) -> String {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    s[start..].to_owned()
}

/// The summary lines and the front.
struct Summary {
    lines: Vec<String>,
    front: Vec<FrozenTrial>,
    total: u64,
}

fn summarize(
    spec: &StudySpec,
    study: &Study,
    storage: &Arc<dyn Storage>,
    ran: u64,
) -> Result<Summary> {
    let all = storage.trials(study.id(), None).map_err(study_error)?;
    let count = |s: TrialState| all.iter().filter(|t| t.state == s).count();
    let total = (count(TrialState::Complete)
        + count(TrialState::Failed)
        + count(TrialState::Pruned)) as u64;
    let mut states = vec![format!("{} complete", count(TrialState::Complete))];
    for (s, name) in [
        (TrialState::Failed, "failed"),
        (TrialState::Pruned, "pruned"),
        (TrialState::Running, "running"),
        (TrialState::Waiting, "waiting"),
    ] {
        if count(s) > 0 {
            states.push(format!("{} {name}", count(s)));
        }
    }
    let (front, hypervolume) = study
        .with_history(|h| {
            (
                h.best_trials().into_iter().cloned().collect::<Vec<_>>(),
                h.hypervolume(),
            )
        })
        .map_err(study_error)?;
    let mut lines = vec![format!(
        "study {:?} in {}: {total} finished trials ({}), {ran} run now",
        spec.name,
        spec.storage,
        states.join(", ")
    )];
    let mut front_line = format!("front: {} trials", front.len());
    if let Some(hv) = hypervolume {
        let reference = storage
            .study(study.id())
            .ok()
            .and_then(|i| i.system_attrs.get("reference_point").cloned())
            .and_then(|v| serde_json::from_value::<Vec<f64>>(v).ok())
            .unwrap_or_default()
            .iter()
            .map(|v| Shortest(*v).to_string())
            .collect::<Vec<_>>()
            .join(",");
        front_line.push_str(&format!(
            "; hypervolume {} (reference {reference})",
            Shortest(hv)
        ));
    }
    lines.push(front_line);
    Ok(Summary {
        lines,
        front,
        total,
    })
}

/// Refuses to resume a study whose stored search space differs from this run's: two
/// ranges under one name would mix incomparable trials. Stores it on the first run.
fn check_search_space(spec: &StudySpec, study: &Study) -> Result<()> {
    let storage = study.storage();
    let info = storage.study(study.id()).map_err(study_error)?;
    let ours: BTreeMap<String, Distribution> = spec.params.iter().cloned().collect();
    match info.system_attrs.get(SEARCH_SPACE) {
        Some(stored) => {
            let stored: BTreeMap<String, Distribution> = serde_json::from_value(stored.clone())
                .map_err(|e| anyhow::anyhow!("the stored search space is unreadable: {e}"))?;
            if stored == ours {
                return Ok(());
            }
            let mut diffs = Vec::new();
            for (name, d) in &ours {
                match stored.get(name) {
                    Some(s) if s != d => diffs.push(format!("{name:?} was {s}, now {d}")),
                    None => diffs.push(format!("{name:?} is new")),
                    _ => {}
                }
            }
            for name in stored.keys().filter(|n| !ours.contains_key(*n)) {
                diffs.push(format!("{name:?} is gone"));
            }
            Err(usage(format!(
                "study {:?} in {} was run with another search space ({}); keep the \
                 parameters as they were, or start a new study with another name",
                spec.name,
                spec.storage,
                diffs.join("; ")
            )))
        }
        None => storage
            .set_study_attr(
                study.id(),
                AttrKind::System,
                SEARCH_SPACE,
                &serde_json::to_value(&ours)?,
            )
            .map_err(study_error),
    }
}

/// A study error as a command error: refused arguments are usage errors (exit 2), the
/// rest runtime errors (exit 1).
pub(crate) fn study_error(e: vilfredo_study::Error) -> anyhow::Error {
    match e {
        vilfredo_study::Error::Invalid(_) | vilfredo_study::Error::StudyNotFound { .. } => {
            usage(e.to_string())
        }
        other => anyhow::Error::new(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use vilfredo_study::{InMemoryStorage, ParamValue, RandomSampler};

    fn spec(extra: &[&str]) -> StudySpec {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/objective.py");
        let mut argv = vec!["vilfredo", "optimize", "-q", "--storage", "memory"];
        argv.extend_from_slice(extra);
        argv.extend_from_slice(&["--", "python3", script, "{mode}", "{x}"]);
        let cli = crate::args::Cli::try_parse_from(argv).unwrap();
        let crate::args::Command::Optimize(args) = cli.command else {
            panic!("not optimize")
        };
        crate::study::spec::from_args(&args).unwrap()
    }

    fn mode(t: &FrozenTrial) -> String {
        match t.param("mode").map(|p| p.value()) {
            Some(ParamValue::Choice(c)) => c.to_string(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_outcome_gets_its_state_and_reason() {
        let modes = "good,object,file,garbage,count,nan,exit,silent,sleep";
        let s = spec(&[
            "--direction",
            "minimize",
            "--direction",
            "minimize",
            "--param",
            &format!("mode:cat:{modes}"),
            "--param",
            "x:float:0:1",
            "--n-trials",
            "40",
            "--jobs",
            "4",
            "--timeout-per-trial",
            "5",
        ]);
        let storage: Arc<dyn Storage> = Arc::new(InMemoryStorage::new());
        let mut out = Vec::new();
        let counts = run_in(
            &s,
            Arc::clone(&storage),
            Box::new(RandomSampler::new(0)),
            &mut out,
        )
        .unwrap();
        assert_eq!(counts.ran, 40);
        let study = storage.find_study("study").unwrap().unwrap();
        let trials = storage.trials(study.id, None).unwrap();
        assert_eq!(trials.len(), 40);
        let mut seen = std::collections::BTreeSet::new();
        for t in &trials {
            let m = mode(t);
            let x = t.param("x").unwrap().value().as_f64().unwrap();
            let reason = crate::study::report::fail_reason(t).unwrap_or_default();
            seen.insert(m.clone());
            match m.as_str() {
                "good" => assert_eq!(t.values, Some(vec![x, 1.0 - x]), "{t:?}"),
                "object" => {
                    assert_eq!(t.values, Some(vec![x, 1.0 - x]));
                    assert_eq!(t.constraints, Some(vec![x - 0.5]));
                    assert_eq!(t.user_attrs["mode"], serde_json::json!("object"));
                }
                "file" => assert_eq!(t.values, Some(vec![x, 2.0]), "{t:?}"),
                _ => assert_eq!(t.state, TrialState::Failed, "{m}: {t:?}"),
            }
            let expected = match m.as_str() {
                "garbage" => "not a JSON array of numbers",
                "count" => "1 value(s) reported but the study has 2",
                "nan" => "objective value 0 is NaN",
                "exit" => "exited with status 3",
                "silent" => "printed nothing",
                "sleep" => "timed out after 5 s",
                _ => {
                    assert_eq!(t.state, TrialState::Complete, "{t:?}");
                    continue;
                }
            };
            assert!(reason.contains(expected), "{m}: {reason}");
            if m == "exit" {
                let tail = t.system_attrs["stderr_tail"].as_str().unwrap();
                assert!(tail.contains("RuntimeError: boom"), "{tail}");
            }
        }
        assert_eq!(seen.len(), 9, "every mode drawn: {seen:?}");
        // The table on standard output is the front, with a header.
        let table = String::from_utf8(out).unwrap();
        assert!(table.starts_with("trial  f1"), "{table}");
    }

    #[test]
    fn resuming_runs_only_the_remainder_and_refuses_another_space() {
        let storage: Arc<dyn Storage> = Arc::new(InMemoryStorage::new());
        let base = [
            "--direction",
            "min",
            "--direction",
            "max",
            "--param",
            "mode:cat:good",
        ];
        let run = |n: &str, x: &str| {
            let mut args = base.to_vec();
            args.extend_from_slice(&["--param", x, "--n-trials", n]);
            run_in(
                &spec(&args),
                Arc::clone(&storage),
                Box::new(RandomSampler::new(0)),
                &mut Vec::new(),
            )
        };
        let first = run("5", "x:float:0:1").unwrap();
        assert_eq!((first.ran, first.total), (5, 5));
        let second = run("8", "x:float:0:1").unwrap();
        assert_eq!((second.ran, second.total), (3, 8));
        let third = run("8", "x:float:0:1").unwrap();
        assert_eq!((third.ran, third.total), (0, 8));
        let e = run("9", "x:float:0:2").unwrap_err();
        assert!(e.downcast_ref::<crate::error::UsageError>().is_some());
        assert!(e.to_string().contains("another search space"), "{e}");
        assert!(e.to_string().contains("\"x\" was float"), "{e}");
    }
}
