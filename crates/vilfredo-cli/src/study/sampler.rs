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
            // Ok(if config.scramble.unwrap_or(true) {
            //     Box::new(SobolSampler::new(seed))
            // } else {
            //     Box::new(SobolSampler::unscrambled(seed))
            // })
            let _ = seed;
            Err(not_built(&name))
        }
        "nsga2" => {
            refuse(&name, "scramble", config.scramble.is_some())?;
            // Wired when `vilfredo_study::sampler::Nsga2Sampler` lands:
            // let defaults = NsgaOptions::default();
            // let population_size = match config.population_size {
            //     Some(n) => usize::try_from(n).map_err(|_| format!("population_size {n} is too large"))?,
            //     None => defaults.population_size,
            // };
            // let options = NsgaOptions {
            //     population_size,
            //     mutation_prob: config.mutation_prob.or(defaults.mutation_prob),
            //     crossover_prob: config.crossover_prob.unwrap_or(defaults.crossover_prob),
            //     seed,
            //     ..defaults
            // };
            // Ok(Box::new(Nsga2Sampler::new(options).map_err(|e| e.to_string())?))
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
