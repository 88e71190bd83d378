//! Several processes on one SQLite file: concurrent workers, a worker killed mid-trial,
//! a worker killed while writing.
//!
//! Workers are this test binary run again: the parent starts it with `--exact
//! worker_entry` and the environment variable `VILFREDO_SQLITE_WORKER` naming the role;
//! without the variable `worker_entry` does nothing. Workers report on stdout with lines
//! `RUNNING n` and `TOLD n` (searched anywhere in a line, since the test harness prints
//! its own text around them).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::panic
)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use common::TempDb;
use vilfredo_storage::SqliteStorage;
use vilfredo_study::{
    Direction, Heartbeat, OptimizeOptions, Outcome, RandomSampler, Storage, Study, TrialError,
    TrialState,
};

const ROLE: &str = "VILFREDO_SQLITE_WORKER";
const DB: &str = "VILFREDO_SQLITE_WORKER_DB";
const SEED: &str = "VILFREDO_SQLITE_WORKER_SEED";
const TRIALS: &str = "VILFREDO_SQLITE_WORKER_TRIALS";

/// The objective every worker evaluates; the parent recomputes it from the stored
/// parameters to check that no trial got another trial's values.
fn objective(x: f64, y: f64) -> Vec<f64> {
    vec![x, (1.0 + y) * (1.0 - x.sqrt()), x * y - 0.5]
}

fn open(path: &Path) -> Arc<dyn Storage> {
    Arc::new(SqliteStorage::open(path).unwrap())
}

fn load(path: &Path, seed: u64) -> Study {
    Study::load(open(path), "shared", Box::new(RandomSampler::new(seed))).unwrap()
}

fn create(path: &Path) -> Study {
    Study::create(
        open(path),
        Some("shared"),
        &[Direction::Minimize; 3],
        Box::new(RandomSampler::new(0)),
        false,
    )
    .unwrap()
}

