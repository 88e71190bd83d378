//! The command line grammar (clap derive) and the help text users read.
//!
//! Only syntax lives here: values that clap can check on their own (a reference point is
//! a list of finite numbers, a column list is 1-based) are checked here and rejected as
//! usage errors; checks that need the data (the reference point's length) happen in the
//! commands.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Input: one point per line, values separated by commas and/or whitespace;
'#' starts a comment; FILE '-' or no FILE reads standard input. All objectives
are minimised unless named in --maximize.

Examples:
  vilfredo hv --ref 1.1,1.1 front.csv
  vilfredo hvc --ref '1.1 1.1' < front.txt
  vilfredo rank points.csv | paste -d, points.csv -
  vilfredo pareto --indices points.csv
  vilfredo indicator igd-plus --front true_front.csv points.csv
  vilfredo crowding front.csv
  vilfredo problems show dtlz2 --param n_obj=3
  vilfredo optimize --problem zdt1 --algorithm nsga2 --seed 1 --plot front.svg

Exit status: 0 success, 1 unreadable or invalid data, 2 usage error.";

/// Measure and sort Pareto fronts: kernels as Unix filters.
#[derive(Debug, Parser)]
#[command(
    name = "vilfredo",
    version,
    after_help = EXAMPLES,
    propagate_version = true,
    disable_help_subcommand = true,
    subcommand_required = true,
    arg_required_else_help = true
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Hypervolume of the points with respect to a reference point (one number).
    #[command(after_help = HV_HELP)]
    Hv(HvArgs),
    /// Exclusive hypervolume contribution of each point, one per input row, in input order.
    #[command(after_help = HVC_HELP)]
    Hvc(HvcArgs),
    /// 0-based Pareto rank (non-dominated front index) of each point, one per input row.
    #[command(after_help = RANK_HELP)]
    Rank(InputArgs),
    /// The non-dominated points (rank 0), in input order, or their 0-based row indices.
    #[command(after_help = PARETO_HELP)]
    Pareto(ParetoArgs),
    /// A quality indicator of the points against a reference front (one number).
    #[command(after_help = INDICATOR_HELP)]
    Indicator(IndicatorArgs),
    /// Crowding distance of each point within the set (NSGA-II), one per input row.
    #[command(after_help = CROWDING_HELP)]
    Crowding(InputArgs),
    /// The built-in benchmark problems: list them, describe one, evaluate it, sample its
    /// true front.
    #[command(after_help = PROBLEMS_HELP)]
    Problems(ProblemsArgs),
    /// Run a study (a command's objectives over a search space, kept in a storage), or
    /// minimise a built-in problem with a multi-objective algorithm.
    #[command(after_help = OPTIMIZE_HELP)]
    Optimize(Box<OptimizeArgs>),
    /// Inspect stored studies: list them, show one, export its trials, print its front.
    #[command(after_help = STUDY_HELP)]
    Study(StudyArgs),
    /// Draw a stored study as SVG: its front, or its hypervolume over the trials.
    #[command(after_help = PLOT_HELP)]
    Plot(PlotArgs),
}

const HV_HELP: &str = "\
The hypervolume is the measure of the region dominated by the points and bounded by
the reference point. Points that are not strictly better than the reference point in
every objective add nothing; dominated and duplicate points are allowed. Empty input
prints 0.

With --maximize, give the reference point in the data's own orientation (a lower
bound for maximised objectives): 'vilfredo hv --maximize all --ref 0,0' measures the
region between the origin and points that are better when larger.

--approx SAMPLES prints a Monte Carlo estimate instead, as one line
'estimate,lower,upper' where [lower, upper] is the --confidence interval.

Examples:
  vilfredo hv --ref 1.1,1.1 front.csv
  printf '0 1\\n0.5 0.5\\n1 0\\n' | vilfredo hv --ref 1,1          # prints 0.25
  vilfredo hv --maximize 2 --ref 10,0 results.csv
  vilfredo hv --approx 1000000 --seed 7 --ref 1,1,1,1,1,1 front6d.csv";

