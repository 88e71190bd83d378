//! `vilfredo plot`: a stored study as SVG, its front or its hypervolume history.

use std::io::Write;

use anyhow::{Context, Result};
use vilfredo_study::{History, Study};

use super::study::open_study;
use super::study_run::study_error;
use crate::error::usage;
use crate::plot::{Figure, line_svg, svg};
use crate::study::report::objective_names;
use crate::study_args::{PlotArgs, PlotKind};

/// Runs `vilfredo plot`.
pub(super) fn plot(args: &PlotArgs, _out: &mut dyn Write) -> Result<()> {
    let (study, info) = open_study(&args.study)?;
    let names = objective_names(&info);
    let picture = match args.kind {
        PlotKind::Front => {
            if info.directions.len() < 2 {
                return Err(usage("a front plot needs at least 2 objectives"));
            }
            front_svg(&study, &names).map_err(study_error)?
        }
        PlotKind::History => {
            // A history of its own, so that --ref changes the picture, not the study.
            let mut history = History::new(&info.directions).map_err(study_error)?;
            let reference = match &args.reference {
                Some(r) => Some(r.0.clone()),
                None => info
                    .system_attrs
                    .get("reference_point")
                    .and_then(|v| serde_json::from_value::<Vec<f64>>(v.clone()).ok()),
            };
            let Some(reference) = reference else {
                return Err(usage(
                    "the hypervolume history needs a reference point: give --ref, or store \
                     one with the study (reference_point in the study file)",
                ));
            };
            if reference.len() != info.directions.len() {
                return Err(usage(format!(
                    "--ref has {} values but the study has {} objectives",
                    reference.len(),
                    info.directions.len()
                )));
            }
            history
                .set_reference_point(&reference)
                .map_err(study_error)?;
            history
                .absorb(
                    study
                        .storage()
                        .finished_since(study.id(), 0)
                        .map_err(study_error)?,
                )
                .map_err(study_error)?;
            let points: Vec<(f64, f64)> = history
                .hypervolume_history()
                .iter()
                .map(|&(n, hv)| (n as f64, hv))
                .collect();
            let last = history.finished().iter().map(|t| t.number).max();
            line_svg(
                &format!("{}: hypervolume of the front after each trial", info.name),
                "trial",
                "hypervolume",
                &points,
                last.map(|n| n as f64),
            )
        }
    };
    let name = args.output.display().to_string();
    std::fs::write(&args.output, picture).with_context(|| format!("cannot write {name}"))
}

/// The SVG of a study's front: every complete trial in grey, the front in colour.
pub(crate) fn front_svg(study: &Study, names: &[String]) -> vilfredo_study::Result<String> {
    let m = study.directions().len();
    study.with_history(|h| {
        let all: Vec<f64> = h
            .finished()
            .iter()
            .filter_map(|t| {
                t.values
                    .as_ref()
                    .filter(|v| v.len() == m && v.iter().all(|x| x.is_finite()))
            })
            .flatten()
            .copied()
            .collect();
        let best: Vec<f64> = h
            .best_trials()
            .iter()
            .filter_map(|t| t.values.as_ref())
            .flatten()
            .copied()
            .collect();
        let title = format!(
            "{}: {} front trials of {} complete",
            study.name(),
            best.len() / m.max(1),
            all.len() / m.max(1)
        );
        svg(&Figure {
            title: &title,
            n_obj: m,
            found: &best,
            truth: Some(&all),
            labels: ("front", "all trials"),
            names: Some(names),
        })
    })
}
