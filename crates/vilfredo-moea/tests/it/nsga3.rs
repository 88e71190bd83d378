//! NSGA-III through ask/tell: settings and reference directions, invariants,
//! determinism, constraints, quality against pymoo, and a golden run.

use crate::common::{Bnh, FailsAbove, hash_bits, zdt1};
use vilfredo_core::design::das_dennis;
use vilfredo_core::{Points, PointsView};
use vilfredo_moea::{
    Algorithm, Error, MaxGenerations, NanPolicy, Nsga3, Nsga3Config, Problem, Space, minimize,
    nsga3_pop_size,
};
use vilfredo_pareto::indicator::igd;
use vilfredo_problems::{Dtlz, DtlzKind};

fn config(pop_size: Option<usize>, seed: u64) -> Nsga3Config {
    Nsga3Config {
        pop_size,
        seed,
        ..Nsga3Config::default()
    }
}

fn dirs(m: usize, p: usize) -> Points {
    das_dennis(m, p).unwrap()
}

fn dtlz(kind: DtlzKind, m: usize, n_var: usize) -> Dtlz {
    Dtlz::new(kind, m, Some(n_var)).unwrap()
}

#[test]
fn default_population_rounds_the_directions_up_to_a_multiple_of_4() {
    assert_eq!(nsga3_pop_size(91), 92);
    assert_eq!(nsga3_pop_size(156), 156);
    assert_eq!(nsga3_pop_size(210), 212);
    assert_eq!(nsga3_pop_size(1), 4);
    let p = dtlz(DtlzKind::Dtlz2, 3, 7);
    let d = dirs(3, 12);
    let alg = Nsga3::for_problem(&p, d.view(), config(None, 0)).unwrap();
    assert_eq!(alg.pop_size(), 92);
    let alg = Nsga3::for_problem(&p, d.view(), config(Some(30), 0)).unwrap();
    assert_eq!(alg.pop_size(), 30);
}

#[test]
fn bad_input_is_refused_with_a_clear_error() {
    let p = dtlz(DtlzKind::Dtlz2, 3, 7);
    // Directions for 2 objectives on a 3-objective problem.
    let two = dirs(2, 10);
    let err = Nsga3::for_problem(&p, two.view(), config(None, 0)).unwrap_err();
    assert!(
        matches!(&err, Error::InvalidArgument { name: "ref_dirs", reason } if reason.contains("2 components") && reason.contains("3 objectives")),
        "{err}"
    );
    // A population too small.
    let d = dirs(3, 4);
    for n in [0, 1] {
        let err = Nsga3::for_problem(&p, d.view(), config(Some(n), 0)).unwrap_err();
        assert!(
            matches!(
                err,
                Error::InvalidArgument {
                    name: "pop_size",
                    ..
                }
            ),
            "{err}"
        );
    }
    // Negative, all-zero and missing directions.
    for bad in [vec![1.0, -0.5, 0.5], vec![0.0, 0.0, 0.0]] {
        let v = PointsView::new(&bad, 3).unwrap();
        assert!(Nsga3::for_problem(&p, v, config(None, 0)).is_err());
    }
    let empty = Points::empty(3).unwrap();
    assert!(Nsga3::for_problem(&p, empty.view(), config(None, 0)).is_err());
    // Bad operator settings.
    let mut c = config(None, 0);
    c.crossover.eta = -1.0;
    assert!(Nsga3::for_problem(&p, d.view(), c).is_err());
    // Tell before ask, wrong sizes, NaN.
    let mut alg = Nsga3::for_problem(&p, d.view(), config(None, 0)).unwrap();
    assert!(alg.tell(&[], None).is_err());
    let n = alg.ask().unwrap().len();
    assert!(matches!(
        alg.tell(&vec![0.0; n * 3 - 1], None),
        Err(Error::DimensionMismatch { .. })
    ));
    let mut f = vec![0.5; n * 3];
    f[4] = f64::NAN;
    assert!(matches!(
        alg.tell(&f, None),
        Err(Error::NonFinite {
            row: 1,
            column: 1,
            ..
        })
    ));
    f[4] = 0.5;
    alg.tell(&f, None).unwrap();
}

