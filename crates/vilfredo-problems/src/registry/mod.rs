//! The registry: build any problem by name with parameters named as pymoo names them
//! (`n_var`, `n_obj`, `k`, `l`, `alpha`, `r`), and list what exists. The table of names,
//! descriptions and parameters is in `table`.
//!
//! Names are case-insensitive. Unknown names or parameters, parameters that do not fit
//! together (for example `n_var` and `k` disagreeing for DTLZ) and non-integral counts are
//! refused with an error that lists what is valid.

use crate::benchmark::Benchmark;
use crate::cdtlz::{CDtlz, CDtlzKind};
use crate::classic::{Classic, ClassicKind};
use crate::dtlz::{Dtlz, DtlzKind};
use crate::mw::{Mw, MwKind};
use crate::re::{Re, ReKind};
use crate::wfg::{DEFAULT_L, Wfg, WfgKind};
use crate::zdt::{Zdt, ZdtKind};
use crate::zdt5::Zdt5;
use vilfredo_core::{Error, Result};

mod table;

use table::PROBLEMS;
pub use table::{ParamInfo, ProblemInfo};

/// Named numeric parameters for [`get`], e.g. `Params::new().set("n_obj", 5.0)`.
///
/// Counts (`n_var`, `n_obj`, `k`, `l`) are given as `f64` so one type carries every
/// parameter; they must hold non-negative integers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params {
    entries: Vec<(String, f64)>,
}

impl Params {
    /// No parameters: every problem's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `name` to `value`, replacing an earlier value.
    pub fn set(mut self, name: impl Into<String>, value: f64) -> Self {
        let name = name.into();
        match self.entries.iter_mut().find(|(n, _)| *n == name) {
            Some(entry) => entry.1 = value,
            None => self.entries.push((name, value)),
        }
        self
    }

    /// The value of `name`, if set.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.entries.iter().find(|(n, _)| n == name).map(|e| e.1)
    }

    /// The parameters in the order they were first set.
    pub fn iter(&self) -> impl Iterator<Item = (&str, f64)> {
        self.entries.iter().map(|(n, v)| (n.as_str(), *v))
    }

    /// A count parameter: `None` when unset, an error unless a non-negative integer.
    fn count(&self, name: &'static str) -> Result<Option<usize>> {
        match self.get(name) {
            None => Ok(None),
            Some(v) if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= 1e9 => {
                Ok(Some(v as usize))
            }
            Some(v) => Err(Error::InvalidArgument {
                name,
                reason: format!("{name} must be a non-negative integer, got {v}"),
            }),
        }
    }
}

/// Every problem [`get`] knows, with a one-line description and its parameters.
pub fn list() -> &'static [ProblemInfo] {
    PROBLEMS
}

