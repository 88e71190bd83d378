//! The decision space: box bounds and the type of each variable.
//!
//! Validated once when built, so operators can rely on finite bounds with
//! `lower ≤ upper`, integral bounds for integer variables and `[0, 1]` for binary ones.

use vilfredo_core::{Error, Problem, Result, VarType};

/// Box bounds and variable types of a decision space.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Space {
    lower: Vec<f64>,
    upper: Vec<f64>,
    #[cfg_attr(feature = "serde", serde(with = "var_types"))]
    types: Vec<VarType>,
}

impl Space {
    /// A space with the given bounds and types, one of each per variable.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when there are no variables, when a bound is not
    /// finite or `lower > upper`, when an integer variable has a non-integral bound, or
    /// when a binary variable's bounds are not `[0, 1]`;
    /// [`Error::DimensionMismatch`] when the three lists differ in length.
    pub fn new(lower: Vec<f64>, upper: Vec<f64>, types: Vec<VarType>) -> Result<Self> {
        if lower.is_empty() {
            return Err(Error::InvalidArgument {
                name: "bounds",
                reason: "there must be at least one decision variable".into(),
            });
        }
        for (what, len) in [
            ("upper bounds", upper.len()),
            ("variable types", types.len()),
        ] {
            if len != lower.len() {
                return Err(Error::DimensionMismatch {
                    what,
                    expected: lower.len(),
                    found: len,
                });
            }
        }
        for (i, ((&lo, &hi), &t)) in lower.iter().zip(&upper).zip(&types).enumerate() {
            let bad = |reason: String| Error::InvalidArgument {
                name: "bounds",
                reason: format!("variable {i}: {reason}"),
            };
            if !lo.is_finite() || !hi.is_finite() {
                return Err(bad(format!("bounds [{lo}, {hi}] must be finite")));
            }
            if lo > hi {
                return Err(bad(format!("lower bound {lo} exceeds upper bound {hi}")));
            }
            match t {
                VarType::Real => {}
                VarType::Integer | VarType::Categorical
                    if lo.fract() != 0.0 || hi.fract() != 0.0 =>
                {
                    return Err(bad(format!(
                        "integer variable needs integral bounds, got [{lo}, {hi}]"
                    )));
                }
                VarType::Integer | VarType::Categorical => {}
                VarType::Binary if lo != 0.0 || hi != 1.0 => {
                    return Err(bad(format!(
                        "binary variable needs bounds [0, 1], got [{lo}, {hi}]"
                    )));
                }
                VarType::Binary => {}
            }
        }
        Ok(Self {
            lower,
            upper,
            types,
        })
    }

    /// A space of real variables.
    ///
    /// # Errors
    /// As [`Space::new`].
    pub fn real(lower: Vec<f64>, upper: Vec<f64>) -> Result<Self> {
        let types = vec![VarType::Real; lower.len()];
        Self::new(lower, upper, types)
    }

    /// The space of a problem: its bounds and variable types.
    ///
    /// # Errors
    /// As [`Space::new`], and [`Error::DimensionMismatch`] when the problem's bounds do
    /// not have `n_var` values.
    pub fn of_problem(problem: &dyn Problem) -> Result<Self> {
        let n = problem.n_var();
        for (what, len) in [
            ("problem lower bounds", problem.lower().len()),
            ("problem upper bounds", problem.upper().len()),
        ] {
            if len != n {
                return Err(Error::DimensionMismatch {
                    what,
                    expected: n,
                    found: len,
                });
            }
        }
        let types = (0..n).map(|i| problem.var_type(i)).collect();
        Self::new(problem.lower().to_vec(), problem.upper().to_vec(), types)
    }

    /// Number of variables, at least 1.
    pub fn n_var(&self) -> usize {
        self.lower.len()
    }

    /// Lower bounds.
    pub fn lower(&self) -> &[f64] {
        &self.lower
    }

    /// Upper bounds.
    pub fn upper(&self) -> &[f64] {
        &self.upper
    }

    /// Variable types.
    pub fn types(&self) -> &[VarType] {
        &self.types
    }

    /// Whether `x` has one value per variable, each finite, within bounds, and integral
    /// for integer and binary variables.
    pub(crate) fn contains(&self, x: &[f64]) -> bool {
        x.len() == self.n_var()
            && x.iter()
                .zip(&self.lower)
                .zip(&self.upper)
                .zip(&self.types)
                .all(|(((&v, &lo), &hi), &t)| {
                    v.is_finite() && lo <= v && v <= hi && (t == VarType::Real || v.fract() == 0.0)
                })
    }
}

/// `VarType` lives in vilfredo-core, which has no serde; it is written as a lowercase name.
#[cfg(feature = "serde")]
mod var_types {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use vilfredo_core::VarType;

    pub fn serialize<S: Serializer>(types: &[VarType], s: S) -> Result<S::Ok, S::Error> {
        let names: Vec<&str> = types.iter().map(|t| t.name()).collect();
        names.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<VarType>, D::Error> {
        let names = Vec::<String>::deserialize(d)?;
        names
            .iter()
            .map(|n| match n.as_str() {
                "real" => Ok(VarType::Real),
                "integer" => Ok(VarType::Integer),
                "binary" => Ok(VarType::Binary),
                "categorical" => Ok(VarType::Categorical),
                other => Err(serde::de::Error::custom(format!(
                    "unknown variable type {other:?} (expected real, integer, binary or categorical)"
                ))),
            })
            .collect()
    }
}
