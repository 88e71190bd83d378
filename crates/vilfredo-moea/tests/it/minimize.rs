//! `minimize` and the terminations.

use crate::common::{NanAtRow3, zdt1};
use vilfredo_moea::{
    Algorithm, Error, MaxEvaluations, MaxGenerations, Nsga2, Nsga2Config, Termination, minimize,
};

fn nsga2(p: &vilfredo_problems::Zdt, pop_size: usize) -> Nsga2 {
    let c = Nsga2Config {
        pop_size,
        seed: 1,
        ..Nsga2Config::default()
    };
    Nsga2::for_problem(p, c).unwrap()
}

#[test]
fn generations_count_the_initial_population() {
    let p = zdt1(5);
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
    let p = zdt1(5);
    let mut alg = nsga2(&p, 10);
    minimize(&p, &mut alg, &mut MaxEvaluations(45)).unwrap();
    assert_eq!(alg.n_eval(), 50);
    let mut alg = nsga2(&p, 10);
    minimize(&p, &mut alg, &mut MaxEvaluations(0)).unwrap();
    assert_eq!(alg.n_eval(), 0);
}

#[test]
fn progress_runs_from_zero_to_one() {
    let p = zdt1(5);
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
    let p = zdt1(5);
    let mut alg = nsga2(&zdt1(6), 10);
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
    let p = zdt1(5);
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

#[test]
fn nan_as_infeasible_when_asked() {
    use crate::common::FailsAbove;
    use vilfredo_moea::NanPolicy;
    let p = FailsAbove;
    let c = Nsga2Config {
        pop_size: 20,
        seed: 5,
        nan_policy: NanPolicy::Infeasible,
        ..Nsga2Config::default()
    };
    let mut alg = Nsga2::for_problem(&p, c).unwrap();
    minimize(&p, &mut alg, &mut MaxGenerations(1)).unwrap();
    // The initial population keeps its failures, ranked after everyone else.
    let failed: Vec<usize> = (0..20).filter(|&i| alg.x()[2 * i] > 0.6).collect();
    assert!(!failed.is_empty());
    let worst_ok = (0..20)
        .filter(|i| !failed.contains(i))
        .map(|i| alg.ranks()[i])
        .max()
        .unwrap();
    for &i in &failed {
        assert!(alg.ranks()[i] > worst_ok);
        assert_eq!(&alg.f()[2 * i..2 * i + 2], &[f64::MAX, f64::MAX]);
    }
    let res = minimize(&p, &mut alg, &mut MaxGenerations(15)).unwrap();
    assert!(!res.is_empty());
    for i in 0..res.len() {
        assert!(res.x_row(i)[0] <= 0.6, "a failed evaluation in the result");
    }
    // With enough good individuals, failures do not survive.
    assert!(alg.x().chunks_exact(2).all(|r| r[0] <= 0.6));
}

#[test]
fn parallel_evaluation_gives_the_same_run_for_any_thread_count() {
    use vilfredo_moea::{Evaluation, MinimizeOptions, minimize_with};
    let p = crate::common::Bnh;
    let c = Nsga2Config {
        pop_size: 50,
        seed: 9,
        ..Nsga2Config::default()
    };
    let mut serial = Nsga2::for_problem(&p, c).unwrap();
    minimize(&p, &mut serial, &mut MaxGenerations(8)).unwrap();
    for threads in [1, 2, 3] {
        for rows_per_task in [1, 7, 64] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut alg = Nsga2::for_problem(&p, c).unwrap();
            let opts = MinimizeOptions {
                evaluation: Evaluation::Parallel { rows_per_task },
            };
            pool.install(|| minimize_with(&p, &mut alg, &mut MaxGenerations(8), opts))
                .unwrap();
            assert_eq!(
                alg.state(),
                serial.state(),
                "{threads} threads, {rows_per_task} rows"
            );
        }
    }
    let mut alg = Nsga2::for_problem(&p, c).unwrap();
    let opts = MinimizeOptions {
        evaluation: Evaluation::Parallel { rows_per_task: 0 },
    };
    assert!(minimize_with(&p, &mut alg, &mut MaxGenerations(2), opts).is_err());
}

#[test]
fn parallel_errors_name_rows_of_the_whole_batch() {
    use vilfredo_moea::{Evaluation, evaluate};
    // A problem that refuses rows whose first variable exceeds 0.5, naming the row.
    struct Picky;
    impl vilfredo_moea::Problem for Picky {
        fn name(&self) -> &str {
            "picky"
        }
        fn n_var(&self) -> usize {
            1
        }
        fn n_obj(&self) -> usize {
            1
        }
        fn lower(&self) -> &[f64] {
            &[0.0]
        }
        fn upper(&self) -> &[f64] {
            &[1.0]
        }
        fn evaluate(&self, x: &[f64], f: &mut [f64], _g: &mut [f64]) -> vilfredo_moea::Result<()> {
            if let Some(row) = x.iter().position(|&v| v > 0.5) {
                return Err(Error::NonFinite {
                    what: "picky",
                    row,
                    column: 0,
                    value: x[row],
                });
            }
            f.copy_from_slice(x);
            Ok(())
        }
    }
    let x: Vec<f64> = (0..20).map(|i| if i == 13 { 0.9 } else { 0.1 }).collect();
    let mut f = vec![0.0; 20];
    let e = evaluate(
        &Picky,
        &x,
        &mut f,
        &mut [],
        Evaluation::Parallel { rows_per_task: 4 },
    )
    .unwrap_err();
    assert!(matches!(e, Error::NonFinite { row: 13, .. }), "{e}");
    let e = evaluate(&Picky, &x, &mut f[..19], &mut [], Evaluation::Serial).unwrap_err();
    assert!(matches!(
        e,
        Error::DimensionMismatch {
            what: "objective buffer",
            ..
        }
    ));
}
