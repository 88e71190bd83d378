//! True fronts of the constrained problems: non-dominated, on their surfaces, feasible,
//! and (where a Pareto-optimal vector is easy to write down) attained by evaluation.

use crate::close;
use vilfredo_pareto::is_non_dominated;
use vilfredo_problems::{Benchmark, Params, Points, get};

fn front(name: &str, params: &Params, n: usize) -> (Box<dyn Benchmark>, Points) {
    let p = get(name, params).unwrap();
    let front = p.pareto_front(n).unwrap();
    assert!(front.n_points() >= 5, "{name}: {} points", front.n_points());
    let nd = is_non_dominated(front.view());
    assert!(nd.iter().all(|&b| b), "{name}: a front point is dominated");
    (p, front)
}

/// Evaluates one vector, returning (f, g).
fn eval(p: &dyn Benchmark, x: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let mut f = vec![0.0; p.n_obj()];
    let mut g = vec![0.0; p.n_constr()];
    p.evaluate(x, &mut f, &mut g).unwrap();
    (f, g)
}

#[test]
fn c_dtlz_fronts_lie_on_their_surfaces_and_are_feasible() {
    for m in [2usize, 3, 5] {
        let params = Params::new().set("n_obj", m as f64);
        let (_, f1) = front("c1dtlz1", &params, 200);
        for f in f1.view().rows() {
            assert!(close(f.iter().sum::<f64>(), 0.5, 1e-12, 0.0), "{f:?}");
            let g = f[m - 1] / 0.6 + f[..m - 1].iter().map(|v| v / 0.5).sum::<f64>() - 1.0;
            assert!(g <= 1e-12, "c1dtlz1 {f:?}: g = {g}");
        }
        let (p2, f2) = front("c2dtlz2", &params, 200);
        assert!(f2.n_points() < 200, "c2dtlz2 keeps only the feasible caps");
        let r = if m == 2 {
            0.2
        } else if m == 3 {
            0.4
        } else {
            0.5
        };
        for f in f2.view().rows() {
            let s: f64 = f.iter().map(|v| v * v).sum();
            assert!(close(s, 1.0, 1e-12, 0.0));
            let caps = (0..m)
                .map(|i| (f[i] - 1.0).powi(2) + (s - f[i] * f[i]) - r * r)
                .fold(f64::INFINITY, f64::min);
            let a = 1.0 / (m as f64).sqrt();
            let centre: f64 = f.iter().map(|v| (v - a).powi(2)).sum::<f64>() - r * r;
            assert!(caps.min(centre) <= 1e-12, "c2dtlz2 {f:?}");
        }
        assert_eq!(p2.n_constr(), 1);
        let (_, f3) = front("c3dtlz4", &params, 200);
        for f in f3.view().rows() {
            let s: f64 = f.iter().map(|v| v * v).sum();
            let g: Vec<f64> = f.iter().map(|v| 1.0 - v * v / 4.0 - (s - v * v)).collect();
            let top = g.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            // Feasible, and on the surface of the binding constraint.
            assert!(top.abs() <= 1e-12, "c3dtlz4 {f:?}: {g:?}");
        }
    }
}

