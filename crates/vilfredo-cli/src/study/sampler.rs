//! The one place where a sampler's name and options become a sampler.
//!
//! New samplers are wired here and nowhere else: add the name to [`SAMPLERS`] and a
//! match arm to [`make_sampler`]. Options a sampler does not take are refused, so a
//! setting can never be silently ignored.

use vilfredo_study::sampler::{Nsga2Sampler, Nsga3Sampler, NsgaOptions, SobolSampler};
use vilfredo_study::{RandomSampler, Sampler};

use super::config::SamplerConfig;

/// The samplers the command line knows, as listed in error messages.
pub(crate) const SAMPLERS: &[&str] = &["random", "sobol", "nsga2", "nsga3"];

/// The sampler named by `config` (random when unnamed), with its options.
///
/// # Errors
/// An unknown name (listing the valid ones), an option the sampler does not take, or
/// options the sampler refuses.
pub(crate) fn make_sampler(config: &SamplerConfig) -> Result<Box<dyn Sampler>, String> {
    let name = config
        .name
        .as_deref()
        .unwrap_or("random")
        .trim()
        .to_ascii_lowercase();
    let seed = config.seed.unwrap_or(0);
    let evolutionary = [
        ("population_size", config.population_size.is_some()),
        ("crossover_prob", config.crossover_prob.is_some()),
        ("mutation_prob", config.mutation_prob.is_some()),
    ];
    match name.as_str() {
        "random" => {
            refuse(&name, &evolutionary)?;
            refuse(&name, &[("scramble", config.scramble.is_some())])?;
            Ok(Box::new(RandomSampler::new(seed)))
        }
        "sobol" => {
            refuse(&name, &evolutionary)?;
            Ok(if config.scramble.unwrap_or(true) {
                Box::new(SobolSampler::new(seed))
            } else {
                Box::new(SobolSampler::unscrambled(seed))
            })
        }
        "nsga2" | "nsga3" => {
            refuse(&name, &[("scramble", config.scramble.is_some())])?;
            let options = nsga_options(config, seed)?;
            let sampler: Box<dyn Sampler> = if name == "nsga2" {
                Box::new(Nsga2Sampler::new(options).map_err(|e| e.to_string())?)
            } else {
                // Das and Dennis's directions, as many as the population.
                Box::new(Nsga3Sampler::new(options, None).map_err(|e| e.to_string())?)
            };
            Ok(sampler)
        }
        _ => Err(format!(
            "unknown sampler {:?}; valid samplers: {}",
            config.name.as_deref().unwrap_or(""),
            SAMPLERS.join(", ")
        )),
    }
}

/// The evolutionary samplers' options: the file's, over the samplers' own defaults.
fn nsga_options(config: &SamplerConfig, seed: u64) -> Result<NsgaOptions, String> {
    let defaults = NsgaOptions::default();
    let population_size = match config.population_size {
        Some(n) => usize::try_from(n).map_err(|_| format!("population_size {n} is too large"))?,
        None => defaults.population_size,
    };
    Ok(NsgaOptions {
        population_size,
        mutation_prob: config.mutation_prob.or(defaults.mutation_prob),
        crossover_prob: config.crossover_prob.unwrap_or(defaults.crossover_prob),
        seed,
        ..defaults
    })
}

fn refuse(sampler: &str, options: &[(&str, bool)]) -> Result<(), String> {
    match options.iter().find(|(_, given)| *given) {
        Some((option, _)) => Err(format!("the {sampler} sampler has no option {option:?}")),
        None => Ok(()),
    }
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
        c.name = Some("nsga2".into());
        assert_eq!(make_sampler(&c).unwrap().name(), "nsga2");
        c.name = Some("nsga3".into());
        assert_eq!(make_sampler(&c).unwrap().name(), "nsga3");
        c.population_size = Some(0);
        assert!(make_sampler(&c).is_err());
        c.population_size = None;
        c.name = Some("sobol".into());
        assert_eq!(make_sampler(&c).unwrap().name(), "sobol");
        c.scramble = Some(false);
        assert!(make_sampler(&c).is_ok());
        c.name = Some("nsga2".into());
        assert!(make_sampler(&c).unwrap_err().contains("scramble"));
        c.name = Some("tpe".into());
        let e = make_sampler(&c).unwrap_err();
        assert!(e.contains("random, sobol, nsga2, nsga3"), "{e}");
    }
}
