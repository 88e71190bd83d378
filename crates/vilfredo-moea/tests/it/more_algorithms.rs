//! SMS-EMOA, SPEA2 and R-NSGA-II: hand-worked cases, invariants, bad input.

use crate::common::{Bnh, FailsAbove, Tnk, zdt1};
use vilfredo_moea::{
    Algorithm, Error, Evaluation, MaxEvaluations, MaxGenerations, MinimizeOptions, NanPolicy,
    Nsga2Config, Problem, RNsga2, RNsga2Config, SmsEmoa, SmsEmoaConfig, Space, Spea2, Spea2Config,
    minimize, minimize_with,
};

fn sms(pop_size: usize, seed: u64) -> SmsEmoaConfig {
    SmsEmoaConfig {
        pop_size,
        seed,
        ..SmsEmoaConfig::default()
    }
}

fn spea2(pop_size: usize, seed: u64) -> Spea2Config {
    Spea2Config {
        pop_size,
        archive_size: pop_size,
        seed,
        ..Spea2Config::default()
    }
}

fn rnsga2(pop_size: usize, seed: u64, refs: Vec<f64>) -> RNsga2Config {
    let mut c = RNsga2Config::new(refs);
    c.nsga2 = Nsga2Config {
        pop_size,
        seed,
        ..Nsga2Config::default()
    };
    c
}

fn unit_space(n: usize) -> Space {
    Space::real(vec![0.0; n], vec![1.0; n]).unwrap()
}

// ---------------------------------------------------------------- SMS-EMOA by hand

/// Population A(1,5), B(2,3), C(4,2), D(5,1) and offspring E(2.1,2.3), all
/// non-dominated; reference point = worst + 1 = (6, 6). Sorted by f1 the exclusive
/// contributions are (next f1 − f1) × (previous f2 − f2):
/// A 1×1 = 1, B 0.1×2 = 0.2, E 1.9×0.7 = 1.33, C 1×0.3 = 0.3, D 1×1 = 1.
/// B contributes least and goes.
#[test]
fn sms_emoa_removes_the_least_contributor_worked_by_hand() {
    let mut alg = SmsEmoa::new(unit_space(2), 2, 0, sms(4, 1)).unwrap();
    assert_eq!(alg.ask().unwrap().len(), 4);
    alg.tell(&[1.0, 5.0, 2.0, 3.0, 4.0, 2.0, 5.0, 1.0], None)
        .unwrap();
    assert_eq!(alg.ask().unwrap().len(), 1);
    alg.tell(&[2.1, 2.3], None).unwrap();
    assert_eq!(alg.f(), &[1.0, 5.0, 4.0, 2.0, 5.0, 1.0, 2.1, 2.3]);
    assert_eq!(alg.ranks(), &[0, 0, 0, 0]);
    // A dominated offspring is the whole worst front and goes at once.
    alg.ask().unwrap();
    alg.tell(&[6.0, 6.0], None).unwrap();
    assert_eq!(alg.f(), &[1.0, 5.0, 4.0, 2.0, 5.0, 1.0, 2.1, 2.3]);
    // An offspring dominating C sends C (now alone in the worst front) away.
    alg.ask().unwrap();
    alg.tell(&[3.0, 1.5], None).unwrap();
    assert_eq!(alg.f(), &[1.0, 5.0, 5.0, 1.0, 2.1, 2.3, 3.0, 1.5]);
    assert_eq!((alg.n_gen(), alg.n_eval()), (4, 7));
}