const HVC_HELP: &str = "\
The exclusive contribution of point p is HV(S) - HV(S without p): the volume only p
dominates. A point duplicated in the input contributes 0, and so does a point that is
not strictly better than the reference point everywhere. With --maximize, give the
reference point in the data's own orientation, as for hv.

Examples:
  vilfredo hvc --ref 1.1,1.1 front.csv
  vilfredo hvc --ignore-dominated --ref 11,11 population.txt";

const RANK_HELP: &str = "\
Rank 0 is the non-dominated set, rank 1 what is non-dominated once rank 0 is removed,
and so on. Equal points do not dominate each other, so duplicates share a rank.

Examples:
  vilfredo rank points.csv
  vilfredo rank --maximize 1,3 results.csv | sort -n | uniq -c";

const PARETO_HELP: &str = "\
Rows are printed with the values as read (comma-separated, shortest round-trip
form), even with --maximize. Every copy of a duplicated non-dominated point is kept.

Examples:
  vilfredo pareto points.csv > front.csv
  vilfredo pareto --indices --maximize all scores.tsv";

const INDICATOR_HELP: &str = "\
Definitions: igd, igd-plus, eps-add and eps-mult as in moocore; gd and gd-plus as in
pymoo. The reference front (--front) must have as many objectives as the points.
eps-mult needs positive values; with --maximize, a maximised objective x is compared
through 1/x, so the indicator keeps its meaning (a factor by which the points must be
scaled to weakly dominate the front) and agrees with moocore's maximise up to rounding.

Examples:
  vilfredo indicator igd --front zdt1_front.csv result.csv
  vilfredo indicator eps-add --front ref.txt - < result.txt";

const CROWDING_HELP: &str = "\
The crowding distance (Deb et al. 2002) is the mean, over the objectives, of the gap
between each point's two neighbours along that objective divided by the objective's
range (pymoo's normalisation). Extreme points get 'inf'.
Flipping objectives with --maximize does not change it.

Examples:
  vilfredo crowding front.csv
  vilfredo pareto points.csv | vilfredo crowding";

const PROBLEMS_HELP: &str = "\
Without a subcommand, lists the problems (as 'vilfredo problems list').
Parameters are given as --param NAME=VALUE, repeated, with the names pymoo uses
(n_var, n_obj, k, l, alpha); 'vilfredo problems' lists each problem's parameters.

Examples:
  vilfredo problems
  vilfredo problems show wfg4 --param n_obj=3
  printf '0 0 0\\n1 0 0\\n' | vilfredo problems eval zdt1 --param n_var=3
  vilfredo problems front dtlz2 --param n_obj=3 -n 500 > dtlz2_front.csv";

const EVAL_HELP: &str = "\
Reads one decision vector per line (n_var values, same format as the other commands)
and prints one row per vector: the n_obj objective values, then the n_constr
constraint values (g <= 0 is feasible), comma-separated. A vector outside the
problem's bounds is an error naming its line.

Examples:
  printf '0 0 0\\n1 0 0\\n' | vilfredo problems eval zdt1 --param n_var=3
  vilfredo problems eval dtlz2 --param n_obj=3 --param k=2 vectors.csv";

const FRONT_HELP: &str = "\
Prints about N points of the true Pareto front, one per line (objective values,
comma-separated). The count may be smaller than N when the front is a lattice or is
filtered to its non-dominated part. Problems whose front is not known are refused.

Examples:
  vilfredo problems front zdt3 -n 200
  vilfredo problems front dtlz2 --param n_obj=3 -n 100 | vilfredo hv --ref 1.1,1.1,1.1";

const OPTIMIZE_HELP: &str = "\
Two forms.

A STUDY runs an outside command on trials of a search space and keeps every trial in
a storage (an SQLite file by default), so a run can be stopped and resumed:

  vilfredo optimize study.toml
  vilfredo optimize --storage sqlite:///runs.db --study-name mlp \\
      --direction minimize --direction maximize \\
      --param 'lr:float:1e-5:1e-1:log' --param 'layers:int:1:8' --param 'act:cat:relu,tanh' \\
      --sampler nsga2 --n-trials 200 --jobs 4 --timeout-per-trial 60 \\
      -- python3 train.py --lr {lr} --layers {layers} --act {act}

