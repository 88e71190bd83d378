//! The conformance suite every [`Storage`] backend must pass.
//!
//! Each check takes a fresh, empty storage and returns `Err` with a description of the
//! first broken promise. A backend's test file calls [`run_all`] (or the checks one by
//! one) with its own constructor, so every backend is held to the same contract.

use std::sync::Arc;

use vilfredo_core::Direction;

use super::{AttrKind, Storage};
use crate::distribution::{Choice, Distribution};
use crate::error::Error;
use crate::frozen::{TrialParam, TrialState};

/// The outcome of a check: `Err` names what the backend got wrong.
pub type Check = std::result::Result<(), String>;

macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

fn ok<T>(r: crate::Result<T>, what: &str) -> std::result::Result<T, String> {
    r.map_err(|e| format!("{what}: unexpected error: {e}"))
}

/// Every check, in order; stops at the first failure.
pub fn run_all(make: &dyn Fn() -> Arc<dyn Storage>) -> Check {
    studies(&*make())?;
    trial_lifecycle(&*make())?;
    finished_trials_are_frozen(&*make())?;
    params_and_distributions(&*make())?;
    finished_since_follows_the_study(&*make())?;
    waiting_trials_are_claimed_once(&*make())?;
    heartbeats_fail_stale_trials(&*make())?;
    concurrent_numbers_are_dense(make())?;
    Ok(())
}

/// Creating, finding, listing, attributing and deleting studies.
pub fn studies(s: &dyn Storage) -> Check {
    let dirs = [Direction::Minimize, Direction::Maximize];
    let a = ok(s.create_study("a", &dirs), "create_study")?;
    let b = ok(s.create_study("b", &dirs[..1]), "create_study")?;
    ensure!(a != b, "two studies share id {a:?}");
    ensure!(
        matches!(
            s.create_study("a", &dirs),
            Err(Error::DuplicatedStudy { .. })
        ),
        "a duplicate study name was accepted"
    );
    let info = ok(s.find_study("a"), "find_study")?.ok_or("study a not found")?;
    ensure!(
        info.id == a && info.directions == dirs,
        "find_study returned {info:?}"
    );
    ensure!(
        ok(s.find_study("zzz"), "find_study")?.is_none(),
        "found a missing study"
    );
    ok(
        s.set_study_attr(
            a,
            AttrKind::User,
            "note",
            &serde_json::json!({"x": [1, 2.5]}),
        ),
        "set_study_attr",
    )?;
    let info = ok(s.study(a), "study")?;
    ensure!(
        info.user_attrs.get("note") == Some(&serde_json::json!({"x": [1, 2.5]})),
        "user attribute lost: {:?}",
        info.user_attrs
    );
    let list = ok(s.list_studies(), "list_studies")?;
    ensure!(
        list.len() == 2 && list[0].info.name == "a",
        "list_studies: {list:?}"
    );
    ok(s.delete_study(b), "delete_study")?;
    ensure!(s.study(b).is_err(), "a deleted study is still there");
    ensure!(
        ok(s.list_studies(), "list_studies")?.len() == 1,
        "deleted study listed"
    );
    Ok(())
}