/// The offset moves the reference point, and with it the extremes' contributions:
/// population (0,3), (1,1), (3,0) and offspring (2, 0.5). With offset 1 (ref (4,4)):
/// (0,3) 1×1 = 1, (1,1) 1×2 = 2, (2,0.5) 1×0.5 = 0.5, (3,0) 1×0.5 = 0.5: a tie between
/// the offspring and (3,0), broken toward the earlier, (3,0). With offset 0.25
/// (ref (3.25, 3.25)): (0,3) 1×0.25, (3,0) 0.25×0.5 = 0.125 — (3,0) again. With offset 4
/// (ref (7,7)): (0,3) 1×4 = 4, (3,0) 4×0.5 = 2, (2,0.5) 0.5: the offspring goes.
#[test]
fn sms_emoa_reference_offset_decides_between_extremes() {
    for (offset, expect) in [
        (1.0, vec![0.0, 3.0, 1.0, 1.0, 2.0, 0.5]),
        (0.25, vec![0.0, 3.0, 1.0, 1.0, 2.0, 0.5]),
        (4.0, vec![0.0, 3.0, 1.0, 1.0, 3.0, 0.0]),
    ] {
        let c = SmsEmoaConfig {
            ref_offset: offset,
            ..sms(3, 2)
        };
        let mut alg = SmsEmoa::new(unit_space(2), 2, 0, c).unwrap();
        alg.ask().unwrap();
        alg.tell(&[0.0, 3.0, 1.0, 1.0, 3.0, 0.0], None).unwrap();
        alg.ask().unwrap();
        alg.tell(&[2.0, 0.5], None).unwrap();
        assert_eq!(alg.f(), &expect[..], "offset {offset}");
    }
}

#[test]
fn sms_emoa_infeasible_go_first_then_by_violation() {
    let mut alg = SmsEmoa::new(unit_space(2), 2, 1, sms(3, 3)).unwrap();
    alg.ask().unwrap();
    // Two feasible and one violating by 2.
    alg.tell(&[1.0, 2.0, 2.0, 1.0, 0.0, 0.0], Some(&[0.0, -1.0, 2.0]))
        .unwrap();
    alg.ask().unwrap();
    // A feasible offspring dominated by both feasible members still beats the violator.
    alg.tell(&[5.0, 5.0], Some(&[0.0])).unwrap();
    assert_eq!(alg.f(), &[1.0, 2.0, 2.0, 1.0, 5.0, 5.0]);
    assert_eq!(alg.ranks(), &[0, 0, 1]);
    assert_eq!(alg.result().len(), 2);
}

#[test]
fn sms_emoa_batches_of_lambda_offspring() {
    let p = zdt1(6);
    let c = SmsEmoaConfig {
        n_offspring: 7,
        ..sms(20, 4)
    };
    let mut alg = SmsEmoa::for_problem(&p, c).unwrap();
    minimize(&p, &mut alg, &mut MaxGenerations(5)).unwrap();
    assert_eq!(alg.n_eval(), 20 + 4 * 7);
    assert_eq!(alg.f().len(), 20 * 2);
}

// ---------------------------------------------------------------- SPEA2 by hand

/// Five points: P0 (1,4), P1 (2,2), P2 (4,1), P3 (3,3), P4 (4,4).
/// P1 dominates P3 and P4; P0, P2 and P3 dominate P4. Strengths S = (1, 2, 1, 1, 0);
/// raw fitness R = (0, 0, 0, S1 = 2, S0+S1+S2+S3 = 5). k = ⌊√5⌋ = 2; the second-nearest
/// distances are √5, √5, √5, √2 (P3's neighbours P1 and P4 are both √2 away) and √8
/// (P4: √2, √8, 3, 3). Fitness R + 1/(σ + 2).
#[test]
fn spea2_fitness_worked_by_hand() {
    let f = [1.0, 4.0, 2.0, 2.0, 4.0, 1.0, 3.0, 3.0, 4.0, 4.0];
    let mut alg = Spea2::new(unit_space(2), 2, 0, spea2(5, 1)).unwrap();
    alg.ask().unwrap();
    alg.tell(&f, None).unwrap();
    let s5 = 5f64.sqrt();
    let expect = [
        1.0 / (s5 + 2.0),
        1.0 / (s5 + 2.0),
        1.0 / (s5 + 2.0),
        2.0 + 1.0 / (2f64.sqrt() + 2.0),
        5.0 + 1.0 / (8f64.sqrt() + 2.0),
    ];
    for (got, want) in alg.fitness().iter().zip(expect) {
        assert!((got - want).abs() < 1e-12, "{got} vs {want}");
    }
    assert_eq!(alg.f(), &f);
    assert_eq!(alg.result().len(), 3);
}

