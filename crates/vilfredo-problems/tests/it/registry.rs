//! The registry: names, parameters, defaults and their errors.

use vilfredo_problems::{Params, Problem, get, list};

fn err(name: &str, params: &Params) -> String {
    match get(name, params) {
        Ok(p) => panic!("{name} {params:?} accepted as {}", p.name()),
        Err(e) => e.to_string(),
    }
}

#[test]
fn every_listed_problem_builds_with_defaults_and_evaluates_its_bounds() {
    assert_eq!(list().len(), 61);
    for info in list() {
        let p = get(info.name, &Params::new()).unwrap();
        assert_eq!(p.name(), info.name);
        assert!(!p.description().is_empty());
        for b in [p.lower().to_vec(), p.upper().to_vec()] {
            let mut f = vec![0.0; p.n_obj()];
            let mut g = vec![0.0; p.n_constr()];
            p.evaluate(&b, &mut f, &mut g).unwrap();
            assert!(f.iter().all(|v| v.is_finite()), "{}", info.name);
            assert!(g.iter().all(|v| v.is_finite()), "{}", info.name);
        }
        // Upper case works too.
        assert!(get(&info.name.to_uppercase(), &Params::new()).is_ok());
    }
}

#[test]
fn defaults_follow_the_papers() {
    let dims = |name: &str| {
        let p = get(name, &Params::new()).unwrap();
        (p.n_var(), p.n_obj())
    };
    assert_eq!(dims("zdt1"), (30, 2));
    assert_eq!(dims("zdt4"), (10, 2));
    assert_eq!(dims("zdt5"), (80, 2));
    assert_eq!(dims("zdt6"), (10, 2));
    assert_eq!(dims("dtlz1"), (7, 3)); // k = 5
    assert_eq!(dims("dtlz2"), (12, 3)); // k = 10
    assert_eq!(dims("dtlz7"), (22, 3)); // k = 20
    assert_eq!(dims("wfg1"), (24, 3)); // k = 4, l = 20
    let p = get("dtlz2", &Params::new().set("n_obj", 5.0)).unwrap();
    assert_eq!((p.n_var(), p.n_obj()), (14, 5));
    let p = get("dtlz3", &Params::new().set("n_obj", 4.0).set("k", 3.0)).unwrap();
    assert_eq!(p.n_var(), 6);
    let p = get(
        "wfg4",
        &Params::new()
            .set("n_var", 24.0)
            .set("n_obj", 3.0)
            .set("k", 4.0),
    )
    .unwrap();
    assert_eq!((p.n_var(), p.n_obj()), (24, 3));
    let p = get("wfg2", &Params::new().set("n_obj", 2.0).set("l", 6.0)).unwrap();
    assert_eq!(p.n_var(), 10);
}

#[test]
fn bad_names_and_parameters_list_what_is_valid() {
    let e = err("zdt7", &Params::new());
    assert!(
        e.contains("zdt7") && e.contains("dtlz2") && e.contains("wfg9"),
        "{e}"
    );
    let e = err("zdt1", &Params::new().set("n_obj", 3.0));
    assert!(e.contains("n_obj") && e.contains("n_var"), "{e}");
    let e = err("dtlz2", &Params::new().set("alpha", 3.0));
    assert!(e.contains("alpha") && e.contains("valid parameters"), "{e}");
    let e = err("dtlz2", &Params::new().set("n_obj", 2.5));
    assert!(e.contains("integer"), "{e}");
    let e = err("dtlz2", &Params::new().set("n_obj", -1.0));
    assert!(e.contains("n_obj"), "{e}");
    let e = err("dtlz2", &Params::new().set("n_obj", 1.0));
    assert!(e.contains("n_obj ≥ 2"), "{e}");
    let e = err("dtlz2", &Params::new().set("n_obj", 5.0).set("n_var", 4.0));
    assert!(e.contains("n_var"), "{e}");
    let e = err(
        "dtlz2",
        &Params::new()
            .set("n_obj", 3.0)
            .set("n_var", 12.0)
            .set("k", 5.0),
    );
    assert!(e.contains("disagrees"), "{e}");
    let e = err("dtlz4", &Params::new().set("alpha", f64::NAN));
    assert!(e.contains("alpha"), "{e}");
    let e = err("wfg1", &Params::new().set("n_obj", 3.0).set("k", 3.0));
    assert!(e.contains("multiple of n_obj − 1 = 2"), "{e}");
    let e = err(
        "wfg2",
        &Params::new()
            .set("n_obj", 2.0)
            .set("n_var", 9.0)
            .set("k", 4.0),
    );
    assert!(e.contains("even"), "{e}");
    let e = err("wfg4", &Params::new().set("n_var", 4.0).set("k", 4.0));
    assert!(e.contains("n_var > k"), "{e}");
    let e = err(
        "wfg4",
        &Params::new().set("n_var", 20.0).set("k", 4.0).set("l", 4.0),
    );
    assert!(e.contains("disagrees"), "{e}");
    let e = err("zdt5", &Params::new().set("n_var", 42.0));
    assert!(e.contains("30 + 5"), "{e}");
    let e = err("zdt1", &Params::new().set("n_var", 1e7));
    assert!(e.contains("n_var") && e.contains("1000000"), "{e}");
    let e = err("wfg1", &Params::new().set("l", 5e6));
    assert!(e.contains('l'), "{e}");
    let p = get("zdt1", &Params::new()).unwrap();
    assert!(p.pareto_front(20_000_000).is_err());
    // 10 million rows of 30 variables: more values than a set may hold.
    match p.pareto_set(10_000_000) {
        Ok(_) => panic!("a set of 300 million values was built"),
        Err(e) => assert!(e.to_string().contains("too many"), "{e}"),
    }
    let e = err("zdt1", &Params::new().set("n_var", 1.0));
    assert!(e.contains("n_var ≥ 2"), "{e}");
}

