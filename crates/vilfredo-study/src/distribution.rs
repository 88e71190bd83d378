//! Parameter distributions: the range a parameter is drawn from, and how its values are
//! stored.
//!
//! Every parameter value is stored as one `f64`, its *internal* value: the number
//! itself for floats and integers, the index of the choice for categorical parameters
//! (Optuna's representation, so the two read each other's studies the same way).
//! Samplers work in the unit interval and map to internal values with
//! [`Distribution::from_unit`], which keeps them independent of the parameter's kind.

use serde::{Deserialize, Serialize};

use crate::error::{Result, invalid};

/// One choice of a categorical parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Choice {
    /// No value (Python's `None`, JSON's `null`).
    None,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A floating-point number.
    Float(f64),
    /// A string.
    Str(String),
}

impl std::fmt::Display for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Choice::None => f.write_str("null"),
            Choice::Bool(b) => write!(f, "{b}"),
            Choice::Int(i) => write!(f, "{i}"),
            Choice::Float(x) => write!(f, "{x}"),
            Choice::Str(s) => write!(f, "{s}"),
        }
    }
}

/// The value of a parameter as the objective sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    /// A float parameter's value.
    Float(f64),
    /// An integer parameter's value.
    Int(i64),
    /// A categorical parameter's choice.
    Choice(Choice),
}

impl ParamValue {
    /// The value as a float, when it is a number (floats, integers, numeric choices).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            ParamValue::Float(x) | ParamValue::Choice(Choice::Float(x)) => Some(*x),
            ParamValue::Int(i) | ParamValue::Choice(Choice::Int(i)) => Some(*i as f64),
            ParamValue::Choice(_) => None,
        }
    }

    /// The value as JSON (numbers, strings, booleans or null).
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            ParamValue::Float(x) => serde_json::json!(x),
            ParamValue::Int(i) => serde_json::json!(i),
            ParamValue::Choice(c) => serde_json::to_value(c).unwrap_or(serde_json::Value::Null),
        }
    }
}

impl std::fmt::Display for ParamValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamValue::Float(x) => write!(f, "{x}"),
            ParamValue::Int(i) => write!(f, "{i}"),
            ParamValue::Choice(c) => write!(f, "{c}"),
        }
    }
}

/// The range of one parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Distribution {
    /// A real number in `[low, high]`, sampled uniformly or log-uniformly, optionally on
    /// the grid `low + k·step`.
    Float {
        /// Smallest value.
        low: f64,
        /// Largest value (on the grid when `step` is set).
        high: f64,
        /// Sample `ln x` uniformly (requires `low > 0`, no step).
        log: bool,
        /// Grid spacing.
        step: Option<f64>,
    },
    /// An integer in `[low, high]` on the grid `low + k·step`.
    Int {
        /// Smallest value.
        low: i64,
        /// Largest value (on the grid).
        high: i64,
        /// Sample `ln x` uniformly (requires `low ≥ 1`, step 1).
        log: bool,
        /// Grid spacing (≥ 1).
        step: i64,
    },
    /// One of a list of choices.
    Categorical {
        /// The choices, in the order given.
        choices: Vec<Choice>,
    },
}

impl Distribution {
    /// A float distribution, validated; with a step, `high` is lowered to the last grid
    /// point (as Optuna does), so every value in range is reachable.
    ///
    /// # Errors
    /// When a bound is not finite, `low > high`, `log` with `low ≤ 0` or with a step, or a
    /// step that is not positive.
    pub fn float(low: f64, high: f64, log: bool, step: Option<f64>) -> Result<Self> {
        if !low.is_finite() || !high.is_finite() {
            return Err(invalid(
                "bounds",
                format!("float bounds [{low}, {high}] must be finite"),
            ));
        }
        if low > high {
            return Err(invalid(
                "bounds",
                format!("low {low} must not exceed high {high}"),
            ));
        }
        if log && low <= 0.0 {
            return Err(invalid(
                "log",
                format!("a log-scaled float needs low > 0, got low {low}"),
            ));
        }
        let high = match step {
            None => high,
            Some(_) if log => {
                return Err(invalid("step", "step and log cannot be used together"));
            }
            Some(s) if !(s.is_finite() && s > 0.0) => {
                return Err(invalid("step", format!("step must be positive, got {s}")));
            }
            Some(s) => {
                // Round to absorb representation error: [0, 1] with step 0.1 has 11 points.
                let k = ((high - low) / s + 1e-9).floor();
                low + k * s
            }
        };
        Ok(Distribution::Float {
            low,
            high,
            log,
            step,
        })
    }

    /// An integer distribution, validated; `high` is lowered to the last grid point.
    ///
    /// # Errors
    /// When `low > high`, `step < 1`, or `log` with `low < 1` or a step other than 1.
    pub fn int(low: i64, high: i64, log: bool, step: i64) -> Result<Self> {
        if low > high {
            return Err(invalid(
                "bounds",
                format!("low {low} must not exceed high {high}"),
            ));
        }
        if step < 1 {
            return Err(invalid("step", format!("step must be ≥ 1, got {step}")));
        }
        if log && (low < 1 || step != 1) {
            return Err(invalid(
                "log",
                format!(
                    "a log-scaled integer needs low ≥ 1 and step 1, got low {low}, step {step}"
                ),
            ));
        }
        let high = low + (high - low) / step * step;
        Ok(Distribution::Int {
            low,
            high,
            log,
            step,
        })
    }

