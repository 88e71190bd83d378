//! The quasi-random and evolutionary samplers through `Study::optimize`.

#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::sync::Arc;

use vilfredo_core::design::Sobol;
use vilfredo_study::{
    Choice, Crossover, Direction, FrozenTrial, InMemoryStorage, LhsSampler, Nsga2Sampler,
    Nsga3Sampler, NsgaOptions, OptimizeOptions, RandomSampler, Sampler, SobolSampler, Study, Trial,
    TrialError, TrialState,
};

fn study(directions: &[Direction], sampler: Box<dyn Sampler>) -> Study {
    Study::create(
        Arc::new(InMemoryStorage::new()),
        Some("s"),
        directions,
        sampler,
        false,
    )
    .unwrap()
}

fn run<F>(s: &Study, n: usize, jobs: usize, objective: F)
where
    F: Fn(&mut Trial) -> Result<Vec<f64>, TrialError> + Sync,
{
    let opts = OptimizeOptions {
        n_trials: Some(n),
        n_jobs: jobs,
        ..Default::default()
    };
    assert_eq!(s.optimize(objective, &opts, None).unwrap(), n);
}

const MIN2: [Direction; 2] = [Direction::Minimize, Direction::Minimize];

/// ZDT1 with five variables (Zitzler, Deb & Thiele 2000).
fn zdt1(t: &mut Trial) -> Result<Vec<f64>, TrialError> {
    let x: Vec<f64> = (0..5)
        .map(|i| t.suggest_float(&format!("x{i}"), 0.0, 1.0))
        .collect::<Result<_, _>>()?;
    let g = 1.0 + 9.0 * x[1..].iter().sum::<f64>() / 4.0;
    Ok(vec![x[0], g * (1.0 - (x[0] / g).sqrt())])
}

fn hypervolume(s: &Study, reference: &[f64]) -> f64 {
    s.set_reference_point(reference).unwrap();
    s.with_history(|h| h.hypervolume().unwrap()).unwrap()
}

fn nsga(population_size: usize, seed: u64) -> NsgaOptions {
    NsgaOptions {
        population_size,
        seed,
        ..NsgaOptions::default()
    }
}

#[test]
fn nsga2_beats_random_on_zdt1() {
    // Measured (seeds 1..=3, 1,000 trials, population 40; ZDT1's front has HV ≈ 0.877
    // against (1.1, 1.1)): random 0.13–0.25, NSGA-II 0.76–0.85.
    for seed in 1..=3 {
        let r = study(&MIN2, Box::new(RandomSampler::new(seed)));
        run(&r, 1000, 1, zdt1);
        let e = study(&MIN2, Box::new(Nsga2Sampler::new(nsga(40, seed)).unwrap()));
        run(&e, 1000, 1, zdt1);
        let (hr, he) = (hypervolume(&r, &[1.1, 1.1]), hypervolume(&e, &[1.1, 1.1]));
        assert!(
            he > 0.7 && he > hr + 0.4,
            "seed {seed}: random {hr}, nsga2 {he}"
        );
    }
}

#[test]
fn maximised_objectives_are_turned_around() {
    // ZDT1 with its first objective negated and maximised is the same problem.
    let directions = [Direction::Maximize, Direction::Minimize];
    let e = study(
        &directions,
        Box::new(Nsga2Sampler::new(nsga(40, 2)).unwrap()),
    );
    run(&e, 1000, 1, |t| {
        let f = zdt1(t)?;
        Ok(vec![-f[0], f[1]])
    });
    let same = study(&MIN2, Box::new(Nsga2Sampler::new(nsga(40, 2)).unwrap()));
    run(&same, 1000, 1, zdt1);
    let (he, hs) = (
        hypervolume(&e, &[-1.1, 1.1]),
        hypervolume(&same, &[1.1, 1.1]),
    );
    assert_eq!(he, hs);
    assert!(he > 0.7, "{he}");
}

/// DTLZ2 with three objectives and six variables (Deb, Thiele, Laumanns & Zitzler 2002).
fn dtlz2(t: &mut Trial) -> Result<Vec<f64>, TrialError> {
    let x: Vec<f64> = (0..6)
        .map(|i| t.suggest_float(&format!("x{i}"), 0.0, 1.0))
        .collect::<Result<_, _>>()?;
    let g: f64 = x[2..].iter().map(|v| (v - 0.5).powi(2)).sum();
    let (a, b) = (
        x[0] * std::f64::consts::FRAC_PI_2,
        x[1] * std::f64::consts::FRAC_PI_2,
    );
    Ok(vec![
        (1.0 + g) * a.cos() * b.cos(),
        (1.0 + g) * a.cos() * b.sin(),
        (1.0 + g) * a.sin(),
    ])
}

