//! `vilfredo optimize --problem NAME --algorithm NAME`: minimise a built-in problem with
//! NSGA-II, NSGA-III or MOEA/D, or SMS-EMOA, SPEA2 or R-NSGA-II (built in
//! `optimize_more`).
//!
//! The front found goes to standard output (or `--output`) as CSV rows sorted by the
//! objectives, so a run is easy to diff and to pipe into the kernels; a short summary
//! (evaluations, front size, hypervolume, IGD+ against the true front when known) goes to
//! standard error. The same seed gives the same bytes, whatever the thread count: the
//! algorithm draws all its random numbers itself, and parallel evaluation only splits a
//! generation's batch.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};
use vilfredo_core::design::{das_dennis, n_das_dennis};
use vilfredo_moea::{
    Algorithm, Evaluation, MaxEvaluations, MaxGenerations, MinimizeOptions, Moead, MoeadConfig,
    Nsga2, Nsga2Config, Nsga3, Nsga3Config, Problem, Termination, minimize_with,
};
use vilfredo_pareto::hypervolume::hypervolume;
use vilfredo_pareto::indicator::igd_plus;

use super::problems::build;
use super::view;
use crate::args::OptimizeArgs;
use crate::error::usage;
use crate::operator::ExternalOperator;
use crate::output::{Shortest, write_row};
use crate::plot::{Figure, svg};

/// The algorithms `--algorithm` accepts.
const ALGORITHMS: &[&str] = &["nsga2", "nsga3", "moead", "sms-emoa", "spea2", "rnsga2"];
/// Population size of NSGA-II, SMS-EMOA, SPEA2 and R-NSGA-II, and the target number of
/// reference directions of NSGA-III and MOEA/D, when --pop-size is not given.
const DEFAULT_POP_SIZE: u64 = 100;
/// Generations when neither --n-gen nor --n-eval is given (pymoo's examples use 250 too).
const DEFAULT_N_GEN: usize = 250;
/// Points of the true front used for IGD+, the default reference point and the plot.
const TRUE_FRONT_POINTS: usize = 1000;
/// How far beyond the nadir the default reference point lies, as a fraction.
const REF_MARGIN: f64 = 0.1;

/// Runs `vilfredo optimize`: a study when a study file or a `-- COMMAND` is given, the
/// built-in problem form otherwise.
pub(super) fn optimize(args: &OptimizeArgs, out: &mut dyn Write) -> Result<()> {
    if args.study_file.is_some() || !args.command.is_empty() {
        refuse_problem_options(args)?;
        let spec = crate::study::spec::from_args(args)?;
        return super::study_run::run(&spec, out);
    }
    refuse_study_options(args)?;
    let (Some(problem), Some(algorithm)) = (&args.problem, &args.algorithm) else {
        return Err(usage(
            "give --problem NAME and --algorithm NAME to minimise a built-in problem, or a              study file or a command after '--' to run a study (see 'vilfredo optimize --help')",
        ));
    };
    optimize_problem(args, problem, algorithm, out)
}

/// The built-in problem form's options make no sense in a study.
fn refuse_problem_options(args: &OptimizeArgs) -> Result<()> {
    let given = [
        ("--problem", args.problem.is_some()),
        ("--algorithm", args.algorithm.is_some()),
        ("--n-gen", args.n_gen.is_some()),
        ("--n-eval", args.n_eval.is_some()),
        ("--output", args.output.is_some()),
        ("--threads", args.threads != 1),
        ("--pop-size", args.pop_size.is_some()),
        ("--partitions", args.partitions.is_some()),
        ("--operator", args.operator.is_some()),
        ("--n-offspring", args.more.n_offspring.is_some()),
        ("--ref-offset", args.more.ref_offset.is_some()),
        ("--archive-size", args.more.archive_size.is_some()),
        ("--ref-points", args.more.ref_points.is_some()),
        ("--epsilon", args.more.epsilon.is_some()),
    ];
    match given.iter().find(|(_, g)| *g) {
        Some((flag, _)) => Err(usage(format!(
            "{flag} belongs to the built-in problem form and cannot be used in a study \
             (a study file or a command after '--')"
        ))),
        None => Ok(()),
    }
}

