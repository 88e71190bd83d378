//! Optimisation direction of one objective.

/// Whether an objective is to be made small or large.
///
/// vilfredo minimises everything internally; a maximised objective is negated at the
/// boundary (study layer, CLI, Python) and negated back when values are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Direction {
    /// Smaller is better (the default).
    #[default]
    Minimize,
    /// Larger is better.
    Maximize,
}

impl Direction {
    /// The factor that maps a user value to the minimised internal value and back (`±1`).
    pub fn sign(self) -> f64 {
        match self {
            Direction::Minimize => 1.0,
            Direction::Maximize => -1.0,
        }
    }
}

impl std::str::FromStr for Direction {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "minimize" | "min" => Ok(Direction::Minimize),
            "maximize" | "max" => Ok(Direction::Maximize),
            other => Err(crate::Error::InvalidArgument {
                name: "direction",
                reason: format!("unknown direction {other:?}; expected \"minimize\" or \"maximize\""),
            }),
        }
    }
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Direction::Minimize => "minimize",
            Direction::Maximize => "maximize",
        })
    }
}