    /// A categorical distribution.
    ///
    /// # Errors
    /// When there are no choices or a float choice is NaN.
    pub fn categorical(choices: Vec<Choice>) -> Result<Self> {
        if choices.is_empty() {
            return Err(invalid(
                "choices",
                "a categorical parameter needs at least one choice",
            ));
        }
        if choices
            .iter()
            .any(|c| matches!(c, Choice::Float(x) if x.is_nan()))
        {
            return Err(invalid("choices", "a choice is NaN"));
        }
        Ok(Distribution::Categorical { choices })
    }

    /// The kind's name, for messages: `"float"`, `"int"` or `"categorical"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Distribution::Float { .. } => "float",
            Distribution::Int { .. } => "int",
            Distribution::Categorical { .. } => "categorical",
        }
    }

    /// Whether the distribution has exactly one value (samplers skip it).
    pub fn is_single(&self) -> bool {
        match self {
            Distribution::Float { low, high, .. } => low == high,
            Distribution::Int { low, high, .. } => low == high,
            Distribution::Categorical { choices } => choices.len() == 1,
        }
    }

    /// Whether `internal` is a value this distribution can produce.
    pub fn contains(&self, internal: f64) -> bool {
        match self {
            Distribution::Float { low, high, .. } => (*low..=*high).contains(&internal),
            Distribution::Int {
                low, high, step, ..
            } => {
                internal.fract() == 0.0
                    && (*low as f64..=*high as f64).contains(&internal)
                    && (internal as i64 - low) % step == 0
            }
            Distribution::Categorical { choices } => {
                internal.fract() == 0.0 && internal >= 0.0 && (internal as usize) < choices.len()
            }
        }
    }

    /// The internal value at `u ∈ [0, 1)` of the distribution's own scale: uniform (or
    /// log-uniform) for floats, equal-width bins for grid points and choices, so a
    /// uniform `u` gives a uniform draw.
    pub fn from_unit(&self, u: f64) -> f64 {
        let u = u.clamp(0.0, 1.0);
        match *self {
            Distribution::Float {
                low,
                high,
                log,
                step,
            } => match step {
                _ if log => (low.ln() + u * (high.ln() - low.ln()))
                    .exp()
                    .clamp(low, high),
                None => (low + u * (high - low)).clamp(low, high),
                Some(s) => {
                    let n = ((high - low) / s + 1e-9).floor() + 1.0;
                    let k = (u * n).floor().min(n - 1.0);
                    (low + k * s).min(high)
                }
            },
            Distribution::Int {
                low,
                high,
                log,
                step,
            } => {
                if log {
                    // Uniform in ln x over [low − ½, high + ½], rounded: each integer gets
                    // the log-width of its rounding interval.
                    let (a, b) = ((low as f64 - 0.5).ln(), (high as f64 + 0.5).ln());
                    let x = (a + u * (b - a)).exp().round();
                    x.clamp(low as f64, high as f64)
                } else {
                    let n = ((high - low) / step + 1) as f64;
                    let k = (u * n).floor().min(n - 1.0);
                    low as f64 + k * step as f64
                }
            }
            Distribution::Categorical { ref choices } => {
                let n = choices.len() as f64;
                (u * n).floor().min(n - 1.0)
            }
        }
    }

    /// The inverse of [`from_unit`](Self::from_unit): where `internal` sits on the unit
    /// scale (the middle of its bin for grid points and choices).
    pub fn to_unit(&self, internal: f64) -> f64 {
        let t = match *self {
            Distribution::Float {
                low,
                high,
                log,
                step,
            } => {
                if high == low {
                    0.5
                } else if log {
                    (internal.ln() - low.ln()) / (high.ln() - low.ln())
                } else if let Some(s) = step {
                    let n = ((high - low) / s + 1e-9).floor() + 1.0;
                    (((internal - low) / s).round() + 0.5) / n
                } else {
                    (internal - low) / (high - low)
                }
            }
            Distribution::Int {
                low,
                high,
                log,
                step,
            } => {
                if log {
                    let (a, b) = ((low as f64 - 0.5).ln(), (high as f64 + 0.5).ln());
                    (internal.ln() - a) / (b - a)
                } else {
                    let n = ((high - low) / step + 1) as f64;
                    (((internal - low as f64) / step as f64).round() + 0.5) / n
                }
            }
            Distribution::Categorical { ref choices } => (internal + 0.5) / choices.len() as f64,
        };
        t.clamp(0.0, 1.0)
    }

    /// The value the objective sees for an internal value.
    pub fn to_external(&self, internal: f64) -> ParamValue {
        match self {
            Distribution::Float { .. } => ParamValue::Float(internal),
            Distribution::Int { .. } => ParamValue::Int(internal as i64),
            Distribution::Categorical { choices } => {
                let i = (internal.max(0.0) as usize).min(choices.len().saturating_sub(1));
                ParamValue::Choice(choices.get(i).cloned().unwrap_or(Choice::None))
            }
        }
    }

    /// The internal value of an external one (for enqueued trials and fixed parameters).
    ///
    /// # Errors
    /// When the value is not one this distribution can produce.
    pub fn to_internal(&self, value: &ParamValue) -> Result<f64> {
        let internal = match (self, value) {
            (Distribution::Categorical { choices }, v) => {
                let wanted = match v {
                    ParamValue::Choice(c) => c.clone(),
                    ParamValue::Int(i) => Choice::Int(*i),
                    ParamValue::Float(x) => Choice::Float(*x),
                };
                match choices.iter().position(|c| *c == wanted) {
                    Some(i) => i as f64,
                    None => {
                        return Err(invalid(
                            "value",
                            format!("{wanted} is not one of the choices {}", list(choices)),
                        ));
                    }
                }
            }
            (_, v) => v.as_f64().ok_or_else(|| {
                invalid(
                    "value",
                    format!("{v} is not a number for a {} parameter", self.kind()),
                )
            })?,
        };
        if self.contains(internal) {
            Ok(internal)
        } else {
            Err(invalid(
                "value",
                format!("{value} is outside the parameter's range {self}"),
            ))
        }
    }
}

