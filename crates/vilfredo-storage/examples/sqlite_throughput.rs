//! Durable ask-and-tell trials per second on an SQLite store, from one process.
//!
//! Each trial: `ask`, two `suggest_float`s drawn by `RandomSampler`, three objective
//! values, `tell` — every step written to the file before the next one starts.
//!
//! ```text
//! cargo run --release -p vilfredo-storage --example sqlite_throughput -- [trials] [normal|full|memory]
//! ```
//!
//! The mode is `normal` (the store's default durability), `full` (sync the log at
//! every commit, to see what surviving a power loss would cost) or `memory` (the
//! in-memory store, to see what the study itself costs).

#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::panic)]

use std::sync::Arc;
use std::time::Instant;

use vilfredo_storage::{Durability, SqliteStorage};
use vilfredo_study::{Direction, InMemoryStorage, Outcome, RandomSampler, Storage, Study};

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
    let study = Study::create(
        storage,
        Some("throughput"),
        &[Direction::Minimize; 3],
        Box::new(RandomSampler::new(1)),
        false,
    )
    .unwrap();
    let start = Instant::now();
    for _ in 0..n {
        let mut t = study.ask().unwrap();
        let x = t.suggest_float("x", 0.0, 1.0).unwrap();
        let y = t.suggest_float("y", -1.0, 1.0).unwrap();
        let values = vec![x, (1.0 - x) * (1.0 + y * y), x * y];
        study.tell(t, Outcome::Complete(values)).unwrap();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{n} trials in {secs:.3} s: {:.0} trials/s (synchronous={sync}, {})",
        n as f64 / secs,
        path.display()
    );
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
