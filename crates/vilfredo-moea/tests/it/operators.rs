//! The operators: bounds, types, probabilities and distributions.

use proptest::prelude::*;
use vilfredo_core::rng::SplitMix64;
use vilfredo_moea::operators::{
    BitFlip, Competitors, DuplicateFilter, PolynomialMutation, Sbx, UniformCrossover,
    binary_tournament, dominance_tournament, random_sample, repair,
};
use vilfredo_moea::{Space, VarType};

fn unit(n: usize) -> Space {
    Space::real(vec![0.0; n], vec![1.0; n]).unwrap()
}

fn mixed() -> Space {
    Space::new(
        vec![-2.0, -3.0, 0.0, 0.0],
        vec![5.0, 7.0, 1.0, 1.0],
        vec![
            VarType::Real,
            VarType::Integer,
            VarType::Binary,
            VarType::Binary,
        ],
    )
    .unwrap()
}

#[test]
fn space_rejects_bad_bounds() {
    assert!(Space::real(vec![], vec![]).is_err());
    assert!(Space::real(vec![0.0], vec![1.0, 2.0]).is_err());
    assert!(Space::real(vec![2.0], vec![1.0]).is_err());
    assert!(Space::real(vec![f64::NAN], vec![1.0]).is_err());
    assert!(Space::real(vec![0.0], vec![f64::INFINITY]).is_err());
    assert!(Space::new(vec![0.5], vec![3.0], vec![VarType::Integer]).is_err());
    assert!(Space::new(vec![0.0], vec![2.0], vec![VarType::Binary]).is_err());
    assert!(Space::new(vec![0.0], vec![1.0], vec![VarType::Binary]).is_ok());
    // A fixed variable (lower == upper) is allowed.
    assert!(Space::real(vec![1.0], vec![1.0]).is_ok());
}

#[test]
fn sbx_without_crossover_copies_parents() {
    let s = unit(5);
    let mut rng = SplitMix64::new(1);
    let sbx = Sbx {
        prob: 0.0,
        ..Sbx::default()
    };
    let (mut a, mut b) = (vec![0.1; 5], vec![0.9; 5]);
    sbx.apply(&s, &mut a, &mut b, &mut rng);
    assert_eq!(a, vec![0.1; 5]);
    assert_eq!(b, vec![0.9; 5]);
    // Identical parents cannot be crossed either.
    let sbx = Sbx {
        prob: 1.0,
        prob_var: 1.0,
        ..Sbx::default()
    };
    let (mut a, mut b) = (vec![0.3; 5], vec![0.3; 5]);
    sbx.apply(&s, &mut a, &mut b, &mut rng);
    assert_eq!((a, b), (vec![0.3; 5], vec![0.3; 5]));
}

#[test]
fn sbx_contracts_half_the_time_far_from_bounds() {
    // With parents far from the bounds, the spread factor β is below 1 (children between
    // the parents) with probability 1/2, and the children are symmetric about the mean.
    let s = Space::real(vec![-100.0], vec![100.0]).unwrap();
    let sbx = Sbx {
        prob: 1.0,
        prob_var: 1.0,
        ..Sbx::default()
    };
    let mut rng = SplitMix64::new(7);
    let (n, mut inside, mut sum) = (20_000, 0, 0.0);
    for _ in 0..n {
        let (mut a, mut b) = ([0.4], [0.6]);
        sbx.apply(&s, &mut a, &mut b, &mut rng);
        inside += usize::from((0.4..=0.6).contains(&a[0]));
        sum += a[0] + b[0];
    }
    let frac = inside as f64 / n as f64;
    assert!((frac - 0.5).abs() < 0.015, "contracting fraction {frac}");
    assert!((sum / n as f64 - 1.0).abs() < 1e-3);
}

#[test]
fn sbx_leaves_binary_variables_alone() {
    let s = mixed();
    let sbx = Sbx {
        prob: 1.0,
        prob_var: 1.0,
        ..Sbx::default()
    };
    let mut rng = SplitMix64::new(3);
    for _ in 0..100 {
        let (mut a, mut b) = ([0.0, 1.0, 0.0, 1.0], [4.0, 6.0, 1.0, 0.0]);
        sbx.apply(&s, &mut a, &mut b, &mut rng);
        assert_eq!((a[2], a[3], b[2], b[3]), (0.0, 1.0, 1.0, 0.0));
    }
}

