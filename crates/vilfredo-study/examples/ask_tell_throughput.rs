//! Ask/tell throughput of a study in memory, and whether the cost of a trial grows with
//! the number of trials.
//!
//! ```text
//! cargo run --release -p vilfredo-study --example ask_tell_throughput -- \
//!     [random|nsga2|nsga3|moead|sobol] [N_TRIALS] [POPULATION]
//! ```
//!
//! Each trial suggests four floats in `[0, 1]` and reports three objectives (DTLZ2, so
//! the front keeps growing); nothing else is timed. Prints one line of `key=value`
//! pairs: total trials per second, and the mean cost of a trial (ask + suggestions +
//! tell) over the first and the last 10 % of the run, split into `ask` (where the sampler
//! plans the trial) and `tell` (where the study's history absorbs it and updates its
//! Pareto front, whose cost grows with the front). `bench/study_vs_optuna.py` reads it.
//! MOEA/D uses its default weight vectors (105 for three objectives) and ignores
//! `POPULATION`.

#![allow(clippy::print_stdout)] // printing the result is what an example is for

use std::sync::Arc;
use std::time::Instant;

use vilfredo_study::{
    Direction, InMemoryStorage, MoeadOptions, MoeadSampler, Nsga2Sampler, Nsga3Sampler,
    NsgaOptions, Outcome, RandomSampler, Sampler, SobolSampler, Study,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kind = args.first().map_or("nsga2", String::as_str);
    let n: usize = args.get(1).map_or(Ok(10_000), |s| s.parse())?;
    let population: usize = args.get(2).map_or(Ok(50), |s| s.parse())?;
    let options = NsgaOptions {
        population_size: population,
        seed: 1,
        ..NsgaOptions::default()
    };
    let sampler: Box<dyn Sampler> = match kind {
        "random" => Box::new(RandomSampler::new(1)),
        "nsga2" => Box::new(Nsga2Sampler::new(options)?),
        "nsga3" => Box::new(Nsga3Sampler::new(options, None)?),
        "moead" => Box::new(MoeadSampler::new(MoeadOptions {
            seed: 1,
            ..MoeadOptions::default()
        })?),
        "sobol" => Box::new(SobolSampler::new(1)),
        other => return Err(format!("unknown sampler {other:?}").into()),
    };
    let study = Study::create(
        Arc::new(InMemoryStorage::new()),
        Some("bench"),
        &[Direction::Minimize; 3],
        sampler,
        false,
    )?;
    let window = (n / 10).max(1);
    let mut times = Vec::with_capacity(n);
    let mut asks = Vec::with_capacity(n);
    let mut tells = Vec::with_capacity(n);
    let start = Instant::now();
    for _ in 0..n {
        let t0 = Instant::now();
        let mut trial = study.ask()?;
        asks.push(t0.elapsed().as_secs_f64());
        let mut x = [0.0; 4];
        for (i, xi) in x.iter_mut().enumerate() {
            *xi = trial.suggest_float(&format!("x{i}"), 0.0, 1.0)?;
        }
        let g: f64 = x[2..].iter().map(|v| (v - 0.5).powi(2)).sum();
        let (a, b) = (
            x[0] * std::f64::consts::FRAC_PI_2,
            x[1] * std::f64::consts::FRAC_PI_2,
        );
        let values = vec![
            (1.0 + g) * a.cos() * b.cos(),
            (1.0 + g) * a.cos() * b.sin(),
            (1.0 + g) * a.sin(),
        ];
        let t1 = Instant::now();
        study.tell(trial, Outcome::Complete(values))?;
        tells.push(t1.elapsed().as_secs_f64());
        times.push(t0.elapsed().as_secs_f64());
    }
    let total = start.elapsed().as_secs_f64();
    let mean_us = |s: &[f64]| 1e6 * s.iter().sum::<f64>() / s.len() as f64;
    let front = study.best_trials()?.len();
    println!(
        "sampler={kind} trials={n} seconds={total:.3} trials_per_s={:.0} first_us={:.2} last_us={:.2} \
         ask_first_us={:.2} ask_last_us={:.2} tell_first_us={:.2} tell_last_us={:.2} front={front}",
        n as f64 / total,
        mean_us(&times[..window]),
        mean_us(&times[n - window..]),
        mean_us(&asks[..window]),
        mean_us(&asks[n - window..]),
        mean_us(&tells[..window]),
        mean_us(&tells[n - window..]),
    );
    Ok(())
}
