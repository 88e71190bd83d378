//! The error type of input validation.
//!
//! Positions are 0-based in the API (`row`, `column`), matching Rust and numpy indexing;
//! front doors that read files translate them to 1-based line numbers for people.

/// Why an input was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A coordinate is NaN or infinite.
    #[error("{what}: value {value} at row {row}, column {column} is not finite")]
    NonFinite {
        /// Which input (for example `"points"` or `"reference front"`).
        what: &'static str,
        /// 0-based row of the offending value.
        row: usize,
        /// 0-based column of the offending value.
        column: usize,
        /// The offending value.
        value: f64,
    },
    /// The flat buffer does not split into rows of equal length.
    #[error("{what}: {len} values do not form rows of {n_obj} objectives")]
    Ragged {
        /// Which input.
        what: &'static str,
        /// Number of values in the buffer.
        len: usize,
        /// Requested number of objectives per row.
        n_obj: usize,
    },
    /// Points need at least one objective.
    #[error("{what}: points must have at least one objective")]
    ZeroObjectives {
        /// Which input.
        what: &'static str,
    },
    /// Two inputs that must agree in length do not.
    #[error("{what}: expected {expected} values, got {found}")]
    DimensionMismatch {
        /// What is mismatched (for example `"reference point"`).
        what: &'static str,
        /// The required length.
        expected: usize,
        /// The length given.
        found: usize,
    },
    /// A scalar argument is outside its domain.
    #[error("invalid {name}: {reason}")]
    InvalidArgument {
        /// The argument's name as the caller spells it.
        name: &'static str,
        /// What is wrong with it and what is valid.
        reason: String,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
