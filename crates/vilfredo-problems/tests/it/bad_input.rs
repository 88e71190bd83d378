//! Bad input to `evaluate`: wrong buffer sizes, values outside the domain, NaN.

use vilfredo_problems::{Params, VarType, get};

fn zdt1() -> Box<dyn vilfredo_problems::Benchmark> {
    get("zdt1", &Params::new().set("n_var", 3.0)).unwrap()
}

#[test]
fn wrong_buffer_sizes_name_the_sizes() {
    let p = zdt1();
    let e = p
        .evaluate(&[0.5; 7], &mut [0.0; 4], &mut [])
        .unwrap_err()
        .to_string();
    assert!(e.contains('7') && e.contains('3'), "{e}");
    let e = p
        .evaluate(&[0.5; 6], &mut [0.0; 3], &mut [])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains('4') && e.contains('3') && e.contains("objective"),
        "{e}"
    );
    let e = p
        .evaluate(&[0.5; 6], &mut [0.0; 4], &mut [0.0; 1])
        .unwrap_err()
        .to_string();
    assert!(e.contains("constraint"), "{e}");
    // An empty batch is fine.
    p.evaluate(&[], &mut [], &mut []).unwrap();
}

#[test]
fn values_outside_the_domain_name_row_and_variable() {
    let p = zdt1();
    let x = [0.5, 0.5, 0.5, -0.1, 0.5, 0.5];
    let e = p
        .evaluate(&x, &mut [0.0; 4], &mut [])
        .unwrap_err()
        .to_string();
    assert!(e.contains("row 1, variable 0") && e.contains("-0.1"), "{e}");
    let x = [0.5, 0.5, f64::NAN];
    let e = p
        .evaluate(&x, &mut [0.0; 2], &mut [])
        .unwrap_err()
        .to_string();
    assert!(e.contains("row 0, variable 2") && e.contains("NaN"), "{e}");
    let w = get("wfg1", &Params::new()).unwrap();
    let mut x = w.upper().to_vec();
    x[5] += 1e-9;
    let mut f = vec![0.0; 3];
    let e = w.evaluate(&x, &mut f, &mut []).unwrap_err().to_string();
    assert!(e.contains("row 0, variable 5"), "{e}");
}

#[test]
fn zdt5_takes_bits_only() {
    let p = get("zdt5", &Params::new()).unwrap();
    assert_eq!(p.var_type(0), VarType::Binary);
    let mut x = vec![1.0; 80];
    x[40] = 0.5;
    let e = p
        .evaluate(&x, &mut [0.0; 2], &mut [])
        .unwrap_err()
        .to_string();
    assert!(e.contains("variable 40") && e.contains("bit"), "{e}");
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Any finite or non-finite input gives Ok with finite objectives, or an Err; never a panic.
        #[test]
        fn never_panics_nor_returns_nan(
            which in 0usize..1000,
            raw in proptest::collection::vec(prop_oneof![-1.0f64..3.0, Just(f64::NAN), Just(f64::INFINITY)], 0..60),
        ) {
            let all = vilfredo_problems::list();
            let info = &all[which % all.len()];
            let p = get(info.name, &Params::new()).unwrap();
            let n = p.n_var();
            // Map the raw values into the box (mostly), keeping the odd outsider.
            let rows = raw.len() / 10 + 1;
            let mut x = vec![0.0; rows * n];
            for (i, v) in x.iter_mut().enumerate() {
                let r = raw.get(i % raw.len().max(1)).copied().unwrap_or(0.5);
                let (lo, hi) = (p.lower()[i % n], p.upper()[i % n]);
                *v = if p.var_type(i % n) == VarType::Binary { (r > 0.5) as u8 as f64 } else if (0.0..=1.0).contains(&r) { lo + r * (hi - lo) } else { r };
            }
            let mut f = vec![0.0; rows * p.n_obj()];
            let mut g = vec![0.0; rows * p.n_constr()];
            if p.evaluate(&x, &mut f, &mut g).is_ok() {
                prop_assert!(f.iter().all(|v| v.is_finite()));
                prop_assert!(g.iter().all(|v| v.is_finite()));
            }
        }
    }
}

#[test]
fn constrained_problems_check_the_constraint_buffer() {
    let p = get("mw3", &Params::new().set("n_var", 4.0)).unwrap();
    let x = [0.5; 8];
    let e = p
        .evaluate(&x, &mut [0.0; 4], &mut [])
        .unwrap_err()
        .to_string();
    assert!(e.contains("constraint") && e.contains('4'), "{e}");
    let e = p
        .evaluate(&x[..7], &mut [0.0; 4], &mut [0.0; 4])
        .unwrap_err()
        .to_string();
    assert!(e.contains('7') && e.contains('4'), "{e}");
    let mut g = [0.0; 4];
    p.evaluate(&x, &mut [0.0; 4], &mut g).unwrap();
    // Outside the box: MW11 is defined on [0, √2] only.
    let p = get("mw11", &Params::new().set("n_var", 3.0)).unwrap();
    let e = p
        .evaluate(&[1.5, 0.5, 0.5], &mut [0.0; 2], &mut [0.0; 4])
        .unwrap_err()
        .to_string();
    assert!(e.contains("row 0, variable 0"), "{e}");
    // At the upper bound pymoo's sqrt goes NaN by rounding; vilfredo stays finite.
    let mut f = [0.0; 2];
    let mut g = [0.0; 4];
    p.evaluate(p.upper(), &mut f, &mut g).unwrap();
    assert!(f.iter().chain(&g).all(|v| v.is_finite()));
}
