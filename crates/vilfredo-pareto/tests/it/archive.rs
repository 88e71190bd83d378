//! The incremental archive against the naive definition: after every insertion its
//! members are the non-dominated points seen so far (duplicates kept), the reported
//! removals are exactly the members the newcomer dominates, and the hypervolume gain is
//! the value measured on the whole front.

// Helpers outside `#[test]` functions unwrap too; this is test code.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use proptest::prelude::*;
use vilfredo_core::rng::SplitMix64;
use vilfredo_pareto::dominance::dominates;
use vilfredo_pareto::{Insertion, ParetoArchive, PointsView, hypervolume};

/// The archive by definition: a list scanned in full at each insertion.
#[derive(Default)]
struct Naive {
    members: BTreeMap<u64, Vec<f64>>,
}

impl Naive {
    fn insert(&mut self, key: u64, p: &[f64]) -> Insertion {
        if self.members.values().any(|q| dominates(q, p)) {
            return Insertion::Dominated;
        }
        let removed: Vec<u64> = self
            .members
            .iter()
            .filter(|(_, q)| dominates(p, q))
            .map(|(&k, _)| k)
            .collect();
        for k in &removed {
            self.members.remove(k);
        }
        self.members.insert(key, p.to_vec());
        Insertion::Added { removed }
    }
}

/// The gain as the study history measured it before the archive could: the box
/// `[p, r]` minus the hypervolume of every member raised to `p`.
fn gain_by_full_front(p: &[f64], front: &[f64], r: &[f64]) -> f64 {
    if p.iter().zip(r).any(|(a, b)| a >= b) {
        return 0.0;
    }
    let boxed: f64 = p.iter().zip(r).map(|(a, b)| b - a).product();
    if front.is_empty() {
        return boxed;
    }
    let m = p.len();
    let raised: Vec<f64> = front
        .chunks_exact(m)
        .flat_map(|q| q.iter().zip(p).map(|(a, b)| a.max(*b)))
        .collect();
    let covered = hypervolume(PointsView::new(&raised, m).unwrap(), r).unwrap();
    (boxed - covered).max(0.0)
}

fn sorted(mut v: Vec<u64>) -> Vec<u64> {
    v.sort_unstable();
    v
}

/// Feeds `data` to the archive and the naive list, comparing after every insertion
/// (and, with a reference point, the gain before it).
fn check_stream(data: &[f64], m: usize, reference: Option<&[f64]>) {
    let mut archive = ParetoArchive::new(m).unwrap();
    let mut naive = Naive::default();
    for (k, p) in data.chunks_exact(m).enumerate() {
        let key = k as u64;
        if let Some(r) = reference {
            let fast = archive.hypervolume_gain(p, r).unwrap();
            let full = gain_by_full_front(p, archive.points(), r);
            let scale = p.iter().zip(r).map(|(a, b)| (b - a).abs()).product::<f64>();
            assert!(
                (fast - full).abs() <= 1e-12 * scale.max(1e-300),
                "gain of {p:?}: {fast} vs {full} (m = {m}, step {k})"
            );
        }
        let got = archive.insert(key, p).unwrap();
        let want = naive.insert(key, p);
        let got = match got {
            Insertion::Added { removed } => Insertion::Added {
                removed: sorted(removed),
            },
            dominated => dominated,
        };
        assert_eq!(got, want, "step {k}, point {p:?}, m = {m}");
        assert_eq!(archive.len(), naive.members.len());
        let keys = archive.keys();
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(
                &archive.points()[i * m..(i + 1) * m],
                &naive.members[key][..],
                "row {i} holds key {key}'s point"
            );
        }
        assert_eq!(
            sorted(keys.to_vec()),
            naive.members.keys().copied().collect::<Vec<_>>()
        );
    }
    // And the end state is the non-dominated subset of the whole stream.
    let all: Vec<&[f64]> = data.chunks_exact(m).collect();
    let want: Vec<u64> = (0..all.len())
        .filter(|&i| !all.iter().any(|q| dominates(q, all[i])))
        .map(|i| i as u64)
        .collect();
    assert_eq!(sorted(archive.keys().to_vec()), want);
}

