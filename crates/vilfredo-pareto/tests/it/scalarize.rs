//! Scalarizations: committed pymoo values, hand-computed cases, validation and invariants.

// Fixture helpers outside `#[test]` functions may unwrap and panic too.
#![allow(clippy::unwrap_used, clippy::panic)]

use proptest::prelude::*;
use vilfredo_core::{Error, Points};
use vilfredo_pareto::scalarize::{ASF_ZERO_WEIGHT, Scalarization};

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
}

/// One case of `tests/data/scalarize_expected.txt`.
struct Case {
    f: Vec<Vec<f64>>,
    w: Vec<Vec<f64>>,
    z: Vec<f64>,
    expected: Vec<(String, usize, usize, f64)>,
}

fn read_rows(lines: &mut std::str::Lines<'_>, name: &str) -> Vec<Vec<f64>> {
    let header = lines.next().unwrap();
    let (tag, n) = header.split_once(' ').unwrap();
    assert_eq!(tag, name);
    (0..n.parse::<usize>().unwrap())
        .map(|_| {
            lines
                .next()
                .unwrap()
                .split_whitespace()
                .map(|v| v.parse().unwrap())
                .collect()
        })
        .collect()
}

fn cases() -> Vec<Case> {
    let mut lines = include_str!("../data/scalarize_expected.txt").lines();
    let mut out = Vec::new();
    while let Some(line) = lines.next() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        assert!(line.starts_with("case "), "{line}");
        let f = read_rows(&mut lines, "f");
        let w = read_rows(&mut lines, "w");
        let z = read_rows(&mut lines, "z").remove(0);
        let mut expected = Vec::new();
        for l in lines.by_ref() {
            if l == "end" {
                break;
            }
            let t: Vec<&str> = l.split_whitespace().collect();
            expected.push((
                t[0].to_string(),
                t[1].parse().unwrap(),
                t[2].parse().unwrap(),
                t[3].parse().unwrap(),
            ));
        }
        out.push(Case { f, w, z, expected });
    }
    out
}

