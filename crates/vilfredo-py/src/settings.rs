//! The settings every ask/tell class takes (`vilfredo.NSGA2`, `vilfredo.NSGA3`, …):
//! bounds, variable types, numbers of objectives and constraints, population size and
//! seed, read once here into a [`Space`] and the [`Common`] settings `vilfredo.minimize`
//! passes to the algorithms' option parsers.

use crate::convert::vector;
use crate::guard::value_error;
use crate::minimize::{Common, DEFAULT_POP_SIZE};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use vilfredo_moea::{Space, VarType};

/// The variable type called `name`.
fn var_type(name: &str) -> PyResult<VarType> {
    match name.to_ascii_lowercase().as_str() {
        "real" | "float" => Ok(VarType::Real),
        "int" | "integer" => Ok(VarType::Integer),
        "binary" | "bool" => Ok(VarType::Binary),
        "categorical" | "cat" | "choice" => Ok(VarType::Categorical),
        _ => Err(PyValueError::new_err(format!(
            "unknown variable type {name:?}; valid types: real, int, binary"
        ))),
    }
}

/// `value` as a `T`, or a `ValueError` saying it must be in `range`.
fn in_range<T: TryFrom<i128>>(value: i128, name: &str, range: &str) -> PyResult<T> {
    T::try_from(value)
        .map_err(|_| PyValueError::new_err(format!("{name} must be in {range}, got {value}")))
}

/// The constructor arguments shared by the ask/tell classes, as Python gave them.
///
/// Integers arrive as wide ints so that a negative value is a `ValueError` naming the
/// setting, not an `OverflowError`.
pub(crate) struct Settings<'a, 'py> {
    pub xl: &'a Bound<'py, PyAny>,
    pub xu: &'a Bound<'py, PyAny>,
    pub n_obj: i128,
    pub n_constr: i128,
    /// `None` lets the algorithm choose (100, or derived from its directions).
    pub pop_size: Option<i128>,
    pub seed: i128,
    /// One type name per variable; all real when `None`.
    pub var_types: Option<Vec<String>>,
}

impl Settings<'_, '_> {
    /// The decision space and the settings `vilfredo.minimize` passes to the option
    /// parsers.
    pub(crate) fn read(self) -> PyResult<(Space, Common)> {
        let n_obj: usize = in_range(self.n_obj, "n_obj", "[1, 2**64)")?;
        let n_constr: usize = in_range(self.n_constr, "n_constr", "[0, 2**64)")?;
        let pop_size_given: Option<usize> = self
            .pop_size
            .map(|p| in_range(p, "pop_size", "[2, 2**32)"))
            .transpose()?;
        let seed: u64 = in_range(self.seed, "seed", "[0, 2**64)")?;
        let (xl, xu) = (vector(self.xl, "xl")?, vector(self.xu, "xu")?);
        let types = match self.var_types {
            Some(names) => names
                .iter()
                .map(|n| var_type(n))
                .collect::<PyResult<Vec<_>>>()?,
            None => vec![VarType::Real; xl.len()],
        };
        let space = Space::new(xl, xu, types).map_err(|e| value_error(&e))?;
        let common = Common {
            pop_size: pop_size_given.unwrap_or(DEFAULT_POP_SIZE),
            pop_size_given,
            seed,
            n_obj,
            n_constr,
        };
        Ok((space, common))
    }
}
