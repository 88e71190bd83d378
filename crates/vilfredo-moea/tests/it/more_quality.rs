//! Quality smoke tests of SMS-EMOA, SPEA2 and R-NSGA-II on ZDT1 (30 variables), fixed
//! seeds, thresholds from what pymoo 0.6.2 reaches with the same budget and operators
//! (measured by `python3 bench/pymoo_smoke.py`, seeds 1..5, hypervolume at (1.1, 1.1)
//! by moocore).

use crate::common::zdt1;
use vilfredo_moea::{
    Algorithm, MaxEvaluations, MaxGenerations, Nsga2Config, RNsga2, RNsga2Config, SmsEmoa,
    SmsEmoaConfig, Spea2, Spea2Config, minimize,
};
use vilfredo_pareto::hypervolume;

fn hv(alg: &dyn Algorithm) -> f64 {
    hypervolume(alg.result().objectives().unwrap(), &[1.1, 1.1]).unwrap()
}

/// pymoo's SMS-EMOA, population 100, 10,000 evaluations: median 0.8443, worst 0.8411
/// (the optimum is 0.8716). pymoo's makes 100 offspring per generation; the steady
/// state of the paper does better with the same evaluations (0.863 and 0.859 here).
#[test]
fn sms_emoa_zdt1_reaches_pymoo_hypervolume() {
    let p = zdt1(30);
    for seed in [1u64, 2] {
        let c = SmsEmoaConfig {
            pop_size: 100,
            seed,
            ..SmsEmoaConfig::default()
        };
        let mut alg = SmsEmoa::for_problem(&p, c).unwrap();
        minimize(&p, &mut alg, &mut MaxEvaluations(10_000)).unwrap();
        let v = hv(&alg);
        println!("sms-emoa zdt1 seed {seed}: hypervolume {v}");
        assert!(
            (0.845..=0.8716).contains(&v),
            "seed {seed}: hypervolume {v}"
        );
    }
}

/// pymoo's SPEA2, population and archive 100, 100 generations: median 0.8455, worst
/// 0.8438 over seeds 1..5. vilfredo's over seeds 1..6 span 0.8356 to 0.8502 with median
/// 0.844 (pymoo normalises objectives and protects the extreme points; the paper, which
/// this follows, does not), so the median is held to 0.84 and every run to 0.83.
#[test]
fn spea2_zdt1_reaches_pymoo_hypervolume() {
    let p = zdt1(30);
    let mut values: Vec<f64> = (1u64..=6)
        .map(|seed| {
            let c = Spea2Config {
                pop_size: 100,
                archive_size: 100,
                seed,
                ..Spea2Config::default()
            };
            let mut alg = Spea2::for_problem(&p, c).unwrap();
            minimize(&p, &mut alg, &mut MaxGenerations(100)).unwrap();
            let v = hv(&alg);
            println!("spea2 zdt1 seed {seed}: hypervolume {v}");
            assert!((0.83..=0.8716).contains(&v), "seed {seed}: hypervolume {v}");
            v
        })
        .collect();
    values.sort_by(f64::total_cmp);
    let median = (values[2] + values[3]) / 2.0;
    assert!(median >= 0.84, "median hypervolume {median}");
}

/// pymoo's R-NSGA-II with reference points (0.2, 0.5) and (0.7, 0.1), ε = 0.01,
/// population 50, 150 generations: mean distance of the result to the true front
/// median 0.0069 (worst 0.0079), and the solution closest to each reference point
/// within 0.0605 of it (both points lie below the front, 0.05 and 0.06 away).
#[test]
fn rnsga2_zdt1_gathers_at_the_reference_points() {
    let p = zdt1(30);
    let refs = [[0.2, 0.5], [0.7, 0.1]];
    for seed in [1u64, 2] {
        let mut c = RNsga2Config::new(refs.concat());
        c.nsga2 = Nsga2Config {
            pop_size: 50,
            seed,
            ..Nsga2Config::default()
        };
        c.epsilon = 0.01;
        let mut alg = RNsga2::for_problem(&p, c).unwrap();
        minimize(&p, &mut alg, &mut MaxGenerations(150)).unwrap();
        let r = alg.result();
        let front: Vec<[f64; 2]> = (0..=1000)
            .map(|i| {
                let x = i as f64 / 1000.0;
                [x, 1.0 - x.sqrt()]
            })
            .collect();
        let dist = |a: &[f64], b: &[f64]| ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        let gd = (0..r.len())
            .map(|i| {
                front
                    .iter()
                    .map(|t| dist(r.f_row(i), t))
                    .fold(f64::INFINITY, f64::min)
            })
            .sum::<f64>()
            / r.len() as f64;
        let near = refs
            .iter()
            .map(|z| {
                (0..r.len())
                    .map(|i| dist(r.f_row(i), z))
                    .fold(f64::INFINITY, f64::min)
            })
            .fold(0.0, f64::max);
        println!("rnsga2 zdt1 seed {seed}: distance to front {gd}, to reference points {near}");
        assert!(gd < 0.02, "seed {seed}: mean distance to the front {gd}");
        assert!(near < 0.07, "seed {seed}: reference point too far, {near}");
    }
}
