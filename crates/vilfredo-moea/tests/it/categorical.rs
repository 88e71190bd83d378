//! Mixed spaces with categorical variables: operators never interpolate between
//! choices, and NSGA-II finds the best choice.

use vilfredo_core::{Problem, Result, VarType};
use vilfredo_moea::{Algorithm, MaxGenerations, Nsga2, Nsga2Config, minimize};

/// Two reals and one categorical "material" of five: the material adds a fixed penalty
/// to both objectives, smallest for material 3, so the true front uses material 3 only.
/// Any arithmetic on the code (2.5, or moving from 2 towards 4) would be visible.
struct Materials;

const PENALTY: [f64; 5] = [0.9, 0.4, 0.7, 0.0, 0.5];

impl Problem for Materials {
    fn name(&self) -> &str {
        "materials"
    }
    fn n_var(&self) -> usize {
        3
    }
    fn n_obj(&self) -> usize {
        2
    }
    fn lower(&self) -> &[f64] {
        &[0.0, 0.0, 0.0]
    }
    fn upper(&self) -> &[f64] {
        &[1.0, 1.0, 4.0]
    }
    fn var_type(&self, index: usize) -> VarType {
        if index == 2 {
            VarType::Categorical
        } else {
            VarType::Real
        }
    }
    fn evaluate(&self, x: &[f64], f: &mut [f64], _g: &mut [f64]) -> Result<()> {
        for (r, fo) in x.chunks_exact(3).zip(f.chunks_exact_mut(2)) {
            let p = PENALTY[r[2] as usize];
            fo[0] = r[0] + p;
            fo[1] = 1.0 - r[0] + r[1] + p;
        }
        Ok(())
    }
}

#[test]
fn nsga2_keeps_codes_integral_and_finds_the_best_choice() {
    let config = Nsga2Config {
        pop_size: 40,
        seed: 11,
        ..Nsga2Config::default()
    };
    let mut nsga2 = Nsga2::for_problem(&Materials, config).unwrap();
    let mut seen = [false; 5];
    for _ in 0..40 {
        let batch = nsga2.ask().unwrap();
        let mut f = vec![0.0; batch.len() * 2];
        for row in batch.rows() {
            let c = row[2];
            assert!(
                c.fract() == 0.0 && (0.0..=4.0).contains(&c),
                "categorical code {c}"
            );
            seen[c as usize] = true;
        }
        Materials
            .evaluate(batch.as_slice(), &mut f, &mut [])
            .unwrap();
        nsga2.tell(&f, None).unwrap();
    }
    assert_eq!(seen, [true; 5], "every choice is explored");
    let front = nsga2.result();
    assert!(front.len() >= 10);
    for x in front.x.chunks_exact(3) {
        assert_eq!(x[2], 3.0, "a front member uses material {}", x[2]);
    }
}

#[test]
fn categorical_runs_are_reproducible() {
    let run = || {
        let config = Nsga2Config {
            pop_size: 20,
            seed: 2,
            ..Nsga2Config::default()
        };
        let mut nsga2 = Nsga2::for_problem(&Materials, config).unwrap();
        minimize(&Materials, &mut nsga2, &mut MaxGenerations(15))
            .unwrap()
            .x
    };
    assert_eq!(run(), run());
}
