//! The SQLite store against the conformance suite every backend passes, plus what only
//! a file can promise: the data is still there after reopening.

#![allow(clippy::unwrap_used)]

mod common;

use std::sync::{Arc, Mutex};

use common::TempDb;
use vilfredo_storage::SqliteStorage;
use vilfredo_study::storage::conformance;
use vilfredo_study::{
    AttrKind, Choice, Direction, Distribution, InMemoryStorage, Storage, TrialParam, TrialState,
};

#[test]
fn sqlite_storage_conforms() {
    // Each check gets a fresh file; the files live until the end of the test.
    let files: Mutex<Vec<TempDb>> = Mutex::new(Vec::new());
    let make = || -> Arc<dyn Storage> {
        let db = TempDb::new("conformance");
        let s = Arc::new(SqliteStorage::open(&db.path).unwrap());
        files.lock().unwrap().push(db);
        s
    };
    conformance::run_all(&make).unwrap();
}

#[test]
fn in_memory_storage_conforms_here_too() {
    conformance::run_all(&|| Arc::new(InMemoryStorage::new()) as Arc<dyn Storage>).unwrap();
}

#[test]
fn open_by_url() {
    let db = TempDb::new("url");
    let url = format!("sqlite:///{}", db.path.display());
    let s = vilfredo_storage::open(&url).unwrap();
    s.create_study("by-url", &[Direction::Minimize]).unwrap();
    drop(s);
    let again = vilfredo_storage::open(&url).unwrap();
    assert!(again.find_study("by-url").unwrap().is_some());
}

#[test]
fn everything_survives_reopening() {
    let db = TempDb::new("reopen");
    let d = Distribution::categorical(vec![Choice::Str("a".into()), Choice::Float(0.5)]).unwrap();
    let x = Distribution::float(-1.0, 1.0, false, None).unwrap();
    let values = [f64::INFINITY, -0.0, 0.1 + 0.2];
    let (study, before, waiting) = {
        let s = SqliteStorage::open(&db.path).unwrap();
        let st = s
            .create_study(
                "keep",
                &[
                    Direction::Maximize,
                    Direction::Minimize,
                    Direction::Minimize,
                ],
            )
            .unwrap();
        s.set_study_attr(st, AttrKind::System, "ref", &serde_json::json!([1.5, 2]))
            .unwrap();
        let t = s.create_trial(st, TrialState::Running, &[]).unwrap();
        s.set_trial_param(t.id, "x", -1.0 / 3.0, &x).unwrap();
        s.set_trial_param(t.id, "c", 1.0, &d).unwrap();
        s.set_trial_constraints(t.id, &[f64::NEG_INFINITY, 1e-310])
            .unwrap();
        s.set_trial_attr(t.id, AttrKind::User, "note", &serde_json::json!({"k": 0.1}))
            .unwrap();
        let done = s
            .finish_trial(t.id, TrialState::Complete, Some(&values))
            .unwrap();
        let p = [TrialParam {
            name: "x".into(),
            internal: 0.25,
            distribution: x.clone(),
        }];
        let w = s.create_trial(st, TrialState::Waiting, &p).unwrap();
        (st, done, w)
    };
    let s = SqliteStorage::open(&db.path).unwrap();
    let info = s.study(study).unwrap();
    assert_eq!(info.system_attrs["ref"], serde_json::json!([1.5, 2]));
    let after = s.trial(before.id).unwrap();
    assert_eq!(after, before);
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(after.values.as_deref().unwrap()), bits(&values));
    assert_eq!(
        bits(after.constraints.as_deref().unwrap()),
        bits(&[f64::NEG_INFINITY, 1e-310])
    );
    let since = s.finished_since(study, 0).unwrap();
    assert_eq!(since.trials, vec![before]);
    let claimed = s.claim_waiting_trial(study).unwrap().unwrap();
    assert_eq!(claimed.id, waiting.id);
    assert_eq!(claimed.params, waiting.params);
    assert_eq!(s.trials(study, None).unwrap().len(), 2);
    // The per-study kind check survives too: "c" stays categorical.
    let t = s.create_trial(study, TrialState::Running, &[]).unwrap();
    assert!(s.set_trial_param(t.id, "c", 0.5, &x).is_err());
}

#[test]
fn deleted_ids_are_not_reused() {
    let db = TempDb::new("ids");
    let s = SqliteStorage::open(&db.path).unwrap();
    let a = s.create_study("a", &[Direction::Minimize]).unwrap();
    let t = s.create_trial(a, TrialState::Running, &[]).unwrap();
    s.delete_study(a).unwrap();
    assert!(s.trial(t.id).is_err());
    let b = s.create_study("a", &[Direction::Minimize]).unwrap();
    let u = s.create_trial(b, TrialState::Running, &[]).unwrap();
    assert_ne!(a, b);
    assert_ne!(t.id, u.id);
    assert_eq!(u.number, 0);
}