#[test]
fn operator_settings_are_validated() {
    assert!(
        Sbx {
            eta: -1.0,
            ..Sbx::default()
        }
        .validate()
        .is_err()
    );
    assert!(
        Sbx {
            prob: 1.5,
            ..Sbx::default()
        }
        .validate()
        .is_err()
    );
    assert!(
        Sbx {
            prob_var: f64::NAN,
            ..Sbx::default()
        }
        .validate()
        .is_err()
    );
    assert!(Sbx::default().validate().is_ok());
    let pm = PolynomialMutation::default();
    assert!(pm.validate().is_ok());
    assert!(
        PolynomialMutation {
            eta: f64::INFINITY,
            ..pm
        }
        .validate()
        .is_err()
    );
    assert!(
        PolynomialMutation {
            prob_var: Some(-0.1),
            ..pm
        }
        .validate()
        .is_err()
    );
    assert!(
        UniformCrossover {
            prob_swap: 2.0,
            ..UniformCrossover::default()
        }
        .validate()
        .is_err()
    );
    assert!(
        BitFlip {
            prob_var: Some(1.1)
        }
        .validate()
        .is_err()
    );
}

#[test]
fn pm_mutates_about_one_variable_per_vector() {
    let n = 30;
    let s = unit(n);
    let pm = PolynomialMutation::default();
    let mut rng = SplitMix64::new(11);
    let (rounds, mut changed, mut shift) = (2000, 0usize, 0.0);
    for _ in 0..rounds {
        let mut x = vec![0.5; n];
        pm.apply(&s, &mut x, &mut rng);
        for v in &x {
            if *v != 0.5 {
                changed += 1;
                shift += v - 0.5;
            }
        }
    }
    let per_vector = changed as f64 / rounds as f64;
    assert!(
        (per_vector - 1.0).abs() < 0.1,
        "{per_vector} mutated variables per vector"
    );
    // From the centre the move is symmetric.
    assert!((shift / changed as f64).abs() < 0.01);
    // prob_var = 0 changes nothing.
    let pm0 = PolynomialMutation {
        prob_var: Some(0.0),
        ..pm
    };
    let mut x = vec![0.5; n];
    pm0.apply(&s, &mut x, &mut rng);
    assert_eq!(x, vec![0.5; n]);
}

#[test]
fn bit_flip_and_uniform_touch_only_bits() {
    let s = mixed();
    let mut rng = SplitMix64::new(5);
    let mut x = [1.5, 2.0, 0.0, 1.0];
    BitFlip {
        prob_var: Some(1.0),
    }
    .apply(&s, &mut x, &mut rng);
    assert_eq!(x, [1.5, 2.0, 1.0, 0.0]);
    let ux = UniformCrossover {
        prob: 1.0,
        prob_swap: 1.0,
    };
    let (mut a, mut b) = ([1.5, 2.0, 0.0, 1.0], [-1.0, 5.0, 1.0, 0.0]);
    ux.apply(&s, &mut a, &mut b, &mut rng);
    assert_eq!(a, [1.5, 2.0, 1.0, 0.0]);
    assert_eq!(b, [-1.0, 5.0, 0.0, 1.0]);
}

#[test]
fn sampling_respects_types() {
    let s = mixed();
    let mut rng = SplitMix64::new(9);
    let mut x = vec![0.0; 4 * 2000];
    random_sample(&s, &mut x, &mut rng);
    let mut seen_int = [false; 11];
    for r in x.chunks_exact(4) {
        assert!(s.lower()[0] <= r[0] && r[0] <= s.upper()[0]);
        assert_eq!(r[1].fract(), 0.0);
        assert!((-3.0..=7.0).contains(&r[1]));
        seen_int[(r[1] + 3.0) as usize] = true;
        assert!(r[2] == 0.0 || r[2] == 1.0);
        assert!(r[3] == 0.0 || r[3] == 1.0);
    }
    assert!(
        seen_int.iter().all(|&b| b),
        "every integer of the range is drawn"
    );
}

#[test]
fn repair_clamps_and_rounds() {
    let s = mixed();
    let mut x = [9.0, 2.5, 0.7, f64::NAN];
    repair(&s, &mut x);
    assert_eq!(x, [5.0, 3.0, 1.0, 0.0]);
    let mut x = [-9.0, -7.2, -1.0, 0.2];
    repair(&s, &mut x);
    assert_eq!(x, [-2.0, -3.0, 0.0, 0.0]);
}

#[test]
fn duplicate_filter_compares_exactly() {
    let mut d = DuplicateFilter::new(2);
    assert!(d.insert(&[0.0, 1.0]));
    assert!(!d.insert(&[-0.0, 1.0]));
    assert!(d.insert(&[0.0, 1.0 + f64::EPSILON]));
    assert!(!d.insert(&[0.0, 1.0 + f64::EPSILON]));
    d.clear();
    assert!(d.insert(&[0.0, 1.0]));
}

