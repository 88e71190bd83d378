//! Non-dominated filter, Pareto ranks, crowding distance and constrained ranks, checked
//! against the O(M N²) definitions and hand-computed values.

// Helpers outside `#[test]` functions unwrap too; this is test code.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use vilfredo_pareto::dominance::constrained_dominates;
use vilfredo_pareto::sort::{self, naive};
use vilfredo_pareto::{Error, PointsView};

fn view(data: &[f64], m: usize) -> PointsView<'_> {
    PointsView::new(data, m).unwrap()
}

/// Checks every fast function against the naive definitions.
fn check_all(data: &[f64], m: usize) {
    let p = view(data, m);
    let rank = sort::pareto_rank(p);
    assert_eq!(
        rank,
        naive::pareto_rank(p),
        "ranks, m = {m}, data = {data:?}"
    );
    let mask = sort::is_non_dominated(p);
    assert_eq!(
        mask,
        naive::is_non_dominated(p),
        "filter, m = {m}, data = {data:?}"
    );
    let from_rank: Vec<bool> = rank.iter().map(|&r| r == 0).collect();
    assert_eq!(mask, from_rank);
    let idx = sort::non_dominated_indices(p);
    assert_eq!(
        idx,
        (0..mask.len()).filter(|&i| mask[i]).collect::<Vec<_>>()
    );
}

/// `n` rows of `m` values, either continuous or on a small integer grid (many ties).
fn points(max_n: usize, m: usize) -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prop::collection::vec(-1.0f64..1.0, 0..=max_n * m),
        prop::collection::vec((0i32..4).prop_map(f64::from), 0..=max_n * m),
        prop::collection::vec(prop::sample::select(vec![-0.0, 0.0, 1.0]), 0..=max_n * m),
    ]
    .prop_map(move |mut v| {
        v.truncate(v.len() / m * m);
        v
    })
}

