//! The one place where a sampler's name and options become a sampler.
//!
//! New samplers are wired here and nowhere else: add the name to [`SAMPLERS`] and a
//! match arm to [`make_sampler`]. Options a sampler does not take are refused, so a
//! setting can never be silently ignored.

use vilfredo_study::sampler::{
    MoeadOptions, MoeadSampler, MoeadVariation, Nsga2Sampler, Nsga3Sampler, NsgaOptions,
    SobolSampler,
};
use vilfredo_study::{RandomSampler, Sampler};

use super::config::SamplerConfig;

/// The samplers the command line knows, as listed in error messages.
pub(crate) const SAMPLERS: &[&str] = &["random", "sobol", "nsga2", "nsga3", "moead"];

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
    let decomposition = [
        ("n_partitions", config.n_partitions.is_some()),
        ("n_neighbors", config.n_neighbors.is_some()),
        ("decomposition", config.decomposition.is_some()),
        ("pbi_theta", config.pbi_theta.is_some()),
        (
            "prob_neighbor_mating",
            config.prob_neighbor_mating.is_some(),
        ),
        ("max_replacements", config.max_replacements.is_some()),
        ("variation", config.variation.is_some()),
    ];
    if name != "moead" {
        refuse(&name, &decomposition)?;
    }
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
        "moead" => {
            refuse(
                &name,
                &[
                    ("scramble", config.scramble.is_some()),
                    ("population_size", config.population_size.is_some()),
                    ("crossover_prob", config.crossover_prob.is_some()),
                ],
            )?;
            let options = moead_options(config, seed)?;
            Ok(Box::new(
                MoeadSampler::new(options).map_err(|e| e.to_string())?,
            ))
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

/// MOEA/D's options: the file's, over the sampler's own defaults.
fn moead_options(config: &SamplerConfig, seed: u64) -> Result<MoeadOptions, String> {
    let d = MoeadOptions::default();
    let count = |v: Option<u64>, name: &str, default: usize| match v {
        Some(n) => usize::try_from(n).map_err(|_| format!("{name} {n} is too large")),
        None => Ok(default),
    };
    let n_partitions = match config.n_partitions {
        Some(n) => Some(count(Some(n), "n_partitions", 0)?),
        None => None,
    };
    let theta = config.pbi_theta.unwrap_or(5.0);
    let decomposition = match config.decomposition.as_deref() {
        Some(name) => MoeadOptions::decomposition_named(name, theta).map_err(|e| e.to_string())?,
        None if config.pbi_theta.is_some() => {
            return Err("pbi_theta needs decomposition = \"pbi\"".into());
        }
        None => d.decomposition,
    };
    let variation = match config
        .variation
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("sbx") => MoeadVariation::Sbx,
        Some("de") => MoeadVariation::De,
        Some(_) => {
            return Err(format!(
                "unknown variation {:?} for the moead sampler; valid: sbx, de",
                config.variation.as_deref().unwrap_or("")
            ));
        }
    };
    Ok(MoeadOptions {
        n_partitions,
        n_neighbors: count(config.n_neighbors, "n_neighbors", d.n_neighbors)?,
        prob_neighbor_mating: config
            .prob_neighbor_mating
            .unwrap_or(d.prob_neighbor_mating),
        max_replacements: count(
            config.max_replacements,
            "max_replacements",
            d.max_replacements,
        )?,
        decomposition,
        variation,
        mutation_prob: config.mutation_prob.or(d.mutation_prob),
        seed,
        ..d
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
        assert!(e.contains("random, sobol, nsga2, nsga3, moead"), "{e}");
    }

    #[test]
    fn moead_options() {
        let mut c = SamplerConfig {
            name: Some("moead".into()),
            ..SamplerConfig::default()
        };
        assert_eq!(make_sampler(&c).unwrap().name(), "moead");
        c.n_neighbors = Some(0);
        let e = make_sampler(&c).unwrap_err();
        assert!(e.contains("n_neighbors"), "{e}");
        c.n_neighbors = Some(10);
        c.decomposition = Some("PBI".into());
        c.pbi_theta = Some(3.0);
        c.variation = Some("de".into());
        c.n_partitions = Some(20);
        assert!(make_sampler(&c).is_ok());
        c.decomposition = Some("weighted-sum".into());
        let e = make_sampler(&c).unwrap_err();
        assert!(
            e.contains("unknown decomposition") && e.contains("tchebycheff, pbi"),
            "{e}"
        );
        c.decomposition = None;
        assert!(make_sampler(&c).unwrap_err().contains("pbi_theta"));
        c.pbi_theta = None;
        c.variation = Some("ga".into());
        assert!(make_sampler(&c).unwrap_err().contains("sbx, de"));
        c.variation = None;
        c.population_size = Some(10);
        assert!(make_sampler(&c).unwrap_err().contains("population_size"));
        c.population_size = None;
        c.n_partitions = None;
        c.name = Some("nsga2".into());
        assert!(make_sampler(&c).unwrap_err().contains("n_neighbors"));
    }
}
