//! R-NSGA-II and SPEA2 survival (raw and normalized distances) against pymoo 0.6.2 on
//! the cases of
//! `tests/data/moea/*.json` (written by `tests/data/moea/generate.py`).
//!
//! Each case is a merged population of 2N points: the first N are told as the initial
//! population (all survive), the next N as offspring, and survival must keep the
//! survivors pymoo keeps.

use serde_json::Value;
use vilfredo_moea::{Algorithm, Nsga2Config, RNsga2, RNsga2Config, Space, Spea2, Spea2Config};

fn cases(name: &str) -> Vec<Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/moea")
        .join(name);
    let text = std::fs::read_to_string(&path);
    assert!(
        text.is_ok(),
        "{}: {:?}; run tests/data/moea/generate.py",
        path.display(),
        text.as_ref().err()
    );
    let text = text.unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    let cases = v["cases"].as_array().unwrap().clone();
    assert!(cases.len() >= 20, "{name}: {} cases", cases.len());
    cases
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

fn rows(f: &[f64], m: usize, idx: &[usize]) -> Vec<f64> {
    idx.iter()
        .flat_map(|&i| f[i * m..(i + 1) * m].to_vec())
        .collect()
}

fn space() -> Space {
    Space::real(vec![0.0; 2], vec![1.0; 2]).unwrap()
}

#[test]
fn rnsga2_survival_matches_pymoo() {
    for (k, case) in cases("rnsga2_survival.json").iter().enumerate() {
        let m = case["n_obj"].as_u64().unwrap() as usize;
        let n = case["pop_size"].as_u64().unwrap() as usize;
        let f = floats(&case["f"]);
        let mut c = RNsga2Config::new(floats(&case["ref_points"]));
        c.epsilon = case["epsilon"].as_f64().unwrap();
        c.nsga2 = Nsga2Config {
            pop_size: n,
            eliminate_duplicates: false,
            ..Nsga2Config::default()
        };
        let mut alg = RNsga2::new(space(), m, 0, c).unwrap();
        alg.ask().unwrap();
        alg.tell(&f[..n * m], None).unwrap();
        alg.ask().unwrap();
        alg.tell(&f[n * m..], None).unwrap();
        let survivors: Vec<usize> = case["survivors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(alg.f(), &rows(&f, m, &survivors)[..], "case {k}");
        let want = floats(&case["preference"]);
        assert_eq!(alg.preference(), want, "case {k}: preference distances");
    }
}

#[test]
fn spea2_environmental_selection_matches_pymoo() {
    spea2_survival_matches_pymoo("spea2_survival.json", false);
}

/// With normalized distances (pymoo's default) on objectives of ranges 1, 7 and 0.2:
/// the same survivors as pymoo, and the same normalization memory.
#[test]
fn spea2_normalized_environmental_selection_matches_pymoo() {
    spea2_survival_matches_pymoo("spea2_normalized_survival.json", true);
}

fn spea2_survival_matches_pymoo(file: &str, normalize: bool) {
    for (k, case) in cases(file).iter().enumerate() {
        let m = case["n_obj"].as_u64().unwrap() as usize;
        let n = case["pop_size"].as_u64().unwrap() as usize;
        let f = floats(&case["f"]);
        let c = Spea2Config {
            pop_size: n,
            archive_size: n,
            eliminate_duplicates: false,
            normalize,
            ..Spea2Config::default()
        };
        let mut alg = Spea2::new(space(), m, 0, c).unwrap();
        alg.ask().unwrap();
        alg.tell(&f[..n * m], None).unwrap();
        alg.ask().unwrap();
        alg.tell(&f[n * m..], None).unwrap();
        let survivors: Vec<usize> = case["survivors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        assert_eq!(alg.f(), &rows(&f, m, &survivors)[..], "case {k}");
        let raw: Vec<f64> = alg.fitness().iter().map(|v| v.floor()).collect();
        assert_eq!(raw, floats(&case["raw_fitness"]), "case {k}: raw fitness");
        if normalize {
            let memory = alg.normalization().unwrap();
            assert_eq!(memory.ideal, floats(&case["ideal"]), "case {k}: ideal");
            assert_eq!(memory.worst, floats(&case["worst"]), "case {k}: worst");
            assert_eq!(memory.extremes, floats(&case["extremes"]), "case {k}");
        } else {
            assert!(alg.normalization().is_none());
        }
    }
}