Each trial's parameters are all drawn first (the command form has a fixed search
space), then the command runs directly, never through a shell: {NAME} in an argument
is replaced by the value of parameter NAME ({{ and }} are literal braces), as are
{trial_number}, {study_name}, {params_file} and {results_file}. The command reports
its objectives on standard output: its last non-empty line is a JSON array of numbers
([0.12, 3.4]), or an object {\"values\": [...], \"constraints\": [...],
\"user_attrs\": {...}} (constraints <= 0 are satisfied). It may instead write that
JSON to the file named by VILFREDO_RESULTS_FILE. VILFREDO_TRIAL_NUMBER and
VILFREDO_STUDY are set; with --env each parameter is also VILFREDO_PARAM_<NAME>; with
--params-file the parameters are written as JSON to the file VILFREDO_PARAMS_FILE
names. A command that fails, times out, or prints something unusable fails its trial
(the reason and its standard error's tail are stored) and the study goes on.

--n-trials is the total number of finished trials wanted in the study: running the
same command again resumes the study and runs only the remainder. Ctrl-C stops
starting trials and lets the running commands finish (a second Ctrl-C kills them);
the command then prints its summary and exits with status 130. At the end the front
(trial number, values, parameters) is printed as a table on standard output. Options
given on the command line override the study file's. The study file's keys, its
defaults and an example are in examples/zdt-study/ and the README.

Samplers: random (independent uniform draws), sobol (quasi-random), nsga2 and nsga3
(steady-state evolutionary; population_size, crossover_prob and mutation_prob in the
study file's [sampler] table), moead (steady-state MOEA/D; n_partitions, n_neighbors,
decomposition = \"tchebycheff\" or \"pbi\", pbi_theta, prob_neighbor_mating,
max_replacements, variation = \"sbx\" or \"de\" and mutation_prob in the [sampler] table).

Exit status: 0 when a trial of this run completed (or nothing was left to do), 1 when
every trial of this run failed or the storage failed, 2 for usage errors, 130 after
Ctrl-C.

A BUILT-IN PROBLEM (see 'vilfredo problems') is minimised by the algorithm, and the
final non-dominated front is printed: one row of objective values per point,
comma-separated, sorted by the first objective, then the second, and so on. A summary
goes to standard error: evaluations, front size, the hypervolume, and IGD+ against
1000 points of the true front when it is known.

The hypervolume's reference point is --ref when given; otherwise the nadir of the
true front plus 10% of its magnitude (the nadir x 1.1 for positive nadirs) when the
front is known, else the nadir of the front found plus 10% of its range. The summary
says which.

--n-gen counts the initial population as generation 1 (pymoo's convention), so
--pop-size 100 --n-gen 250 makes 25000 evaluations. --n-eval stops once that many
evaluations are done (the last generation may overshoot by less than one population).
The same seed gives the same front, whatever --threads.

--plot writes an SVG picture of the front: a scatter plot for 2 objectives, a matrix
of pairwise scatter plots for 3 or more, with the true front (or, in a study, every
complete trial) in light grey underneath.

Algorithms (SBX and polynomial mutation at pymoo's defaults unless said otherwise):
  nsga2     NSGA-II (Deb et al. 2002)
  nsga3     NSGA-III (Deb & Jain 2014)
  moead     MOEA/D (Zhang & Li 2007; Tchebycheff, T = 20, delta = 0.9, nr = 2)
  sms-emoa  SMS-EMOA (Beume et al. 2007), steady state: --n-offspring per generation
            (default 1), so give the budget with --n-eval (without a budget it gets
            250 x --pop-size evaluations); --ref-offset
  spea2     SPEA2 (Zitzler et al. 2001); --archive-size, --normalize
  rnsga2    R-NSGA-II (Deb & Sundar 2006): --ref-points (required), --epsilon
nsga3 and moead use Das-Dennis reference directions: --partitions divisions, or by
default the most divisions giving at most --pop-size (100) directions (91 for 3
objectives). The population of nsga3 is --pop-size when given, else the number of
directions rounded up to a multiple of 4; that of moead is the number of directions.
The others' population is --pop-size (default 100).

Operators: with --operator, NSGA-II keeps its selection and survival but another
program makes the offspring (a heuristic, a model, a language model). vilfredo starts
it once, with the --operator-arg arguments and no shell, and for each generation after
the first writes one JSON line to its standard input:
  {\"protocol\":\"vilfredo-operator/1\",\"generation\":2,\"n_offspring\":100,\"n_var\":30,
   \"n_obj\":2,\"lower\":[..],\"upper\":[..],\"types\":[\"real\",..],
   \"parents\":[[..],..],\"values\":[[..],..]}
and reads one line back: {\"offspring\":[[..],..]} (at least n_offspring rows) or
{\"error\":\"why\"}. Consecutive parents form mating pairs; values are minimised.
Offspring are clamped into the bounds (integers rounded). The program must print
nothing else on standard output; its standard error reaches the terminal. Closing its
standard input at the end is its signal to exit.

Examples:
  vilfredo optimize examples/zdt-study/study.toml --n-trials 100
  vilfredo optimize --problem zdt1 --algorithm nsga2 --seed 1
  vilfredo optimize --problem dtlz2 --param n_obj=3 --algorithm nsga2 --n-eval 20000 \\
      --plot front.svg --output front.csv
  vilfredo optimize --problem zdt3 --algorithm nsga2 | vilfredo hv --ref 1,1
  vilfredo optimize --problem zdt1 --algorithm sms-emoa --n-eval 10000
  vilfredo optimize --problem zdt1 --algorithm rnsga2 --ref-points '0.2,0.5;0.7,0.1'
  vilfredo optimize --problem dtlz2 --param n_obj=3 --algorithm nsga3 --partitions 12
  vilfredo optimize --problem zdt1 --algorithm nsga2 --operator python3 \\
      --operator-arg my_llm_operator.py --n-gen 20";

pub(crate) use crate::study_args::{PLOT_HELP, PlotArgs, STUDY_HELP, StudyArgs};

/// Arguments of `vilfredo problems`.
#[derive(Debug, Args)]
pub(crate) struct ProblemsArgs {
    #[command(subcommand)]
    pub(crate) action: Option<ProblemsCommand>,
}

/// The subcommands of `vilfredo problems`.
#[derive(Debug, Subcommand)]
pub(crate) enum ProblemsCommand {
    /// List the problems, their descriptions and parameters (the default).
    List,
    /// Describe one problem: sizes, bounds, whether its true front is known.
    Show(ProblemArg),
    /// Evaluate decision vectors: one objective (then constraint) row per input row.
    #[command(after_help = EVAL_HELP)]
    Eval(EvalArgs),
    /// Print points of the true Pareto front.
    #[command(after_help = FRONT_HELP)]
    Front(FrontArgs),
}

/// A problem named on the command line, with its parameters.
#[derive(Debug, Args)]
pub(crate) struct ProblemArg {
    /// Problem name, such as zdt1 or dtlz2 ('vilfredo problems' lists them).
    #[arg(value_name = "NAME")]
    pub(crate) name: String,

    #[command(flatten)]
    pub(crate) params: ParamArgs,
}

/// The repeatable `--param NAME=VALUE` option.
#[derive(Debug, Args)]
pub(crate) struct ParamArgs {
    /// A problem parameter, such as n_var=10 or n_obj=3 (repeat for several).
    #[arg(long = "param", value_name = "NAME=VALUE", value_parser = parse_param)]
    pub(crate) params: Vec<Param>,
}

/// Arguments of `vilfredo problems eval`.
#[derive(Debug, Args)]
pub(crate) struct EvalArgs {
    #[command(flatten)]
    pub(crate) problem: ProblemArg,

    /// Decision vectors file, one per line ('-' or absent: standard input).
    #[arg(value_name = "FILE")]
    pub(crate) file: Option<PathBuf>,
}

/// Arguments of `vilfredo problems front`.
#[derive(Debug, Args)]
pub(crate) struct FrontArgs {
    #[command(flatten)]
    pub(crate) problem: ProblemArg,

    /// About how many points to print.
    #[arg(
        short = 'n',
        long = "points",
        value_name = "N",
        default_value_t = 100,
        value_parser = clap::value_parser!(u64).range(1..=10_000_000)
    )]
    pub(crate) n: u64,
}

/// Arguments of `vilfredo optimize`, in either of its two forms: a built-in problem
/// (`--problem NAME --algorithm nsga2`), or a study running an outside command (a study
/// file, `-- COMMAND ...`, or both). `cmd::optimize` dispatches on the form and refuses
/// the options of the other.
#[derive(Debug, Args)]
pub(crate) struct OptimizeArgs {
    /// A study file (TOML) describing the search space, the command and the budget.
    #[arg(value_name = "STUDY.toml")]
    pub(crate) study_file: Option<PathBuf>,

    /// The built-in problem to minimise ('vilfredo problems' lists them).
    #[arg(long, value_name = "NAME", help_heading = "Built-in problem")]
    pub(crate) problem: Option<String>,

    /// A problem parameter NAME=VALUE (such as n_obj=3) with --problem; a search-space
    /// parameter NAME:float:LOW:HIGH[:log|:step=S], NAME:int:LOW:HIGH[:log|:step=S] or
    /// NAME:cat:A,B,C in a study (repeat for several).
    #[arg(long = "param", value_name = "PARAM")]
    pub(crate) params: Vec<String>,

    /// The algorithm: nsga2, nsga3, moead, sms-emoa, spea2 or rnsga2.
    #[arg(long, value_name = "NAME", help_heading = "Built-in problem")]
    pub(crate) algorithm: Option<String>,

    #[command(flatten)]
    pub(crate) more: MoreAlgorithmArgs,

    /// Population size, at least 2 [default: 100; for nsga3 and moead, see below].
    #[arg(long, value_name = "N", help_heading = "Built-in problem",
          value_parser = clap::value_parser!(u64).range(2..=u64::from(u32::MAX)))]
    pub(crate) pop_size: Option<u64>,

    /// Das-Dennis divisions of the reference directions of nsga3 and moead.
    #[arg(long, value_name = "P", help_heading = "Built-in problem",
          value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub(crate) partitions: Option<u64>,

    /// Number of generations, the initial population being the first [default: 250].
    #[arg(long, value_name = "N", conflicts_with = "n_eval", help_heading = "Built-in problem",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) n_gen: Option<u64>,

    /// Stop after this many evaluations instead of a number of generations.
    #[arg(long, value_name = "N", help_heading = "Built-in problem",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) n_eval: Option<u64>,

    /// Seed of the random number generator: same seed, same front [default: 0].
    #[arg(long, value_name = "SEED")]
    pub(crate) seed: Option<u64>,

    /// Reference point of the reported hypervolume, one value per objective.
    #[arg(
        long = "ref",
        visible_alias = "reference-point",
        value_name = "POINT",
        allow_hyphen_values = true,
        value_parser = parse_point
    )]
    pub(crate) reference: Option<RefPoint>,

    /// Write an SVG plot of the front to this file.
    #[arg(long, value_name = "FILE.svg")]
    pub(crate) plot: Option<PathBuf>,

    /// Write the front to this file instead of standard output.
    #[arg(
        long,
        short = 'o',
        value_name = "FILE",
        help_heading = "Built-in problem"
    )]
    pub(crate) output: Option<PathBuf>,

    /// Evaluate each generation on this many threads (the result does not depend on it).
    #[arg(long, value_name = "N", default_value_t = 1, help_heading = "Built-in problem",
          value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub(crate) threads: u64,

    /// Make offspring with this program instead of SBX and polynomial mutation (the
    /// external operator protocol: JSON lines on its stdin/stdout; see the help below).
    #[arg(long, value_name = "PROGRAM", help_heading = "Built-in problem")]
    pub(crate) operator: Option<String>,

    /// One argument of the --operator program (repeat for several; passed verbatim,
    /// never through a shell).
    #[arg(
        long = "operator-arg",
        value_name = "ARG",
        allow_hyphen_values = true,
        requires = "operator",
        help_heading = "Built-in problem"
    )]
    pub(crate) operator_args: Vec<String>,

    /// Seconds to wait for each answer of the --operator program.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 600.0,
        requires = "operator",
        help_heading = "Built-in problem"
    )]
    pub(crate) operator_timeout: f64,

    /// Do not print the summary (nor, in a study, the progress line) on standard error.
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,

    /// Storage URL of the study: sqlite:///file.db, a path ending in .db, or memory
    /// [default: sqlite:///<stem>.db beside the study file, else sqlite:///vilfredo.db].
    #[arg(long, value_name = "URL", help_heading = "Study")]
    pub(crate) storage: Option<String>,

    /// The study's name in the storage; running again with the same name resumes it
    /// [default: the study file's stem, else "study"].
    #[arg(long, value_name = "NAME", help_heading = "Study")]
    pub(crate) study_name: Option<String>,

    /// Direction of the next objective, minimize or maximize (repeat, one per objective).
    #[arg(long = "direction", value_name = "DIRECTION", help_heading = "Study")]
    pub(crate) directions: Vec<String>,

    /// The sampler: random, sobol, nsga2, nsga3 or moead.
    #[arg(long, value_name = "NAME", help_heading = "Study")]
    pub(crate) sampler: Option<String>,

    /// Total number of finished trials wanted in the study (a resumed study runs only
    /// the remainder).
    #[arg(long, value_name = "N", help_heading = "Study",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) n_trials: Option<u64>,

    /// Stop starting trials after this many seconds.
    #[arg(long, value_name = "SECONDS", help_heading = "Study", value_parser = parse_seconds)]
    pub(crate) timeout: Option<f64>,

    /// Run this many commands at once.
    #[arg(long, value_name = "N", help_heading = "Study",
          value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub(crate) jobs: Option<u64>,

    /// Kill a command running longer than this and fail its trial.
    #[arg(long, value_name = "SECONDS", help_heading = "Study", value_parser = parse_seconds)]
    pub(crate) timeout_per_trial: Option<f64>,

    /// Also pass the parameters as VILFREDO_PARAM_<NAME> environment variables.
    #[arg(long, help_heading = "Study")]
    pub(crate) env: bool,

    /// Also write the parameters to a JSON file named by VILFREDO_PARAMS_FILE.
    #[arg(long, help_heading = "Study")]
    pub(crate) params_file: bool,

    /// The objective command and its arguments, after '--'; {NAME} is replaced by the
    /// value of parameter NAME. It is run directly, never through a shell.
    #[arg(last = true, value_name = "COMMAND")]
    pub(crate) command: Vec<String>,
}