/// Numbers, states, values, constraints and attributes through a trial's life.
pub fn trial_lifecycle(s: &dyn Storage) -> Check {
    let st = ok(
        s.create_study("life", &[Direction::Minimize, Direction::Minimize]),
        "create",
    )?;
    let t0 = ok(s.create_trial(st, TrialState::Running, &[]), "create_trial")?;
    let t1 = ok(s.create_trial(st, TrialState::Running, &[]), "create_trial")?;
    ensure!(
        t0.number == 0 && t1.number == 1,
        "numbers {} {}",
        t0.number,
        t1.number
    );
    ensure!(
        t0.datetime_start.is_some(),
        "a running trial has no start time"
    );
    ok(
        s.set_trial_constraints(t0.id, &[-1.0, 0.5]),
        "set_trial_constraints",
    )?;
    ok(
        s.set_trial_attr(t0.id, AttrKind::User, "k", &serde_json::json!("v")),
        "set_trial_attr",
    )?;
    ensure!(
        s.finish_trial(t0.id, TrialState::Complete, Some(&[1.0]))
            .is_err(),
        "values of the wrong length were accepted"
    );
    ensure!(
        s.finish_trial(t0.id, TrialState::Complete, None).is_err(),
        "a complete trial without values was accepted"
    );
    ensure!(
        s.finish_trial(t0.id, TrialState::Complete, Some(&[f64::NAN, 1.0]))
            .is_err(),
        "NaN values were accepted"
    );
    let values = [0.1 + 0.2, -1e-300];
    let done = ok(
        s.finish_trial(t0.id, TrialState::Complete, Some(&values)),
        "finish",
    )?;
    ensure!(done.state == TrialState::Complete, "state {}", done.state);
    let back = ok(s.trial(t0.id), "trial")?;
    ensure!(
        back.values.as_deref() == Some(&values[..]),
        "values not bit-exact: {:?}",
        back.values
    );
    ensure!(
        back.constraints.as_deref() == Some(&[-1.0, 0.5][..]),
        "constraints lost"
    );
    ensure!(
        back.user_attrs.get("k") == Some(&serde_json::json!("v")),
        "attr lost"
    );
    ensure!(back.datetime_complete.is_some(), "no completion time");
    ensure!(
        !back.is_feasible() && back.violation() == 0.5,
        "violation {}",
        back.violation()
    );
    ok(s.finish_trial(t1.id, TrialState::Failed, None), "fail")?;
    let by_number = ok(s.trial_by_number(st, 1), "trial_by_number")?;
    ensure!(
        by_number.state == TrialState::Failed,
        "trial 1 is {}",
        by_number.state
    );
    ensure!(
        s.trial_by_number(st, 2).is_err(),
        "a missing trial number was found"
    );
    let complete = ok(s.trials(st, Some(&[TrialState::Complete])), "trials")?;
    ensure!(
        complete.len() == 1 && complete[0].number == 0,
        "state filter: {complete:?}"
    );
    ensure!(ok(s.trials(st, None), "trials")?.len() == 2, "all trials");
    Ok(())
}

/// Finished trials refuse every write.
pub fn finished_trials_are_frozen(s: &dyn Storage) -> Check {
    let st = ok(s.create_study("frozen", &[Direction::Minimize]), "create")?;
    let t = ok(s.create_trial(st, TrialState::Running, &[]), "create_trial")?;
    ok(
        s.finish_trial(t.id, TrialState::Complete, Some(&[1.0])),
        "finish",
    )?;
    let d = ok(Distribution::float(0.0, 1.0, false, None), "float")?;
    let frozen = |r: crate::Result<()>| matches!(r, Err(Error::TrialFinished { .. }));
    ensure!(
        frozen(s.set_trial_param(t.id, "x", 0.5, &d)),
        "param set on a finished trial"
    );
    ensure!(
        frozen(s.set_trial_constraints(t.id, &[0.0])),
        "constraints on a finished trial"
    );
    ensure!(
        frozen(s.set_trial_attr(t.id, AttrKind::User, "a", &serde_json::json!(1))),
        "attribute on a finished trial"
    );
    ensure!(
        frozen(s.record_heartbeat(t.id)),
        "heartbeat on a finished trial"
    );
    ensure!(
        matches!(
            s.finish_trial(t.id, TrialState::Failed, None),
            Err(Error::TrialFinished { .. })
        ),
        "a finished trial was finished again"
    );
    ensure!(
        ok(s.trial(t.id), "trial")?.values == Some(vec![1.0]),
        "values changed"
    );
    Ok(())
}