/// A study's options without a study file or a command are a mistake worth naming.
fn refuse_study_options(args: &OptimizeArgs) -> Result<()> {
    let given = [
        ("--storage", args.storage.is_some()),
        ("--study-name", args.study_name.is_some()),
        ("--direction", !args.directions.is_empty()),
        ("--sampler", args.sampler.is_some()),
        ("--n-trials", args.n_trials.is_some()),
        ("--timeout", args.timeout.is_some()),
        ("--jobs", args.jobs.is_some()),
        ("--timeout-per-trial", args.timeout_per_trial.is_some()),
        ("--env", args.env),
        ("--params-file", args.params_file),
    ];
    match given.iter().find(|(_, g)| *g) {
        Some((flag, _)) => Err(usage(format!(
            "{flag} is a study option: give a study file or the command after '--'"
        ))),
        None => Ok(()),
    }
}

/// `vilfredo optimize --problem NAME --algorithm NAME`.
fn optimize_problem(
    args: &OptimizeArgs,
    problem_name: &str,
    algorithm_name: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let algorithm = algorithm_name.to_ascii_lowercase();
    if !ALGORITHMS.contains(&algorithm.as_str()) {
        return Err(usage(format!(
            "unknown algorithm {:?}; valid algorithms: {}",
            algorithm_name,
            ALGORITHMS.join(", ")
        )));
    }
    let params = args
        .params
        .iter()
        .map(|p| crate::args::parse_param(p).map_err(|e| usage(format!("--param {p:?}: {e}"))))
        .collect::<Result<Vec<_>>>()?;
    let problem = build(problem_name, &params)?;
    let n_obj = problem.n_obj();
    if let Some(reference) = &args.reference
        && reference.0.len() != n_obj
    {
        return Err(usage(format!(
            "--ref has {} values but {} has {n_obj} objectives",
            reference.0.len(),
            problem.name()
        )));
    }
    super::optimize_more::check_options(&algorithm, &args.more)?;
    let (mut built, batch) = build_algorithm(&algorithm, args, problem.as_ref())?;
    if args.operator.is_some() && !matches!(built, Built::Nsga2(_)) {
        return Err(usage(format!(
            "--operator works with --algorithm nsga2 only, not {algorithm_name}"
        )));
    }
    let mut by_gen;
    let mut by_eval;
    let termination: &mut (dyn Termination + Send) = match args.n_eval {
        Some(n) => {
            by_eval = MaxEvaluations(to_usize(n, "--n-eval")?);
            &mut by_eval
        }
        // A steady-state generation is a few evaluations: without a budget, give it the
        // evaluations of the default number of full generations.
        None if args.n_gen.is_none() && algorithm == "sms-emoa" => {
            by_eval = MaxEvaluations(DEFAULT_N_GEN.saturating_mul(batch));
            &mut by_eval
        }
        None => {
            let n_gen = match args.n_gen {
                Some(n) => to_usize(n, "--n-gen")?,
                None => DEFAULT_N_GEN,
            };
            by_gen = MaxGenerations(n_gen);
            &mut by_gen
        }
    };
    let threads = to_usize(args.threads, "--threads")?;
    let operator = match &args.operator {
        Some(program) => {
            if !(args.operator_timeout.is_finite() && args.operator_timeout > 0.0) {
                return Err(usage(format!(
                    "--operator-timeout must be a positive number of seconds, got {}",
                    args.operator_timeout
                )));
            }
            let mut command = vec![program.clone()];
            command.extend(args.operator_args.iter().cloned());
            Some(ExternalOperator::start(
                &command,
                Duration::from_secs_f64(args.operator_timeout),
            )?)
        }
        None => None,
    };
    let mut with_operator;
    let driver: &mut (dyn Algorithm + Send) = match (&mut built, operator) {
        (Built::Nsga2(nsga2), Some(op)) => {
            with_operator = nsga2.with_variation(op);
            &mut with_operator
        }
        (Built::Nsga2(nsga2), None) => nsga2.as_mut(),
        (Built::Other(alg), _) => alg.as_mut(),
    };
    let result = if threads <= 1 {
        minimize_with(
            problem.as_ref(),
            driver,
            termination,
            MinimizeOptions::default(),
        )
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .context("cannot start the evaluation threads")?;
        let options = MinimizeOptions {
            evaluation: Evaluation::Parallel {
                rows_per_task: batch.div_ceil(threads),
            },
        };
        pool.install(|| minimize_with(problem.as_ref(), driver, termination, options))
    }
    .with_context(|| format!("optimising {}", problem.name()))?;

    let mut front: Vec<&[f64]> = result.f.chunks_exact(n_obj).collect();
    // Sorted rows make the output independent of the population's internal order and
    // read like a curve for two objectives.
    front.sort_by(|a, b| {
        a.iter()
            .zip(b.iter())
            .map(|(x, y)| x.total_cmp(y))
            .find(|o| o.is_ne())
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let front_data: Vec<f64> = front.concat();

    // The true front, when the problem knows it, for IGD+, the reference point and the plot.
    let truth = problem
        .pareto_front(TRUE_FRONT_POINTS)
        .ok()
        .map(|p| p.into_vec());
    let points = view(&front_data, n_obj, "front")?;
    let (reference, ref_origin) = match (&args.reference, &truth) {
        (Some(r), _) => (r.0.clone(), "--ref"),
        (None, Some(t)) => (
            beyond_nadir(t, n_obj, |nadir, _| REF_MARGIN * nadir.abs()),
            "true front's nadir + 10% of its magnitude",
        ),
        (None, None) => (
            beyond_nadir(&front_data, n_obj, |_, range| REF_MARGIN * range),
            "front's nadir + 10% of its range",
        ),
    };
    let hv = hypervolume(points, &reference).context("computing the hypervolume")?;
    let igd = match &truth {
        Some(t) => Some(igd_plus(points, view(t, n_obj, "true front")?).context("computing IGD+")?),
        None => None,
    };

    if let Some(path) = &args.plot {
        let title = format!(
            "{} on {}: {} points after {} evaluations",
            algorithm,
            problem.name(),
            front.len(),
            driver.n_eval()
        );
        let figure = Figure {
            title: &title,
            n_obj,
            found: &front_data,
            truth: truth.as_deref(),
            labels: ("found", "true front"),
            names: None,
        };
        let name = path.display().to_string();
        std::fs::write(path, svg(&figure)).with_context(|| format!("cannot write {name}"))?;
    }

    // Files and the summary first, standard output last: a reader that stops early
    // (`| head`) ends the command quietly, and must not cost the plot or the summary.
    if let Some(path) = &args.output {
        write_front(path, &front)?;
    }
    if !args.quiet {
        let mut err = std::io::stderr().lock();
        let reference_text = reference
            .iter()
            .map(|v| Shortest(*v).to_string())
            .collect::<Vec<_>>()
            .join(",");
        let _ = writeln!(
            err,
            "vilfredo: {algorithm} on {} (n_var {}, n_obj {n_obj}), seed {}: {} evaluations, {} generations",
            problem.name(),
            problem.n_var(),
            args.seed.unwrap_or(0),
            driver.n_eval(),
            driver.n_gen(),
        );
        let _ = writeln!(err, "vilfredo: front: {} points", front.len());
        let _ = writeln!(
            err,
            "vilfredo: hypervolume: {} (reference {reference_text}: {ref_origin})",
            Shortest(hv)
        );
        match igd {
            Some(v) => {
                let _ = writeln!(
                    err,
                    "vilfredo: IGD+: {} (against {} points of the true front)",
                    Shortest(v),
                    truth.as_ref().map_or(0, |t| t.len() / n_obj)
                );
            }
            None => {
                let _ = writeln!(err, "vilfredo: IGD+: n/a (true front not known)");
            }
        }
    }
    if args.output.is_none() {
        for row in &front {
            write_row(out, row)?;
        }
    }
    Ok(())
}

/// The algorithm `name` (already checked) for `problem` with the options of `args`.
///
/// NSGA-III and MOEA/D take Das–Dennis reference directions: `--partitions` divisions, or
/// by default the most divisions giving at most `--pop-size` (100) directions. NSGA-III's
/// population is `--pop-size` when given, else the directions rounded up to a multiple of
/// 4; MOEA/D's is the number of directions.
fn build_algorithm(
    name: &str,
    args: &OptimizeArgs,
    problem: &dyn Problem,
) -> Result<(Built, usize)> {
    let pop_size = args
        .pop_size
        .map(|n| to_usize(n, "--pop-size"))
        .transpose()?;
    let bad = |e: vilfredo_moea::Error| usage(e.to_string());
    if name == "nsga2" {
        if args.partitions.is_some() {
            return Err(usage("--partitions applies to nsga3 and moead only"));
        }
        let config = Nsga2Config {
            pop_size: pop_size.unwrap_or(DEFAULT_POP_SIZE as usize),
            seed: args.seed.unwrap_or(0),
            ..Nsga2Config::default()
        };
        return Ok((
            Built::Nsga2(Box::new(Nsga2::for_problem(problem, config).map_err(bad)?)),
            config.pop_size,
        ));
    }
    if !matches!(name, "nsga3" | "moead") {
        if args.partitions.is_some() {
            return Err(usage(format!(
                "--partitions applies to nsga3 and moead only, not {name}"
            )));
        }
        let n = pop_size.unwrap_or(DEFAULT_POP_SIZE as usize);
        let alg = super::optimize_more::build(name, args, problem, n)?;
        return Ok((Built::Other(alg), n));
    }
    let m = problem.n_obj();
    let partitions = match args.partitions {
        Some(p) => to_usize(p, "--partitions")?,
        None => {
            let target = pop_size.unwrap_or(DEFAULT_POP_SIZE as usize);
            // The count grows with the divisions, so stop at the last that fits.
            let mut p = 1;
            while n_das_dennis(m, p + 1).is_some_and(|n| n <= target) {
                p += 1;
            }
            p
        }
    };
    let dirs = das_dennis(m, partitions).map_err(bad)?;
    if name == "nsga3" {
        let config = Nsga3Config {
            pop_size,
            seed: args.seed.unwrap_or(0),
            ..Nsga3Config::default()
        };
        let alg = Nsga3::for_problem(problem, dirs.view(), config).map_err(bad)?;
        let n = alg.pop_size();
        Ok((Built::Other(Box::new(alg)), n))
    } else {
        let config = MoeadConfig {
            seed: args.seed.unwrap_or(0),
            ..MoeadConfig::default()
        };
        let alg = Moead::for_problem(problem, dirs.view(), config).map_err(bad)?;
        let n = alg.pop_size();
        Ok((Built::Other(Box::new(alg)), n))
    }
}

/// The algorithm of a run: NSGA-II by itself (so that `--operator` can wrap it), or
/// another algorithm behind the trait.
enum Built {
    Nsga2(Box<Nsga2>),
    Other(Box<dyn Algorithm + Send>),
}

fn to_usize(n: u64, flag: &str) -> Result<usize> {
    usize::try_from(n).map_err(|_| usage(format!("{flag} {n} is too large")))
}

/// The nadir (column maxima) of `data`, each moved out by `margin(nadir, range)`; a
/// margin of 0 (a zero nadir or range) becomes 10% of 1, so points on the nadir still
/// count.
fn beyond_nadir(data: &[f64], n_obj: usize, margin: impl Fn(f64, f64) -> f64) -> Vec<f64> {
    (0..n_obj)
        .map(|j| {
            let column = data.chunks_exact(n_obj).map(|r| r[j]);
            let (lo, hi) = column.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
                (lo.min(v), hi.max(v))
            });
            let m = margin(hi, hi - lo);
            hi + if m > 0.0 { m } else { REF_MARGIN }
        })
        .collect()
}

/// Writes the front to `path`, one CSV row per point.
fn write_front(path: &Path, front: &[&[f64]]) -> Result<()> {
    let name = path.display().to_string();
    let file = std::fs::File::create(path).with_context(|| format!("cannot write {name}"))?;
    let mut w = std::io::BufWriter::new(file);
    for row in front {
        write_row(&mut w, row).with_context(|| format!("cannot write {name}"))?;
    }
    w.flush().with_context(|| format!("cannot write {name}"))
}