/// Archive of 4: the three non-dominated plus the best dominated (P3, fitness 2.29).
/// Archive of 2: truncation among P0, P1, P2 — sorted distances P0 (√5, √18),
/// P1 (√5, √5), P2 (√5, √18); P1's list is smallest, so P1 goes although it is in the
/// middle: SPEA2 keeps the boundary.
#[test]
fn spea2_environmental_selection_fills_and_truncates_by_hand() {
    let f = [1.0, 4.0, 2.0, 2.0, 4.0, 1.0, 3.0, 3.0, 4.0, 4.0];
    for (size, expect) in [
        (4, vec![1.0, 4.0, 2.0, 2.0, 4.0, 1.0, 3.0, 3.0]),
        (2, vec![1.0, 4.0, 4.0, 1.0]),
    ] {
        let c = Spea2Config {
            archive_size: size,
            ..spea2(5, 1)
        };
        let mut alg = Spea2::new(unit_space(2), 2, 0, c).unwrap();
        alg.ask().unwrap();
        alg.tell(&f, None).unwrap();
        assert_eq!(alg.f(), &expect[..], "archive size {size}");
    }
}

/// Mating draws the tournament competitors from shuffled permutations of the archive
/// (pymoo's and Deb's scheme), not independently with replacement: with crossover and
/// mutation off each offspring is a copy of a winner, so over 2N competitors from two
/// whole permutations the best member wins exactly twice and the worst never, for
/// every seed (independent draws would vary: the best appears 0 to 4+ times).
#[test]
fn spea2_tournament_competitors_come_from_permutations() {
    let n = 20;
    for seed in 0..10u64 {
        let c = Spea2Config {
            crossover: vilfredo_moea::operators::Sbx {
                prob: 0.0,
                ..Default::default()
            },
            mutation: vilfredo_moea::operators::PolynomialMutation {
                prob: 0.0,
                ..Default::default()
            },
            eliminate_duplicates: false,
            ..spea2(n, seed)
        };
        let mut alg = Spea2::new(unit_space(2), 2, 0, c).unwrap();
        alg.ask().unwrap();
        // A chain of dominance: member i dominates all j > i, fitness strictly increasing.
        let f: Vec<f64> = (0..n).flat_map(|i| [i as f64, i as f64]).collect();
        alg.tell(&f, None).unwrap();
        let (best, worst) = (alg.x()[..2].to_vec(), alg.x()[2 * (n - 1)..].to_vec());
        let batch = alg.ask().unwrap();
        let rows: Vec<&[f64]> = batch.as_slice().chunks(2).collect();
        assert_eq!(rows.len(), n);
        let count = |x: &[f64]| rows.iter().filter(|r| **r == x).count();
        assert_eq!(count(&best), 2, "seed {seed}");
        assert_eq!(count(&worst), 0, "seed {seed}");
    }
}

#[test]
fn spea2_archive_smaller_and_larger_than_the_population() {
    let p = zdt1(5);
    for archive_size in [7, 40] {
        let c = Spea2Config {
            archive_size,
            ..spea2(16, 3)
        };
        let mut alg = Spea2::for_problem(&p, c).unwrap();
        minimize(&p, &mut alg, &mut MaxGenerations(6)).unwrap();
        assert_eq!(alg.f().len() / 2, archive_size.min(16 * 6));
        assert_eq!(alg.fitness().len(), alg.f().len() / 2);
        assert_eq!(alg.n_eval(), 16 * 6);
    }
}

// ---------------------------------------------------------------- R-NSGA-II

#[test]
fn rnsga2_reference_points_are_checked_against_the_objectives() {
    let e = RNsga2::new(unit_space(3), 2, 0, RNsga2Config::new(vec![0.5, 0.5, 0.5])).unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("reference_points") && text.contains("2 objectives"),
        "{text}"
    );
    assert!(RNsga2::new(unit_space(3), 2, 0, RNsga2Config::new(vec![])).is_err());
    let e = RNsga2::new(unit_space(3), 2, 0, RNsga2Config::new(vec![0.5, f64::NAN])).unwrap_err();
    assert!(
        matches!(
            e,
            Error::NonFinite {
                row: 0,
                column: 1,
                ..
            }
        ),
        "{e}"
    );
    let mut c = RNsga2Config::new(vec![0.5, 0.5]);
    c.weights = Some(vec![1.0]);
    assert!(matches!(
        RNsga2::new(unit_space(3), 2, 0, c.clone()).unwrap_err(),
        Error::DimensionMismatch {
            what: "weights",
            expected: 2,
            found: 1
        }
    ));
    c.weights = Some(vec![1.0, 0.0]);
    assert!(RNsga2::new(unit_space(3), 2, 0, c.clone()).is_err());
    c.weights = None;
    c.epsilon = -1.0;
    assert!(RNsga2::new(unit_space(3), 2, 0, c).is_err());
}

