//! Files written by each released schema version still open, with their content.
//!
//! `tests/data/schema-v<N>.db` is a small store written by the code of schema version
//! N. When a migration is added, the files of the earlier versions must still open and
//! read the same. To write the current version's file (once, when its version is new):
//!
//! ```text
//! VILFREDO_WRITE_FIXTURES=1 cargo test -p vilfredo-storage --test upgrade
//! ```

#![allow(clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};

use common::TempDb;
use vilfredo_storage::{SCHEMA_VERSION, SqliteStorage};
use vilfredo_study::{
    AttrKind, Choice, Direction, Distribution, ParamValue, Storage, TrialParam, TrialState,
};

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/data/schema-v{version}.db"))
}

/// The content every fixture holds.
fn write_content(s: &SqliteStorage) {
    let st = s
        .create_study("fixture", &[Direction::Minimize, Direction::Maximize])
        .unwrap();
    s.set_study_attr(st, AttrKind::User, "note", &serde_json::json!("kept"))
        .unwrap();
    let x = Distribution::float(1e-3, 1.0, true, None).unwrap();
    let n = Distribution::int(0, 10, false, 2).unwrap();
    let c = Distribution::categorical(vec![Choice::Str("a".into()), Choice::None]).unwrap();
    let t = s.create_trial(st, TrialState::Running, &[]).unwrap();
    s.set_trial_param(t.id, "x", 0.125, &x).unwrap();
    s.set_trial_param(t.id, "n", 4.0, &n).unwrap();
    s.set_trial_param(t.id, "c", 1.0, &c).unwrap();
    s.set_trial_constraints(t.id, &[-1.0, f64::INFINITY])
        .unwrap();
    s.finish_trial(
        t.id,
        TrialState::Complete,
        Some(&[0.1 + 0.2, f64::NEG_INFINITY]),
    )
    .unwrap();
    let f = s.create_trial(st, TrialState::Running, &[]).unwrap();
    s.set_trial_attr(f.id, AttrKind::System, "fail_reason", &"boom".into())
        .unwrap();
    s.finish_trial(f.id, TrialState::Failed, None).unwrap();
    let p = [TrialParam {
        name: "x".into(),
        internal: 0.5,
        distribution: x,
    }];
    s.create_trial(st, TrialState::Waiting, &p).unwrap();
}

#[test]
fn write_the_current_fixture_when_asked() {
    if std::env::var_os("VILFREDO_WRITE_FIXTURES").is_none() {
        return;
    }
    let path = fixture(SCHEMA_VERSION);
    let _ = std::fs::remove_file(&path);
    let s = SqliteStorage::open(&path).unwrap();
    write_content(&s);
    drop(s);
    // One self-contained file: the log folded in, free pages dropped.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = DELETE; VACUUM;")
        .unwrap();
}

#[test]
fn every_released_schema_opens_with_its_content() {
    if std::env::var_os("VILFREDO_WRITE_FIXTURES").is_some() {
        return; // the fixture is being written by the test above
    }
    for version in 1..=SCHEMA_VERSION {
        let original = fixture(version);
        assert!(original.exists(), "{} is missing", original.display());
        // Opening converts the file to WAL mode: work on a copy.
        let db = TempDb::new(&format!("schema-v{version}"));
        std::fs::copy(&original, &db.path).unwrap();
        let s = SqliteStorage::open(&db.path).unwrap();
        let info = s.find_study("fixture").unwrap().unwrap();
        assert_eq!(info.directions, [Direction::Minimize, Direction::Maximize]);
        assert_eq!(info.user_attrs["note"], serde_json::json!("kept"));
        let trials = s.trials(info.id, None).unwrap();
        let states: Vec<TrialState> = trials.iter().map(|t| t.state).collect();
        assert_eq!(
            states,
            [
                TrialState::Complete,
                TrialState::Failed,
                TrialState::Waiting
            ]
        );
        let t = &trials[0];
        assert_eq!(
            t.values.as_deref(),
            Some(&[0.1 + 0.2, f64::NEG_INFINITY][..])
        );
        assert_eq!(t.constraints.as_deref(), Some(&[-1.0, f64::INFINITY][..]));
        let params: Vec<(&str, ParamValue)> = t.param_values().collect();
        assert_eq!(
            params,
            [
                ("x", ParamValue::Float(0.125)),
                ("n", ParamValue::Int(4)),
                ("c", ParamValue::Choice(Choice::None)),
            ]
        );
        assert_eq!(trials[1].system_attrs["fail_reason"], "boom");
        assert_eq!(trials[2].params[0].internal, 0.5);
        let since = s.finished_since(info.id, 0).unwrap();
        assert_eq!(since.cursor, 2);
        // And the file goes on: new trials are numbered after the old ones.
        let next = s.create_trial(info.id, TrialState::Running, &[]).unwrap();
        assert_eq!(next.number, 3);
    }
}