/// Parameter values, distributions and the compatibility rules.
pub fn params_and_distributions(s: &dyn Storage) -> Check {
    let st = ok(s.create_study("params", &[Direction::Minimize]), "create")?;
    let t = ok(s.create_trial(st, TrialState::Running, &[]), "create_trial")?;
    let lr = ok(Distribution::float(1e-5, 1.0, true, None), "float")?;
    let act = ok(
        Distribution::categorical(vec![
            Choice::Str("relu".into()),
            Choice::None,
            Choice::Float(0.5),
        ]),
        "categorical",
    )?;
    let n = ok(Distribution::int(1, 9, false, 2), "int")?;
    ok(s.set_trial_param(t.id, "lr", 3.3e-4, &lr), "set lr")?;
    ok(s.set_trial_param(t.id, "act", 1.0, &act), "set act")?;
    ok(s.set_trial_param(t.id, "n", 5.0, &n), "set n")?;
    ok(
        s.set_trial_param(t.id, "n", 5.0, &n),
        "set n again (idempotent)",
    )?;
    ensure!(
        s.set_trial_param(t.id, "n", 7.0, &n).is_err(),
        "n changed within a trial"
    );
    let n2 = ok(Distribution::int(1, 11, false, 2), "int")?;
    ensure!(
        matches!(
            s.set_trial_param(t.id, "n", 5.0, &n2),
            Err(Error::IncompatibleParam { .. })
        ),
        "n redefined with another range within a trial"
    );
    ensure!(
        s.set_trial_param(t.id, "m", 4.0, &n).is_err(),
        "value off the grid accepted"
    );
    let back = ok(s.trial(t.id), "trial")?;
    let names: Vec<&str> = back.params.iter().map(|p| p.name.as_str()).collect();
    ensure!(names == ["lr", "act", "n"], "parameter order {names:?}");
    ensure!(
        back.params[0].internal == 3.3e-4 && back.params[0].distribution == lr,
        "lr"
    );
    ensure!(
        back.params[1].distribution == act,
        "categorical distribution changed"
    );
    let t2 = ok(s.create_trial(st, TrialState::Running, &[]), "create_trial")?;
    ok(
        s.set_trial_param(t2.id, "n", 11.0, &n2),
        "another range in another trial",
    )?;
    let as_float = ok(Distribution::float(1.0, 9.0, false, None), "float")?;
    ensure!(
        matches!(
            s.set_trial_param(t2.id, "act", 1.0, &as_float),
            Err(Error::IncompatibleParam { .. })
        ),
        "a categorical name reused as a float"
    );
    let fixed = [TrialParam {
        name: "lr".into(),
        internal: 0.01,
        distribution: lr.clone(),
    }];
    let t3 = ok(
        s.create_trial(st, TrialState::Running, &fixed),
        "create_trial with params",
    )?;
    ensure!(t3.params == fixed, "fixed params: {:?}", t3.params);
    Ok(())
}

/// `finished_since` returns each finished trial once, in finishing order.
pub fn finished_since_follows_the_study(s: &dyn Storage) -> Check {
    let st = ok(s.create_study("since", &[Direction::Minimize]), "create")?;
    let ts: Vec<_> = (0..4)
        .map(|_| s.create_trial(st, TrialState::Running, &[]))
        .collect::<crate::Result<_>>()
        .map_err(|e| e.to_string())?;
    let first = ok(s.finished_since(st, 0), "finished_since")?;
    ensure!(first.trials.is_empty(), "unfinished trials reported");
    ok(
        s.finish_trial(ts[2].id, TrialState::Complete, Some(&[2.0])),
        "finish",
    )?;
    ok(s.finish_trial(ts[0].id, TrialState::Failed, None), "finish")?;
    let a = ok(s.finished_since(st, first.cursor), "finished_since")?;
    let order: Vec<u64> = a.trials.iter().map(|t| t.number).collect();
    ensure!(order == [2, 0], "finishing order {order:?}");
    ok(s.finish_trial(ts[1].id, TrialState::Pruned, None), "finish")?;
    let b = ok(s.finished_since(st, a.cursor), "finished_since")?;
    ensure!(
        b.trials.len() == 1 && b.trials[0].number == 1,
        "second read: {:?}",
        b.trials.iter().map(|t| t.number).collect::<Vec<_>>()
    );
    let c = ok(s.finished_since(st, b.cursor), "finished_since")?;
    ensure!(
        c.trials.is_empty() && c.cursor == b.cursor,
        "third read not empty"
    );
    Ok(())
}

