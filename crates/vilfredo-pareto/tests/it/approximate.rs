//! Monte Carlo hypervolume: coverage of the exact value, determinism, validation.

use vilfredo_core::rng::{SplitMix64, bench_seed, sphere_points};
use vilfredo_pareto::hypervolume::{ApproxConfig, hypervolume_approx};
use vilfredo_pareto::{Error, PointsView};

/// Exact 2-D hypervolume by sorting (independent of the crate).
fn hv2_exact(data: &[f64], r: &[f64]) -> f64 {
    let mut rows: Vec<[f64; 2]> = data
        .chunks_exact(2)
        .filter(|p| p[0] < r[0] && p[1] < r[1])
        .map(|p| [p[0], p[1]])
        .collect();
    rows.sort_by(|a, b| a[0].total_cmp(&b[0]));
    let mut area = 0.0;
    let mut best_y = r[1];
    for (i, p) in rows.iter().enumerate() {
        best_y = best_y.min(p[1]);
        let next_x = rows.get(i + 1).map_or(r[0], |q| q[0]);
        area += (next_x - p[0]) * (r[1] - best_y);
    }
    area
}

/// Exact hypervolume by inclusion–exclusion (n ≤ 10).
fn hv_ie(data: &[f64], m: usize, r: &[f64]) -> f64 {
    let rows: Vec<&[f64]> = data.chunks_exact(m).collect();
    let mut total = 0.0;
    for mask in 1u32..(1 << rows.len()) {
        let mut corner = vec![f64::NEG_INFINITY; m];
        for (i, row) in rows.iter().enumerate() {
            if mask & (1 << i) != 0 {
                for (c, v) in corner.iter_mut().zip(row.iter()) {
                    *c = c.max(*v);
                }
            }
        }
        let vol: f64 = corner
            .iter()
            .zip(r)
            .map(|(c, b)| (b - c).max(0.0))
            .product();
        total += if mask.count_ones() % 2 == 1 {
            vol
        } else {
            -vol
        };
    }
    total
}

fn config(seed: u64) -> ApproxConfig {
    // A very high level so that the fixed seeds below are far from the interval's edge.
    ApproxConfig {
        samples: 200_000,
        seed,
        confidence: 0.999_999,
    }
}

fn check_covers(est: &vilfredo_pareto::hypervolume::HvEstimate, exact: f64, what: &str) {
    assert!(
        est.lower <= exact && exact <= est.upper,
        "{what}: exact {exact} outside [{}, {}]",
        est.lower,
        est.upper
    );
    assert!(
        est.lower <= est.value && est.value <= est.upper,
        "{what}: {est:?}"
    );
    // The interval must be informative, or covering would prove nothing.
    assert!(
        est.upper - est.lower < 0.1 * exact,
        "{what}: too wide {est:?}"
    );
    assert!(
        est.std_error > 0.0 && est.std_error < 0.01 * exact,
        "{what}: {est:?}"
    );
}

#[test]
fn interval_covers_exact_2d_value() {
    for seed in 0..4 {
        let data = sphere_points(50, 2, bench_seed(2, true) + seed);
        let r = [1.1, 1.1];
        let exact = hv2_exact(&data, &r);
        let est =
            hypervolume_approx(PointsView::new(&data, 2).unwrap(), &r, &config(seed)).unwrap();
        check_covers(&est, exact, &format!("2-D seed {seed}"));
    }
}

#[test]
fn interval_covers_inclusion_exclusion_in_higher_dimensions() {
    for m in 3..=5 {
        for seed in 0..3u64 {
            let mut rng = SplitMix64::new(seed * 31 + m as u64);
            // Random points, some dominated, one outside the reference box.
            let mut data: Vec<f64> = (0..9 * m).map(|_| rng.next_f64()).collect();
            data.extend(std::iter::repeat_n(1.5, m));
            let r = vec![1.0; m];
            let exact = hv_ie(&data, m, &r);
            let view = PointsView::new(&data, m).unwrap();
            let est = hypervolume_approx(view, &r, &config(seed)).unwrap();
            check_covers(&est, exact, &format!("m={m} seed {seed}"));
        }
    }
}

