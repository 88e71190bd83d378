//! The SQLite backend: one file, many worker processes.
//!
//! - [`schema`]: versioned migrations, applied when a file is opened;
//! - [`connection`]: opening the file and its settings (write-ahead log, durability);
//! - [`retry`]: finishing an operation while other processes hold the lock;
//! - [`codec`]: values in columns, bit for bit;
//! - [`rows`]: reading snapshots out of the tables;
//! - [`store`]: [`SqliteStorage`], the [`Storage`](vilfredo_study::Storage) contract on
//!   top of them.

mod codec;
mod connection;
mod retry;
mod rows;
mod schema;
mod store;

pub use connection::Durability;
pub use schema::SCHEMA_VERSION;
pub use store::SqliteStorage;
