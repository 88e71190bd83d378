//! Quality: NSGA-II reaches the hypervolume pymoo and pygmo reach on ZDT1, and ends
//! feasible on constrained problems.

use crate::common::{Bnh, Tnk, zdt1};
use vilfredo_moea::{Algorithm, MaxGenerations, Nsga2, Nsga2Config, minimize};
use vilfredo_pareto::hypervolume;

/// ZDT1, 30 variables, population 100, 250 generations (pymoo's count, 25,000
/// evaluations): pymoo and pygmo reach a hypervolume of about 0.8694 with reference
/// (1.1, 1.1); the optimum is 0.8716.
#[test]
fn zdt1_reaches_pymoo_hypervolume() {
    let p = zdt1(30);
    for seed in [1u64, 2] {
        let c = Nsga2Config {
            pop_size: 100,
            seed,
            ..Nsga2Config::default()
        };
        let mut alg = Nsga2::for_problem(&p, c).unwrap();
        let res = minimize(&p, &mut alg, &mut MaxGenerations(250)).unwrap();
        let hv = hypervolume(res.objectives().unwrap(), &[1.1, 1.1]).unwrap();
        println!("zdt1 seed {seed}: hypervolume {hv}, {} points", res.len());
        assert!(hv >= 0.86, "seed {seed}: hypervolume {hv}");
        assert!(
            hv <= 0.8716,
            "seed {seed}: hypervolume {hv} above the optimum"
        );
    }
}

#[test]
fn constrained_problems_end_feasible() {
    for (name, p) in [
        ("bnh", &Bnh as &dyn vilfredo_moea::Problem),
        ("tnk", &Tnk::default()),
    ] {
        let c = Nsga2Config {
            pop_size: 60,
            seed: 3,
            ..Nsga2Config::default()
        };
        let mut alg = Nsga2::for_problem(p, c).unwrap();
        minimize(p, &mut alg, &mut MaxGenerations(60)).unwrap();
        let pop = alg.population();
        for i in 0..pop.len() {
            assert_eq!(
                pop.violation(i),
                0.0,
                "{name}: member {i} violates {:?}",
                pop.g_row(i)
            );
        }
        assert!(
            alg.result().len() > 20,
            "{name}: front of {}",
            alg.result().len()
        );
    }
}
