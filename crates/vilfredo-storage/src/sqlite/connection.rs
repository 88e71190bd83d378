//! Opening the database file and setting how it is shared and how durable it is.
//!
//! - `journal_mode=WAL`: readers never block the writer nor the writer the readers, so
//!   many worker processes can follow a study while one of them writes.
//! - `synchronous=NORMAL` by default ([`Durability`]): in WAL mode a commit is written
//!   to the log but the log is synced only at checkpoints. A committed trial survives
//!   the crash or `kill -9` of any process (the operating system still holds the
//!   write); a power loss or kernel crash may lose the last commits, never corrupt the
//!   file. [`Durability::Full`] syncs every commit; BENCHMARKS.md ("Study storage")
//!   gives what each costs.
//! - `busy_timeout`: a writer waits for the lock instead of failing at once (and
//!   [`retry`](super::retry) covers what the timeout does not).
//! - `foreign_keys=ON`: rows cannot point at a study or trial that is not there.
//! - `wal_autocheckpoint`: see [`WAL_CHECKPOINT_PAGES`].

use std::path::Path;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite::config::DbConfig;
use vilfredo_study::{Error, Result};

use super::retry::{Op, with_retry};

/// How long SQLite itself waits for a lock before reporting the file busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Log pages after which a commit copies the log back into the database
/// (`wal_autocheckpoint`, SQLite's default 1,000). Each checkpoint syncs the disk twice,
/// the only syncs of [`Durability::Normal`]; a trial writes about ten pages, so the
/// default would sync every hundred trials, and on a busy disk a sync can take longer
/// than those hundred trials. 16 MiB of log is a small price for four times fewer.
const WAL_CHECKPOINT_PAGES: i64 = 4000;

/// Statements kept prepared per connection (the storage uses about thirty).
const STATEMENT_CACHE: usize = 64;

/// How far a committed write is guaranteed to survive (SQLite's `synchronous`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous=NORMAL`: a commit survives the crash of any process; a power loss
    /// or kernel crash may lose the last commits (the file stays consistent). The
    /// default: it keeps thousands of trials per second.
    #[default]
    Normal,
    /// `synchronous=FULL`: every commit is synced to the disk before it returns, so it
    /// survives a power loss too, at the price of one disk sync per write.
    Full,
}

impl Durability {
    fn pragma(self) -> &'static str {
        match self {
            Durability::Normal => "NORMAL",
            Durability::Full => "FULL",
        }
    }
}

/// Opens (creating if needed) the database at `path` with the settings above.
///
/// # Errors
/// `Storage` naming the path and the cause: the directory is missing, the path is a
/// directory, the file cannot be opened or written, or it is not an SQLite database.
pub(crate) fn open_connection(path: &Path, durability: Durability) -> Result<Connection> {
    let fail = |why: String| {
        Error::Storage(format!(
            "cannot open the SQLite store {}: {why}",
            path.display()
        ))
    };
    if path.is_dir() {
        return Err(fail("it is a directory, not a file".into()));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        return Err(fail(format!(
            "the directory {} does not exist",
            dir.display()
        )));
    }
    let conn = Connection::open(path).map_err(|e| fail(e.to_string()))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| fail(e.to_string()))?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // The bundled SQLite is built with STAT4, which marks statements whose bound
    // parameters constrain an index to be compiled again each time they are bound; with
    // the query planner stability guarantee the cached statements stay compiled (this
    // halves the CPU time of a trial). Our queries are planned well without statistics.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)
        .map_err(|e| fail(e.to_string()))?;
    with_retry(path, "opening", || set_pragmas(path, &conn, durability))?;
    Ok(conn)
}

fn set_pragmas(path: &Path, conn: &Connection, durability: Durability) -> Op<()> {
    // Changing the journal mode needs a moment of exclusive access; another process
    // opening at the same time makes it busy, which the caller retries.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::Storage(format!(
            "SQLite store {}: the write-ahead log could not be turned on (journal mode \
             stays {mode:?}); is the file on a read-only or network file system?",
            path.display()
        ))
        .into());
    }
    conn.pragma_update(None, "synchronous", durability.pragma())?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "wal_autocheckpoint", WAL_CHECKPOINT_PAGES)?;
    Ok(())
}
