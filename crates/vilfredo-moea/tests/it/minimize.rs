//! `minimize` and the terminations.

use crate::common::{NanAtRow3, Zdt1};
use vilfredo_moea::{
    Algorithm, Error, MaxEvaluations, MaxGenerations, Nsga2, Nsga2Config, Termination, minimize,
};

fn nsga2(p: &Zdt1, pop_size: usize) -> Nsga2 {
    let c = Nsga2Config {
        pop_size,
        seed: 1,
        ..Nsga2Config::default()
    };
    Nsga2::for_problem(p, c).unwrap()
}

#[test]
fn generations_count_the_initial_population() {
    let p = Zdt1::new(5);
    let mut alg = nsga2(&p, 10);
    let res = minimize(&p, &mut alg, &mut MaxGenerations(7)).unwrap();
    assert_eq!((alg.n_gen(), alg.n_eval()), (7, 70));
    assert_eq!(res, alg.result());
    // A longer termination continues the same run.
    minimize(&p, &mut alg, &mut MaxGenerations(9)).unwrap();
    assert_eq!(alg.n_gen(), 9);
}

#[test]
fn evaluations_may_overshoot_by_less_than_a_batch() {
    let p = Zdt1::new(5);
    let mut alg = nsga2(&p, 10);
    minimize(&p, &mut alg, &mut MaxEvaluations(45)).unwrap();
    assert_eq!(alg.n_eval(), 50);
    let mut alg = nsga2(&p, 10);
    minimize(&p, &mut alg, &mut MaxEvaluations(0)).unwrap();
    assert_eq!(alg.n_eval(), 0);
}

#[test]
fn progress_runs_from_zero_to_one() {
    let p = Zdt1::new(5);
    let mut alg = nsga2(&p, 10);
    let mut t = MaxEvaluations(30);
    assert_eq!(t.progress(&alg), 0.0);
    minimize(&p, &mut alg, &mut MaxGenerations(2)).unwrap();
    assert!((t.progress(&alg) - 20.0 / 30.0).abs() < 1e-15);
    minimize(&p, &mut alg, &mut MaxGenerations(5)).unwrap();
    assert_eq!(t.progress(&alg), 1.0);
    assert!(t.has_terminated(&alg));
}

#[test]
fn mismatched_problem_is_refused() {
    let p = Zdt1::new(5);
    let mut alg = nsga2(&Zdt1::new(6), 10);
    let e = minimize(&p, &mut alg, &mut MaxGenerations(2)).unwrap_err();
    assert_eq!(
        e,
        Error::DimensionMismatch {
            what: "problem variables",
            expected: 6,
            found: 5
        }
    );
}

#[test]
fn nan_from_the_problem_is_an_error_naming_the_row() {
    let p = NanAtRow3;
    let mut alg = Nsga2::for_problem(
        &p,
        Nsga2Config {
            pop_size: 8,
            ..Nsga2Config::default()
        },
    )
    .unwrap();
    let e = minimize(&p, &mut alg, &mut MaxGenerations(3)).unwrap_err();
    assert!(
        matches!(
            e,
            Error::NonFinite {
                what: "objectives",
                row: 3,
                column: 1,
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(alg.n_eval(), 0);
}

#[test]
fn time_budget_stops_the_run() {
    let p = Zdt1::new(5);
    let mut alg = nsga2(&p, 10);
    minimize(
        &p,
        &mut alg,
        &mut vilfredo_moea::MaxTime::new(std::time::Duration::ZERO),
    )
    .unwrap();
    assert_eq!(alg.n_gen(), 0);
    let mut t = vilfredo_moea::MaxTime::new(std::time::Duration::from_millis(30));
    minimize(&p, &mut alg, &mut t).unwrap();
    assert!(alg.n_gen() >= 1);
    assert!(t.has_terminated(&alg));
}
