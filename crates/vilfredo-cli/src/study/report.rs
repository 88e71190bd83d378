//! Writing trials: the front as a table for people, and every trial as CSV or JSON for
//! programs. Numbers are in shortest round-trip form (`crate::output`), times in UTC
//! ISO 8601 with milliseconds.

use std::io::{self, Write};

use vilfredo_study::{FrozenTrial, StudyInfo};

use super::command::param_text;
use crate::output::Shortest;

/// The study attribute holding the objectives' names.
pub(crate) const OBJECTIVE_NAMES: &str = "objective_names";

/// The objectives' names stored with the study, or `f1`, `f2`, ….
pub(crate) fn objective_names(info: &StudyInfo) -> Vec<String> {
    let m = info.directions.len();
    info.system_attrs
        .get(OBJECTIVE_NAMES)
        .and_then(|v| serde_json::from_value::<Vec<String>>(v.clone()).ok())
        .filter(|n| n.len() == m)
        .unwrap_or_else(|| (1..=m).map(|i| format!("f{i}")).collect())
}

/// Parameter names in order of first appearance across `trials`.
fn param_names<'a>(trials: impl IntoIterator<Item = &'a FrozenTrial>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for t in trials {
        for p in &t.params {
            if !names.contains(&p.name) {
                names.push(p.name.clone());
            }
        }
    }
    names
}

/// Writes `trials` as an aligned table: trial number, objective values, parameters.
pub(crate) fn write_table(
    out: &mut dyn Write,
    trials: &[FrozenTrial],
    objectives: &[String],
) -> io::Result<()> {
    let params = param_names(trials);
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(trials.len() + 1);
    rows.push(
        std::iter::once("trial".to_owned())
            .chain(objectives.iter().cloned())
            .chain(params.iter().cloned())
            .collect(),
    );
    for t in trials {
        let values = t.values.as_deref().unwrap_or(&[]);
        let mut row = vec![t.number.to_string()];
        row.extend((0..objectives.len()).map(|i| {
            values
                .get(i)
                .map_or_else(String::new, |v| Shortest(*v).to_string())
        }));
        row.extend(params.iter().map(|n| {
            t.param(n)
                .map_or_else(String::new, |p| param_text(&p.value()))
        }));
        rows.push(row);
    }
    let n_cols = rows[0].len();
    let widths: Vec<usize> = (0..n_cols)
        .map(|j| rows.iter().map(|r| r[j].chars().count()).max().unwrap_or(0))
        .collect();
    for row in &rows {
        let mut line = String::new();
        for (j, cell) in row.iter().enumerate() {
            if j > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            line.extend(std::iter::repeat_n(' ', widths[j] - cell.chars().count()));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Writes `trials` as CSV with a header line (see `vilfredo study --help`).
pub(crate) fn write_csv(
    out: &mut dyn Write,
    trials: &[FrozenTrial],
    n_obj: usize,
) -> io::Result<()> {
    let params = param_names(trials);
    let n_constraints = trials
        .iter()
        .filter_map(|t| t.constraints.as_ref().map(Vec::len))
        .max()
        .unwrap_or(0);
    let mut header = vec!["number".to_owned(), "state".to_owned()];
    header.extend((0..n_obj).map(|i| format!("values_{i}")));
    header.extend(params.iter().map(|n| format!("params_{n}")));
    header.extend((0..n_constraints).map(|i| format!("constraints_{i}")));
    header.extend(["datetime_start", "datetime_complete", "fail_reason"].map(String::from));
    write_csv_row(out, &header)?;
    for t in trials {
        let mut row = vec![t.number.to_string(), t.state.to_string()];
        let values = t.values.as_deref().unwrap_or(&[]);
        row.extend((0..n_obj).map(|i| {
            values
                .get(i)
                .map_or_else(String::new, |v| Shortest(*v).to_string())
        }));
        row.extend(params.iter().map(|n| {
            t.param(n)
                .map_or_else(String::new, |p| param_text(&p.value()))
        }));
        let c = t.constraints.as_deref().unwrap_or(&[]);
        row.extend((0..n_constraints).map(|i| {
            c.get(i)
                .map_or_else(String::new, |v| Shortest(*v).to_string())
        }));
        row.push(t.datetime_start.map_or_else(String::new, iso8601));
        row.push(t.datetime_complete.map_or_else(String::new, iso8601));
        row.push(fail_reason(t).unwrap_or_default());
        write_csv_row(out, &row)?;
    }
    Ok(())
}

/// The reason a failed trial failed.
pub(crate) fn fail_reason(t: &FrozenTrial) -> Option<String> {
    t.system_attrs
        .get("fail_reason")
        .and_then(|v| v.as_str())
        .map(str::to_owned)
}

fn write_csv_row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
    writeln!(out, "{}", line.join(","))
}

/// A CSV field, quoted (RFC 4180) when it holds a comma, a quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Writes `trials` as a JSON array of objects.
pub(crate) fn write_json(out: &mut dyn Write, trials: &[FrozenTrial]) -> io::Result<()> {
    let items: Vec<serde_json::Value> = trials
        .iter()
        .map(|t| {
            let params: serde_json::Map<String, serde_json::Value> = t
                .params
                .iter()
                .map(|p| (p.name.clone(), p.value().to_json()))
                .collect();
            serde_json::json!({
                "number": t.number,
                "state": t.state.as_str(),
                "values": t.values,
                "params": params,
                "constraints": t.constraints,
                "user_attrs": t.user_attrs,
                "system_attrs": t.system_attrs,
                "datetime_start": t.datetime_start.map(iso8601),
                "datetime_complete": t.datetime_complete.map(iso8601),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::other)?;
    writeln!(out)
}

/// Milliseconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub(crate) fn iso8601(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let millis = ms.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let s = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        s / 3600,
        s % 3600 / 60,
        s % 60
    )
}

/// The proleptic Gregorian date of a day count since 1970-01-01, by counting whole
/// 400-year eras (146 097 days) from 0000-03-01, so that leap days fall at the end of
/// each year of the count.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468; // days from 0000-03-01 to 1970-01-01
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // day of the era, [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // year of the era
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of the year from March 1
    let mp = (5 * doy + 2) / 153; // month from March, [0, 11]
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso8601(1_798_371_312_123), "2026-12-27T11:35:12.123Z");
        assert_eq!(iso8601(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("a"), "a");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    }
}