#[test]
fn same_seed_same_estimate_and_other_seed_differs() {
    let data = sphere_points(30, 3, bench_seed(3, true));
    let view = PointsView::new(&data, 3).unwrap();
    let r = [1.1, 1.1, 1.1];
    let cfg = ApproxConfig {
        samples: 10_000,
        seed: 42,
        confidence: 0.95,
    };
    let a = hypervolume_approx(view, &r, &cfg).unwrap();
    let b = hypervolume_approx(view, &r, &cfg).unwrap();
    assert_eq!(a, b);
    let c = hypervolume_approx(view, &r, &ApproxConfig { seed: 43, ..cfg }).unwrap();
    assert_ne!(a.value, c.value);
}

#[test]
fn higher_confidence_gives_a_wider_interval() {
    let data = sphere_points(30, 2, bench_seed(2, true));
    let view = PointsView::new(&data, 2).unwrap();
    let r = [1.1, 1.1];
    let cfg = ApproxConfig {
        samples: 5_000,
        seed: 1,
        confidence: 0.9,
    };
    let narrow = hypervolume_approx(view, &r, &cfg).unwrap();
    let wide = hypervolume_approx(
        view,
        &r,
        &ApproxConfig {
            confidence: 0.999,
            ..cfg
        },
    )
    .unwrap();
    assert_eq!(narrow.value, wide.value);
    assert!(wide.lower < narrow.lower && narrow.upper < wide.upper);
}

#[test]
fn nothing_dominates_the_reference_point() {
    let data = [2.0, 0.5, 0.5, 1.0];
    let est = hypervolume_approx(
        PointsView::new(&data, 2).unwrap(),
        &[1.0, 1.0],
        &ApproxConfig::default(),
    )
    .unwrap();
    assert_eq!((est.value, est.lower, est.upper), (0.0, 0.0, 0.0));
    let empty = hypervolume_approx(
        PointsView::new(&[], 3).unwrap(),
        &[1.0; 3],
        &ApproxConfig::default(),
    )
    .unwrap();
    assert_eq!(empty.value, 0.0);
}

#[test]
fn single_point_fills_its_box() {
    // The box is the point's own box: every sample is a hit.
    let data = [0.25, 0.5, 0.0];
    let est = hypervolume_approx(
        PointsView::new(&data, 3).unwrap(),
        &[1.0, 1.0, 1.0],
        &ApproxConfig {
            samples: 1000,
            seed: 3,
            confidence: 0.95,
        },
    )
    .unwrap();
    assert_eq!(est.value, 0.375);
    assert!(est.upper <= 0.375 && est.lower < 0.375 && est.lower > 0.36);
}

#[test]
fn invalid_config_is_an_error() {
    let data = [0.5, 0.5];
    let view = PointsView::new(&data, 2).unwrap();
    let r = [1.0, 1.0];
    let bad = [
        ApproxConfig {
            samples: 0,
            ..ApproxConfig::default()
        },
        ApproxConfig {
            confidence: 0.0,
            ..ApproxConfig::default()
        },
        ApproxConfig {
            confidence: 1.0,
            ..ApproxConfig::default()
        },
        ApproxConfig {
            confidence: f64::NAN,
            ..ApproxConfig::default()
        },
        ApproxConfig {
            confidence: -0.5,
            ..ApproxConfig::default()
        },
    ];
    for cfg in bad {
        let err = hypervolume_approx(view, &r, &cfg).unwrap_err();
        assert!(
            matches!(err, Error::InvalidArgument { .. }),
            "{cfg:?}: {err}"
        );
    }
    assert!(matches!(
        hypervolume_approx(view, &[1.0], &ApproxConfig::default()),
        Err(Error::DimensionMismatch { .. })
    ));
}
