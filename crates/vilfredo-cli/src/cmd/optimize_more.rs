//! The SMS-EMOA, SPEA2 and R-NSGA-II side of `vilfredo optimize`: their options
//! (`--n-offspring`, `--ref-offset`, `--archive-size`, `--ref-points`, `--epsilon`),
//! checked against the algorithm chosen, and the algorithm built from them.

use anyhow::Result;
use vilfredo_moea::{
    Algorithm, Nsga2Config, Problem, RNsga2, RNsga2Config, SmsEmoa, SmsEmoaConfig, Spea2,
    Spea2Config,
};

use crate::args::{MoreAlgorithmArgs, OptimizeArgs};
use crate::error::usage;

/// Refuses an option given for an algorithm that does not take it.
pub(super) fn check_options(algorithm: &str, more: &MoreAlgorithmArgs) -> Result<()> {
    let given = [
        ("--n-offspring", more.n_offspring.is_some(), "sms-emoa"),
        ("--ref-offset", more.ref_offset.is_some(), "sms-emoa"),
        ("--archive-size", more.archive_size.is_some(), "spea2"),
        ("--normalize", more.normalize, "spea2"),
        ("--ref-points", more.ref_points.is_some(), "rnsga2"),
        ("--epsilon", more.epsilon.is_some(), "rnsga2"),
    ];
    for (flag, is_given, owner) in given {
        if is_given && algorithm != owner {
            return Err(usage(format!(
                "{flag} is an option of --algorithm {owner}, not of {algorithm}"
            )));
        }
    }
    Ok(())
}

/// Builds SMS-EMOA, SPEA2 or R-NSGA-II for `problem`; bad settings are usage errors.
pub(super) fn build(
    algorithm: &str,
    args: &OptimizeArgs,
    problem: &dyn Problem,
    pop_size: usize,
) -> Result<Box<dyn Algorithm + Send>> {
    let more = &args.more;
    let size = |n: u64, flag: &str| {
        usize::try_from(n).map_err(|_| usage(format!("{flag} {n} is too large")))
    };
    let bad = |e: vilfredo_moea::Error| usage(e.to_string());
    Ok(match algorithm {
        "sms-emoa" => {
            let mut c = SmsEmoaConfig {
                pop_size,
                seed: args.seed.unwrap_or(0),
                ..SmsEmoaConfig::default()
            };
            if let Some(n) = more.n_offspring {
                c.n_offspring = size(n, "--n-offspring")?;
            }
            if let Some(x) = more.ref_offset {
                c.ref_offset = x;
            }
            Box::new(SmsEmoa::for_problem(problem, c).map_err(bad)?)
        }
        "spea2" => {
            let mut c = Spea2Config {
                pop_size,
                archive_size: pop_size,
                seed: args.seed.unwrap_or(0),
                ..Spea2Config::default()
            };
            if let Some(n) = more.archive_size {
                c.archive_size = size(n, "--archive-size")?;
            }
            c.normalize = more.normalize;
            Box::new(Spea2::for_problem(problem, c).map_err(bad)?)
        }
        "rnsga2" => {
            let Some(points) = &more.ref_points else {
                return Err(usage(
                    "--algorithm rnsga2 needs --ref-points, for example --ref-points '0.2,0.5;0.7,0.1'",
                ));
            };
            let n_obj = problem.n_obj();
            if let Some((k, p)) = points.0.iter().enumerate().find(|(_, p)| p.len() != n_obj) {
                return Err(usage(format!(
                    "--ref-points: point {} has {} values but {} has {n_obj} objectives",
                    k + 1,
                    p.len(),
                    problem.name()
                )));
            }
            let mut c = RNsga2Config::new(points.0.concat());
            c.nsga2 = Nsga2Config {
                pop_size,
                seed: args.seed.unwrap_or(0),
                ..Nsga2Config::default()
            };
            if let Some(e) = more.epsilon {
                c.epsilon = e;
            }
            Box::new(RNsga2::for_problem(problem, c).map_err(bad)?)
        }
        _ => return Err(usage(format!("unknown algorithm {algorithm:?}"))),
    })
}
