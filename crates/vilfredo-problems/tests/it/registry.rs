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