/// Options of `vilfredo optimize` for SMS-EMOA, SPEA2 and R-NSGA-II.
#[derive(Debug, Args)]
pub(crate) struct MoreAlgorithmArgs {
    /// sms-emoa: offspring per generation (1, the paper's steady state, by default).
    #[arg(long, help_heading = "Built-in problem", value_name = "N", value_parser = clap::value_parser!(u64).range(1..=u64::from(u32::MAX)))]
    pub(crate) n_offspring: Option<u64>,

    /// sms-emoa: the hypervolume reference point is the worst of the last front plus
    /// this (default 1).
    #[arg(
        long,
        help_heading = "Built-in problem",
        value_name = "X",
        allow_hyphen_values = true
    )]
    pub(crate) ref_offset: Option<f64>,

    /// spea2: archive size (default: --pop-size).
    #[arg(long, help_heading = "Built-in problem", value_name = "N", value_parser = clap::value_parser!(u64).range(1..=u64::from(u32::MAX)))]
    pub(crate) archive_size: Option<u64>,

    /// spea2: measure density in objectives scaled to the population's ideal–nadir box
    /// (for objectives of very different scales).
    #[arg(long, help_heading = "Built-in problem")]
    pub(crate) normalize: bool,

    /// rnsga2: reference points, values comma-separated, points separated by ';'
    /// (for example "0.2,0.5;0.7,0.1").
    #[arg(long, help_heading = "Built-in problem", value_name = "POINTS", allow_hyphen_values = true, value_parser = parse_points)]
    pub(crate) ref_points: Option<RefPoints>,

    /// rnsga2: clearing radius in normalised objective space (default 0.001).
    #[arg(
        long,
        help_heading = "Built-in problem",
        value_name = "X",
        allow_hyphen_values = true
    )]
    pub(crate) epsilon: Option<f64>,
}

