//! Scalarizing functions.
//!
//! PLACEHOLDER (skeleton).
