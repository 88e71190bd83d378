//! The one place where a sampler's name and options become a sampler.
//!
//! New samplers are wired here and nowhere else: add the name to [`SAMPLERS`] and a
//! match arm to [`make_sampler`]. Options a sampler does not take are refused, so a
//! setting can never be silently ignored.

use vilfredo_study::{RandomSampler, Sampler};

use super::config::SamplerConfig;

/// The samplers the command line knows, as listed in error messages.
pub(crate) const SAMPLERS: &[&str] = &["random", "sobol", "nsga2"];

/// The sampler named by `config` (random when unnamed), with its options.
///
/// # Errors
/// An unknown name (listing the valid ones), an option the sampler does not take, or a
/// sampler not built into this version.
pub(crate) fn make_sampler(config: &SamplerConfig) -> Result<Box<dyn Sampler>, String> {
    let name = config
        .name
        .as_deref()
        .unwrap_or("random")
        .trim()
        .to_ascii_lowercase();
    let seed = config.seed.unwrap_or(0);
    match name.as_str() {
        "random" => {
            refuse(&name, "population_size", config.population_size.is_some())?;
            refuse(&name, "crossover_prob", config.crossover_prob.is_some())?;
            refuse(&name, "mutation_prob", config.mutation_prob.is_some())?;
            refuse(&name, "scramble", config.scramble.is_some())?;
            Ok(Box::new(RandomSampler::new(seed)))
        }
        "sobol" => {
            refuse(&name, "population_size", config.population_size.is_some())?;
            refuse(&name, "crossover_prob", config.crossover_prob.is_some())?;
            refuse(&name, "mutation_prob", config.mutation_prob.is_some())?;
            // Wired when `vilfredo_study::sampler::SobolSampler` lands:
            // Ok(Box::new(SobolSampler::new(seed, config.scramble.unwrap_or(true))))
            Err(not_built(&name))
        }
        "nsga2" => {
            refuse(&name, "scramble", config.scramble.is_some())?;
            // Wired when `vilfredo_study::sampler::Nsga2Sampler` lands, with
            // population_size, crossover_prob and mutation_prob as its options.
            Err(not_built(&name))
        }
        _ => Err(format!(
            "unknown sampler {:?}; valid samplers: {}",
            config.name.as_deref().unwrap_or(""),
            SAMPLERS.join(", ")
        )),
    }
}

fn refuse(sampler: &str, option: &str, given: bool) -> Result<(), String> {
    if given {
        Err(format!("the {sampler} sampler has no option {option:?}"))
    } else {
        Ok(())
    }
}

fn not_built(name: &str) -> String {
    format!("the {name} sampler is not available in this build yet; use random")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_options() {
        let mut c = SamplerConfig::default();
        assert_eq!(make_sampler(&c).unwrap().name(), "random");
        c.name = Some("Random".into());
        assert_eq!(make_sampler(&c).unwrap().name(), "random");
        c.population_size = Some(10);
        assert!(make_sampler(&c).unwrap_err().contains("population_size"));
        c.name = Some("tpe".into());
        let e = make_sampler(&c).unwrap_err();
        assert!(e.contains("random, sobol, nsga2"), "{e}");
    }
}