impl std::fmt::Display for Distribution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Distribution::Float {
                low,
                high,
                log,
                step,
            } => {
                write!(f, "float [{low}, {high}]")?;
                if *log {
                    f.write_str(" log")?;
                }
                if let Some(s) = step {
                    write!(f, " step {s}")?;
                }
                Ok(())
            }
            Distribution::Int {
                low,
                high,
                log,
                step,
            } => {
                write!(f, "int [{low}, {high}]")?;
                if *log {
                    f.write_str(" log")?;
                }
                if *step != 1 {
                    write!(f, " step {step}")?;
                }
                Ok(())
            }
            Distribution::Categorical { choices } => write!(f, "categorical {}", list(choices)),
        }
    }
}

fn list(choices: &[Choice]) -> String {
    let items: Vec<String> = choices.iter().map(ToString::to_string).collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_step_lowers_high_to_the_grid() {
        let d = Distribution::float(0.0, 1.05, false, Some(0.1)).unwrap();
        let Distribution::Float { high, .. } = d else {
            unreachable!()
        };
        assert!((high - 1.0).abs() < 1e-12);
    }

    #[test]
    fn unit_round_trip_on_grids_and_choices() {
        let dists = [
            Distribution::int(-3, 7, false, 2).unwrap(),
            Distribution::int(1, 1000, true, 1).unwrap(),
            Distribution::float(0.0, 1.0, false, Some(0.25)).unwrap(),
            Distribution::categorical(vec![Choice::Str("a".into()), Choice::None, Choice::Int(3)])
                .unwrap(),
        ];
        for d in &dists {
            for i in 0..1000 {
                let u = i as f64 / 1000.0;
                let x = d.from_unit(u);
                assert!(d.contains(x), "{d}: {x} from {u}");
                assert_eq!(d.from_unit(d.to_unit(x)), x, "{d}: {x}");
            }
        }
    }

    #[test]
    fn uniform_units_give_uniform_grid_points() {
        let d = Distribution::int(0, 4, false, 1).unwrap();
        let mut counts = [0; 5];
        for i in 0..1000 {
            counts[d.from_unit((i as f64 + 0.5) / 1000.0) as usize] += 1;
        }
        assert_eq!(counts, [200; 5]);
    }

    #[test]
    fn bad_definitions_are_refused() {
        assert!(Distribution::float(1.0, 0.0, false, None).is_err());
        assert!(Distribution::float(0.0, 1.0, true, None).is_err());
        assert!(Distribution::float(1.0, 2.0, true, Some(0.1)).is_err());
        assert!(Distribution::float(0.0, f64::INFINITY, false, None).is_err());
        assert!(Distribution::int(0, 10, true, 1).is_err());
        assert!(Distribution::int(0, 10, false, 0).is_err());
        assert!(Distribution::categorical(vec![]).is_err());
    }

    #[test]
    fn external_values_map_back() {
        let d = Distribution::categorical(vec![Choice::Str("relu".into()), Choice::Bool(true)])
            .unwrap();
        assert_eq!(
            d.to_internal(&ParamValue::Choice(Choice::Bool(true)))
                .unwrap(),
            1.0
        );
        assert!(d.to_internal(&ParamValue::Int(3)).is_err());
        let i = Distribution::int(0, 10, false, 2).unwrap();
        assert_eq!(i.to_internal(&ParamValue::Int(4)).unwrap(), 4.0);
        assert!(i.to_internal(&ParamValue::Int(5)).is_err());
    }

    #[test]
    fn json_round_trip() {
        let d = Distribution::float(1e-5, 1.0, true, None).unwrap();
        let s = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Distribution>(&s).unwrap(), d);
    }
}