fn m_and_points(max_n: usize) -> impl Strategy<Value = (usize, Vec<f64>)> {
    (1usize..=7).prop_flat_map(move |m| (Just(m), points(max_n, m)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn fast_agrees_with_naive((m, data) in m_and_points(60)) {
        check_all(&data, m);
    }

    #[test]
    fn large_sets_agree_with_naive((m, data) in (2usize..=6).prop_flat_map(|m| (Just(m), points(400, m)))) {
        check_all(&data, m);
    }

    #[test]
    fn ranks_are_permutation_invariant((m, data) in m_and_points(40), seed in any::<u64>()) {
        let n = data.len() / m;
        let mut perm: Vec<usize> = (0..n).collect();
        // Fisher-Yates with a simple LCG, so the permutation depends on the seed only.
        let mut s = seed | 1;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            perm.swap(i, (s >> 33) as usize % (i + 1));
        }
        let shuffled: Vec<f64> = perm.iter().flat_map(|&i| data[i * m..(i + 1) * m].to_vec()).collect();
        let r = sort::pareto_rank(view(&data, m));
        let rs = sort::pareto_rank(view(&shuffled, m));
        for (k, &i) in perm.iter().enumerate() {
            prop_assert_eq!(rs[k], r[i]);
        }
        let c = sort::crowding_distance(view(&data, m));
        prop_assert_eq!(c.len(), n);
        prop_assert!(c.iter().all(|v| !v.is_nan() && *v >= 0.0));
    }

    #[test]
    fn constrained_ranks_follow_constrained_domination(
        (m, data) in (1usize..=4).prop_flat_map(|m| (Just(m), points(30, m))),
        cv_seed in prop::collection::vec(prop_oneof![Just(0.0), Just(-1.0), 0.0f64..2.0, (1i32..3).prop_map(f64::from)], 30),
    ) {
        let p = view(&data, m);
        let n = p.n_points();
        let cv: Vec<f64> = (0..n).map(|i| cv_seed[i % cv_seed.len()]).collect();
        let rank = sort::constrained_pareto_rank(p, &cv).unwrap();
        // Front peeling by the constrained-domination relation.
        let mut expected = vec![usize::MAX; n];
        let mut left: Vec<usize> = (0..n).collect();
        let mut r = 0;
        while !left.is_empty() {
            let front: Vec<usize> = left.iter().copied().filter(|&i| {
                !left.iter().any(|&j| constrained_dominates(p.row(j), cv[j], p.row(i), cv[i]))
            }).collect();
            for &i in &front { expected[i] = r; }
            left.retain(|i| !front.contains(i));
            r += 1;
        }
        prop_assert_eq!(rank, expected);
    }
}

#[test]
fn empty_input_gives_empty_output() {
    for m in 1..=5 {
        let p = view(&[], m);
        assert!(sort::is_non_dominated(p).is_empty());
        assert!(sort::pareto_rank(p).is_empty());
        assert!(sort::crowding_distance(p).is_empty());
        assert!(sort::non_dominated_indices(p).is_empty());
        assert!(sort::constrained_pareto_rank(p, &[]).unwrap().is_empty());
    }
}

#[test]
fn duplicates_share_rank_and_zeros_are_equal() {
    let data = [1.0, 2.0, 1.0, 2.0, 2.0, 1.0, -0.0, 3.0, 0.0, 3.0, 2.0, 2.0];
    let p = view(&data, 2);
    assert_eq!(sort::pareto_rank(p), vec![0, 0, 0, 0, 0, 1]);
    assert_eq!(
        sort::is_non_dominated(p),
        vec![true, true, true, true, true, false]
    );
}

#[test]
fn hand_ranked_three_objectives() {
    let data = [
        1.0, 1.0, 1.0, // 0: front 0
        2.0, 2.0, 2.0, // 1: dominated by 0
        0.0, 3.0, 3.0, // 2: front 0
        3.0, 3.0, 3.0, // 3: dominated by 1 and 2
        1.0, 1.0, 0.5, // 4: dominates 0
    ];
    let p = view(&data, 3);
    assert_eq!(sort::pareto_rank(p), vec![1, 2, 0, 3, 0]);
}

#[test]
fn crowding_hand_computed() {
    // Three points on a line: the middle one has gaps 0.5 + 0.5 in each objective.
    let data = [0.0, 1.0, 0.5, 0.5, 1.0, 0.0];
    let c = sort::crowding_distance(view(&data, 2));
    assert_eq!(c, vec![f64::INFINITY, 1.0, f64::INFINITY]);
    // Uneven spacing: f1 = 0, 1, 4, 10 (range 10); f2 reversed.
    let data = [0.0, 10.0, 1.0, 4.0, 4.0, 1.0, 10.0, 0.0];
    let c = sort::crowding_distance(view(&data, 2));
    // Point 1: f1 gap (4 - 0) / 10, f2 gap (10 - 1) / 10, mean of the two.
    assert_eq!(c[0], f64::INFINITY);
    assert!((c[1] - (0.4 + 0.9) / 2.0).abs() < 1e-12);
    assert!((c[2] - (0.9 + 0.4) / 2.0).abs() < 1e-12);
    assert_eq!(c[3], f64::INFINITY);
}

#[test]
fn crowding_edge_cases_never_nan() {
    assert_eq!(
        sort::crowding_distance(view(&[1.0, 2.0], 2)),
        vec![f64::INFINITY]
    );
    assert_eq!(
        sort::crowding_distance(view(&[1.0, 2.0, 3.0, 4.0], 2)),
        vec![f64::INFINITY; 2]
    );
    // Constant second objective adds nothing, even to its extremes.
    let c = sort::crowding_distance(view(&[0.0, 5.0, 1.0, 5.0, 3.0, 5.0], 2));
    assert_eq!(
        c,
        vec![f64::INFINITY, (1.0 / 3.0 + 2.0 / 3.0) / 2.0, f64::INFINITY]
    );
    // All objectives constant: all zero.
    let c = sort::crowding_distance(view(&[1.0, 1.0, 1.0, 1.0, 1.0, 1.0], 2));
    assert_eq!(c, vec![0.0; 3]);
    // Differences beyond f64::MAX: still finite ratios.
    let c = sort::crowding_distance(view(&[-1.5e308, 1e308, 1.5e308], 1));
    assert_eq!(c[0], f64::INFINITY);
    assert_eq!(c[2], f64::INFINITY);
    assert!((c[1] - 1.0).abs() < 1e-12, "{}", c[1]);
    // Duplicates: the first copy in input order is the lower extreme.
    let c = sort::crowding_distance(view(&[0.0, 0.0, 2.0], 1));
    assert_eq!(c, vec![f64::INFINITY, 1.0, f64::INFINITY]);
}

#[test]
fn constrained_hand_computed() {
    let data = [
        1.0, 1.0, // 0 feasible, front 0
        2.0, 2.0, // 1 feasible, front 1
        0.0, 0.0, // 2 infeasible 0.5
        0.0, 0.0, // 3 infeasible 0.5
        5.0, 5.0, // 4 infeasible 0.1
        9.0, 9.0, // 5 feasible (negative violation), front 2
    ];
    let p = view(&data, 2);
    let r = sort::constrained_pareto_rank(p, &[0.0, 0.0, 0.5, 0.5, 0.1, -3.0]).unwrap();
    assert_eq!(r, vec![0, 1, 4, 4, 3, 2]);
    // Only infeasible points: ranks start at 0.
    let r = sort::constrained_pareto_rank(p, &[1.0, 2.0, 1.0, 3.0, 1.0, 2.0]).unwrap();
    assert_eq!(r, vec![0, 1, 0, 2, 0, 1]);
}

#[test]
fn constrained_validates_violation() {
    let data = [1.0, 1.0, 2.0, 2.0];
    let p = view(&data, 2);
    assert!(matches!(
        sort::constrained_pareto_rank(p, &[0.0]),
        Err(Error::DimensionMismatch {
            expected: 2,
            found: 1,
            ..
        })
    ));
    assert!(matches!(
        sort::constrained_pareto_rank(p, &[0.0, f64::NAN]),
        Err(Error::NonFinite { row: 1, .. })
    ));
    assert!(matches!(
        sort::constrained_pareto_rank(p, &[f64::INFINITY, 0.0]),
        Err(Error::NonFinite { row: 0, .. })
    ));
}

#[test]
fn bench_shapes_agree_with_naive() {
    use vilfredo_core::rng::{bench_seed, sphere_points, uniform_points};
    for m in [2, 3, 4, 5, 8] {
        for sphere in [false, true] {
            let data = if sphere {
                sphere_points(3000, m, bench_seed(m, true))
            } else {
                uniform_points(3000, m, bench_seed(m, false))
            };
            check_all(&data, m);
        }
    }
}

#[test]
fn large_front_falls_back_to_divide_and_conquer() {
    // Points on a simplex are all non-dominated: more than the filter's front limit.
    use vilfredo_core::rng::uniform_points;
    let m = 4;
    let mut data = uniform_points(6000, m, 7);
    for row in data.chunks_exact_mut(m) {
        let s: f64 = row.iter().sum();
        row.iter_mut().for_each(|v| *v /= s);
    }
    // Add a dominated copy of each of the first 100 points.
    let extra: Vec<f64> = data[..100 * m].iter().map(|v| v + 1.0).collect();
    data.extend(extra);
    check_all(&data, m);
}

#[test]
fn adversarial_three_objective_staircase_falls_back() {
    // Each point enters the front of a long staircase: the sweeps give up on their
    // sorted vectors and hand over to the Fenwick tree and to divide and conquer.
    let n = 3000;
    let mut data = Vec::new();
    for i in 0..n {
        let x = f64::from(i);
        data.extend_from_slice(&[x, -x, x]);
    }
    for i in (0..n).step_by(7) {
        let x = f64::from(i);
        data.extend_from_slice(&[x, -x, x]); // duplicate
        data.extend_from_slice(&[x + 0.5, -x, x]); // dominated
        data.extend_from_slice(&[x + 0.5, -x + 0.5, x + 0.5]); // dominated twice over
    }
    check_all(&data, 3);
    let r = sort::pareto_rank(view(&data, 3));
    assert_eq!(r.iter().max(), Some(&2));
}

#[test]
fn large_integer_grids_agree_with_naive() {
    // Thousands of points on small grids: many ties in every objective, many duplicates,
    // deep enough to reach the divide-and-conquer recursion past its brute-force cutoffs
    // (over 2048 distinct points, so past the quadratic algorithms for small sets).
    use vilfredo_core::rng::SplitMix64;
    let mut rng = SplitMix64::new(99);
    for (m, levels, n) in [
        (3, 20, 3000),
        (4, 6, 3000),
        (5, 4, 3000),
        (6, 8, 2500),
        (7, 3, 2000),
    ] {
        let data: Vec<f64> = (0..n * m).map(|_| rng.below(levels) as f64).collect();
        check_all(&data, m);
        // The same grid shifted to mix -0.0 and +0.0.
        let shifted: Vec<f64> = data
            .iter()
            .map(|&v| if v == 0.0 { -0.0 } else { v })
            .collect();
        assert_eq!(
            sort::pareto_rank(view(&shifted, m)),
            sort::pareto_rank(view(&data, m))
        );
    }
}

#[test]
fn many_fronts_in_four_to_seven_objectives_agree_with_naive() {
    // Noisy points along the diagonal have about a hundred fronts: more than are peeled
    // by filtering, so divide and conquer ranks the rest, ties included.
    use vilfredo_core::rng::SplitMix64;
    let mut rng = SplitMix64::new(5);
    for m in 4..=7 {
        let n = 3000;
        let data: Vec<f64> = (0..n)
            .flat_map(|_| {
                let t = rng.below(120) as f64;
                (0..m).map(|_| t + rng.below(4) as f64).collect::<Vec<_>>()
            })
            .collect();
        check_all(&data, m);
        let fronts = sort::pareto_rank(view(&data, m)).into_iter().max().unwrap() + 1;
        assert!(fronts > 40, "only {fronts} fronts");
    }
}
