//! `vilfredo study list|show|export|best`: read stored studies.

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result};
use vilfredo_study::{
    Direction, FrozenTrial, RandomSampler, Storage, Study, StudyInfo, TrialState,
};

use super::study_run::study_error;
use crate::error::usage;
use crate::output::Shortest;
use crate::study::report::{iso8601, objective_names, write_csv, write_json, write_table};
use crate::study_args::{Format, StudyArgs, StudyCommand, StudyRef};

/// Runs `vilfredo study`.
pub(super) fn study(args: &StudyArgs, out: &mut dyn Write) -> Result<()> {
    match &args.action {
        StudyCommand::List(a) => list(&open_storage(&a.storage)?, out),
        StudyCommand::Show(a) => show(a, out),
        StudyCommand::Export(a) => {
            let (study, info) = open_study(&a.study)?;
            let states = parse_states(a.states.as_deref())?;
            let trials = study
                .storage()
                .trials(study.id(), states.as_deref())
                .map_err(study_error)?;
            write_trials(a.format, a.output.as_deref(), &trials, &info, out)
        }
        StudyCommand::Best(a) => {
            let (study, info) = open_study(&a.study)?;
            let best = study.best_trials().map_err(study_error)?;
            write_trials(a.format, a.output.as_deref(), &best, &info, out)
        }
    }
}

/// Opens the storage a URL names, for reading: an SQLite file must exist (opening a
/// misspelt path would otherwise create an empty store and report no study).
pub(super) fn open_storage(url: &str) -> Result<Arc<dyn Storage>> {
    if let Ok(vilfredo_storage::StorageUrl::Sqlite(path)) = vilfredo_storage::StorageUrl::parse(url)
        && !path.exists()
    {
        anyhow::bail!(
            "cannot open the storage {url}: {} does not exist",
            path.display()
        );
    }
    vilfredo_storage::open(url).map_err(study_error)
}

/// Opens the study named by `r` (or the storage's only study).
pub(super) fn open_study(r: &StudyRef) -> Result<(Study, StudyInfo)> {
    let storage = open_storage(&r.storage.storage)?;
    let name = match &r.study {
        Some(n) => n.clone(),
        None => {
            let studies = storage.list_studies().map_err(study_error)?;
            match studies.as_slice() {
                [one] => one.info.name.clone(),
                [] => {
                    return Err(usage(format!(
                        "the storage {} holds no study",
                        r.storage.storage
                    )));
                }
                many => {
                    let names: Vec<String> =
                        many.iter().map(|s| format!("{:?}", s.info.name)).collect();
                    return Err(usage(format!(
                        "the storage holds {} studies; choose one with --study ({})",
                        many.len(),
                        names.join(", ")
                    )));
                }
            }
        }
    };
    let study =
        Study::load(storage, &name, Box::new(RandomSampler::new(0))).map_err(study_error)?;
    let info = study.storage().study(study.id()).map_err(study_error)?;
    Ok((study, info))
}

fn parse_states(text: Option<&str>) -> Result<Option<Vec<TrialState>>> {
    let Some(text) = text else { return Ok(None) };
    text.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.parse::<TrialState>()
                .map_err(|e| usage(format!("--states: {e}")))
        })
        .collect::<Result<Vec<_>>>()
        .map(Some)
}

fn write_trials(
    format: Format,
    output: Option<&Path>,
    trials: &[FrozenTrial],
    info: &StudyInfo,
    out: &mut dyn Write,
) -> Result<()> {
    let n_obj = info.directions.len();
    let write = |w: &mut dyn Write| -> std::io::Result<()> {
        match format {
            Format::Csv => write_csv(w, trials, n_obj),
            Format::Json => write_json(w, trials),
        }
    };
    match output {
        Some(path) => {
            let name = path.display().to_string();
            let file =
                std::fs::File::create(path).with_context(|| format!("cannot write {name}"))?;
            let mut w = std::io::BufWriter::new(file);
            write(&mut w).with_context(|| format!("cannot write {name}"))?;
            w.flush().with_context(|| format!("cannot write {name}"))
        }
        None => Ok(write(out)?),
    }
}

fn direction_names(d: &[Direction]) -> String {
    d.iter()
        .map(|d| match d {
            Direction::Minimize => "minimize",
            Direction::Maximize => "maximize",
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// One line per study: name, directions, counts by state, first start.
fn list(storage: &Arc<dyn Storage>, out: &mut dyn Write) -> Result<()> {
    let studies = storage.list_studies().map_err(study_error)?;
    let mut rows = vec![
        [
            "name",
            "directions",
            "complete",
            "failed",
            "pruned",
            "running",
            "waiting",
            "started",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for s in &studies {
        rows.push(vec![
            s.info.name.clone(),
            direction_names(&s.info.directions),
            s.count(TrialState::Complete).to_string(),
            s.count(TrialState::Failed).to_string(),
            s.count(TrialState::Pruned).to_string(),
            s.count(TrialState::Running).to_string(),
            s.count(TrialState::Waiting).to_string(),
            s.datetime_start.map_or_else(|| "-".to_owned(), iso8601),
        ]);
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|j| rows.iter().map(|r| r[j].chars().count()).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:w$}"))
            .collect();
        writeln!(out, "{}", cells.join("  ").trim_end())?;
    }
    Ok(())
}

/// The study's directions, counts, hypervolume and front.
fn show(r: &StudyRef, out: &mut dyn Write) -> Result<()> {
    let (study, info) = open_study(r)?;
    let names = objective_names(&info);
    let trials = study.trials().map_err(study_error)?;
    let count = |s: TrialState| trials.iter().filter(|t| t.state == s).count();
    writeln!(out, "study: {}", info.name)?;
    let objectives: Vec<String> = names
        .iter()
        .zip(&info.directions)
        .map(|(n, d)| format!("{n} ({})", direction_names(std::slice::from_ref(d))))
        .collect();
    writeln!(out, "objectives: {}", objectives.join(", "))?;
    writeln!(
        out,
        "trials: {} ({} complete, {} failed, {} pruned, {} running, {} waiting)",
        trials.len(),
        count(TrialState::Complete),
        count(TrialState::Failed),
        count(TrialState::Pruned),
        count(TrialState::Running),
        count(TrialState::Waiting)
    )?;
    if let Some(space) = info.system_attrs.get("search_space")
        && let Ok(space) = serde_json::from_value::<
            std::collections::BTreeMap<String, vilfredo_study::Distribution>,
        >(space.clone())
    {
        let params: Vec<String> = space.iter().map(|(n, d)| format!("{n} {d}")).collect();
        writeln!(out, "search space: {}", params.join("; "))?;
    }
    let (best, hv) = study
        .with_history(|h| {
            (
                h.best_trials().into_iter().cloned().collect::<Vec<_>>(),
                h.hypervolume(),
            )
        })
        .map_err(study_error)?;
    if let (Some(hv), Some(r)) = (hv, info.system_attrs.get("reference_point")) {
        let r: Vec<f64> = serde_json::from_value(r.clone()).unwrap_or_default();
        let r: Vec<String> = r.iter().map(|v| Shortest(*v).to_string()).collect();
        writeln!(
            out,
            "hypervolume: {} (reference {})",
            Shortest(hv),
            r.join(",")
        )?;
    }
    writeln!(out, "front: {} trials", best.len())?;
    write_table(out, &best, &names)?;
    Ok(())
}
