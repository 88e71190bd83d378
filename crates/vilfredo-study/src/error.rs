//! The error type of studies and storages.

use crate::TrialState;

/// Why a study operation failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An argument was refused by validation (bad values, wrong lengths, …).
    #[error(transparent)]
    Invalid(#[from] vilfredo_core::Error),
    /// `create_study` with a name that is taken (use `load_if_exists`).
    #[error(
        "a study named {name:?} already exists in this storage (pass load_if_exists to continue it)"
    )]
    DuplicatedStudy {
        /// The name asked for.
        name: String,
    },
    /// No study of that name or id.
    #[error("no study named {name:?} in this storage{hint}")]
    StudyNotFound {
        /// The name (or id) asked for.
        name: String,
        /// The names that do exist, when few enough to list.
        hint: String,
    },
    /// No trial with that id or number.
    #[error("no trial {what} in study {study:?}")]
    TrialNotFound {
        /// The study's name.
        study: String,
        /// Which trial (`"number 7"` or `"id 12"`).
        what: String,
    },
    /// The trial is finished; a finished trial is never modified.
    #[error("trial {number} is already {state} and cannot be changed")]
    TrialFinished {
        /// The trial's number.
        number: u64,
        /// Its final state.
        state: TrialState,
    },
    /// A parameter asked for with a distribution that contradicts an earlier one.
    #[error("parameter {name:?}: {reason}")]
    IncompatibleParam {
        /// The parameter's name.
        name: String,
        /// The two definitions and why they conflict.
        reason: String,
    },
    /// The storage backend failed (file, database, lock, schema).
    #[error("storage error: {0}")]
    Storage(String),
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Shorthand for an [`vilfredo_core::Error::InvalidArgument`] wrapped in [`Error`].
pub(crate) fn invalid(name: &'static str, reason: impl Into<String>) -> Error {
    Error::Invalid(vilfredo_core::Error::InvalidArgument {
        name,
        reason: reason.into(),
    })
}