/// An enqueued trial is handed out exactly once, oldest first, with its parameters.
pub fn waiting_trials_are_claimed_once(s: &dyn Storage) -> Check {
    let st = ok(s.create_study("queue", &[Direction::Minimize]), "create")?;
    let d = ok(Distribution::int(0, 10, false, 1), "int")?;
    for v in [3.0, 4.0] {
        let p = [TrialParam {
            name: "k".into(),
            internal: v,
            distribution: d.clone(),
        }];
        ok(s.create_trial(st, TrialState::Waiting, &p), "enqueue")?;
    }
    let a = ok(s.claim_waiting_trial(st), "claim")?.ok_or("nothing to claim")?;
    let b = ok(s.claim_waiting_trial(st), "claim")?.ok_or("second claim empty")?;
    ensure!(
        ok(s.claim_waiting_trial(st), "claim")?.is_none(),
        "claimed a third time"
    );
    ensure!(
        a.number == 0 && b.number == 1,
        "claim order {} {}",
        a.number,
        b.number
    );
    ensure!(
        a.state == TrialState::Running && a.datetime_start.is_some(),
        "claimed state"
    );
    ensure!(a.params[0].internal == 3.0, "claimed params {:?}", a.params);
    Ok(())
}

/// A running trial whose heartbeat stopped is failed after the grace period.
pub fn heartbeats_fail_stale_trials(s: &dyn Storage) -> Check {
    let st = ok(s.create_study("beats", &[Direction::Minimize]), "create")?;
    let quiet = ok(s.create_trial(st, TrialState::Running, &[]), "create")?;
    let beating = ok(s.create_trial(st, TrialState::Running, &[]), "create")?;
    ok(s.record_heartbeat(beating.id), "heartbeat")?;
    ensure!(
        ok(s.fail_stale_trials(st, 60_000), "fail_stale")?.is_empty(),
        "failed a live trial"
    );
    std::thread::sleep(std::time::Duration::from_millis(30));
    let failed = ok(s.fail_stale_trials(st, 10), "fail_stale")?;
    ensure!(
        failed.len() == 1 && failed[0].id == beating.id && failed[0].state == TrialState::Failed,
        "stale trials: {failed:?}"
    );
    ensure!(
        ok(s.trial(quiet.id), "trial")?.state == TrialState::Running,
        "a trial without heartbeats was failed"
    );
    let since = ok(s.finished_since(st, 0), "finished_since")?;
    ensure!(
        since.trials.len() == 1,
        "the failed trial is not in the finishing order"
    );
    Ok(())
}

/// Trials created from many threads get dense, unique numbers.
pub fn concurrent_numbers_are_dense(s: Arc<dyn Storage>) -> Check {
    let st = ok(
        s.create_study("concurrent", &[Direction::Minimize]),
        "create",
    )?;
    let workers: Vec<_> = (0..8)
        .map(|_| {
            let s = Arc::clone(&s);
            std::thread::spawn(move || -> crate::Result<Vec<u64>> {
                let mut numbers = Vec::new();
                for _ in 0..25 {
                    let t = s.create_trial(st, TrialState::Running, &[])?;
                    s.finish_trial(t.id, TrialState::Complete, Some(&[t.number as f64]))?;
                    numbers.push(t.number);
                }
                Ok(numbers)
            })
        })
        .collect();
    let mut all = Vec::new();
    for w in workers {
        let numbers = w
            .join()
            .map_err(|_| "a worker thread panicked".to_string())?
            .map_err(|e| format!("worker: {e}"))?;
        all.extend(numbers);
    }
    all.sort_unstable();
    ensure!(
        all == (0..200).collect::<Vec<u64>>(),
        "numbers are not 0..200 exactly once"
    );
    let since = ok(s.finished_since(st, 0), "finished_since")?;
    ensure!(
        since.trials.len() == 200,
        "finishing order holds {}",
        since.trials.len()
    );
    Ok(())
}
