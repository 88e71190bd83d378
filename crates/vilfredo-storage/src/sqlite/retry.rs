//! Running one storage operation to completion while other processes hold the file.
//!
//! SQLite's `busy_timeout` already waits for a lock, but it gives up after its timeout
//! and some cases skip the busy handler altogether (a lock held across WAL recovery or
//! checkpoint). Many workers finishing trials at once must never see "database is
//! locked", so a busy operation is rolled back and started again, with randomised
//! exponential backoff so that waiting processes do not retry in lockstep.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::ErrorCode;
use vilfredo_core::rng::SplitMix64;
use vilfredo_study::Error;

/// Why an operation inside a transaction stopped: the contract said no (`Domain`,
/// returned as is) or SQLite failed (`Sql`, retried when the file was busy).
#[derive(Debug)]
pub(crate) enum Fail {
    /// A refusal of the storage contract (unknown trial, finished trial, …).
    Domain(Error),
    /// An SQLite error.
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for Fail {
    fn from(e: rusqlite::Error) -> Self {
        Fail::Sql(e)
    }
}

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail::Domain(e)
    }
}

/// The result of an operation inside a transaction.
pub(crate) type Op<T> = std::result::Result<T, Fail>;

/// How long an operation keeps retrying a busy file before it reports the lock.
const PATIENCE: Duration = Duration::from_secs(300);

/// Whether `e` means another connection holds a lock we need.
pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Runs `op` until it succeeds, fails for a reason other than a busy file, or the file
/// stayed busy for [`PATIENCE`]. `what` names the operation in error messages.
pub(crate) fn with_retry<T>(
    path: &Path,
    what: &str,
    mut op: impl FnMut() -> Op<T>,
) -> vilfredo_study::Result<T> {
    let started = Instant::now();
    let mut jitter: Option<SplitMix64> = None;
    let mut attempt: u32 = 0;
    loop {
        match op() {
            Ok(v) => return Ok(v),
            Err(Fail::Domain(e)) => return Err(e),
            Err(Fail::Sql(e)) if is_busy(&e) && started.elapsed() < PATIENCE => {
                // Seeded from the clock and process id: only the waiting time depends on
                // it, never a result.
                let g = jitter.get_or_insert_with(|| {
                    let nanos = std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| d.subsec_nanos());
                    SplitMix64::new(u64::from(nanos) ^ (u64::from(std::process::id()) << 32))
                });
                let cap_ms = (1u64 << attempt.min(7)).min(100) as f64;
                let wait = cap_ms * (0.5 + g.next_f64());
                std::thread::sleep(Duration::from_secs_f64(wait / 1000.0));
                attempt = attempt.saturating_add(1);
            }
            Err(Fail::Sql(e)) => return Err(sql_error(path, what, &e)),
        }
    }
}

/// A storage error naming the file, the operation and SQLite's reason.
pub(crate) fn sql_error(path: &Path, what: &str, e: &rusqlite::Error) -> Error {
    let cause = match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::NotADatabase => {
            "the file is not an SQLite database".to_owned()
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::ReadOnly => {
            format!("the file cannot be written ({e})")
        }
        e if is_busy(e) => format!(
            "the database stayed locked by other processes for {} s ({e})",
            PATIENCE.as_secs()
        ),
        e => e.to_string(),
    };
    Error::Storage(format!("SQLite store {}: {what}: {cause}", path.display()))
}