#[test]
fn invariants_hold_every_generation() {
    let p = dtlz(DtlzKind::Dtlz1, 3, 7);
    let d = dirs(3, 6);
    let mut alg = Nsga3::for_problem(&p, d.view(), config(None, 11)).unwrap();
    let n = alg.pop_size();
    assert_eq!(n, 28);
    for k in 1..=15 {
        let x = alg.ask().unwrap().as_slice().to_vec();
        assert_eq!(x.len(), n * 7);
        for row in x.chunks_exact(7) {
            assert!(row.iter().all(|v| (0.0..=1.0).contains(v)), "{row:?}");
        }
        let mut f = vec![0.0; n * 3];
        p.evaluate(&x, &mut f, &mut []).unwrap();
        alg.tell(&f, None).unwrap();
        assert_eq!((alg.n_gen(), alg.n_eval()), (k, k * n));
        assert_eq!(alg.x().len(), n * 7);
        assert_eq!(alg.f().len(), n * 3);
        // No duplicates in the population.
        let rows: Vec<&[f64]> = alg.x().chunks_exact(7).collect();
        for i in 0..rows.len() {
            for j in 0..i {
                assert_ne!(rows[i], rows[j]);
            }
        }
        // The ideal point is the minimum of everything seen, so never above the population.
        let ideal = &alg.normalization().unwrap().ideal;
        for r in alg.f().chunks_exact(3) {
            assert!(r.iter().zip(ideal).all(|(v, z)| v >= z));
        }
    }
    let res = alg.result();
    let nd = vilfredo_pareto::sort::is_non_dominated(res.objectives().unwrap());
    assert!(nd.iter().all(|&b| b));
}

#[test]
fn same_seed_same_run_other_seed_other_run() {
    let p = dtlz(DtlzKind::Dtlz2, 3, 8);
    let d = dirs(3, 5);
    let finals: Vec<Vec<f64>> = [3u64, 3, 4]
        .iter()
        .map(|&seed| {
            let mut alg = Nsga3::for_problem(&p, d.view(), config(None, seed)).unwrap();
            minimize(&p, &mut alg, &mut MaxGenerations(12)).unwrap();
            alg.x().to_vec()
        })
        .collect();
    assert_eq!(hash_bits(&finals[0]), hash_bits(&finals[1]));
    assert_ne!(finals[0], finals[2]);
}

#[test]
fn any_thread_count_gives_the_same_run() {
    use vilfredo_moea::{Evaluation, MinimizeOptions, minimize_with};
    let p = dtlz(DtlzKind::Dtlz2, 3, 8);
    let d = dirs(3, 6);
    let c = config(None, 9);
    let mut serial = Nsga3::for_problem(&p, d.view(), c).unwrap();
    minimize(&p, &mut serial, &mut MaxGenerations(8)).unwrap();
    for threads in [1, 2, 3] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let mut alg = Nsga3::for_problem(&p, d.view(), c).unwrap();
        let opts = MinimizeOptions {
            evaluation: Evaluation::Parallel { rows_per_task: 5 },
        };
        pool.install(|| minimize_with(&p, &mut alg, &mut MaxGenerations(8), opts))
            .unwrap();
        assert_eq!(alg.state(), serial.state(), "{threads} threads");
    }
}

#[test]
fn two_objectives_and_constraints_end_feasible() {
    let p = Bnh;
    let d = dirs(2, 23);
    let mut alg = Nsga3::for_problem(&p, d.view(), config(None, 3)).unwrap();
    assert_eq!(alg.pop_size(), 24);
    minimize(&p, &mut alg, &mut MaxGenerations(60)).unwrap();
    let pop = alg.population();
    for i in 0..pop.len() {
        assert_eq!(pop.violation(i), 0.0, "member {i}: {:?}", pop.g_row(i));
    }
    assert!(alg.result().len() > 15, "front of {}", alg.result().len());
}

#[test]
fn failed_evaluations_are_infeasible_and_never_in_the_result() {
    let p = FailsAbove;
    let d = dirs(2, 11);
    let c = Nsga3Config {
        nan_policy: NanPolicy::Infeasible,
        ..config(None, 12)
    };
    let mut alg = Nsga3::for_problem(&p, d.view(), c).unwrap();
    minimize(&p, &mut alg, &mut MaxGenerations(10)).unwrap();
    let res = alg.result();
    assert!(!res.is_empty());
    for i in 0..res.len() {
        assert!(res.x_row(i)[0] <= 0.6);
    }
}