/// Rows of `m` values, continuous or on a small grid (ties, duplicates, `±0`).
fn stream(max_n: usize, m: usize) -> impl Strategy<Value = Vec<f64>> {
    prop_oneof![
        prop::collection::vec(-1.0f64..1.0, 0..=max_n * m),
        prop::collection::vec((0i32..4).prop_map(f64::from), 0..=max_n * m),
        prop::collection::vec(
            prop::sample::select(vec![-0.0, 0.0, 1.0, 2.0]),
            0..=max_n * m
        ),
    ]
    .prop_map(move |mut v| {
        v.truncate(v.len() / m * m);
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn archive_matches_the_definition((m, data) in (2usize..=6).prop_flat_map(|m| (Just(m), stream(80, m)))) {
        check_stream(&data, m, None);
    }

    #[test]
    fn gain_matches_the_full_front((m, data) in (2usize..=5).prop_flat_map(|m| (Just(m), stream(60, m)))) {
        check_stream(&data, m, Some(&vec![1.5; m]));
    }
}

/// Points near the positive orthant of the unit sphere, pushed outwards by noise that
/// shrinks along the stream (a converging optimiser): about half of them land on the
/// front, and later ones keep evicting earlier ones.
fn converging_sphere(n: usize, m: usize, seed: u64) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    let mut out = Vec::with_capacity(n * m);
    for i in 0..n {
        let dir: Vec<f64> = (0..m).map(|_| rng.next_f64().max(1e-9)).collect();
        let norm = dir.iter().map(|x| x * x).sum::<f64>().sqrt();
        let spread = 0.3 * (1.0 - i as f64 / n as f64) + 0.01;
        let radius = 1.0 + spread * rng.next_f64();
        out.extend(dir.iter().map(|x| radius * x / norm));
    }
    out
}

#[test]
fn long_streams_exercise_splits_and_removals() {
    // Eleven objectives: more children per split than the cap allows.
    for m in [2, 3, 4, 5, 6, 11] {
        let mut data = converging_sphere(3000, m, 7 + m as u64);
        // Then a point that evicts everyone, and a stream it dominates entirely.
        data.extend(vec![0.0; m]);
        data.extend(converging_sphere(500, m, 8 + m as u64));
        check_stream(&data, m, None);
    }
}

#[test]
fn long_streams_keep_the_gain_exact() {
    for m in 2..=4 {
        let data = converging_sphere(1000, m, 70 + m as u64);
        check_stream(&data, m, Some(&vec![1.5; m]));
    }
}

#[test]
fn many_duplicates_of_few_points() {
    // Far more copies than a leaf holds, on a grid where many points tie.
    let mut rng = SplitMix64::new(3);
    for m in 2..=4 {
        let data: Vec<f64> = (0..2000 * m)
            .map(|_| f64::from((rng.next_f64() * 3.0) as i32))
            .collect();
        check_stream(&data, m, Some(&vec![3.0; m]));
    }
}

/// Points on the plane `Σ x = 1` sorted by their first objective, all mutually
/// non-dominated: the order that deepens an ND-Tree fastest, so subtrees get rebuilt.
fn sorted_plane(n: usize, m: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(n * m);
    for i in 0..n {
        let x = i as f64 / n as f64;
        let mut rest = 1.0 - x;
        out.push(x);
        for j in 1..m - 1 {
            let share = ((i * (7919 + j)) % 1000) as f64 / 1000.0;
            out.push(rest * share);
            rest -= rest * share;
        }
        out.push(rest);
    }
    out
}

#[test]
fn sorted_streams_rebuild_and_stay_exact() {
    for m in [3, 4] {
        let mut data = sorted_plane(2000, m);
        // A dominated tail, then points evicting parts of the rebuilt tree.
        data.extend(converging_sphere(300, m, 5));
        data.extend(sorted_plane(300, m).iter().map(|x| x * 0.999));
        check_stream(&data, m, Some(&vec![1.5; m]));
    }
}