#[test]
fn tournament_prefers_rank_then_crowding() {
    let n = 10;
    // Individual 0 is the only one of rank 0; individual 9 the only one of rank 2.
    let mut rank = vec![1usize; n];
    rank[0] = 0;
    rank[9] = 2;
    let mut crowd = vec![1.0; n];
    crowd[5] = f64::INFINITY;
    let mut rng = SplitMix64::new(2);
    let (mut perm, mut winners) = (Vec::new(), Vec::new());
    for _ in 0..50 {
        winners.clear();
        binary_tournament(&rank, &crowd, n, &mut rng, &mut perm, &mut winners);
        assert_eq!(winners.len(), n);
        // Two whole permutations: each individual competes exactly twice.
        assert_eq!(winners.iter().filter(|&&w| w == 0).count(), 2);
        assert_eq!(winners.iter().filter(|&&w| w == 9).count(), 0);
        // 5 loses only to 0.
        let fives = winners.iter().filter(|&&w| w == 5).count();
        let met_zero = (0..n)
            .filter(|&k| {
                let (a, b) = (perm[2 * k] as usize, perm[2 * k + 1] as usize);
                (a, b) == (0, 5) || (a, b) == (5, 0)
            })
            .count();
        assert_eq!(fives, 2 - met_zero);
    }
}

#[test]
fn dominance_tournament_compares_violation_then_dominance_then_crowding() {
    // 0 dominates 1; 2 and 3 are mutually non-dominated with 0, and 3 is the most
    // crowded-out (largest distance); 4 is infeasible, 5 is more infeasible.
    let f = [
        0.0, 0.0, //
        1.0, 1.0, //
        -1.0, 2.0, //
        2.0, -1.0, //
        -5.0, -5.0, //
        -6.0, -6.0,
    ];
    let violation = [0.0, 0.0, 0.0, 0.0, 1.0, 2.0];
    let crowding = [0.1, 9.0, 0.5, f64::INFINITY, 9.0, 9.0];
    let c = Competitors {
        f: &f,
        n_obj: 2,
        violation: &violation,
        crowding: &crowding,
    };
    let expected = |a: usize, b: usize| -> Option<usize> {
        let (a, b) = (a.min(b), a.max(b));
        Some(match (a, b) {
            (0, 1) => 0, // dominance beats a larger distance
            (0, 2) => 2, // non-dominated: the larger distance,
            (1, 2) => 1, // ... whatever the ranks
            (0, 3) | (1, 3) | (2, 3) => 3,
            (4, 5) => 4,          // both infeasible: the smaller violation
            (_, 4) | (_, 5) => a, // feasible beats infeasible
            _ => return None,
        })
    };
    let mut rng = SplitMix64::new(9);
    let (mut perm, mut winners) = (Vec::new(), Vec::new());
    let mut pairs_seen = 0;
    for _ in 0..40 {
        winners.clear();
        dominance_tournament(&c, 3, &mut rng, &mut perm, &mut winners);
        assert_eq!(winners.len(), 3);
        for (k, &w) in winners.iter().enumerate() {
            let (a, b) = (perm[2 * k] as usize, perm[2 * k + 1] as usize);
            assert_eq!(Some(w), expected(a, b), "{a} vs {b}");
            pairs_seen += 1;
        }
    }
    assert_eq!(pairs_seen, 120);
    // Empty buffers select nobody.
    let empty = Competitors {
        f: &[],
        n_obj: 2,
        violation: &[],
        crowding: &[],
    };
    winners.clear();
    dominance_tournament(&empty, 3, &mut rng, &mut perm, &mut winners);
    assert!(winners.is_empty());
}

proptest! {
    #[test]
    fn variation_stays_in_bounds(seed in any::<u64>(), lo in -10.0f64..10.0, width in 0.0f64..5.0) {
        let s = Space::new(
            vec![lo, lo.floor(), 0.0],
            vec![lo + width, lo.floor() + width.floor(), 1.0],
            vec![VarType::Real, VarType::Integer, VarType::Binary],
        ).unwrap();
        let mut rng = SplitMix64::new(seed);
        let mut a = vec![0.0; 3];
        let mut b = vec![0.0; 3];
        random_sample(&s, &mut a, &mut rng);
        random_sample(&s, &mut b, &mut rng);
        let sbx = Sbx { prob: 1.0, prob_var: 1.0, eta: 1.0, ..Sbx::default() };
        let pm = PolynomialMutation { prob_var: Some(1.0), eta: 0.5, ..PolynomialMutation::default() };
        for _ in 0..20 {
            sbx.apply(&s, &mut a, &mut b, &mut rng);
            pm.apply(&s, &mut a, &mut rng);
            BitFlip::default().apply(&s, &mut b, &mut rng);
            repair(&s, &mut a);
            repair(&s, &mut b);
            for x in [&a, &b] {
                for i in 0..3 {
                    prop_assert!(s.lower()[i] <= x[i] && x[i] <= s.upper()[i], "{x:?}");
                }
                prop_assert_eq!(x[1].fract(), 0.0);
                prop_assert!(x[2] == 0.0 || x[2] == 1.0);
            }
        }
    }
}