#[test]
fn nsga3_beats_random_on_dtlz2() {
    // Measured (seed 7, 1,500 trials, population 45; the front's HV against
    // (1.1, 1.1, 1.1) is 1.331 − π/6 ≈ 0.807): random 0.587, NSGA-III 0.750.
    let min3 = [Direction::Minimize; 3];
    let r = study(&min3, Box::new(RandomSampler::new(7)));
    run(&r, 1500, 1, dtlz2);
    let e = study(
        &min3,
        Box::new(Nsga3Sampler::new(nsga(45, 7), None).unwrap()),
    );
    run(&e, 1500, 1, dtlz2);
    let reference = [1.1, 1.1, 1.1];
    let (hr, he) = (hypervolume(&r, &reference), hypervolume(&e, &reference));
    assert!(he > 0.7 && he > hr + 0.1, "random {hr}, nsga3 {he}");
}

fn param_vector(t: &FrozenTrial) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = t
        .params
        .iter()
        .map(|p| (p.name.clone(), p.internal.to_bits()))
        .collect();
    v.sort();
    v
}

fn small_grid(t: &mut Trial) -> Result<Vec<f64>, TrialError> {
    let a = t.suggest_int("a", 0, 4)? as f64;
    let b = t.suggest_int("b", 0, 4)? as f64;
    let c = t.suggest_int("c", 0, 4)? as f64;
    Ok(vec![a + (b - 2.0).abs(), 4.0 - a + c])
}

#[test]
fn no_duplicates_on_a_small_discrete_space_with_four_workers() {
    // Trials that start before any trial has completed cannot be bred and get the keyed
    // random values RandomSampler gives; with four workers these are the first few
    // numbers, so the seeds are the first ones for which the first twelve are distinct,
    // and the test does not depend on scheduling.
    let early_distinct = |seed: u64| {
        let r = study(&MIN2, Box::new(RandomSampler::new(seed)));
        run(&r, 12, 1, small_grid);
        let early: HashSet<_> = r.trials().unwrap().iter().map(param_vector).collect();
        early.len() == 12
    };
    let seeds: Vec<u64> = (1..).filter(|&s| early_distinct(s)).take(3).collect();
    for seed in seeds {
        for sampler in [
            Box::new(Nsga2Sampler::new(nsga(10, seed)).unwrap()) as Box<dyn Sampler>,
            Box::new(Nsga3Sampler::new(nsga(10, seed), None).unwrap()),
        ] {
            let s = study(&MIN2, sampler);
            run(&s, 100, 4, small_grid);
            let trials = s.trials().unwrap();
            assert!(trials.iter().all(|t| t.state == TrialState::Complete));
            let distinct: HashSet<_> = trials.iter().map(param_vector).collect();
            assert_eq!(
                distinct.len(),
                100,
                "seed {seed}: a vector was handed out twice"
            );
        }
    }
}

#[test]
fn one_worker_with_a_seed_is_reproducible() {
    let history = |sampler: Box<dyn Sampler>| {
        let s = study(&MIN2, sampler);
        run(&s, 300, 1, zdt1);
        s.trials()
            .unwrap()
            .iter()
            .map(param_vector)
            .collect::<Vec<_>>()
    };
    let a = history(Box::new(Nsga2Sampler::new(nsga(20, 5)).unwrap()));
    assert_eq!(
        a,
        history(Box::new(Nsga2Sampler::new(nsga(20, 5)).unwrap()))
    );
    assert_ne!(
        a,
        history(Box::new(Nsga2Sampler::new(nsga(20, 6)).unwrap()))
    );
    let b = history(Box::new(Nsga3Sampler::new(nsga(20, 5), None).unwrap()));
    assert_eq!(
        b,
        history(Box::new(Nsga3Sampler::new(nsga(20, 5), None).unwrap()))
    );
}

