//! Files the SQLite store refuses, and the messages that say why.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use common::TempDb;
use vilfredo_storage::{SCHEMA_VERSION, SqliteStorage};
use vilfredo_study::{Direction, Error};

/// The storage error of opening `path`, which must fail.
fn refusal(path: &std::path::Path) -> String {
    match SqliteStorage::open(path) {
        Err(Error::Storage(msg)) => msg,
        Err(other) => panic!("expected a storage error, got {other:?}"),
        Ok(_) => panic!("{} was opened", path.display()),
    }
}

#[test]
fn a_newer_schema_is_refused() {
    let db = TempDb::new("newer");
    drop(SqliteStorage::open(&db.path).unwrap());
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute(
        "INSERT INTO schema_version (version, applied_at) VALUES (?1, 0)",
        [SCHEMA_VERSION + 1],
    )
    .unwrap();
    drop(conn);
    let msg = refusal(&db.path);
    assert!(msg.contains(&db.path.display().to_string()), "{msg}");
    assert!(
        msg.contains(&format!("schema version is {}", SCHEMA_VERSION + 1)),
        "{msg}"
    );
    assert!(msg.contains("newer"), "{msg}");
}

#[test]
fn the_current_schema_is_recorded_once() {
    let db = TempDb::new("version");
    for _ in 0..3 {
        drop(SqliteStorage::open(&db.path).unwrap());
    }
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    let versions: Vec<u32> = conn
        .prepare("SELECT version FROM schema_version ORDER BY version")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<u32>>());
}

#[test]
fn a_file_that_is_not_a_database_is_refused() {
    let db = TempDb::new("text");
    std::fs::write(&db.path, "trial,value\n0,1.5\n".repeat(100)).unwrap();
    let msg = refusal(&db.path);
    assert!(msg.contains(&db.path.display().to_string()), "{msg}");
    assert!(msg.contains("not an SQLite database"), "{msg}");
    // The file is left as it was.
    assert!(
        std::fs::read_to_string(&db.path)
            .unwrap()
            .starts_with("trial,value")
    );
}

#[test]
fn another_programs_database_is_refused() {
    let db = TempDb::new("foreign");
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch("CREATE TABLE version_info (schema_version INTEGER);")
        .unwrap();
    drop(conn);
    let msg = refusal(&db.path);
    assert!(msg.contains("not a vilfredo study store"), "{msg}");
    assert!(msg.contains("version_info"), "{msg}");
}

#[test]
fn a_missing_directory_is_named() {
    let dir = std::env::temp_dir().join(format!("vilfredo-no-such-dir-{}", std::process::id()));
    let path = dir.join("study.db");
    let msg = refusal(&path);
    assert!(msg.contains(&path.display().to_string()), "{msg}");
    assert!(
        msg.contains(&format!("directory {} does not exist", dir.display())),
        "{msg}"
    );
    assert!(!dir.exists());
}

#[test]
fn a_directory_is_not_a_store() {
    let msg = refusal(&std::env::temp_dir());
    assert!(msg.contains("is a directory"), "{msg}");
}

#[test]
fn the_url_front_door_reports_the_same() {
    let db = TempDb::new("url-text");
    std::fs::write(&db.path, vec![7u8; 4096]).unwrap();
    let url = format!("sqlite:///{}", db.path.display());
    let err = vilfredo_storage::open(&url).unwrap_err().to_string();
    assert!(err.contains("not an SQLite database"), "{err}");
    let ok = TempDb::new("url-ok");
    let s = vilfredo_storage::open(&format!("sqlite:///{}", ok.path.display())).unwrap();
    assert!(s.create_study("x", &[Direction::Minimize]).is_ok());
}

/// A file the user may not write is reported, naming the file, at open or at the first
/// write. (Skipped when the test runs as root, who may write anyway.)
#[test]
fn a_read_only_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let db = TempDb::new("read-only");
    drop(SqliteStorage::open(&db.path).unwrap());
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let writable = std::fs::OpenOptions::new()
        .write(true)
        .open(&db.path)
        .is_ok();
    if !writable {
        let name = db.path.display().to_string();
        match SqliteStorage::open(&db.path) {
            Err(e) => assert!(e.to_string().contains(&name), "{e}"),
            Ok(s) => {
                use vilfredo_study::Storage;
                let e = s
                    .create_study("x", &[Direction::Minimize])
                    .unwrap_err()
                    .to_string();
                assert!(e.contains(&name) && e.contains("cannot be written"), "{e}");
            }
        }
    }
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o644)).unwrap();
}