#[test]
fn mixed_spaces_keep_types() {
    let s = Space::new(
        vec![0.0, -3.0, 0.0],
        vec![1.0, 7.0, 1.0],
        vec![
            vilfredo_moea::VarType::Real,
            vilfredo_moea::VarType::Integer,
            vilfredo_moea::VarType::Binary,
        ],
    )
    .unwrap();
    let d = dirs(2, 7);
    let mut alg = Nsga3::new(s, 2, 0, d.view(), config(None, 1)).unwrap();
    for _ in 0..10 {
        let x = alg.ask().unwrap().as_slice().to_vec();
        for r in x.chunks_exact(3) {
            assert_eq!(r[1].fract(), 0.0);
            assert!(r[2] == 0.0 || r[2] == 1.0);
        }
        let f: Vec<f64> = x
            .chunks_exact(3)
            .flat_map(|r| [r[0] + r[2], 1.0 - r[0] + (r[1] - 2.0).abs()])
            .collect();
        alg.tell(&f, None).unwrap();
    }
}

/// IGD on DTLZ2 (3 objectives, 12 variables, 91 Das–Dennis directions, population 92,
/// 150 generations) against the 91 directions projected on the unit sphere.
///
/// pymoo 0.6.2 `NSGA3(ref_dirs, pop_size=92)` with the same budget, seeds 1–10, reached
/// IGD median 0.0041 (min 0.0029, max 0.0056) on its result; measured once with
/// `minimize(get_problem("dtlz2", n_var=12, n_obj=3), NSGA3(...), ("n_gen", 150),
/// seed=s)` and `IGD(pf)`, `pf` the normalized directions.
#[test]
fn dtlz2_reaches_pymoo_igd() {
    let p = dtlz(DtlzKind::Dtlz2, 3, 12);
    let d = dirs(3, 12);
    let front: Vec<f64> = d
        .as_slice()
        .chunks_exact(3)
        .flat_map(|w| {
            let n = w.iter().map(|v| v * v).sum::<f64>().sqrt();
            w.iter().map(move |v| v / n).collect::<Vec<_>>()
        })
        .collect();
    let front = PointsView::new(&front, 3).unwrap();
    for seed in [1u64, 2] {
        let mut alg = Nsga3::for_problem(&p, d.view(), config(None, seed)).unwrap();
        let res = minimize(&p, &mut alg, &mut MaxGenerations(150)).unwrap();
        let v = igd(res.objectives().unwrap(), front).unwrap();
        println!("dtlz2 seed {seed}: igd {v}, {} points", res.len());
        assert!(v < 0.0056, "seed {seed}: IGD {v}");
    }
}

/// Pins a short DTLZ2 run bit for bit (selection, normalization, niching and the random
/// stream); if a change is intended, update the constant and say why in the commit.
#[test]
fn golden_dtlz2_front() {
    let p = dtlz(DtlzKind::Dtlz2, 3, 7);
    let d = dirs(3, 6);
    let mut alg = Nsga3::for_problem(&p, d.view(), config(None, 2026)).unwrap();
    let res = minimize(&p, &mut alg, &mut MaxGenerations(20)).unwrap();
    assert_eq!(alg.n_eval(), 20 * 28);
    let h = hash_bits(&res.f) ^ hash_bits(&res.x).rotate_left(1);
    assert_eq!(
        h,
        0x3d8d_7fd3_9a19_48d7,
        "front hash {h:#018x} ({} points)",
        res.len()
    );
}

#[test]
fn zdt1_two_objectives_work() {
    let p = zdt1(10);
    let d = dirs(2, 39);
    let mut alg = Nsga3::for_problem(&p, d.view(), config(None, 5)).unwrap();
    let res = minimize(&p, &mut alg, &mut MaxGenerations(100)).unwrap();
    let hv = vilfredo_pareto::hypervolume(res.objectives().unwrap(), &[1.1, 1.1]).unwrap();
    assert!(hv > 0.85, "hypervolume {hv}");
}