/// Reference points given on the command line, one list of values per point.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RefPoints(pub(crate) Vec<Vec<f64>>);

fn parse_points(text: &str) -> Result<RefPoints, String> {
    text.split(';')
        .filter(|p| !p.trim().is_empty())
        .map(crate::input::parse_list)
        .collect::<Result<Vec<_>, _>>()
        .map(RefPoints)
}

/// One `--param NAME=VALUE`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Param {
    /// The parameter's name, as written.
    pub(crate) name: String,
    /// Its value.
    pub(crate) value: f64,
}

/// Where the points come from, and which objectives are maximised.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Points file: one point per line, values separated by commas and/or whitespace ('-' or
    /// absent: standard input).
    #[arg(value_name = "FILE")]
    pub(crate) file: Option<PathBuf>,

    /// Objectives to maximise instead of minimise: 1-based columns such as '1,3', or 'all'.
    #[arg(long, value_name = "COLUMNS", value_parser = parse_columns)]
    pub(crate) maximize: Option<Columns>,
}

/// Arguments of `vilfredo hv`.
#[derive(Debug, Args)]
pub(crate) struct HvArgs {
    #[command(flatten)]
    pub(crate) reference: RefArg,

    /// Estimate by Monte Carlo with this many samples instead of computing exactly.
    #[arg(long, value_name = "SAMPLES", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) approx: Option<u64>,

