//! The in-memory storage against the shared conformance suite, and the study loop on it.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use vilfredo_study::storage::conformance;
use vilfredo_study::{
    Choice, Direction, InMemoryStorage, OptimizeOptions, Outcome, RandomSampler, Storage, Study,
    TrialError, TrialState,
};

fn memory() -> Arc<dyn Storage> {
    Arc::new(InMemoryStorage::new())
}

#[test]
fn in_memory_storage_conforms() {
    conformance::run_all(&memory).unwrap();
}

fn study(seed: u64) -> Study {
    Study::create(
        memory(),
        Some("s"),
        &[Direction::Minimize, Direction::Maximize],
        Box::new(RandomSampler::new(seed)),
        false,
    )
    .unwrap()
}

#[test]
fn define_by_run_with_branches() {
    let s = study(3);
    let opts = OptimizeOptions {
        n_trials: Some(60),
        ..Default::default()
    };
    let n = s
        .optimize(
            |t| {
                let kind = t.suggest_categorical(
                    "kind",
                    &[Choice::Str("a".into()), Choice::Str("b".into())],
                )?;
                let x = t.suggest_float("x", -1.0, 1.0)?;
                let extra = if kind == Choice::Str("a".into()) {
                    t.suggest_int("depth", 1, 8)? as f64
                } else {
                    t.suggest_float_with("lr", 1e-4, 1.0, true, None)?
                };
                Ok(vec![x * x, extra])
            },
            &opts,
            None,
        )
        .unwrap();
    assert_eq!(n, 60);
    let trials = s.trials().unwrap();
    assert_eq!(trials.len(), 60);
    for t in &trials {
        assert_eq!(t.state, TrialState::Complete);
        let has_depth = t.param("depth").is_some();
        let has_lr = t.param("lr").is_some();
        assert!(has_depth != has_lr, "trial {} took both branches", t.number);
    }
    // best_trials is the front in (min x², max extra).
    let best = s.best_trials().unwrap();
    for b in &best {
        let (bv, _) = (b.values.as_ref().unwrap(), ());
        for t in &trials {
            let v = t.values.as_ref().unwrap();
            let dominates = v[0] <= bv[0] && v[1] >= bv[1] && (v[0] < bv[0] || v[1] > bv[1]);
            assert!(
                !dominates,
                "trial {} dominates best trial {}",
                t.number, b.number
            );
        }
    }
}

#[test]
fn same_seed_same_trials_and_redefinition_is_an_error() {
    let run = |seed| {
        let s = study(seed);
        let opts = OptimizeOptions {
            n_trials: Some(20),
            ..Default::default()
        };
        s.optimize(
            |t| {
                Ok(vec![
                    t.suggest_float("x", 0.0, 1.0)?,
                    t.suggest_int("k", 0, 9)? as f64,
                ])
            },
            &opts,
            None,
        )
        .unwrap();
        s.trials()
            .unwrap()
            .into_iter()
            .map(|t| t.params)
            .collect::<Vec<_>>()
    };
    assert_eq!(run(5), run(5));
    assert_ne!(run(5), run(6));

    let s = study(1);
    let mut t = s.ask().unwrap();
    t.suggest_float("x", 0.0, 1.0).unwrap();
    let err = t.suggest_float("x", 0.0, 2.0).unwrap_err().to_string();
    assert!(err.contains("\"x\""), "{err}");
}