/// On a first front of five points on a line, with one reference point at the first:
/// preference distances are the ranks by distance, 0..5.
#[test]
fn rnsga2_preference_distance_is_the_rank_by_distance() {
    let mut alg = RNsga2::new(unit_space(2), 2, 0, rnsga2(5, 1, vec![0.0, 1.0])).unwrap();
    alg.ask().unwrap();
    let f = [0.5, 0.5, 0.0, 1.0, 1.0, 0.0, 0.25, 0.75, 0.75, 0.25];
    alg.tell(&f, None).unwrap();
    assert_eq!(alg.preference(), vec![2.0, 0.0, 4.0, 1.0, 3.0]);
    // With two reference points, each member takes its better rank.
    let mut alg = RNsga2::new(unit_space(2), 2, 0, rnsga2(5, 1, vec![0.0, 1.0, 1.0, 0.0])).unwrap();
    alg.ask().unwrap();
    alg.tell(&f, None).unwrap();
    assert_eq!(alg.preference(), vec![2.0, 0.0, 0.0, 1.0, 1.0]);
}

/// ε-clearing on the split front: population 3 (told first), then offspring. With a
/// large ε only one representative per neighbourhood stays in front.
#[test]
fn rnsga2_epsilon_clearing_spreads_the_survivors() {
    let f0 = [0.0, 1.0, 1.0, 0.0, 0.5, 0.5];
    let offspring = [0.49, 0.51, 0.51, 0.49, 0.2, 0.8];
    for (epsilon, expect) in [
        // Small ε: the three closest to (0.5, 0.5) survive.
        (1e-6, vec![0.5, 0.5, 0.49, 0.51, 0.51, 0.49]),
        // ε = 0.1 (normalised by the front's range 1): ranks by distance to (0.5, 0.5)
        // are (0.5,0.5) 0, (0.49,0.51) 1, (0.51,0.49) 2, (0.2,0.8) 3, (0,1) 4, (1,0) 5.
        // The two within ε of (0.5,0.5) are pushed back by 6/2 = 3, to 4 and 5; so
        // (0.5,0.5) and (0.2,0.8) survive, then (0,1) wins the tie at 4 by position.
        (0.1, vec![0.0, 1.0, 0.5, 0.5, 0.2, 0.8]),
    ] {
        let mut c = rnsga2(3, 1, vec![0.5, 0.5]);
        c.epsilon = epsilon;
        c.nsga2.eliminate_duplicates = false;
        let mut alg = RNsga2::new(unit_space(2), 2, 0, c).unwrap();
        alg.ask().unwrap();
        alg.tell(&f0, None).unwrap();
        assert_eq!(alg.ask().unwrap().len(), 3);
        alg.tell(&offspring, None).unwrap();
        assert_eq!(alg.f(), &expect[..], "epsilon {epsilon}");
    }
}

// ---------------------------------------------------------------- shared contracts

type Build = fn(&dyn Problem, u64) -> Box<dyn Algorithm + Send>;

fn builders() -> Vec<(&'static str, Build)> {
    vec![
        ("sms-emoa", |p, s| {
            Box::new(SmsEmoa::for_problem(p, sms(24, s)).unwrap())
        }),
        ("spea2", |p, s| {
            Box::new(Spea2::for_problem(p, spea2(24, s)).unwrap())
        }),
        ("rnsga2", |p, s| {
            let refs = vec![0.2; p.n_obj()];
            Box::new(RNsga2::for_problem(p, rnsga2(24, s, refs)).unwrap())
        }),
    ]
}

fn snapshot(alg: &(dyn Algorithm + Send)) -> (Vec<u64>, Vec<u64>) {
    let r = alg.result();
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    (bits(&r.x), bits(&r.f))
}

