//! Random-reset mutation of categorical variables: a chosen variable is redrawn
//! uniformly among its *other* choices (Eiben & Smith 2015, "Introduction to
//! Evolutionary Computing", 2nd ed., §4.3 — random resetting for integer and
//! categorical genes). Choices have no order, so there is no notion of a small step.

use super::check_probability;
use crate::Space;
use vilfredo_core::rng::SplitMix64;
use vilfredo_core::{Result, VarType};

/// Random-reset settings; the default resets each categorical variable with probability
/// `1/n_var`, the rate of polynomial mutation and bit flip.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RandomReset {
    /// Probability that a given categorical variable is redrawn; `None` means `1/n_var`.
    pub prob_var: Option<f64>,
}

impl RandomReset {
    /// Checks the settings.
    ///
    /// # Errors
    /// [`vilfredo_core::Error::InvalidArgument`] for a probability outside `[0, 1]`.
    pub fn validate(&self) -> Result<()> {
        match self.prob_var {
            Some(p) => check_probability("categorical_mutation.prob_var", p),
            None => Ok(()),
        }
    }

    /// Redraws categorical variables of `x` in place, each to a different choice;
    /// other variables are left as they are. Draws nothing when there are no
    /// categorical variables, so other spaces see the same random stream as without it.
    pub fn apply(&self, space: &Space, x: &mut [f64], rng: &mut SplitMix64) {
        let types = space.types();
        if !types.contains(&VarType::Categorical) {
            return;
        }
        let p = self.prob_var.unwrap_or(1.0 / space.n_var() as f64);
        let (lower, upper) = (space.lower(), space.upper());
        for (j, v) in x.iter_mut().enumerate() {
            if types[j] != VarType::Categorical || rng.next_f64() >= p {
                continue;
            }
            // Bounds are integral (checked by `Space`); k choices, k − 1 of them new.
            let k = (upper[j] - lower[j]) as u64 + 1;
            if k < 2 {
                continue;
            }
            let current = (*v - lower[j]).round().clamp(0.0, (k - 1) as f64) as u64;
            let mut draw = rng.below(k - 1);
            if draw >= current {
                draw += 1;
            }
            *v = lower[j] + draw as f64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn always_changes_the_choice_and_stays_in_range() {
        let space = Space::new(
            vec![0.0, 0.0, 2.0],
            vec![1.0, 3.0, 4.0],
            vec![VarType::Real, VarType::Categorical, VarType::Categorical],
        )
        .unwrap();
        let op = RandomReset {
            prob_var: Some(1.0),
        };
        let mut rng = SplitMix64::new(1);
        let mut counts = [0usize; 4];
        for _ in 0..3000 {
            let mut x = [0.5, 1.0, 3.0];
            op.apply(&space, &mut x, &mut rng);
            assert_eq!(x[0], 0.5, "a real variable was touched");
            assert_ne!(x[1], 1.0);
            assert_ne!(x[2], 3.0);
            assert!((2.0..=4.0).contains(&x[2]) && x[2].fract() == 0.0);
            counts[x[1] as usize] += 1;
        }
        // The three other choices are equally likely.
        assert_eq!(counts[1], 0);
        for c in [counts[0], counts[2], counts[3]] {
            assert!((900..1100).contains(&c), "{counts:?}");
        }
    }

    #[test]
    fn draws_nothing_without_categorical_variables() {
        let space = Space::real(vec![0.0; 3], vec![1.0; 3]).unwrap();
        let mut rng = SplitMix64::new(5);
        let mut x = [0.1, 0.2, 0.3];
        RandomReset::default().apply(&space, &mut x, &mut rng);
        assert_eq!(rng, SplitMix64::new(5));
    }
}
