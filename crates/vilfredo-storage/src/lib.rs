//! Storage backends for vilfredo studies, chosen by URL.
//!
//! [`open`] turns a storage URL, in Optuna's form, into a shared
//! [`Storage`](vilfredo_study::Storage):
//!
//! - `sqlite:///relative/path.db`, `sqlite:////absolute/path.db`, or a bare path ending
//!   in `.db`/`.sqlite`/`.sqlite3`: the embedded SQLite store ([`SqliteStorage`], one
//!   file that many worker processes share);
//! - `memory` (or `:memory:`): the in-memory store of this process.
//!
//! Only this crate speaks SQL (ARCHITECTURE.md).
//!
//! # Example
//!
//! Two handles on one file, as two worker processes would have: trials told through
//! one are seen by the other, numbered in one sequence.
//!
//! ```
//! use vilfredo_study::{Direction, Outcome, RandomSampler, Study};
//!
//! let path = std::env::temp_dir().join(format!("vilfredo-doc-{}.db", std::process::id()));
//! let url = format!("sqlite:///{}", path.display());
//! let dirs = [Direction::Minimize, Direction::Minimize];
//! let a = Study::create(vilfredo_storage::open(&url)?, Some("doc"), &dirs,
//!                       Box::new(RandomSampler::new(1)), true)?;
//! let b = Study::load(vilfredo_storage::open(&url)?, "doc", Box::new(RandomSampler::new(2)))?;
//! for study in [&a, &b] {
//!     let mut trial = study.ask()?;
//!     let x = trial.suggest_float("x", 0.0, 1.0)?;
//!     study.tell(trial, Outcome::Complete(vec![x, 1.0 - x]))?;
//! }
//! let numbers: Vec<u64> = a.trials()?.iter().map(|t| t.number).collect();
//! assert_eq!(numbers, [0, 1]);
//! # drop((a, b));
//! # for suffix in ["", "-wal", "-shm"] {
//! #     let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
//! # }
//! # Ok::<(), vilfredo_study::Error>(())
//! ```

#![deny(missing_docs)]

mod sqlite;
mod url;

pub use sqlite::{Durability, SCHEMA_VERSION, SqliteStorage};
pub use url::{StorageUrl, open};
