//! Save and restore for SMS-EMOA, SPEA2 and R-NSGA-II: an interrupted run continues bit
//! for bit, pending batches survive, inconsistent states are refused.

use crate::common::{Bnh, FailsAbove, zdt1};
use serde::{Serialize, de::DeserializeOwned};
use vilfredo_moea::{
    Algorithm, MaxEvaluations, NanPolicy, Nsga2Config, Problem, RNsga2, RNsga2Config, RNsga2State,
    SmsEmoa, SmsEmoaConfig, SmsEmoaState, Spea2, Spea2Config, Spea2State, minimize,
};

fn through_json<T: Serialize + DeserializeOwned>(state: &T) -> T {
    serde_json::from_str(&serde_json::to_string(state).unwrap()).unwrap()
}

/// Runs `make()` straight to `total` evaluations, and again stopping at `split`,
/// snapshotting through JSON, restoring, and continuing; both must end identical.
fn check_resume<A, S>(
    p: &dyn Problem,
    make: impl Fn() -> A,
    state: impl Fn(&A) -> S,
    restore: impl Fn(S) -> A,
    split: usize,
    total: usize,
) where
    A: Algorithm,
    S: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let mut straight = make();
    minimize(p, &mut straight, &mut MaxEvaluations(total)).unwrap();
    let mut first = make();
    minimize(p, &mut first, &mut MaxEvaluations(split)).unwrap();
    let snap = through_json(&state(&first));
    let mut resumed = restore(snap);
    assert_eq!(resumed.n_eval(), first.n_eval());
    minimize(p, &mut resumed, &mut MaxEvaluations(total)).unwrap();
    assert_eq!(state(&resumed), state(&straight));
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&resumed.result().f), bits(&straight.result().f));
    // A pending batch survives too.
    let asked = first.ask().unwrap().as_slice().to_vec();
    let mut again = restore(through_json(&state(&first)));
    assert_eq!(again.ask().unwrap().as_slice(), &asked[..]);
}

#[test]
fn sms_emoa_resumes_bit_for_bit() {
    for p in [&zdt1(10) as &dyn Problem, &Bnh] {
        for n_offspring in [1, 5] {
            let c = SmsEmoaConfig {
                pop_size: 20,
                n_offspring,
                seed: 42,
                ..SmsEmoaConfig::default()
            };
            check_resume(
                p,
                || SmsEmoa::for_problem(p, c).unwrap(),
                SmsEmoa::state,
                |s: SmsEmoaState| SmsEmoa::from_state(s).unwrap(),
                120,
                400,
            );
        }
    }
}

#[test]
fn spea2_resumes_bit_for_bit() {
    for p in [&zdt1(10) as &dyn Problem, &Bnh] {
        for (archive_size, normalize) in [(10, false), (20, false), (50, false), (20, true)] {
            let c = Spea2Config {
                pop_size: 20,
                archive_size,
                seed: 42,
                normalize,
                ..Spea2Config::default()
            };
            check_resume(
                p,
                || Spea2::for_problem(p, c).unwrap(),
                Spea2::state,
                |s: Spea2State| Spea2::from_state(s).unwrap(),
                40,
                300,
            );
        }
    }
}

#[test]
fn rnsga2_resumes_bit_for_bit() {
    for p in [&zdt1(10) as &dyn Problem, &Bnh] {
        let mut c = RNsga2Config::new(vec![0.3, 0.6, 0.9, 0.1]);
        c.nsga2 = Nsga2Config {
            pop_size: 20,
            seed: 42,
            ..Nsga2Config::default()
        };
        c.epsilon = 0.01;
        check_resume(
            p,
            || RNsga2::for_problem(p, c.clone()).unwrap(),
            RNsga2::state,
            |s: RNsga2State| RNsga2::from_state(s).unwrap(),
            100,
            400,
        );
    }
}

#[test]
fn failed_evaluations_survive_the_snapshot() {
    let p = FailsAbove;
    let c = SmsEmoaConfig {
        pop_size: 16,
        seed: 12,
        nan_policy: NanPolicy::Infeasible,
        ..SmsEmoaConfig::default()
    };
    check_resume(
        &p,
        || SmsEmoa::for_problem(&p, c).unwrap(),
        SmsEmoa::state,
        |s: SmsEmoaState| SmsEmoa::from_state(s).unwrap(),
        16,
        200,
    );
    let c = Spea2Config {
        pop_size: 16,
        archive_size: 16,
        seed: 12,
        nan_policy: NanPolicy::Infeasible,
        normalize: true,
        ..Spea2Config::default()
    };
    check_resume(
        &p,
        || Spea2::for_problem(&p, c).unwrap(),
        Spea2::state,
        |s: Spea2State| Spea2::from_state(s).unwrap(),
        16,
        200,
    );
}

#[test]
fn inconsistent_states_are_refused() {
    let p = zdt1(6);
    let mut a = SmsEmoa::for_problem(
        &p,
        SmsEmoaConfig {
            pop_size: 10,
            ..SmsEmoaConfig::default()
        },
    )
    .unwrap();
    minimize(&p, &mut a, &mut MaxEvaluations(30)).unwrap();
    let good = a.state();
    assert!(SmsEmoa::from_state(good.clone()).is_ok());
    let mut s = good.clone();
    s.f.pop();
    assert!(SmsEmoa::from_state(s).is_err());
    let mut s = good.clone();
    s.x[0] = 2.0;
    assert!(SmsEmoa::from_state(s).is_err());
    let mut s = good;
    s.failed.push(99);
    assert!(SmsEmoa::from_state(s).is_err());

    let mut b = Spea2::for_problem(
        &p,
        Spea2Config {
            pop_size: 10,
            archive_size: 10,
            ..Spea2Config::default()
        },
    )
    .unwrap();
    minimize(&p, &mut b, &mut MaxEvaluations(30)).unwrap();
    let good = b.state();
    assert!(Spea2::from_state(good.clone()).is_ok());
    let mut s = good.clone();
    s.fitness.pop();
    assert!(Spea2::from_state(s).is_err());
    let mut s = good;
    s.fitness[0] = f64::NAN;
    assert!(Spea2::from_state(s).is_err());

    let mut c = RNsga2Config::new(vec![0.5, 0.5]);
    c.nsga2.pop_size = 10;
    let mut r = RNsga2::for_problem(&p, c).unwrap();
    minimize(&p, &mut r, &mut MaxEvaluations(30)).unwrap();
    let good = r.state();
    assert!(RNsga2::from_state(good.clone()).is_ok());
    let mut s = good.clone();
    s.preference.pop();
    assert!(RNsga2::from_state(s).is_err());
    let mut s = good.clone();
    s.nadir = Some(vec![1.0]);
    assert!(RNsga2::from_state(s).is_err());
    let mut s = good;
    s.config.reference_points = vec![0.5, 0.5, 0.5];
    assert!(RNsga2::from_state(s).is_err());
}
