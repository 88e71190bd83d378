//! The stagnation terminations: hypervolume and IGD.

use crate::common::zdt1;
use vilfredo_moea::{
    Algorithm, HvStagnation, IgdStagnation, Nsga2, Nsga2Config, Solutions, Termination, minimize,
};

/// A fake algorithm whose result is a given single point per generation, so the
/// indicator sequence is known exactly.
struct Scripted {
    points: Vec<[f64; 2]>,
    generation: usize,
}

impl Algorithm for Scripted {
    fn ask(&mut self) -> vilfredo_moea::Result<vilfredo_moea::Batch<'_>> {
        unreachable!()
    }
    fn tell(&mut self, _: &[f64], _: Option<&[f64]>) -> vilfredo_moea::Result<()> {
        unreachable!()
    }
    fn n_var(&self) -> usize {
        1
    }
    fn n_obj(&self) -> usize {
        2
    }
    fn n_constr(&self) -> usize {
        0
    }
    fn n_gen(&self) -> usize {
        self.generation
    }
    fn n_eval(&self) -> usize {
        self.generation
    }
    fn result(&self) -> Solutions {
        let p = self.points[self.generation - 1];
        Solutions {
            x: vec![0.0],
            f: p.to_vec(),
            g: vec![],
            n_var: 1,
            n_obj: 2,
            n_constr: 0,
        }
    }
}

/// Hypervolumes at (1, 1) of the single points: 0.25, 0.36, 0.3636 (+1%), 0.3636,
/// 0.3636, 0.3636; with window 3 and tolerance 2%: generation 2 improves by 44% (counts),
/// generation 3 by 1% (does not), then nothing: idle 1, 2, 3 → stop after generation 5.
#[test]
fn hv_stagnation_counts_generations_without_improvement() {
    let pts = vec![
        [0.5, 0.5],
        [0.4, 0.4],
        [0.4, 0.394],
        [0.4, 0.394],
        [0.4, 0.394],
        [0.4, 0.394],
    ];
    let mut alg = Scripted {
        points: pts,
        generation: 0,
    };
    let mut t = HvStagnation::new(vec![1.0, 1.0], 3, 0.02).unwrap();
    assert_eq!(t.progress(&alg), 0.0);
    let mut seen = Vec::new();
    for generation in 1..=6 {
        alg.generation = generation;
        seen.push(t.progress(&alg));
        // Asking twice in a generation counts once.
        assert_eq!(t.progress(&alg), *seen.last().unwrap());
    }
    assert_eq!(seen, vec![0.0, 0.0, 1.0 / 3.0, 2.0 / 3.0, 1.0, 1.0]);
    assert!(t.has_terminated(&alg));
    assert!(t.error().is_none());
}

#[test]
fn igd_stagnation_resets_on_improvement() {
    let pts = vec![[0.5, 0.5], [0.5, 0.5], [0.3, 0.3], [0.3, 0.3], [0.3, 0.3]];
    let mut alg = Scripted {
        points: pts,
        generation: 0,
    };
    let mut t = IgdStagnation::new(&[0.0, 0.0], 2, 2, 1e-9).unwrap();
    let mut seen = Vec::new();
    for generation in 1..=5 {
        alg.generation = generation;
        seen.push(t.progress(&alg));
    }
    assert_eq!(seen, vec![0.0, 0.5, 0.0, 0.5, 1.0]);
}

#[test]
fn stagnation_stops_a_real_run() {
    let p = zdt1(10);
    let c = Nsga2Config {
        pop_size: 20,
        seed: 3,
        ..Nsga2Config::default()
    };
    let mut alg = Nsga2::for_problem(&p, c).unwrap();
    let mut t = HvStagnation::new(vec![1.1, 1.1], 5, 0.01).unwrap();
    minimize(&p, &mut alg, &mut t).unwrap();
    assert!(
        alg.n_gen() > 5 && alg.n_gen() < 2000,
        "{} generations",
        alg.n_gen()
    );
    assert_eq!(t.progress(&alg), 1.0);
}

#[test]
fn bad_stagnation_settings_are_refused() {
    assert!(HvStagnation::new(vec![1.0, 1.0], 0, 0.1).is_err());
    assert!(HvStagnation::new(vec![1.0, 1.0], 3, -0.1).is_err());
    assert!(HvStagnation::new(vec![1.0, f64::NAN], 3, 0.1).is_err());
    assert!(HvStagnation::new(vec![], 3, 0.1).is_err());
    assert!(IgdStagnation::new(&[0.0, 0.0, 1.0], 2, 3, 0.1).is_err());
    assert!(IgdStagnation::new(&[], 2, 3, 0.1).is_err());
    assert!(IgdStagnation::new(&[0.0, f64::INFINITY], 2, 3, 0.1).is_err());
    // A reference point of the wrong length stops the run and says why.
    let alg = Scripted {
        points: vec![[0.5, 0.5]],
        generation: 1,
    };
    let mut t = HvStagnation::new(vec![1.0, 1.0, 1.0], 3, 0.1).unwrap();
    assert_eq!(t.progress(&alg), 1.0);
    assert!(t.error().is_some());
}