/// Two objectives with a small feasible disc: `(x0 − ½)² + (x1 − ½)² ≤ 0.04`
/// (about 12.6 % of the square).
fn disc(t: &mut Trial) -> Result<Vec<f64>, TrialError> {
    let x0 = t.suggest_float("x0", 0.0, 1.0)?;
    let x1 = t.suggest_float("x1", 0.0, 1.0)?;
    t.set_constraints(&[(x0 - 0.5).powi(2) + (x1 - 0.5).powi(2) - 0.04])?;
    Ok(vec![x0, 1.0 - x0 + x1])
}

#[test]
fn constraints_steer_the_population_to_the_feasible_region() {
    for sampler in [
        Box::new(Nsga2Sampler::new(nsga(20, 3)).unwrap()) as Box<dyn Sampler>,
        Box::new(Nsga3Sampler::new(nsga(20, 3), None).unwrap()),
    ] {
        let s = study(&MIN2, sampler);
        run(&s, 400, 1, disc);
        let trials = s.trials().unwrap();
        // Children of feasible parents stay mostly feasible; random draws would be
        // feasible 12.6 % of the time.
        let late = &trials[200..];
        let feasible = late.iter().filter(|t| t.is_feasible()).count();
        assert!(
            feasible > late.len() / 2,
            "{feasible} of {} feasible",
            late.len()
        );
        let best = s.best_trials().unwrap();
        assert!(!best.is_empty() && best.iter().all(FrozenTrial::is_feasible));
    }
}

fn mixed(t: &mut Trial) -> Result<Vec<f64>, TrialError> {
    let lr = t.suggest_float_with("lr", 1e-5, 1e-1, true, None)?;
    let w = t.suggest_float_with("w", 0.0, 1.0, false, Some(0.25))?;
    let n = t.suggest_int_with("n", 2, 20, false, 3)? as f64;
    let k = t.suggest_int_with("k", 1, 1000, true, 1)? as f64;
    let opt = match t.suggest_categorical(
        "opt",
        &[
            Choice::Str("adam".into()),
            Choice::Str("sgd".into()),
            Choice::Int(3),
        ],
    )? {
        Choice::Str(s) if s == "adam" => 0.0,
        Choice::Str(_) => 1.0,
        _ => 2.0,
    };
    Ok(vec![lr.log10().abs() + w + opt, n + k.ln() - w])
}

#[test]
fn categorical_log_and_step_parameters_stay_valid() {
    for sampler in [
        Box::new(Nsga2Sampler::new(nsga(12, 1)).unwrap()) as Box<dyn Sampler>,
        Box::new(
            Nsga2Sampler::new(NsgaOptions {
                crossover: Crossover::Uniform,
                ..nsga(12, 1)
            })
            .unwrap(),
        ),
        Box::new(Nsga3Sampler::new(nsga(12, 1), None).unwrap()),
        Box::new(SobolSampler::new(1)),
        Box::new(LhsSampler::new(50, 1).unwrap()),
    ] {
        let s = study(&MIN2, sampler);
        run(&s, 200, 2, mixed);
        let mut choices = HashSet::new();
        for t in s.trials().unwrap() {
            assert_eq!(t.state, TrialState::Complete, "{t:?}");
            for p in &t.params {
                assert!(p.distribution.contains(p.internal), "{p:?}");
            }
            choices.insert(t.param("opt").unwrap().internal as usize);
        }
        assert_eq!(choices.len(), 3);
    }
}

#[test]
fn bad_options_are_refused() {
    assert!(Nsga2Sampler::new(nsga(1, 0)).is_err());
    let bad = NsgaOptions {
        crossover_prob: 1.5,
        ..NsgaOptions::default()
    };
    assert!(Nsga2Sampler::new(bad).is_err());
    let bad = NsgaOptions {
        crossover: Crossover::Sbx { eta: f64::NAN },
        ..NsgaOptions::default()
    };
    assert!(Nsga3Sampler::new(bad, None).is_err());
    assert!(Nsga3Sampler::new(nsga(4, 0), Some((vec![1.0, 0.0, 0.5], 2))).is_err());
    assert!(LhsSampler::new(0, 1).is_err());
}

fn square(t: &mut Trial) -> Result<Vec<f64>, TrialError> {
    let x = t.suggest_float("x", 0.0, 1.0)?;
    let y = t.suggest_float("y", 0.0, 1.0)?;
    Ok(vec![x, y])
}