fn spawn(role: &str, db: &Path, seed: u64, trials: usize) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "worker_entry", "--nocapture", "--test-threads=1"])
        .env(ROLE, role)
        .env(DB, db)
        .env(SEED, seed.to_string())
        .env(TRIALS, trials.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// The number after `tag` in a worker's output line, if the line has one.
fn tagged(line: &str, tag: &str) -> Option<u64> {
    let rest = &line[line.find(tag)? + tag.len()..];
    rest.split_whitespace().next()?.parse().ok()
}

/// The worker side: does nothing unless started by one of the tests below.
#[test]
fn worker_entry() {
    let Ok(role) = std::env::var(ROLE) else {
        return;
    };
    let path = std::path::PathBuf::from(std::env::var(DB).unwrap());
    let seed: u64 = std::env::var(SEED).unwrap().parse().unwrap();
    let n: usize = std::env::var(TRIALS).unwrap().parse().unwrap();
    if role == "race-open" {
        // Every worker creates the file, its schema and the study at the same moment.
        let study = Study::create(
            open(&path),
            Some("shared"),
            &[Direction::Minimize; 3],
            Box::new(RandomSampler::new(seed)),
            true,
        )
        .unwrap();
        for _ in 0..n {
            let mut t = study.ask().unwrap();
            let x = t.suggest_float("x", 0.0, 1.0).unwrap();
            let y = t.suggest_float("y", 0.0, 1.0).unwrap();
            study.tell(t, Outcome::Complete(objective(x, y))).unwrap();
        }
        return;
    }
    let study = load(&path, seed);
    match role.as_str() {
        "optimize" => {
            let options = OptimizeOptions {
                n_trials: Some(n),
                ..OptimizeOptions::default()
            };
            let done = study
                .optimize(
                    |t| {
                        let x = t.suggest_float("x", 0.0, 1.0)?;
                        let y = t.suggest_float("y", 0.0, 1.0)?;
                        Ok(objective(x, y))
                    },
                    &options,
                    None,
                )
                .unwrap();
            assert_eq!(done, n);
        }
        "hang" => {
            study.set_heartbeat(Some(Heartbeat {
                interval: Duration::from_millis(100),
                grace: Duration::from_secs(1),
                max_retry: 1,
            }));
            let options = OptimizeOptions {
                n_trials: Some(1),
                ..OptimizeOptions::default()
            };
            let _ = study.optimize(
                |t| -> Result<Vec<f64>, TrialError> {
                    let x = t.suggest_float("x", 0.0, 1.0)?;
                    println!("RUNNING {}", t.number());
                    // Wait to be killed; the heartbeat thread keeps beating meanwhile.
                    std::thread::sleep(Duration::from_secs(600));
                    Ok(objective(x, x))
                },
                &options,
                None,
            );
        }
        "tell-loop" => loop {
            let mut t = study.ask().unwrap();
            let x = t.suggest_float("x", 0.0, 1.0).unwrap();
            let y = t.suggest_float("y", 0.0, 1.0).unwrap();
            t.set_user_attr("worker", seed.into()).unwrap();
            let number = t.number();
            study.tell(t, Outcome::Complete(objective(x, y))).unwrap();
            println!("TOLD {number}");
        },
        other => panic!("unknown worker role {other}"),
    }
}

/// Eight processes run 2,000 trials of one study: every number once, every trial
/// complete with its own values, and no error on the way.
#[test]
fn eight_processes_share_one_study() {
    let db = TempDb::new("eight");
    create(&db.path);
    let workers: Vec<Child> = (0..8)
        .map(|i| spawn("optimize", &db.path, 100 + i, 250))
        .collect();
    for w in workers {
        let out = w.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a worker failed: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let study = load(&db.path, 0);
    let trials = study.trials().unwrap();
    let numbers: Vec<u64> = trials.iter().map(|t| t.number).collect();
    assert_eq!(numbers, (0..2000).collect::<Vec<u64>>());
    for t in &trials {
        assert_eq!(t.state, TrialState::Complete, "trial {}", t.number);
        let x = t.param("x").unwrap().internal;
        let y = t.param("y").unwrap().internal;
        assert_eq!(t.values.as_deref(), Some(&objective(x, y)[..]));
    }
    let since = study.storage().finished_since(study.id(), 0).unwrap();
    assert_eq!(since.cursor, 2000);
    let mut finished: Vec<u64> = since.trials.iter().map(|t| t.number).collect();
    finished.sort_unstable();
    assert_eq!(finished, numbers);
    assert_eq!(study.with_history(|h| h.finished().len()).unwrap(), 2000);
}

/// Workers that all start on a file that does not exist yet: one creates the schema and
/// the study, the others wait for it and join.
#[test]
fn workers_racing_to_create_the_file_agree() {
    let db = TempDb::new("race");
    let workers: Vec<Child> = (0..6)
        .map(|i| spawn("race-open", &db.path, i, 30))
        .collect();
    for w in workers {
        let out = w.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a worker failed: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let storage = SqliteStorage::open(&db.path).unwrap();
    let studies = storage.list_studies().unwrap();
    assert_eq!(studies.len(), 1);
    assert_eq!(studies[0].count(TrialState::Complete), 180);
    assert_eq!(studies[0].n_trials(), 180);
}

/// A worker killed mid-trial: its trial keeps running until the grace period has
/// passed, then the next ask in another process fails it and retries its parameters;
/// nothing else changes.
#[test]
fn a_killed_workers_trial_is_failed_after_the_grace() {
    let db = TempDb::new("heartbeat");
    let study = create(&db.path);
    let options = OptimizeOptions {
        n_trials: Some(3),
        ..OptimizeOptions::default()
    };
    study
        .optimize(
            |t| {
                let x = t.suggest_float("x", 0.0, 1.0)?;
                Ok(objective(x, x))
            },
            &options,
            None,
        )
        .unwrap();
    let before = study.trials().unwrap();

    let mut worker = spawn("hang", &db.path, 7, 1);
    let mut lines = BufReader::new(worker.stdout.take().unwrap()).lines();
    let dead = loop {
        let line = lines
            .next()
            .expect("the worker ended before starting its trial")
            .unwrap();
        if let Some(n) = tagged(&line, "RUNNING ") {
            break n;
        }
    };
    worker.kill().unwrap();
    worker.wait().unwrap();
    assert_eq!(dead, 3);

    let storage = study.storage();
    let dead_trial = storage.trial_by_number(study.id(), dead).unwrap();
    assert_eq!(dead_trial.state, TrialState::Running);
    assert!(dead_trial.param("x").is_some());
    // Within the grace it is left alone.
    assert!(
        storage
            .fail_stale_trials(study.id(), 60_000)
            .unwrap()
            .is_empty()
    );

    std::thread::sleep(Duration::from_millis(1300));
    study.set_heartbeat(Some(Heartbeat {
        interval: Duration::from_millis(100),
        grace: Duration::from_secs(1),
        max_retry: 1,
    }));
    let retry = study.ask().unwrap();
    let failed = storage.trial_by_number(study.id(), dead).unwrap();
    assert_eq!(failed.state, TrialState::Failed);
    assert!(failed.values.is_none());
    assert_eq!(retry.number(), dead + 1);
    assert_eq!(retry.params(), dead_trial.params.as_slice());
    assert_eq!(
        retry.snapshot().system_attrs.get("retried_from"),
        Some(&serde_json::json!(dead))
    );
    let x = retry.params()[0].internal;
    let told = study
        .tell(retry, Outcome::Complete(objective(x, x)))
        .unwrap();
    assert_eq!(told.state, TrialState::Complete);

    let after = study.trials().unwrap();
    assert_eq!(after.len(), 5);
    assert_eq!(&after[..3], &before[..]);
    let failed_in_history = study.with_history(|h| h.finished().len()).unwrap();
    assert_eq!(failed_in_history, 5);
}

/// A worker killed with SIGKILL while it tells trials in a loop: the file opens
/// cleanly and holds every trial the worker had reported as told.
#[test]
fn a_kill_during_writes_loses_nothing_committed() {
    let db = TempDb::new("kill");
    create(&db.path);
    let mut told: Vec<u64> = Vec::new();
    for round in 0..3u64 {
        let mut worker = spawn("tell-loop", &db.path, round, 0);
        let mut lines = BufReader::new(worker.stdout.take().unwrap()).lines();
        let mut seen = 0;
        while seen < 60 + 40 * round {
            let line = lines.next().expect("the worker ended").unwrap();
            if let Some(n) = tagged(&line, "TOLD ") {
                told.push(n);
                seen += 1;
            }
        }
        worker.kill().unwrap();
        // What the worker printed before it died was told before it died.
        for line in lines {
            if let Some(n) = tagged(&line.unwrap(), "TOLD ") {
                told.push(n);
            }
        }
        worker.wait().unwrap();

        let conn = rusqlite::Connection::open(&db.path).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        drop(conn);

        let storage = SqliteStorage::open(&db.path).unwrap();
        let study = storage.find_study("shared").unwrap().unwrap();
        let trials = storage.trials(study.id, None).unwrap();
        let numbers: Vec<u64> = trials.iter().map(|t| t.number).collect();
        assert_eq!(numbers, (0..trials.len() as u64).collect::<Vec<u64>>());
        for &n in &told {
            let t = &trials[n as usize];
            assert_eq!(t.state, TrialState::Complete, "told trial {n}");
            let x = t.param("x").unwrap().internal;
            let y = t.param("y").unwrap().internal;
            assert_eq!(t.values.as_deref(), Some(&objective(x, y)[..]));
        }
        // Only the trial in flight at the kill may be left running.
        let running = trials
            .iter()
            .filter(|t| t.state == TrialState::Running)
            .count();
        assert!(running <= round as usize + 1, "{running} running trials");
    }
}