/// Builds the problem `name` (case-insensitive) with `params`.
///
/// ```
/// use vilfredo_problems::{get, Params, Problem};
/// let p = get("wfg4", &Params::new().set("n_var", 24.0).set("n_obj", 3.0).set("k", 4.0))?;
/// assert_eq!((p.n_var(), p.n_obj()), (24, 3));
/// # Ok::<(), vilfredo_problems::Error>(())
/// ```
///
/// # Errors
/// For an unknown name (listing the known ones), a parameter the problem does not take
/// (listing those it takes), a non-integral count, or counts that do not fit together.
pub fn get(name: &str, params: &Params) -> Result<Box<dyn Benchmark>> {
    let lower = name.to_ascii_lowercase();
    let Some(entry) = PROBLEMS.iter().find(|p| p.name == lower) else {
        let names: Vec<&str> = PROBLEMS.iter().map(|p| p.name).collect();
        return Err(Error::InvalidArgument {
            name: "problem",
            reason: format!(
                "unknown problem {name:?}; known problems: {}",
                names.join(", ")
            ),
        });
    };
    for (p, _) in params.iter() {
        if !entry.params.iter().any(|i| i.name == p) {
            let valid: Vec<&str> = entry.params.iter().map(|i| i.name).collect();
            let valid = if valid.is_empty() {
                "none (its sizes are fixed)".to_owned()
            } else {
                valid.join(", ")
            };
            return Err(Error::InvalidArgument {
                name: "params",
                reason: format!(
                    "{} takes no parameter {p:?}; valid parameters: {valid}",
                    entry.name
                ),
            });
        }
    }
    let n_var = params.count("n_var")?;
    Ok(match entry.name {
        "zdt1" => Box::new(Zdt::new(ZdtKind::Zdt1, n_var)?),
        "zdt2" => Box::new(Zdt::new(ZdtKind::Zdt2, n_var)?),
        "zdt3" => Box::new(Zdt::new(ZdtKind::Zdt3, n_var)?),
        "zdt4" => Box::new(Zdt::new(ZdtKind::Zdt4, n_var)?),
        "zdt5" => Box::new(Zdt5::new(n_var)?),
        "zdt6" => Box::new(Zdt::new(ZdtKind::Zdt6, n_var)?),
        dtlz if dtlz.starts_with("dtlz") => {
            let kind = match dtlz {
                "dtlz1" => DtlzKind::Dtlz1,
                "dtlz2" => DtlzKind::Dtlz2,
                "dtlz3" => DtlzKind::Dtlz3,
                "dtlz4" => DtlzKind::Dtlz4,
                "dtlz5" => DtlzKind::Dtlz5,
                "dtlz6" => DtlzKind::Dtlz6,
                _ => DtlzKind::Dtlz7,
            };
            Box::new(dtlz_from(kind, n_var, params)?)
        }
        "c1dtlz1" | "c2dtlz2" | "c3dtlz4" => Box::new(cdtlz_from(entry.name, n_var, params)?),
        mw if mw.starts_with("mw") => {
            let number: u8 = mw[2..].parse().unwrap_or(0);
            let kind = MwKind::new(number)?;
            let n_obj = params
                .count("n_obj")?
                .unwrap_or(if kind.scalable() { 3 } else { 2 });
            Box::new(Mw::new(kind, n_obj, n_var)?)
        }
        "bnh" => Box::new(Classic::new(ClassicKind::Bnh)),
        "osy" => Box::new(Classic::new(ClassicKind::Osy)),
        "tnk" => Box::new(Classic::new(ClassicKind::Tnk)),
        "srn" => Box::new(Classic::new(ClassicKind::Srn)),
        "welded_beam" => Box::new(Classic::new(ClassicKind::WeldedBeam)),
        "carside" => Box::new(Classic::new(ClassicKind::CarSide)),
        re if re.starts_with("re") => match ReKind::ALL.iter().find(|k| k.name() == re) {
            Some(&kind) => Box::new(Re::new(kind)),
            None => {
                return Err(Error::InvalidArgument {
                    name: "problem",
                    reason: format!("unknown problem {name:?}"),
                });
            }
        },
        wfg => {
            let kind = match wfg {
                "wfg1" => WfgKind::Wfg1,
                "wfg2" => WfgKind::Wfg2,
                "wfg3" => WfgKind::Wfg3,
                "wfg4" => WfgKind::Wfg4,
                "wfg5" => WfgKind::Wfg5,
                "wfg6" => WfgKind::Wfg6,
                "wfg7" => WfgKind::Wfg7,
                "wfg8" => WfgKind::Wfg8,
                _ => WfgKind::Wfg9,
            };
            Box::new(wfg_from(kind, n_var, params)?)
        }
    })
}

fn dtlz_from(kind: DtlzKind, n_var: Option<usize>, params: &Params) -> Result<Dtlz> {
    let n_obj = params.count("n_obj")?.unwrap_or(3);
    let n_var = match (n_var, params.count("k")?) {
        (Some(nv), Some(k)) if nv + 1 != n_obj + k => {
            return Err(Error::InvalidArgument {
                name: "params",
                reason: format!(
                    "n_var = {nv} disagrees with n_obj = {n_obj} and k = {k} (n_var must be n_obj + k − 1 = {}); give either n_var or k",
                    n_obj + k - 1
                ),
            });
        }
        (Some(nv), _) => Some(nv),
        (None, Some(0)) => {
            return Err(Error::InvalidArgument {
                name: "k",
                reason: "k must be at least 1".into(),
            });
        }
        (None, Some(k)) => Some(n_obj + k - 1),
        (None, None) => None,
    };
    let p = Dtlz::new(kind, n_obj, n_var)?;
    match params.get("alpha") {
        Some(a) => p.with_alpha(a),
        None => Ok(p),
    }
}

fn cdtlz_from(name: &str, n_var: Option<usize>, params: &Params) -> Result<CDtlz> {
    let kind = match name {
        "c1dtlz1" => CDtlzKind::C1Dtlz1,
        "c2dtlz2" => CDtlzKind::C2Dtlz2,
        _ => CDtlzKind::C3Dtlz4,
    };
    let p = CDtlz::new(kind, dtlz_from(kind.base(), n_var, params)?)?;
    match params.get("r") {
        Some(r) => p.with_r(r),
        None => Ok(p),
    }
}

fn wfg_from(kind: WfgKind, n_var: Option<usize>, params: &Params) -> Result<Wfg> {
    let n_obj = params.count("n_obj")?.unwrap_or(3);
    let k = params.count("k")?.unwrap_or(WfgKind::default_k(n_obj));
    let l = match (n_var, params.count("l")?) {
        (Some(nv), Some(l)) if nv != k + l => {
            return Err(Error::InvalidArgument {
                name: "params",
                reason: format!(
                    "n_var = {nv} disagrees with k = {k} and l = {l} (n_var must be k + l = {})",
                    k + l
                ),
            });
        }
        (Some(nv), _) if nv <= k => {
            return Err(Error::InvalidArgument {
                name: "n_var",
                reason: format!(
                    "n_var = {nv} leaves no distance variables with k = {k} (need n_var > k)"
                ),
            });
        }
        (Some(nv), _) => nv - k,
        (None, Some(l)) => l,
        (None, None) => DEFAULT_L,
    };
    Wfg::new(kind, n_obj, k, l)
}
