//! Agreement with pymoo 0.6.2 on random decision vectors (tests/data/problems/evaluations.txt).

use crate::{close, data_path, parse_params};
use vilfredo_problems::get;

fn parse_row(line: &str) -> Vec<f64> {
    line.split_whitespace()
        .map(|w| w.parse().unwrap())
        .collect()
}

#[test]
fn objectives_match_pymoo_to_1e_12() {
    let text = std::fs::read_to_string(data_path("evaluations.txt")).unwrap();
    let mut lines = text.lines().filter(|l| !l.starts_with('#')).peekable();
    let mut cases = 0;
    let mut seen = std::collections::BTreeSet::new();
    while let Some(head) = lines.next() {
        let w: Vec<&str> = head.split_whitespace().collect();
        assert_eq!(w[0], "case", "{head}");
        let (name, n_var, n_obj, rows): (&str, usize, usize, usize) = (
            w[1],
            w[2].parse().unwrap(),
            w[3].parse().unwrap(),
            w[4].parse().unwrap(),
        );
        let mut param_words = Vec::new();
        while lines.peek().is_some_and(|l| l.starts_with("param")) {
            param_words.extend(lines.next().unwrap().split_whitespace().map(str::to_owned));
        }
        let params = parse_params(param_words.iter().map(String::as_str));
        let x: Vec<f64> = (0..rows)
            .flat_map(|_| parse_row(lines.next().unwrap()))
            .collect();
        let want: Vec<f64> = (0..rows)
            .flat_map(|_| parse_row(lines.next().unwrap()))
            .collect();
        let p = get(name, &params).unwrap_or_else(|e| panic!("{head}: {e}"));
        assert_eq!((p.n_var(), p.n_obj()), (n_var, n_obj), "{head}");
        let mut f = vec![0.0; rows * n_obj];
        p.evaluate(&x, &mut f, &mut [])
            .unwrap_or_else(|e| panic!("{head}: {e}"));
        for (i, (a, b)) in f.iter().zip(&want).enumerate() {
            assert!(
                close(*a, *b, 1e-12, 1e-14),
                "{head} {params:?}: row {} objective {}: vilfredo {a:e}, pymoo {b:e}",
                i / n_obj,
                i % n_obj
            );
        }
        // Evaluating rows one at a time gives the same bits as the batch.
        let mut one = vec![0.0; n_obj];
        p.evaluate(&x[..n_var], &mut one, &mut []).unwrap();
        assert_eq!(one, f[..n_obj]);
        cases += 1;
        seen.insert(name.to_owned());
    }
    assert!(cases >= 60, "only {cases} cases");
    // Every registered problem is covered by the fixture.
    for info in vilfredo_problems::list() {
        assert!(seen.contains(info.name), "{} has no fixture", info.name);
    }
}
