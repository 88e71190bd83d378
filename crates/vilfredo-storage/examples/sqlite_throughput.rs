//! Durable ask-and-tell trials per second on an SQLite store, from one process.
//!
//! Each trial: `ask`, four `suggest_float`s in [0, 1], the three DTLZ2 objectives, `tell`
//! — every step written to the file before the next one starts. The same loop as
//! `vilfredo-study`'s `ask_tell_throughput` and `bench/study_vs_optuna.py --storage sqlite`.
//!
//! ```text
//! cargo run --release -p vilfredo-storage --example sqlite_throughput -- [trials] [normal|full|memory] [random|nsga2]
//! ```
//!
//! The mode is `normal` (the store's default durability), `full` (sync the log at
//! every commit, to see what surviving a power loss would cost) or `memory` (the
//! in-memory store, to see what the study itself costs).

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::panic)]

use std::sync::Arc;
use std::time::Instant;

use vilfredo_storage::{Durability, SqliteStorage};
use vilfredo_study::sampler::{Nsga2Sampler, NsgaOptions};
use vilfredo_study::{Direction, InMemoryStorage, Outcome, RandomSampler, Sampler, Storage, Study};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).map_or(5000, |a| a.parse().unwrap());
    let sync = args.get(2).map_or("normal", String::as_str);
    let path = std::env::temp_dir().join(format!("vilfredo-throughput-{}.db", std::process::id()));
    let storage: Arc<dyn Storage> = match sync {
        "normal" => Arc::new(SqliteStorage::open_with(&path, Durability::Normal).unwrap()),
        "full" => Arc::new(SqliteStorage::open_with(&path, Durability::Full).unwrap()),
        "memory" => Arc::new(InMemoryStorage::new()),
        other => panic!("the mode is normal, full or memory, not {other}"),
    };
    let sampler_name = args.get(3).map_or("random", String::as_str);
    let sampler: Box<dyn Sampler> = match sampler_name {
        "random" => Box::new(RandomSampler::new(1)),
        "nsga2" => Box::new(
            Nsga2Sampler::new(NsgaOptions {
                population_size: 50,
                seed: 1,
                ..NsgaOptions::default()
            })
            .unwrap(),
        ),
        other => panic!("the sampler is random or nsga2, not {other}"),
    };
    let study = Study::create(
        storage,
        Some("throughput"),
        &[Direction::Minimize; 3],
        sampler,
        false,
    )
    .unwrap();
    let start = Instant::now();
    for _ in 0..n {
        let mut t = study.ask().unwrap();
        let x: Vec<f64> = (0..4)
            .map(|i| t.suggest_float(&format!("x{i}"), 0.0, 1.0).unwrap())
            .collect();
        let values = dtlz2(&x);
        study.tell(t, Outcome::Complete(values)).unwrap();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{n} trials in {secs:.3} s: {:.0} trials/s (synchronous={sync}, sampler={sampler_name}, {})",
        n as f64 / secs,
        path.display()
    );
    println!("trials_per_s={}", n as f64 / secs);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

/// DTLZ2 with three objectives (Deb, Thiele, Laumanns & Zitzler 2002).
fn dtlz2(x: &[f64]) -> Vec<f64> {
    use std::f64::consts::FRAC_PI_2;
    let g: f64 = x[2..].iter().map(|v| (v - 0.5) * (v - 0.5)).sum();
    let (a, b) = (x[0] * FRAC_PI_2, x[1] * FRAC_PI_2);
    vec![
        (1.0 + g) * a.cos() * b.cos(),
        (1.0 + g) * a.cos() * b.sin(),
        (1.0 + g) * a.sin(),
    ]
}
