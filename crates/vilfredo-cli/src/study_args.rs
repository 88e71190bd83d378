//! The grammar of `vilfredo study …` and `vilfredo plot` (clap derive), kept apart from
//! `args` so that each file holds one family of commands.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use crate::args::RefPoint;

pub(crate) const STUDY_HELP: &str = "\
Studies live in a storage named by a URL: sqlite:///relative/file.db,
sqlite:////absolute/file.db, a path ending in .db, or memory. --study may be left out
when the storage holds a single study.

export writes one row per trial: number, state, values_0.., params_<name>..,
constraints_0.., datetime_start, datetime_complete (UTC, ISO 8601), fail_reason;
numbers in shortest round-trip form. best writes the same for the front only
(the Pareto-optimal feasible complete trials).

Examples:
  vilfredo study list --storage sqlite:///zdt.db
  vilfredo study show --storage sqlite:///zdt.db --study zdt
  vilfredo study export --storage sqlite:///zdt.db --study zdt --format json -o trials.json
  vilfredo study export --storage zdt.db --states complete,failed > trials.csv
  vilfredo study best --storage zdt.db";

pub(crate) const PLOT_HELP: &str = "\
--kind front (the default): every complete trial in light grey, the front in colour;
a scatter plot for 2 objectives, a matrix of pairwise scatter plots for more.
--kind history: the front's hypervolume after each trial, which needs a reference
point (--ref, or the one stored with the study).

Examples:
  vilfredo plot --storage sqlite:///zdt.db --study zdt --output front.svg
  vilfredo plot --storage zdt.db --kind history --ref 1.1,1.1 --output hv.svg";

/// Arguments of `vilfredo study`.
#[derive(Debug, Args)]
pub(crate) struct StudyArgs {
    #[command(subcommand)]
    pub(crate) action: StudyCommand,
}

/// The subcommands of `vilfredo study`.
#[derive(Debug, Subcommand)]
pub(crate) enum StudyCommand {
    /// List the studies of a storage with their trial counts.
    List(StorageArg),
    /// Show one study: directions, counts, the front, the hypervolume.
    Show(StudyRef),
    /// Export a study's trials as CSV or JSON.
    Export(ExportArgs),
    /// Print a study's front (its best trials) as CSV or JSON.
    Best(BestArgs),
}

/// `--storage URL`.
#[derive(Debug, Args)]
pub(crate) struct StorageArg {
    /// Storage URL: sqlite:///file.db, a path ending in .db, or memory.
    #[arg(long, value_name = "URL")]
    pub(crate) storage: String,
}

/// A study in a storage.
#[derive(Debug, Args)]
pub(crate) struct StudyRef {
    #[command(flatten)]
    pub(crate) storage: StorageArg,

    /// The study's name (may be left out when the storage holds one study).
    #[arg(long, value_name = "NAME")]
    pub(crate) study: Option<String>,
}

/// Output format of `study export` and `study best`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Comma-separated values with a header line.
    Csv,
    /// A JSON array of trial objects.
    Json,
}

/// Arguments of `vilfredo study export`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    pub(crate) study: StudyRef,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub(crate) format: Format,

    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// Only trials in these states (comma-separated: complete, failed, pruned, running,
    /// waiting) [default: all].
    #[arg(long, value_name = "STATES")]
    pub(crate) states: Option<String>,
}

/// Arguments of `vilfredo study best`.
#[derive(Debug, Args)]
pub(crate) struct BestArgs {
    #[command(flatten)]
    pub(crate) study: StudyRef,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub(crate) format: Format,

    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// What `vilfredo plot` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum PlotKind {
    /// The front over every complete trial.
    Front,
    /// The front's hypervolume after each trial.
    History,
}

/// Arguments of `vilfredo plot`.
#[derive(Debug, Args)]
pub(crate) struct PlotArgs {
    #[command(flatten)]
    pub(crate) study: StudyRef,

    /// The SVG file to write.
    #[arg(long, short = 'o', value_name = "FILE.svg")]
    pub(crate) output: PathBuf,

    /// What to draw.
    #[arg(long, value_enum, default_value_t = PlotKind::Front)]
    pub(crate) kind: PlotKind,

    /// Reference point of the hypervolume, in the objectives' own directions
    /// [default: the study's stored one].
    #[arg(
        long = "ref",
        visible_alias = "reference-point",
        value_name = "POINT",
        allow_hyphen_values = true,
        value_parser = parse_point
    )]
    pub(crate) reference: Option<RefPoint>,
}

fn parse_point(text: &str) -> Result<RefPoint, String> {
    crate::input::parse_list(text).map(RefPoint)
}