    /// Seed of the --approx sampler [default: 0].
    #[arg(long, value_name = "SEED", requires = "approx")]
    pub(crate) seed: Option<u64>,

    /// Confidence level of the --approx interval, in (0, 1) [default: 0.99].
    #[arg(long, value_name = "LEVEL", requires = "approx", value_parser = parse_confidence)]
    pub(crate) confidence: Option<f64>,

    #[command(flatten)]
    pub(crate) input: InputArgs,
}

/// Arguments of `vilfredo hvc`.
#[derive(Debug, Args)]
pub(crate) struct HvcArgs {
    #[command(flatten)]
    pub(crate) reference: RefArg,

    /// Give dominated points 0 and leave them out when computing the others'
    /// contributions (as moocore's ignore_dominated).
    #[arg(long)]
    pub(crate) ignore_dominated: bool,

    #[command(flatten)]
    pub(crate) input: InputArgs,
}

/// The `--ref` option of hv and hvc.
#[derive(Debug, Args)]
pub(crate) struct RefArg {
    /// Reference point, one value per objective, separated by commas or whitespace
    /// ('1.1,1.1' or '1.1 1.1').
    #[arg(
        long = "ref",
        value_name = "POINT",
        allow_hyphen_values = true,
        value_parser = parse_point
    )]
    pub(crate) point: RefPoint,
}