#[test]
fn point_crossover_exchanges_segments() {
    use vilfredo_moea::operators::PointCrossover;
    let n = 12;
    let s = unit(n);
    let mut rng = SplitMix64::new(21);
    for k in [1usize, 2, 3, 40] {
        let op = PointCrossover {
            n_points: k,
            prob: 1.0,
        };
        assert!(op.validate().is_ok());
        for _ in 0..200 {
            let (mut a, mut b) = (vec![0.0; n], vec![1.0; n]);
            op.apply(&s, &mut a, &mut b, &mut rng);
            // Children are complementary, start with their own parent's value, and
            // change source exactly min(k, n − 1) times.
            assert!(a.iter().zip(&b).all(|(x, y)| x + y == 1.0));
            assert_eq!(a[0], 0.0);
            let switches = a.windows(2).filter(|w| w[0] != w[1]).count();
            assert_eq!(switches, k.min(n - 1));
        }
    }
    assert!(
        PointCrossover {
            n_points: 0,
            prob: 1.0
        }
        .validate()
        .is_err()
    );
}

#[test]
fn de_rand_1_bin_builds_trials_in_the_space() {
    use vilfredo_moea::operators::DifferentialEvolution;
    let s = mixed();
    let de = DifferentialEvolution { f: 0.5, cr: 1.0 };
    assert!(de.validate().is_ok());
    assert!(
        DifferentialEvolution { f: 0.0, cr: 0.5 }
            .validate()
            .is_err()
    );
    assert!(
        DifferentialEvolution { f: 0.5, cr: 1.5 }
            .validate()
            .is_err()
    );
    let mut rng = SplitMix64::new(4);
    let target = [0.0, 0.0, 1.0, 0.0];
    let (a, b, c) = (
        [1.0, 2.0, 0.0, 1.0],
        [3.0, 5.0, 0.0, 0.0],
        [1.0, 1.0, 1.0, 1.0],
    );
    let mut trial = [0.0; 4];
    de.apply(&s, &target, [&a, &b, &c], &mut trial, &mut rng);
    // v = a + 0.5 (b − c) = (2, 4); binary variables keep the target's bits.
    assert_eq!(trial, [2.0, 4.0, 1.0, 0.0]);
    // With CR = 0 exactly one (forced) variable comes from the mutant.
    let de0 = DifferentialEvolution { f: 0.5, cr: 0.0 };
    let s2 = unit(8);
    for _ in 0..100 {
        let mut t = [0.0; 8];
        de0.apply(
            &s2,
            &[0.2; 8],
            [&[0.9; 8], &[0.5; 8], &[0.3; 8]],
            &mut t,
            &mut rng,
        );
        assert_eq!(t.iter().filter(|&&v| v != 0.2).count(), 1, "{t:?}");
        assert!(t.iter().all(|&v| (0.0..=1.0).contains(&v)));
    }
    // Out-of-box mutants are clamped.
    let mut t = [0.0; 8];
    let de = DifferentialEvolution { f: 2.0, cr: 1.0 };
    de.apply(
        &s2,
        &[0.2; 8],
        [&[0.9; 8], &[1.0; 8], &[0.0; 8]],
        &mut t,
        &mut rng,
    );
    assert_eq!(t, [1.0; 8]);
}

#[test]
fn random_selection_is_uniform() {
    use vilfredo_moea::operators::random_selection;
    let mut rng = SplitMix64::new(8);
    let mut out = Vec::new();
    random_selection(0, 5, &mut rng, &mut out);
    assert!(out.is_empty());
    random_selection(4, 40_000, &mut rng, &mut out);
    assert_eq!(out.len(), 40_000);
    for i in 0..4 {
        let c = out.iter().filter(|&&v| v == i).count();
        assert!((c as f64 - 10_000.0).abs() < 400.0, "{i}: {c}");
    }
}
