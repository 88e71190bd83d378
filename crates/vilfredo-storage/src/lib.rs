//! Storage backends for vilfredo studies, chosen by URL.
//!
//! [`open`] turns a storage URL, in Optuna's form, into a shared
//! [`Storage`](vilfredo_study::Storage):
//!
//! - `sqlite:///relative/path.db`, `sqlite:////absolute/path.db`, or a bare path ending
//!   in `.db`/`.sqlite`/`.sqlite3`: the embedded SQLite store (one file);
//! - `memory` (or `:memory:`): the in-memory store of this process.
//!
//! Only this crate speaks SQL (ARCHITECTURE.md).

#![deny(missing_docs)]

mod url;

pub use url::{StorageUrl, open};