#[test]
fn a_benchmark_is_a_problem() {
    let b = get("zdt1", &Params::new()).unwrap();
    let p: Box<dyn Problem> = b;
    assert_eq!(p.n_obj(), 2);
}

#[test]
fn constrained_problems_have_pymoo_sizes_and_refuse_bad_parameters() {
    let dims = |name: &str, params: &Params| {
        let p = get(name, params).unwrap();
        (p.n_var(), p.n_obj(), p.n_constr())
    };
    let none = Params::new();
    assert_eq!(dims("c1dtlz1", &none), (7, 3, 1)); // k = 5, as DTLZ1
    assert_eq!(dims("c2dtlz2", &none), (12, 3, 1));
    assert_eq!(dims("c3dtlz4", &none), (12, 3, 3));
    assert_eq!(
        dims("c3dtlz4", &Params::new().set("n_obj", 5.0)),
        (14, 5, 5)
    );
    assert_eq!(dims("mw1", &none), (15, 2, 1));
    assert_eq!(dims("mw3", &none), (15, 2, 2));
    assert_eq!(dims("mw11", &none), (15, 2, 4));
    assert_eq!(dims("mw4", &none), (15, 3, 1));
    assert_eq!(dims("mw8", &Params::new().set("n_obj", 5.0)), (17, 5, 1));
    assert_eq!(dims("bnh", &none), (2, 2, 2));
    assert_eq!(dims("osy", &none), (6, 2, 6));
    assert_eq!(dims("welded_beam", &none), (4, 2, 4));
    assert_eq!(dims("carside", &none), (7, 3, 10));
    assert_eq!(dims("re21", &none), (4, 2, 0));
    assert_eq!(dims("re37", &none), (4, 3, 0));
    assert_eq!(dims("re61", &none), (3, 6, 0));
    assert_eq!(dims("re91", &none), (7, 9, 0));

    let e = err("mw1", &Params::new().set("n_obj", 3.0));
    assert!(
        e.contains("n_obj") && e.contains("valid parameters: n_var"),
        "{e}"
    );
    let e = err("mw4", &Params::new().set("n_obj", 4.0).set("n_var", 3.0));
    assert!(e.contains("n_var ≥ n_obj = 4"), "{e}");
    let e = err("mw1", &Params::new().set("n_var", 1.0));
    assert!(e.contains("n_var"), "{e}");
    let e = err("bnh", &Params::new().set("n_var", 3.0));
    assert!(e.contains("n_var") && e.contains("none"), "{e}");
    let e = err("re21", &Params::new().set("n_obj", 3.0));
    assert!(e.contains("valid parameters: none"), "{e}");
    let e = err("c2dtlz2", &Params::new().set("r", -0.1));
    assert!(e.contains('r') && e.contains("positive"), "{e}");
    let e = err("c1dtlz1", &Params::new().set("r", 0.1));
    assert!(e.contains("valid parameters: n_var, n_obj, k"), "{e}");
    let e = err(
        "c3dtlz4",
        &Params::new().set("n_obj", 3.0).set("n_var", 2.0),
    );
    assert!(e.contains("n_var"), "{e}");
    let e = err("mw15", &Params::new());
    assert!(e.contains("mw14") && e.contains("re91"), "{e}");
    let e = err("re99", &Params::new());
    assert!(e.contains("re91"), "{e}");
    let p = get("c2dtlz2", &Params::new().set("r", 0.3)).unwrap();
    assert_eq!(p.n_constr(), 1);
}

#[test]
fn re_discrete_variables_are_declared_and_snapped() {
    use vilfredo_problems::VarType;
    let p = get("re36", &Params::new()).unwrap();
    assert!((0..4).all(|j| p.var_type(j) == VarType::Integer));
    // Rounding inside: 12.4 evaluates as 12, so both give the same objectives.
    let mut a = [0.0; 3];
    let mut b = [0.0; 3];
    p.evaluate(&[12.4, 20.0, 30.0, 40.0], &mut a, &mut [])
        .unwrap();
    p.evaluate(&[12.0, 20.0, 30.0, 40.0], &mut b, &mut [])
        .unwrap();
    assert_eq!(a, b);
    let p = get("re23", &Params::new()).unwrap();
    assert_eq!(p.var_type(0), VarType::Integer);
    assert_eq!(p.var_type(2), VarType::Real);
    let p = get("re22", &Params::new()).unwrap();
    assert_eq!(p.var_type(0), VarType::Real); // snapped to a catalogue, not integral
    // RE problems have no published closed-form front.
    let e = p.pareto_front(10).unwrap_err().to_string();
    assert!(e.contains("re22") && e.contains("not available"), "{e}");
}