#[test]
fn bad_values_fail_the_trial_and_keep_it() {
    let s = study(1);
    let t = s.ask().unwrap();
    let err = s
        .tell(t, Outcome::Complete(vec![1.0]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("1 value(s)") && err.contains("2 direction(s)"),
        "{err}"
    );
    let t = s.ask().unwrap();
    assert!(s.tell(t, Outcome::Complete(vec![f64::NAN, 1.0])).is_err());
    let trials = s.trials().unwrap();
    assert_eq!(trials.len(), 2);
    assert!(trials.iter().all(|t| t.state == TrialState::Failed));
    assert!(
        trials[1].system_attrs["fail_reason"]
            .as_str()
            .unwrap()
            .contains("NaN")
    );
    assert!(
        s.tell_number(0, Outcome::Pruned).is_err(),
        "a finished trial was told again"
    );
}

#[test]
fn objective_failures_do_not_stop_the_loop_and_jobs_share_numbers() {
    let s = study(2);
    let opts = OptimizeOptions {
        n_trials: Some(40),
        n_jobs: 4,
        ..Default::default()
    };
    s.optimize(
        |t| {
            let x = t.suggest_float("x", 0.0, 1.0)?;
            if t.number() % 5 == 0 {
                return Err(TrialError::Failed("boom".into()));
            }
            Ok(vec![x, x])
        },
        &opts,
        None,
    )
    .unwrap();
    let trials = s.trials().unwrap();
    let numbers: Vec<u64> = trials.iter().map(|t| t.number).collect();
    assert_eq!(numbers, (0..40).collect::<Vec<_>>());
    assert_eq!(
        trials
            .iter()
            .filter(|t| t.state == TrialState::Failed)
            .count(),
        8
    );
}

#[test]
fn hypervolume_is_kept_incrementally() {
    let s = study(4);
    s.set_reference_point(&[1.0, 0.0]).unwrap();
    let opts = OptimizeOptions {
        n_trials: Some(200),
        ..Default::default()
    };
    s.optimize(
        |t| {
            let x = t.suggest_float("x", 0.0, 1.0)?;
            let y = t.suggest_float("y", 0.0, 1.0)?;
            Ok(vec![x, y * (1.0 - x)])
        },
        &opts,
        None,
    )
    .unwrap();
    let (hv, front) = s
        .with_history(|h| {
            (
                h.hypervolume().unwrap(),
                h.best_trials()
                    .iter()
                    .map(|t| t.values.clone().unwrap())
                    .collect::<Vec<_>>(),
            )
        })
        .unwrap();
    // Minimised form: (x, −y(1−x)) against (1, 0).
    let pts: Vec<f64> = front.iter().flat_map(|v| [v[0], -v[1]]).collect();
    let exact = vilfredo_pareto::hypervolume(
        vilfredo_core::PointsView::new(&pts, 2).unwrap(),
        &[1.0, 0.0],
    )
    .unwrap();
    assert!(
        (hv - exact).abs() <= 1e-12 * exact.max(1.0),
        "{hv} vs {exact}"
    );
    assert!(hv > 0.1);
}

#[test]
fn infeasible_only_gives_least_violating() {
    let s = study(1);
    for (i, c) in [3.0, 1.0, 1.0, 2.0].into_iter().enumerate() {
        let mut t = s.ask().unwrap();
        t.set_constraints(&[c, -1.0]).unwrap();
        s.tell(t, Outcome::Complete(vec![i as f64, 0.0])).unwrap();
    }
    let best: Vec<u64> = s.best_trials().unwrap().iter().map(|t| t.number).collect();
    assert_eq!(
        best,
        vec![1],
        "among violation-1 trials, trial 1 (value 1) dominates trial 2"
    );
    let mut t = s.ask().unwrap();
    t.set_constraints(&[0.0]).unwrap();
    s.tell(t, Outcome::Complete(vec![9.0, 0.0])).unwrap();
    let best: Vec<u64> = s.best_trials().unwrap().iter().map(|t| t.number).collect();
    assert_eq!(best, vec![4], "a feasible trial beats every infeasible one");
}

#[test]
fn load_if_exists_and_enqueue() {
    let storage = memory();
    let dirs = [Direction::Minimize];
    let a = Study::create(
        storage.clone(),
        Some("x"),
        &dirs,
        Box::new(RandomSampler::new(0)),
        false,
    )
    .unwrap();
    assert!(
        Study::create(
            storage.clone(),
            Some("x"),
            &dirs,
            Box::new(RandomSampler::new(0)),
            false
        )
        .is_err()
    );
    assert!(
        Study::create(
            storage.clone(),
            Some("x"),
            &[Direction::Maximize],
            Box::new(RandomSampler::new(0)),
            true
        )
        .is_err()
    );
    let d = vilfredo_study::Distribution::float(0.0, 10.0, false, None).unwrap();
    a.enqueue(&[vilfredo_study::TrialParam {
        name: "x".into(),
        internal: 7.5,
        distribution: d,
    }])
    .unwrap();
    let b = Study::create(
        storage.clone(),
        Some("x"),
        &dirs,
        Box::new(RandomSampler::new(0)),
        true,
    )
    .unwrap();
    let mut t = b.ask().unwrap();
    assert_eq!(t.suggest_float("x", 0.0, 10.0).unwrap(), 7.5);
    let err = Study::load(storage, "nope", Box::new(RandomSampler::new(0)))
        .unwrap_err()
        .to_string();
    assert!(err.contains("\"x\""), "{err}");
}
