//! The study file (`vilfredo optimize study.toml`): plain config structs read with serde.
//!
//! These structs are only the file's shape; [`super::spec`] validates them (and the
//! command-line flags that override them) into the runtime description of a run.
//! Every struct refuses unknown keys, so a typo (`n_trails`) is an error naming the key
//! and its line instead of a setting silently ignored.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The whole study file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StudyFile {
    /// The study's name in the storage (default: the file's stem).
    pub(crate) name: Option<String>,
    /// Storage URL (default: `sqlite:///<stem>.db` next to the file).
    pub(crate) storage: Option<String>,
    /// One direction per objective: `"minimize"` or `"maximize"`.
    pub(crate) directions: Option<Vec<String>>,
    /// Optional names of the objectives, for tables and plots.
    pub(crate) objective_names: Option<Vec<String>>,
    /// The objective command, one argument per element, with `{name}` placeholders.
    pub(crate) command: Option<Vec<String>>,
    /// Also pass the parameters as `VILFREDO_PARAM_<NAME>` environment variables.
    pub(crate) env: Option<bool>,
    /// Also write the parameters to a JSON file (`VILFREDO_PARAMS_FILE`, `{params_file}`).
    pub(crate) params_file: Option<bool>,
    /// Total number of finished trials wanted in the study.
    pub(crate) n_trials: Option<u64>,
    /// Stop starting trials after this many seconds (this run).
    pub(crate) timeout: Option<f64>,
    /// Number of commands run at once.
    pub(crate) jobs: Option<u64>,
    /// Kill a command after this many seconds and fail its trial.
    pub(crate) trial_timeout: Option<f64>,
    /// Reference point of the hypervolume shown, in the objectives' own directions.
    pub(crate) reference_point: Option<Vec<f64>>,
    /// Write an SVG of the front here at the end.
    pub(crate) plot: Option<String>,
    /// Failure detection for workers that die (see `vilfredo_study::Heartbeat`).
    pub(crate) heartbeat: Option<HeartbeatConfig>,
    /// The sampler and its options.
    pub(crate) sampler: Option<SamplerConfig>,
    /// The search space, by parameter name.
    #[serde(default)]
    pub(crate) params: BTreeMap<String, ParamConfig>,
}

/// `[heartbeat]`: seconds between beats, seconds of silence before a trial is failed,
/// and how many times such a trial is retried.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct HeartbeatConfig {
    /// Seconds between heartbeats.
    pub(crate) interval: f64,
    /// Seconds of silence after which a running trial is failed [default: 4 × interval].
    pub(crate) grace: Option<f64>,
    /// Retries of a trial failed this way [default: 0].
    #[serde(default)]
    pub(crate) max_retry: u32,
}

/// `[sampler]`: its name and options. Options that a sampler does not use are refused
/// by [`crate::study::sampler::make_sampler`], so they cannot be mistaken for settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SamplerConfig {
    /// `random`, `sobol`, `nsga2`, `nsga3` or `moead`.
    pub(crate) name: Option<String>,
    /// Seed of the sampler's random numbers [default: 0].
    pub(crate) seed: Option<u64>,
    /// NSGA-II/III: population size.
    pub(crate) population_size: Option<u64>,
    /// NSGA-II/III: crossover probability.
    pub(crate) crossover_prob: Option<f64>,
    /// NSGA-II/III, MOEA/D: mutation probability per variable [default: 1 / number of
    /// variables].
    pub(crate) mutation_prob: Option<f64>,
    /// MOEA/D: Das-Dennis partitions of the weight vectors [default: the fewest giving
    /// at least 100].
    pub(crate) n_partitions: Option<u64>,
    /// MOEA/D: neighbourhood size T [default: 20].
    pub(crate) n_neighbors: Option<u64>,
    /// MOEA/D: `tchebycheff` or `pbi` [default: tchebycheff].
    pub(crate) decomposition: Option<String>,
    /// MOEA/D: PBI's penalty theta [default: 5].
    pub(crate) pbi_theta: Option<f64>,
    /// MOEA/D: probability delta of mating within the neighbourhood [default: 0.9].
    pub(crate) prob_neighbor_mating: Option<f64>,
    /// MOEA/D: most incumbents one trial replaces, n_r [default: 2].
    pub(crate) max_replacements: Option<u64>,
    /// MOEA/D: `sbx` or `de` (MOEA/D-DE) [default: sbx].
    pub(crate) variation: Option<String>,
    /// Sobol: scramble the sequence.
    pub(crate) scramble: Option<bool>,
}

/// `[params.NAME]`: one parameter of the search space.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ParamConfig {
    /// `float`, `int` or `categorical`.
    #[serde(rename = "type")]
    pub(crate) kind: String,
    /// Smallest value (float, int).
    pub(crate) low: Option<toml::Value>,
    /// Largest value (float, int).
    pub(crate) high: Option<toml::Value>,
    /// Log-uniform sampling.
    #[serde(default)]
    pub(crate) log: bool,
    /// Grid spacing.
    pub(crate) step: Option<toml::Value>,
    /// The choices of a categorical parameter.
    pub(crate) choices: Option<Vec<toml::Value>>,
}

/// Parses the text of a study file; `name` is used in messages.
pub(crate) fn parse(text: &str, name: &str) -> Result<StudyFile, String> {
    toml::from_str(text).map_err(|e| format!("{name}: {}", e.to_string().trim_end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_named_with_their_line() {
        let e = parse("name = \"a\"\nn_trails = 3\n", "s.toml").unwrap_err();
        assert!(e.contains("n_trails") && e.contains("line 2"), "{e}");
        let e = parse(
            "[params.x]\ntype = \"float\"\nlow = 0\nhihg = 1\n",
            "s.toml",
        )
        .unwrap_err();
        assert!(e.contains("hihg") && e.contains("line 4"), "{e}");
        let e = parse("[sampler]\nname = \"nsga2\"\npop = 3\n", "s.toml").unwrap_err();
        assert!(e.contains("pop"), "{e}");
    }

    #[test]
    fn a_full_file_parses() {
        let f = parse(
            r#"
name = "zdt"
storage = "memory"
directions = ["minimize", "maximize"]
objective_names = ["error", "accuracy"]
command = ["python3", "obj.py", "--x", "{x}"]
env = true
n_trials = 10
reference_point = [1, 2.5]
[sampler]
name = "random"
seed = 3
[params.x]
type = "float"
low = 0
high = 1
[params.act]
type = "categorical"
choices = ["relu", "tanh", 3]
"#,
            "s.toml",
        )
        .unwrap();
        assert_eq!(f.name.as_deref(), Some("zdt"));
        assert_eq!(f.params.len(), 2);
        assert_eq!(f.reference_point, Some(vec![1.0, 2.5]));
        assert_eq!(f.sampler.unwrap().seed, Some(3));
    }
}
