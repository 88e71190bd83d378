//! Times NSGA-II on ZDT1 (30 variables, population 100, 250 generations in pymoo's count,
//! 25,000 evaluations): the issue-4 speed benchmark, comparable with pymoo's
//! `NSGA2(pop_size=100)` and pygmo's `nsga2(gen=250)` on `zdt(1, 30)`.
//!
//! `cargo run --release -p vilfredo-moea --example nsga2_zdt1`
//!
//! Prints the median of 11 seeded runs after a warm-up: total time, the part spent in
//! evaluation, the per-generation overhead without it, and the hypervolume of the final
//! front (reference 1.1, 1.1).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::{Duration, Instant};
use vilfredo_moea::{Algorithm, Nsga2, Nsga2Config, Problem};
use vilfredo_problems::{Zdt, ZdtKind};

struct Run {
    total: Duration,
    eval: Duration,
    hv: f64,
}

fn run(p: &Zdt, n_gen: usize, seed: u64) -> Run {
    let start = Instant::now();
    let config = Nsga2Config {
        pop_size: 100,
        seed,
        ..Nsga2Config::default()
    };
    let mut alg = Nsga2::for_problem(p, config).unwrap();
    let mut f = Vec::new();
    let mut eval = Duration::ZERO;
    for _ in 0..n_gen {
        let batch = alg.ask().unwrap();
        f.resize(batch.len() * 2, 0.0);
        let t = Instant::now();
        p.evaluate(batch.as_slice(), &mut f, &mut []).unwrap();
        eval += t.elapsed();
        alg.tell(&f, None).unwrap();
    }
    let total = start.elapsed();
    let front = alg.result();
    let hv = vilfredo_pareto::hypervolume(front.objectives().unwrap(), &[1.1, 1.1]).unwrap();
    Run { total, eval, hv }
}

fn main() {
    let p = Zdt::new(ZdtKind::Zdt1, Some(30)).unwrap();
    let n_gen = 250;
    run(&p, n_gen, 0);
    let mut runs: Vec<Run> = (1..=11).map(|seed| run(&p, n_gen, seed)).collect();
    runs.sort_by_key(|r| r.total);
    let m = &runs[runs.len() / 2];
    let mut hvs: Vec<f64> = runs.iter().map(|r| r.hv).collect();
    hvs.sort_by(f64::total_cmp);
    println!(
        "nsga2/zdt1 (pop 100, {n_gen} generations, 25000 evaluations): median {:.2} ms, \
         evaluation {:.3} ms, overhead {:.1} us/generation, median HV {:.5} (range {:.5}..{:.5})",
        m.total.as_secs_f64() * 1e3,
        m.eval.as_secs_f64() * 1e3,
        (m.total - m.eval).as_secs_f64() * 1e6 / n_gen as f64,
        hvs[hvs.len() / 2],
        hvs[0],
        hvs[hvs.len() - 1],
    );
}