#[test]
fn same_seed_same_run_and_solutions_stay_in_bounds() {
    let p = zdt1(8);
    for (name, build) in builders() {
        let mut a = build(&p, 5);
        let mut b = build(&p, 5);
        let mut c = build(&p, 6);
        for alg in [&mut a, &mut b, &mut c] {
            minimize(&p, alg.as_mut(), &mut MaxEvaluations(400)).unwrap();
        }
        assert_eq!(snapshot(a.as_ref()), snapshot(b.as_ref()), "{name}");
        assert_ne!(snapshot(a.as_ref()), snapshot(c.as_ref()), "{name}");
        let r = a.result();
        assert!(!r.is_empty(), "{name}");
        assert!(
            r.x.iter().all(|v| (0.0..=1.0).contains(v)),
            "{name}: out of bounds"
        );
    }
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let p = Bnh;
    for (name, build) in builders() {
        let mut serial = build(&p, 9);
        minimize(&p, serial.as_mut(), &mut MaxEvaluations(300)).unwrap();
        for threads in [1, 3] {
            for rows_per_task in [1, 5] {
                let pool = rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .unwrap();
                let mut alg = build(&p, 9);
                let opts = MinimizeOptions {
                    evaluation: Evaluation::Parallel { rows_per_task },
                };
                pool.install(|| minimize_with(&p, alg.as_mut(), &mut MaxEvaluations(300), opts))
                    .unwrap();
                assert_eq!(
                    snapshot(alg.as_ref()),
                    snapshot(serial.as_ref()),
                    "{name}: {threads} threads"
                );
            }
        }
    }
}

#[test]
fn ask_tell_contract_and_bad_tells() {
    let p = zdt1(4);
    for (name, build) in builders() {
        let mut alg = build(&p, 1);
        assert!(
            alg.tell(&[0.0; 2], None).is_err(),
            "{name}: tell before ask"
        );
        let first = alg.ask().unwrap().as_slice().to_vec();
        assert_eq!(
            alg.ask().unwrap().as_slice(),
            &first[..],
            "{name}: ask twice"
        );
        let n = first.len() / 4;
        let e = alg.tell(&vec![0.5; 2 * n - 1], None).unwrap_err();
        assert!(matches!(e, Error::DimensionMismatch { .. }), "{name}: {e}");
        let mut f = vec![0.5; 2 * n];
        f[2 * 3 + 1] = f64::NAN;
        let e = alg.tell(&f, None).unwrap_err();
        assert!(
            matches!(
                e,
                Error::NonFinite {
                    row: 3,
                    column: 1,
                    ..
                }
            ),
            "{name}: {e}"
        );
        // The batch is still pending and can be told correctly.
        f[7] = 0.5;
        alg.tell(&f, None).unwrap();
        assert_eq!(alg.n_eval(), n, "{name}");
    }
}

#[test]
fn bad_settings_are_refused() {
    let s = || unit_space(2);
    assert!(SmsEmoa::new(s(), 2, 0, sms(1, 0)).is_err());
    assert!(SmsEmoa::new(s(), 0, 0, sms(10, 0)).is_err());
    for offset in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let c = SmsEmoaConfig {
            ref_offset: offset,
            ..sms(10, 0)
        };
        assert!(SmsEmoa::new(s(), 2, 0, c).is_err(), "offset {offset}");
    }
    let c = SmsEmoaConfig {
        n_offspring: 0,
        ..sms(10, 0)
    };
    let e = SmsEmoa::new(s(), 2, 0, c).unwrap_err();
    assert!(e.to_string().contains("n_offspring"), "{e}");
    assert!(Spea2::new(s(), 2, 0, spea2(1, 0)).is_err());
    let c = Spea2Config {
        archive_size: 0,
        ..spea2(10, 0)
    };
    let e = Spea2::new(s(), 2, 0, c).unwrap_err();
    assert!(e.to_string().contains("archive_size"), "{e}");
    let mut c = rnsga2(1, 0, vec![0.5, 0.5]);
    assert!(RNsga2::new(s(), 2, 0, c.clone()).is_err());
    c.nsga2.pop_size = 4;
    assert!(RNsga2::new(s(), 2, 0, c).is_ok());
}