/// Arguments of `vilfredo pareto`.
#[derive(Debug, Args)]
pub(crate) struct ParetoArgs {
    /// Print the 0-based row indices of the non-dominated points instead of the points.
    #[arg(long)]
    pub(crate) indices: bool,

    #[command(flatten)]
    pub(crate) input: InputArgs,
}

/// Arguments of `vilfredo indicator`.
#[derive(Debug, Args)]
pub(crate) struct IndicatorArgs {
    /// Which indicator.
    #[arg(value_enum, value_name = "INDICATOR")]
    pub(crate) which: Indicator,

    /// Reference front file (same format as the points; '-' for standard input).
    #[arg(long, value_name = "REF_FILE")]
    pub(crate) front: PathBuf,

    #[command(flatten)]
    pub(crate) input: InputArgs,
}

/// The indicators `vilfredo indicator` computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Indicator {
    /// Inverted generational distance: mean distance from each front point to the nearest point.
    Igd,
    /// IGD+: like igd, counting only the amounts by which a point is worse.
    IgdPlus,
    /// Generational distance: mean distance from each point to the nearest front point.
    Gd,
    /// GD+: like gd, counting only the amounts by which a point is worse.
    GdPlus,
    /// Additive epsilon: smallest shift making the points weakly dominate the front.
    EpsAdd,
    /// Multiplicative epsilon: smallest factor making the points weakly dominate the front.
    EpsMult,
}

