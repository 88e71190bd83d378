//! How values are written into columns and read back, bit for bit.
//!
//! JSON keeps the file readable with the `sqlite3` shell. serde_json writes the shortest
//! decimal that reads back to the same `f64`, and with `float_roundtrip` parses it
//! exactly; JSON has no infinities, so arrays of floats (objective and constraint values,
//! where the storage contract allows `±inf`) write them as the strings `"inf"` and
//! `"-inf"`.

use serde_json::Value;
use vilfredo_core::Direction;
use vilfredo_study::{AttrKind, Choice, Distribution, Error, Result, TrialState};

fn corrupt(what: &str, text: &str, why: impl std::fmt::Display) -> Error {
    Error::Storage(format!("stored {what} {text:?} cannot be read: {why}"))
}

/// A JSON array of floats, `±inf` as strings.
pub(crate) fn floats_to_json(xs: &[f64]) -> String {
    let items: Vec<Value> = xs
        .iter()
        .map(|&x| {
            if x == f64::INFINITY {
                Value::from("inf")
            } else if x == f64::NEG_INFINITY {
                Value::from("-inf")
            } else {
                // NaN never gets here: both backends refuse it before writing.
                serde_json::Number::from_f64(x).map_or(Value::from("nan"), Value::Number)
            }
        })
        .collect();
    Value::Array(items).to_string()
}

/// Reads [`floats_to_json`]'s output.
pub(crate) fn floats_from_json(what: &str, text: &str) -> Result<Vec<f64>> {
    let items: Vec<Value> = serde_json::from_str(text).map_err(|e| corrupt(what, text, e))?;
    items
        .iter()
        .map(|v| match v {
            Value::Number(n) => n.as_f64().ok_or_else(|| corrupt(what, text, "not a float")),
            Value::String(s) if s == "inf" => Ok(f64::INFINITY),
            Value::String(s) if s == "-inf" => Ok(f64::NEG_INFINITY),
            Value::String(s) if s == "nan" => Ok(f64::NAN),
            other => Err(corrupt(what, text, format!("unexpected item {other}"))),
        })
        .collect()
}

/// Directions as a JSON array of `"minimize"` / `"maximize"`.
pub(crate) fn directions_to_json(d: &[Direction]) -> String {
    let names: Vec<Value> = d
        .iter()
        .map(|d| {
            Value::from(match d {
                Direction::Minimize => "minimize",
                Direction::Maximize => "maximize",
            })
        })
        .collect();
    Value::Array(names).to_string()
}

/// Reads [`directions_to_json`]'s output.
pub(crate) fn directions_from_json(text: &str) -> Result<Vec<Direction>> {
    let names: Vec<String> =
        serde_json::from_str(text).map_err(|e| corrupt("directions", text, e))?;
    names
        .iter()
        .map(|n| match n.as_str() {
            "minimize" => Ok(Direction::Minimize),
            "maximize" => Ok(Direction::Maximize),
            other => Err(corrupt("directions", text, format!("unknown {other:?}"))),
        })
        .collect()
}

/// A distribution as JSON.
///
/// # Errors
/// `Storage` for a categorical choice that JSON cannot hold (an infinite float would
/// come back as `null`, a different choice).
pub(crate) fn distribution_to_json(d: &Distribution) -> Result<String> {
    if let Distribution::Categorical { choices } = d
        && let Some(c) = choices
            .iter()
            .find(|c| matches!(c, Choice::Float(x) if !x.is_finite()))
    {
        return Err(Error::Storage(format!(
            "the SQLite store cannot keep the categorical choice {c}: JSON has no infinities"
        )));
    }
    serde_json::to_string(d).map_err(|e| Error::Storage(format!("distribution {d}: {e}")))
}

/// Reads [`distribution_to_json`]'s output.
pub(crate) fn distribution_from_json(text: &str) -> Result<Distribution> {
    serde_json::from_str(text).map_err(|e| corrupt("distribution", text, e))
}

/// An attribute value as JSON.
pub(crate) fn value_to_json(v: &Value) -> String {
    v.to_string()
}

/// Reads an attribute value.
pub(crate) fn value_from_json(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| corrupt("attribute", text, e))
}

/// The `kind` column of an attribute table.
pub(crate) fn attr_kind(kind: AttrKind) -> &'static str {
    match kind {
        AttrKind::User => "user",
        AttrKind::System => "system",
    }
}

/// Reads a `state` column.
pub(crate) fn state_from_str(text: &str) -> Result<TrialState> {
    text.parse()
        .map_err(|e: Error| corrupt("trial state", text, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_trip_bit_for_bit() {
        let xs = [
            0.1 + 0.2,
            -0.0,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            1e300,
            -123_456_789.0,
        ];
        let text = floats_to_json(&xs);
        let back = floats_from_json("values", &text).unwrap();
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&back), bits(&xs), "{text}");
    }

    #[test]
    fn directions_round_trip() {
        let d = [Direction::Maximize, Direction::Minimize];
        assert_eq!(directions_from_json(&directions_to_json(&d)).unwrap(), d);
        assert!(directions_from_json("[\"up\"]").is_err());
    }

    #[test]
    fn infinite_choices_are_refused() {
        let d = Distribution::categorical(vec![Choice::Float(f64::INFINITY)]).unwrap();
        assert!(distribution_to_json(&d).is_err());
    }
}