#[test]
fn failed_evaluations_never_reach_the_result() {
    let p = FailsAbove;
    let algs: Vec<Box<dyn Algorithm>> = vec![
        Box::new(
            SmsEmoa::for_problem(
                &p,
                SmsEmoaConfig {
                    nan_policy: NanPolicy::Infeasible,
                    ..sms(16, 12)
                },
            )
            .unwrap(),
        ),
        Box::new(
            Spea2::for_problem(
                &p,
                Spea2Config {
                    nan_policy: NanPolicy::Infeasible,
                    ..spea2(16, 12)
                },
            )
            .unwrap(),
        ),
        Box::new({
            let mut c = rnsga2(16, 12, vec![0.3, 0.3]);
            c.nsga2.nan_policy = NanPolicy::Infeasible;
            RNsga2::for_problem(&p, c).unwrap()
        }),
    ];
    for mut alg in algs {
        minimize(&p, alg.as_mut(), &mut MaxEvaluations(200)).unwrap();
        let r = alg.result();
        assert!(!r.is_empty());
        for i in 0..r.len() {
            assert!(r.x_row(i)[0] <= 0.6, "a failed evaluation in the result");
        }
    }
}

#[test]
fn constrained_problems_end_feasible() {
    for (pname, p) in [("bnh", &Bnh as &dyn Problem), ("tnk", &Tnk::default())] {
        let algs: Vec<(&str, Box<dyn Algorithm>)> = vec![
            (
                "sms-emoa",
                Box::new(SmsEmoa::for_problem(p, sms(40, 3)).unwrap()),
            ),
            (
                "spea2",
                Box::new(Spea2::for_problem(p, spea2(40, 3)).unwrap()),
            ),
        ];
        for (name, mut alg) in algs {
            minimize(p, alg.as_mut(), &mut MaxEvaluations(2400)).unwrap();
            let r = alg.result();
            assert!(r.len() > 10, "{name} on {pname}: front of {}", r.len());
            for i in 0..r.len() {
                assert_eq!(r.violation(i), 0.0, "{name} on {pname}: {:?}", r.g_row(i));
            }
        }
    }
}

// ---------------------------------------------------------------- many objectives, golden runs

/// SMS-EMOA's exact contributions for 3 and 5 objectives (the HVC3D sweep and the
/// limit-set path): the run improves the hypervolume of DTLZ2's result and keeps the
/// population mutually non-dominated once converged enough.
#[test]
fn sms_emoa_with_three_and_five_objectives() {
    use vilfredo_problems::{Dtlz, DtlzKind};
    for m in [3usize, 5] {
        let p = Dtlz::new(DtlzKind::Dtlz2, m, None).unwrap();
        let mut alg = SmsEmoa::for_problem(&p, sms(20, 8)).unwrap();
        let reference = vec![2.5; m];
        minimize(&p, &mut alg, &mut MaxEvaluations(20)).unwrap();
        let start =
            vilfredo_pareto::hypervolume(alg.result().objectives().unwrap(), &reference).unwrap();
        minimize(&p, &mut alg, &mut MaxEvaluations(600)).unwrap();
        let end =
            vilfredo_pareto::hypervolume(alg.result().objectives().unwrap(), &reference).unwrap();
        assert!(end > start, "m = {m}: {start} -> {end}");
        assert_eq!(alg.f().len(), 20 * m);
    }
}

/// Pins short runs of each algorithm bit for bit (operators, selection, survival and the
/// random stream), as NSGA-II's golden test does. If a change is intended, update the
/// constants and say why in the commit.
#[test]
fn golden_zdt1_runs() {
    use crate::common::hash_bits;
    let p = zdt1(12);
    let mut got = Vec::new();
    for (name, build) in builders() {
        let mut alg = build(&p, 2026);
        let res = minimize(&p, alg.as_mut(), &mut MaxEvaluations(600)).unwrap();
        got.push((name, hash_bits(&res.f) ^ hash_bits(&res.x).rotate_left(1)));
    }
    let expected = [
        ("sms-emoa", 0x7cc2_92e6_518d_dd23u64),
        ("spea2", 0x4d97_9212_b697_b7b1),
        ("rnsga2", 0x1693_8a70_c1b4_0171),
    ];
    let text: Vec<String> = got.iter().map(|(n, h)| format!("{n} {h:#018x}")).collect();
    for ((name, h), (_, want)) in got.iter().zip(expected) {
        assert_eq!(*h, want, "{name}: hashes {text:?}");
    }
}

