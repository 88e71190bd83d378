//! Storage URLs: parsing them and opening the backend they name.

use std::path::PathBuf;
use std::sync::Arc;

use vilfredo_study::{Error, InMemoryStorage, Result, Storage};

/// A parsed storage URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageUrl {
    /// The in-memory store of this process.
    Memory,
    /// An SQLite file.
    Sqlite(PathBuf),
}

impl StorageUrl {
    /// Parses `url` (see the crate documentation for the forms).
    ///
    /// # Errors
    /// `Invalid` naming the URL and listing the accepted forms.
    pub fn parse(url: &str) -> Result<Self> {
        let u = url.trim();
        if u.eq_ignore_ascii_case("memory") || u == ":memory:" || u.eq_ignore_ascii_case("inmemory")
        {
            return Ok(StorageUrl::Memory);
        }
        if let Some(rest) = u.strip_prefix("sqlite:///") {
            if rest.is_empty() {
                return Err(bad(url, "the SQLite URL names no file"));
            }
            return Ok(StorageUrl::Sqlite(PathBuf::from(rest)));
        }
        if u.starts_with("postgresql://") || u.starts_with("postgres://") {
            return Err(bad(
                url,
                "PostgreSQL storage is not available in this version; use an SQLite file",
            ));
        }
        if u.contains("://") {
            return Err(bad(url, "unknown scheme"));
        }
        let lower = u.to_ascii_lowercase();
        if [".db", ".sqlite", ".sqlite3"]
            .iter()
            .any(|e| lower.ends_with(e))
        {
            return Ok(StorageUrl::Sqlite(PathBuf::from(u)));
        }
        Err(bad(url, "not a storage URL"))
    }
}

fn bad(url: &str, why: &str) -> Error {
    Error::Invalid(vilfredo_core::Error::InvalidArgument {
        name: "storage",
        reason: format!(
            "{url:?}: {why}; expected sqlite:///path/to/file.db, a path ending in .db, or memory"
        ),
    })
}

/// Opens the storage `url` names.
///
/// # Errors
/// When the URL is not understood or the backend cannot be opened (the message names
/// the file and why).
pub fn open(url: &str) -> Result<Arc<dyn Storage>> {
    match StorageUrl::parse(url)? {
        StorageUrl::Memory => Ok(Arc::new(InMemoryStorage::new())),
        StorageUrl::Sqlite(path) => Err(Error::Storage(format!(
            "{}: the SQLite backend is being built",
            path.display()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert_eq!(StorageUrl::parse("memory").unwrap(), StorageUrl::Memory);
        assert_eq!(
            StorageUrl::parse("sqlite:///a/b.db").unwrap(),
            StorageUrl::Sqlite("a/b.db".into())
        );
        assert_eq!(
            StorageUrl::parse("sqlite:////tmp/b.db").unwrap(),
            StorageUrl::Sqlite("/tmp/b.db".into())
        );
        assert_eq!(
            StorageUrl::parse("runs.sqlite3").unwrap(),
            StorageUrl::Sqlite("runs.sqlite3".into())
        );
        for bad in [
            "",
            "sqlite:///",
            "mysql://x",
            "results.csv",
            "postgresql://h/db",
        ] {
            let e = StorageUrl::parse(bad).unwrap_err().to_string();
            assert!(e.contains("storage"), "{bad}: {e}");
        }
    }
}