#[test]
fn matches_committed_pymoo_values() {
    let cases = cases();
    assert_eq!(cases.len(), 3);
    let mut checked = 0;
    for c in &cases {
        for (name, i, j, want) in &c.expected {
            let s = match name.as_str() {
                "tchebycheff" => Scalarization::Tchebycheff,
                "pbi_5" => Scalarization::pbi(5.0).unwrap(),
                "pbi_0.5" => Scalarization::pbi(0.5).unwrap(),
                "asf" => Scalarization::Asf,
                "aasf_0.01" => Scalarization::augmented_asf(0.01).unwrap(),
                "weighted_sum" => Scalarization::WeightedSum,
                other => panic!("unknown scalarization {other}"),
            };
            let got = s.value_checked(&c.f[*i], &c.w[*j], &c.z).unwrap();
            assert!(
                close(got, *want, 1e-12),
                "{name} f{i} w{j}: got {got}, want {want}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 3 * 6 * 5 * 4);
}

#[test]
fn hand_computed_values() {
    let f = [3.0, 5.0];
    let w = [0.25, 0.75];
    let z = [1.0, 1.0];
    // f − z = (2, 4).
    let v = |s: Scalarization| s.value_checked(&f, &w, &z).unwrap();
    assert_eq!(v(Scalarization::WeightedSum), 0.5 + 3.0);
    assert_eq!(v(Scalarization::Tchebycheff), 3.0);
    assert_eq!(
        v(Scalarization::augmented_tchebycheff(0.1).unwrap()),
        3.0 + 0.1 * 6.0
    );
    assert_eq!(v(Scalarization::Asf), 8.0_f64.max(4.0 / 0.75));
    // PBI: the unit weight direction is (1, 3)/√10; d₁ = (2 + 12)/√10, d₂ = |(2, 4) × (1, 3)|/√10.
    let d1 = 14.0 / 10f64.sqrt();
    let d2 = 2.0 / 10f64.sqrt();
    assert!(close(
        v(Scalarization::pbi(5.0).unwrap()),
        d1 + 5.0 * d2,
        1e-15
    ));
    // A point on the weight ray has no penalty.
    let on_ray = [1.0 + 0.5, 1.0 + 1.5];
    let p = Scalarization::pbi(100.0).unwrap().value(&on_ray, &w, &z);
    assert!(close(p, (0.25f64 + 2.25).sqrt(), 1e-14), "{p}");
    // A zero weight in ASF becomes pymoo's tiny weight.
    let a = Scalarization::Asf
        .value_checked(&[2.0, 1.0], &[0.0, 1.0], &[1.0, 0.0])
        .unwrap();
    assert_eq!(a, 1.0 / ASF_ZERO_WEIGHT);
}

#[test]
fn bad_inputs_are_refused() {
    let s = Scalarization::Tchebycheff;
    assert!(matches!(
        s.value_checked(&[1.0, 2.0], &[0.5], &[0.0, 0.0]),
        Err(Error::DimensionMismatch {
            expected: 2,
            found: 1,
            ..
        })
    ));
    assert!(matches!(
        s.value_checked(&[1.0, 2.0], &[0.5, 0.5], &[0.0, 0.0, 0.0]),
        Err(Error::DimensionMismatch {
            expected: 2,
            found: 3,
            ..
        })
    ));
    assert!(matches!(
        s.value_checked(&[1.0, f64::NAN], &[0.5, 0.5], &[0.0, 0.0]),
        Err(Error::NonFinite { column: 1, .. })
    ));
    assert!(
        s.value_checked(&[1.0, 2.0], &[0.5, -0.5], &[0.0, 0.0])
            .is_err()
    );
    assert!(
        s.value_checked(&[1.0, 2.0], &[0.0, 0.0], &[0.0, 0.0])
            .is_err()
    );
    assert!(s.value_checked(&[], &[], &[]).is_err());
    assert!(Scalarization::pbi(-1.0).is_err());
    assert!(Scalarization::pbi(f64::INFINITY).is_err());
    assert!(Scalarization::augmented_tchebycheff(f64::NAN).is_err());
    let e = Scalarization::augmented_asf(-0.1).unwrap_err();
    assert!(e.to_string().contains("rho"), "{e}");
    // An unvalidated variant is caught by the checked entry points.
    let bad = Scalarization::Pbi { theta: -2.0 };
    assert!(bad.value_checked(&[1.0], &[1.0], &[0.0]).is_err());
}

#[test]
fn values_over_a_set() {
    let p = Points::from_rows(&[[1.0, 2.0], [2.0, 1.0], [0.5, 0.5]], 2).unwrap();
    let v = Scalarization::Tchebycheff
        .values(p.view(), &[0.5, 0.5], &[0.0, 0.0])
        .unwrap();
    assert_eq!(v, vec![1.0, 1.0, 0.25]);
    let empty = Points::empty(2).unwrap();
    assert!(
        Scalarization::Asf
            .values(empty.view(), &[0.5, 0.5], &[0.0, 0.0])
            .unwrap()
            .is_empty()
    );
    assert!(Scalarization::Asf.values(p.view(), &[0.5], &[0.0]).is_err());
}

fn all_kinds() -> [Scalarization; 6] {
    [
        Scalarization::WeightedSum,
        Scalarization::Tchebycheff,
        Scalarization::AugmentedTchebycheff { rho: 0.01 },
        Scalarization::Pbi { theta: 5.0 },
        Scalarization::Asf,
        Scalarization::AugmentedAsf { rho: 0.01 },
    ]
}

fn vectors() -> impl Strategy<Value = (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>)> {
    (1usize..=6).prop_flat_map(|m| {
        (
            prop::collection::vec(0.0f64..10.0, m),
            prop::collection::vec(0.0f64..5.0, m),
            prop::collection::vec(0.01f64..1.0, m),
            prop::collection::vec(-1.0f64..0.0, m),
        )
    })
}

proptest! {
    #[test]
    fn dominance_is_respected_by_monotone_scalarizations((f, delta, w, z) in vectors()) {
        // g = f + δ with δ ≥ 0 is dominated by (or equal to) f, and f ≥ z: every variant but
        // PBI is monotone there, so g never scores better than f.
        let g: Vec<f64> = f.iter().zip(&delta).map(|(a, d)| a + d).collect();
        for s in all_kinds() {
            if matches!(s, Scalarization::Pbi { .. }) {
                continue;
            }
            let (vf, vg) = (s.value(&f, &w, &z), s.value(&g, &w, &z));
            prop_assert!(vf <= vg + 1e-9 * (1.0 + vg.abs()), "{s:?}: {vf} > {vg}");
        }
    }

    #[test]
    fn value_equals_checked_value((f, _d, w, z) in vectors()) {
        for s in all_kinds() {
            prop_assert_eq!(s.value(&f, &w, &z), s.value_checked(&f, &w, &z).unwrap());
        }
    }

    #[test]
    fn pbi_is_at_least_the_projection((f, _d, w, z) in vectors()) {
        // d₂ ≥ 0, so PBI(θ) ≥ PBI(0) = d₁, and it grows with θ.
        let p0 = Scalarization::Pbi { theta: 0.0 }.value(&f, &w, &z);
        let p1 = Scalarization::Pbi { theta: 1.0 }.value(&f, &w, &z);
        let p5 = Scalarization::Pbi { theta: 5.0 }.value(&f, &w, &z);
        prop_assert!(p0 <= p1 + 1e-12 && p1 <= p5 + 1e-12);
    }
}
