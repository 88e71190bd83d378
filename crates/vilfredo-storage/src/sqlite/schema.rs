//! The versioned schema: numbered SQL migrations applied when a file is opened.
//!
//! The table `schema_version` records each migration applied. Opening a file applies,
//! in one transaction, the migrations it lacks, so an older file is upgraded and a
//! crash mid-upgrade leaves it as it was. A file written by a newer vilfredo (a version
//! this code does not know) is refused rather than misread.

use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use vilfredo_study::{Error, Result};

use super::retry::{Op, with_retry};

/// The migrations, in order: `(version, SQL)`.
const MIGRATIONS: &[(u32, &str)] = &[(1, include_str!("migrations/0001_initial.sql"))];

/// The schema version this code writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Brings the file at `path` to [`SCHEMA_VERSION`].
///
/// # Errors
/// `Storage` when the file's schema is newer than this code, when it is an SQLite
/// database of something else, or when SQLite fails.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    // Most opens find the file up to date: check without taking the write lock, so
    // workers starting together do not queue behind each other.
    if with_retry(path, "reading the schema version", || {
        let version = current_version(conn)?;
        check_known(path, version)?;
        Ok(version == Some(SCHEMA_VERSION))
    })? {
        return Ok(());
    }
    with_retry(path, "upgrading the schema", || {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version = current_version(&tx)?;
        check_known(path, version)?;
        let from = match version {
            Some(v) => v,
            None => {
                refuse_foreign(&tx, path)?;
                tx.execute_batch(
                    "CREATE TABLE schema_version (
                         version     INTEGER PRIMARY KEY,
                         applied_at  INTEGER NOT NULL
                     );",
                )?;
                0
            }
        };
        for &(v, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > from) {
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?1, ?2)",
                (v, vilfredo_study::now()),
            )?;
        }
        tx.commit()?;
        Ok(())
    })
}

/// The file's schema version; `None` when it has no `schema_version` table.
fn current_version(conn: &Connection) -> Op<Option<u32>> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master
                        WHERE type = 'table' AND name = 'schema_version')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(None);
    }
    let v: Option<u32> = conn
        .query_row("SELECT MAX(version) FROM schema_version", [], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(Some(v.unwrap_or(0)))
}

fn check_known(path: &Path, version: Option<u32>) -> Op<()> {
    match version {
        Some(v) if v > SCHEMA_VERSION => Err(Error::Storage(format!(
            "SQLite store {}: its schema version is {v}, newer than the {SCHEMA_VERSION} this \
             vilfredo knows; open it with a newer vilfredo",
            path.display()
        ))
        .into()),
        _ => Ok(()),
    }
}

/// A database without `schema_version` must be empty: writing our tables into someone
/// else's database (an Optuna file, say) would mix two schemas.
fn refuse_foreign(conn: &Connection, path: &Path) -> Op<()> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master
             WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 5",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if tables.is_empty() {
        return Ok(());
    }
    Err(Error::Storage(format!(
        "SQLite store {}: the file is an SQLite database but not a vilfredo study store \
         (it has tables {} and no schema_version)",
        path.display(),
        tables.join(", ")
    ))
    .into())
}