#[test]
fn mw_fronts_are_attained_by_optimal_vectors() {
    // n_var = 6: x₀ places the point, x₁… are distance variables set to where g = 1.
    let d = 6usize;
    let params = Params::new().set("n_var", d as f64);
    for name in ["mw1", "mw2", "mw6"] {
        let (p, fr) = front(name, &params, 100);
        for f in fr.view().rows() {
            let mut x = vec![0.0; d];
            x[0] = f[0];
            for (j, v) in x.iter_mut().enumerate().skip(1) {
                *v = match name {
                    // g1: x_j^(d − M) = ½ + j/(2d).
                    "mw1" => (0.5 + j as f64 / (2 * d) as f64).powf(1.0 / (d - 2) as f64),
                    // g2: x_j = j/d.
                    _ => j as f64 / d as f64,
                };
            }
            let (got, g) = eval(&*p, &x);
            for (a, b) in got.iter().zip(f) {
                assert!(close(*a, *b, 1e-9, 1e-12), "{name}: {got:?} vs {f:?}");
            }
            assert!(g.iter().all(|&v| v <= 1e-9), "{name} {f:?}: g = {g:?}");
        }
    }
    // MW3 and MW12: the front is pushed onto the constraint boundary; each point is
    // feasible for the constraint that shapes it.
    let (_, fr) = front("mw3", &params, 100);
    for f in fr.view().rows() {
        let l = std::f64::consts::SQRT_2 * (f[1] - f[0]);
        let c = 0.85 - f[0] - f[1] + 0.3 * (0.75 * std::f64::consts::PI * l).sin().powi(2);
        assert!(c <= 0.0, "mw3 {f:?}");
        assert!(f[0] + f[1] >= 1.0 - 1e-12);
    }
    let (_, fr) = front("mw12", &params, 100);
    use std::f64::consts::PI;
    for f in fr.view().rows() {
        let c = (1.0 - 0.8 * f[0] - f[1] + 0.08 * (2.0 * PI * (f[1] - f[0] / 1.5)).sin())
            * (1.8 - 1.125 * f[0] - f[1] + 0.08 * (2.0 * PI * (f[1] / 1.8 - f[0] / 1.6)).sin());
        assert!(c <= 0.0, "mw12 {f:?}");
    }
    for m in [2.0, 3.0, 4.0] {
        let params = Params::new().set("n_obj", m);
        let (_, fr) = front("mw4", &params, 100);
        for f in fr.view().rows() {
            assert!(close(f.iter().sum::<f64>(), 1.0, 1e-12, 0.0));
        }
        let (_, fr) = front("mw8", &params, 100);
        for f in fr.view().rows() {
            let s: f64 = f.iter().map(|v| v * v).sum();
            assert!(close(s, 1.0, 1e-12, 0.0));
            let a = 1.25 - 0.5 * (6.0 * f[f.len() - 1].asin()).sin().powi(2);
            assert!(s <= a * a + 1e-12, "mw8 {f:?}");
        }
    }
}

#[test]
fn classic_fronts_are_feasible_images_of_their_sets() {
    for name in ["bnh", "srn", "osy"] {
        let (p, fr) = front(name, &Params::new(), 50);
        let set = p.pareto_set(50).unwrap();
        for (x, f) in set.view().rows().zip(fr.view().rows()) {
            let (got, g) = eval(&*p, x);
            assert_eq!(got, f);
            assert!(g.iter().all(|&v| v <= 1e-12), "{name} {x:?}: {g:?}");
        }
    }
    // OSY: five connected pieces, f₂ rising from 4 (segment EF) to 76 (segment AB).
    let (_, fr) = front("osy", &Params::new(), 500);
    assert_eq!(fr.n_points(), 500);
    let f2: Vec<f64> = fr.view().rows().map(|f| f[1]).collect();
    let (lo, hi) = f2
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
    assert!(
        close(lo, 4.0, 1e-12, 0.0) && close(hi, 76.0, 1e-12, 0.0),
        "{lo} {hi}"
    );
    // TNK: f = x, on the wavy circle (first constraint binding) inside the disc.
    let (p, fr) = front("tnk", &Params::new(), 400);
    assert!(fr.n_points() >= 300, "{}", fr.n_points());
    for f in fr.view().rows() {
        let (got, g) = eval(&*p, f);
        assert_eq!(got, f);
        assert!(g[0].abs() <= 1e-12 && g[1] <= 0.0, "tnk {f:?}: {g:?}");
    }
    // Disconnected: gaps along f₁.
    let gaps = fr
        .view()
        .rows()
        .collect::<Vec<_>>()
        .windows(2)
        .filter(|w| (w[1][0] - w[0][0]).abs() > 0.05)
        .count();
    assert!(gaps >= 1, "tnk front has {gaps} gaps");
}

#[test]
fn unknown_fronts_are_refused() {
    for name in [
        "welded_beam",
        "carside",
        "mw5",
        "mw7",
        "mw9",
        "mw10",
        "mw11",
        "mw13",
        "mw14",
        "re21",
        "re37",
        "re91",
    ] {
        let p = get(name, &Params::new()).unwrap();
        let e = p.pareto_front(50).unwrap_err().to_string();
        assert!(e.contains(name) && e.contains("not available"), "{e}");
    }
}