/// A failed evaluation stays failed after survival, in every algorithm (its stand-in
/// objectives are finite, so the flag must travel with it, not be guessed from values).
#[test]
fn failed_flags_survive_survival() {
    use vilfredo_moea::Nsga2;
    /// f = (x0, 1 − x0 + x1), NaN where x0 > 0.1: most of the space fails, so failed
    /// members survive for a while.
    struct MostlyFails;
    impl Problem for MostlyFails {
        fn name(&self) -> &str {
            "mostly-fails"
        }
        fn n_var(&self) -> usize {
            2
        }
        fn n_obj(&self) -> usize {
            2
        }
        fn lower(&self) -> &[f64] {
            &[0.0, 0.0]
        }
        fn upper(&self) -> &[f64] {
            &[1.0, 1.0]
        }
        fn evaluate(&self, x: &[f64], f: &mut [f64], _g: &mut [f64]) -> vilfredo_moea::Result<()> {
            for (r, o) in x.chunks_exact(2).zip(f.chunks_exact_mut(2)) {
                let bad = r[0] > 0.1;
                o[0] = if bad { f64::NAN } else { r[0] };
                o[1] = if bad { f64::NAN } else { 1.0 - r[0] + r[1] };
            }
            Ok(())
        }
    }
    let p = MostlyFails;
    let nsga2 = Nsga2Config {
        pop_size: 16,
        seed: 12,
        nan_policy: NanPolicy::Infeasible,
        ..Nsga2Config::default()
    };
    let stand_ins = |f: &[f64]| f.chunks_exact(2).filter(|r| r[0] == f64::MAX).count();
    let mut nsga2 = Nsga2::for_problem(&p, nsga2).unwrap();
    let mut sms_emoa = SmsEmoa::for_problem(
        &p,
        SmsEmoaConfig {
            nan_policy: NanPolicy::Infeasible,
            n_offspring: 16,
            ..sms(16, 12)
        },
    )
    .unwrap();
    let mut spea2 = Spea2::for_problem(
        &p,
        Spea2Config {
            nan_policy: NanPolicy::Infeasible,
            ..spea2(16, 12)
        },
    )
    .unwrap();
    let mut c = rnsga2(16, 12, vec![0.0, 0.0]);
    c.nsga2.nan_policy = NanPolicy::Infeasible;
    let mut rnsga2 = RNsga2::for_problem(&p, c).unwrap();
    let mut seen_failed = [false; 4];
    for generation in 1..=4 {
        let mut t = MaxGenerations(generation);
        minimize(&p, &mut nsga2, &mut t).unwrap();
        minimize(&p, &mut sms_emoa, &mut t).unwrap();
        minimize(&p, &mut spea2, &mut t).unwrap();
        minimize(&p, &mut rnsga2, &mut t).unwrap();
        let counts = [
            (nsga2.state().failed.len(), stand_ins(&nsga2.state().f)),
            (
                sms_emoa.state().failed.len(),
                stand_ins(&sms_emoa.state().f),
            ),
            (spea2.state().failed.len(), stand_ins(&spea2.state().f)),
            (rnsga2.state().failed.len(), stand_ins(&rnsga2.state().f)),
        ];
        for (k, (flags, values)) in counts.into_iter().enumerate() {
            assert_eq!(flags, values, "algorithm {k}, generation {generation}");
            seen_failed[k] |= values > 0 && generation > 1;
        }
    }
    assert_eq!(
        seen_failed, [true; 4],
        "the test needs failed members after survival"
    );
}

