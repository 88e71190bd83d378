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
not strictly better than the reference point everywhere.

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
scaled to weakly dominate the front).

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
    fn confidence() {
        assert_eq!(parse_confidence("0.95"), Ok(0.95));
        for bad in ["0", "1", "nan", "x", "-0.5"] {
            assert!(parse_confidence(bad).is_err(), "{bad}");
        }
    }
}