/// A reference point as given on the command line (finite values, at least one).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RefPoint(pub(crate) Vec<f64>);

/// A set of objective columns (0-based inside; 1-based on the command line).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Columns {
    /// Every column.
    All,
    /// These columns, 0-based, in the order given.
    List(Vec<usize>),
}

fn parse_point(text: &str) -> Result<RefPoint, String> {
    crate::input::parse_list(text).map(RefPoint)
}

pub(crate) fn parse_param(text: &str) -> Result<Param, String> {
    let Some((name, value)) = text.split_once('=') else {
        return Err("expected NAME=VALUE, such as n_var=10".to_owned());
    };
    let name = name.trim();
    if name.is_empty() {
        return Err("expected NAME=VALUE, such as n_var=10 (the name is missing)".to_owned());
    }
    match value.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Param {
            name: name.to_owned(),
            value: v,
        }),
        _ => Err(format!(
            "the value of {name} must be a finite number, got {:?}",
            value.trim()
        )),
    }
}

fn parse_columns(text: &str) -> Result<Columns, String> {
    if text.trim().eq_ignore_ascii_case("all") {
        return Ok(Columns::All);
    }
    let mut columns = Vec::new();
    for token in text
        .split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
    {
        match token.parse::<usize>() {
            Ok(c) if c >= 1 => columns.push(c - 1),
            _ => {
                return Err(format!(
                    "{token:?} is not a column number (columns count from 1; or use 'all')"
                ));
            }
        }
    }
    if columns.is_empty() {
        return Err("expected 1-based column numbers such as '1,3', or 'all'".to_owned());
    }
    Ok(Columns::List(columns))
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(s) if s > 0.0 && s.is_finite() => Ok(s),
        _ => Err("expected a positive number of seconds, such as 60 or 0.5".to_owned()),
    }
}

fn parse_confidence(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(c) if c > 0.0 && c < 1.0 => Ok(c),
        _ => Err("expected a confidence level strictly between 0 and 1, such as 0.99".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn grammar_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn columns() {
        assert_eq!(parse_columns("all"), Ok(Columns::All));
        assert_eq!(parse_columns("1,3"), Ok(Columns::List(vec![0, 2])));
        assert_eq!(parse_columns("2 1"), Ok(Columns::List(vec![1, 0])));
        assert!(parse_columns("0").is_err());
        assert!(parse_columns("a").is_err());
        assert!(parse_columns("").is_err());
        assert!(parse_columns("-1").is_err());
    }

    #[test]
    fn params() {
        assert_eq!(
            parse_param("n_var=10"),
            Ok(Param {
                name: "n_var".into(),
                value: 10.0
            })
        );
        assert_eq!(parse_param(" alpha = 0.5 ").map(|p| p.value), Ok(0.5));
        for bad in ["n_var", "=3", "n_var=", "n_var=x", "n_var=nan", "k=inf"] {
            assert!(parse_param(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn confidence() {
        assert_eq!(parse_confidence("0.95"), Ok(0.95));
        for bad in ["0", "1", "nan", "x", "-0.5"] {
            assert!(parse_confidence(bad).is_err(), "{bad}");
        }
    }
}