mod sms_emoa_brute_force {
    use super::*;
    use proptest::prelude::*;
    use vilfredo_pareto::dominance::dominates;
    use vilfredo_pareto::{PointsView, hypervolume};

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// The member SMS-EMOA drops is in the worst front (by the definition of
        /// dominance) and, when that front has several members, its exclusive
        /// contribution `HV(W) − HV(W \ {p})` (by two exact hypervolumes, reference =
        /// worst of the front + 1) is the smallest of the front.
        #[test]
        fn the_dropped_member_contributes_least(
            m in 2usize..5,
            pop in 3usize..10,
            cells in proptest::collection::vec(0u8..12, 60),
        ) {
            // A coarse grid makes ties, duplicates and dominated points frequent.
            let values: Vec<f64> = cells.iter().map(|&c| f64::from(c) / 4.0).collect();
            let merged: Vec<&[f64]> = values.chunks_exact(m).take(pop + 1).collect();
            prop_assume!(merged.len() == pop + 1);
            let mut alg = SmsEmoa::new(unit_space(2), m, 0, sms(pop, 1)).unwrap();
            alg.ask().unwrap();
            alg.tell(&merged[..pop].concat(), None).unwrap();
            alg.ask().unwrap();
            alg.tell(merged[pop], None).unwrap();
            let kept: Vec<&[f64]> = alg.f().chunks_exact(m).collect();
            let gone = (0..=pop)
                .find(|&i| i == pop || merged[i] != kept[i])
                .unwrap();
            // Ranks by peeling fronts with the definition.
            let mut rank = vec![usize::MAX; pop + 1];
            let mut r = 0;
            while rank.contains(&usize::MAX) {
                let front: Vec<usize> = (0..=pop)
                    .filter(|&i| rank[i] == usize::MAX)
                    .filter(|&i| !(0..=pop).any(|j| rank[j] == usize::MAX && dominates(merged[j], merged[i])))
                    .collect();
                for i in front {
                    rank[i] = r;
                }
                r += 1;
            }
            let worst = *rank.iter().max().unwrap();
            prop_assert_eq!(rank[gone], worst);
            let w: Vec<usize> = (0..=pop).filter(|&i| rank[i] == worst).collect();
            if w.len() > 1 {
                let reference: Vec<f64> = (0..m)
                    .map(|j| w.iter().map(|&i| merged[i][j]).fold(f64::MIN, f64::max) + 1.0)
                    .collect();
                let hv = |set: &[usize]| {
                    let pts: Vec<f64> = set.iter().flat_map(|&i| merged[i].to_vec()).collect();
                    hypervolume(PointsView::new(&pts, m).unwrap(), &reference).unwrap()
                };
                let total = hv(&w);
                let contribution = |p: usize| {
                    let rest: Vec<usize> = w.iter().copied().filter(|&i| i != p).collect();
                    total - hv(&rest)
                };
                let mine = contribution(gone);
                for &i in &w {
                    prop_assert!(mine <= contribution(i) + 1e-9, "dropped {} ({}) but {} has {}", gone, mine, i, contribution(i));
                }
            }
        }
    }
}

mod spea2_invariants {
    use super::*;
    use proptest::prelude::*;
    use vilfredo_pareto::dominance::dominates;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// SPEA2's archive holds exactly `archive_size` members; every non-dominated
        /// point of the assessed set is kept when they fit, and only non-dominated points
        /// are kept when they do not; fitness is below 1 exactly for the non-dominated.
        #[test]
        fn the_archive_keeps_the_front(
            m in 2usize..4,
            n in 2usize..9,
            size in 1usize..12,
            cells in proptest::collection::vec(0u8..10, 54),
        ) {
            let values: Vec<f64> = cells.iter().map(|&c| f64::from(c) / 3.0).collect();
            let all: Vec<&[f64]> = values.chunks_exact(m).take(2 * n).collect();
            prop_assume!(all.len() == 2 * n);
            let c = Spea2Config { archive_size: size, eliminate_duplicates: false, ..spea2(n, 1) };
            let mut alg = Spea2::new(unit_space(2), m, 0, c).unwrap();
            alg.ask().unwrap();
            alg.tell(&all[..n].concat(), None).unwrap();
            // The archive after the first generation is what the second assesses.
            let first: Vec<Vec<f64>> = alg.f().chunks_exact(m).map(<[f64]>::to_vec).collect();
            alg.ask().unwrap();
            alg.tell(&all[n..].concat(), None).unwrap();
            let assessed: Vec<&[f64]> = first.iter().map(Vec::as_slice).chain(all[n..].iter().copied()).collect();
            let nd: Vec<&[f64]> = assessed
                .iter()
                .copied()
                .filter(|p| !assessed.iter().any(|q| dominates(q, p)))
                .collect();
            let kept: Vec<&[f64]> = alg.f().chunks_exact(m).collect();
            prop_assert_eq!(kept.len(), size.min(assessed.len()));
            if nd.len() <= size {
                for p in &nd {
                    prop_assert!(kept.contains(p), "non-dominated {:?} dropped", p);
                }
            } else {
                for p in &kept {
                    prop_assert!(nd.contains(p), "dominated {:?} kept", p);
                }
            }
            for (p, fit) in kept.iter().zip(alg.fitness()) {
                prop_assert_eq!(*fit < 1.0, nd.contains(p));
            }
        }
    }
}