/// The unit coordinates of trials `range` for parameters x and y.
fn units(s: &Study, range: std::ops::Range<usize>) -> Vec<(f64, f64)> {
    let trials = s.trials().unwrap();
    trials[range]
        .iter()
        .map(|t| {
            (
                t.param("x").unwrap().internal,
                t.param("y").unwrap().internal,
            )
        })
        .collect()
}

#[test]
fn sobol_sampler_follows_the_sequence_after_the_first_trial() {
    let s = study(&MIN2, Box::new(SobolSampler::new(9)));
    run(&s, 256, 1, square);
    let sobol = Sobol::scrambled(2, 9).unwrap();
    let pts = units(&s, 1..256);
    for (k, (x, y)) in pts.iter().enumerate() {
        let n = k as u64 + 1;
        assert_eq!(*x, sobol.coordinate(n, 0).unwrap());
        assert_eq!(*y, sobol.coordinate(n, 1).unwrap());
    }
    // Points 128..256 form a (0, 7, 2)-net: one point in each of the 128 columns, rows,
    // and every other elementary box of area 1/128.
    let net = units(&s, 128..256);
    for a in 0..=7 {
        let (cx, cy) = (1usize << a, 1usize << (7 - a));
        let cells: HashSet<(usize, usize)> = net
            .iter()
            .map(|(x, y)| ((x * cx as f64) as usize, (y * cy as f64) as usize))
            .collect();
        assert_eq!(cells.len(), 128, "boxes 2^{a} × 2^{}", 7 - a);
    }
    // The unscrambled sequence starts at the origin, as scipy's does.
    let plain = study(&MIN2, Box::new(SobolSampler::unscrambled(9)));
    run(&plain, 4, 1, square);
    assert_eq!(
        units(&plain, 1..4),
        vec![(0.5, 0.5), (0.75, 0.25), (0.25, 0.75)]
    );
}

#[test]
fn lhs_sampler_stratifies_every_parameter() {
    let n = 40;
    let s = study(&MIN2, Box::new(LhsSampler::new(n, 4).unwrap()));
    run(&s, 2 * n, 4, square);
    for block in [0..n, n..2 * n] {
        let pts = units(&s, block);
        for pick in [|p: &(f64, f64)| p.0, |p: &(f64, f64)| p.1] {
            let strata: HashSet<usize> =
                pts.iter().map(|p| (pick(p) * n as f64) as usize).collect();
            assert_eq!(strata.len(), n);
        }
    }
    // Reproducible, and independent of the number of workers.
    let again = study(&MIN2, Box::new(LhsSampler::new(n, 4).unwrap()));
    run(&again, 2 * n, 1, square);
    assert_eq!(units(&s, 0..2 * n), units(&again, 0..2 * n));
}

#[test]
fn stragglers_failures_and_pruned_trials_through_ask_and_tell() {
    use vilfredo_study::Outcome;
    let s = study(&MIN2, Box::new(Nsga2Sampler::new(nsga(6, 4)).unwrap()));
    let ask = |s: &Study| {
        let mut t = s.ask().unwrap();
        let f = zdt1(&mut t).unwrap();
        (t, f)
    };
    // Twelve trials in flight; they finish in reverse order, some failed or pruned.
    let mut flying: Vec<_> = (0..12).map(|_| ask(&s)).collect();
    let mut k = 0;
    while let Some((t, f)) = flying.pop() {
        let outcome = match k % 5 {
            3 => Outcome::Failed("worker lost".into()),
            4 => Outcome::Pruned,
            _ => Outcome::Complete(f),
        };
        s.tell(t, outcome).unwrap();
        k += 1;
        // Keep asking while others are still running: bred children must stay valid
        // and distinct while stragglers arrive.
        if k % 2 == 0 {
            let (t, f) = ask(&s);
            s.tell(t, Outcome::Complete(f)).unwrap();
        }
    }
    for _ in 0..60 {
        let (t, f) = ask(&s);
        s.tell(t, Outcome::Complete(f)).unwrap();
    }
    let trials = s.trials().unwrap();
    assert_eq!(trials.len(), 78);
    let distinct: HashSet<_> = trials.iter().map(param_vector).collect();
    assert_eq!(distinct.len(), trials.len());
    assert!(trials.iter().all(|t| t.params.len() == 5));
}
