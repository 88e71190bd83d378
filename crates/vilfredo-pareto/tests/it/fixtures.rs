//! Reference fixtures: vilfredo's kernels against values recorded from moocore and pygmo.
//!
//! The files under `tests/data/pareto/` are written by `tests/data/generate.py` (see its
//! docstring for the format and for which peer function produced each value). The peers are
//! only oracles here. Every kernel test walks every fixture and reports all mismatches at
//! once, naming the case, so a failure points straight at the family that broke.
//!
//! Tolerances. An absolute floor is needed where the exact value is 0; it is tied to the
//! scale of the case so that the ×1e-9 and ×1e9 families are held to the same standard.
//! `box` is the volume of the box between the smallest coordinates and the reference point.
//!
//! - masks and ranks: exact;
//! - hypervolume: relative 1e-12, floor 1e-15 × box;
//! - contributions: relative 1e-9 element-wise, floor 1e-13 × box. The floor matters for
//!   contributions far below the total: a contribution found as a difference of two large
//!   volumes carries about 1e-15 × HV of rounding (on `convex_m08_n20` row 1, exact rational
//!   arithmetic gives 2.0705923434105118e-5; moocore is 7e-11 off relative, pygmo 1e-8);
//! - indicators: relative 1e-12, floor 1e-15 × the largest coordinate magnitude.

// Test code: a malformed fixture should stop the test loudly. Clippy only treats `#[test]`
// functions as tests, not the helpers they call, so the library lints are relaxed here.
#![allow(clippy::panic, clippy::expect_used)]

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use vilfredo_pareto::{PointsView, hv_contributions, hypervolume, indicator};
use vilfredo_pareto::{is_non_dominated, pareto_rank};

/// The fewest fixtures the generator writes; fewer files means the data went missing.
const MIN_FIXTURES: usize = 50;

/// One parsed fixture file.
#[derive(Debug)]
struct Fixture {
    name: String,
    header: BTreeMap<String, String>,
    n_obj: usize,
    points: Vec<f64>,
    reference: Vec<f64>,
    hypervolume: f64,
    contributions: Vec<f64>,
    non_dominated: Vec<bool>,
    ranks: Vec<usize>,
    front: Option<Vec<f64>>,
    igd: Option<f64>,
    igd_plus: Option<f64>,
    epsilon_additive: Option<f64>,
}

impl Fixture {
    fn n_points(&self) -> usize {
        self.points.len() / self.n_obj
    }

    fn view(&self) -> PointsView<'_> {
        PointsView::new(&self.points, self.n_obj).expect("fixture points are valid")
    }

    /// Volume of the box between the smallest coordinates and the reference point.
    fn box_volume(&self) -> f64 {
        let v: f64 = (0..self.n_obj)
            .map(|j| {
                let lo = self
                    .points
                    .iter()
                    .skip(j)
                    .step_by(self.n_obj)
                    .fold(self.reference[j], |a, &b| a.min(b));
                self.reference[j] - lo
            })
            .product();
        v.max(1e-300)
    }

    /// The largest coordinate magnitude of the points and the front.
    fn coordinate_scale(&self) -> f64 {
        let front = self.front.as_deref().unwrap_or(&[]);
        self.points
            .iter()
            .chain(front)
            .fold(1e-300, |a: f64, &b| a.max(b.abs()))
    }
}

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/pareto")
}

fn parse_numbers(line: &str, file: &str) -> Vec<f64> {
    line.split_whitespace()
        .map(|t| {
            t.parse::<f64>()
                .unwrap_or_else(|e| panic!("{file}: bad number {t:?}: {e}"))
        })
        .collect()
}

fn parse_fixture(path: &Path) -> Fixture {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut header = BTreeMap::new();
    let mut sections: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# ") {
            if let Some((k, v)) = rest.split_once(": ") {
                header.insert(k.trim().to_owned(), v.trim().to_owned());
            }
        } else if line.starts_with('#') {
            // a bare comment line
        } else if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            assert!(
                !sections.contains_key(name),
                "{file}: section [{name}] appears twice"
            );
            sections.insert(name.to_owned(), Vec::new());
            current = Some(name.to_owned());
        } else if !line.trim().is_empty() {
            let name = current
                .as_ref()
                .unwrap_or_else(|| panic!("{file}: data before the first section: {line:?}"));
            sections.get_mut(name).expect("section exists").push(line);
        }
    }
    let take = |name: &str| -> Vec<&str> {
        sections
            .get(name)
            .cloned()
            .unwrap_or_else(|| panic!("{file}: missing section [{name}]"))
    };
    let scalar = |name: &str| -> Option<f64> {
        sections.get(name).map(|lines| {
            assert_eq!(lines.len(), 1, "{file}: [{name}] must hold one number");
            parse_numbers(lines[0], &file)[0]
        })
    };
    let header_usize = |key: &str| -> usize {
        header
            .get(key)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{file}: header {key} missing or not an integer"))
    };

    let n_points = header_usize("n_points");
    let n_obj = header_usize("n_obj");
    let rows = |lines: Vec<&str>| -> Vec<f64> {
        let mut out = Vec::new();
        for l in lines {
            let r = parse_numbers(l, &file);
            assert_eq!(
                r.len(),
                n_obj,
                "{file}: row {l:?} does not have {n_obj} values"
            );
            out.extend(r);
        }
        out
    };
    let points = rows(take("points"));
    assert_eq!(points.len(), n_points * n_obj, "{file}: [points] count");
    let reference = rows(take("ref"));
    assert_eq!(reference.len(), n_obj, "{file}: [ref] must be one row");
    let contributions: Vec<f64> = take("hv_contributions")
        .iter()
        .map(|l| parse_numbers(l, &file)[0])
        .collect();
    let non_dominated: Vec<bool> = take("is_non_dominated")
        .iter()
        .map(|l| match *l {
            "0" => false,
            "1" => true,
            other => panic!("{file}: mask value {other:?}"),
        })
        .collect();
    let ranks: Vec<usize> = take("pareto_rank")
        .iter()
        .map(|l| {
            l.parse()
                .unwrap_or_else(|e| panic!("{file}: rank {l:?}: {e}"))
        })
        .collect();
    for (what, len) in [
        ("hv_contributions", contributions.len()),
        ("is_non_dominated", non_dominated.len()),
        ("pareto_rank", ranks.len()),
    ] {
        assert_eq!(len, n_points, "{file}: [{what}] needs one line per point");
    }
    let front = sections.get("front").cloned().map(rows);
    let fixture = Fixture {
        name: header
            .get("case")
            .cloned()
            .unwrap_or_else(|| panic!("{file}: header case missing")),
        n_obj,
        points,
        reference,
        hypervolume: scalar("hypervolume").unwrap_or_else(|| panic!("{file}: no [hypervolume]")),
        contributions,
        non_dominated,
        ranks,
        igd: scalar("igd"),
        igd_plus: scalar("igd_plus"),
        epsilon_additive: scalar("epsilon_additive"),
        front,
        header,
    };
    if fixture.front.is_some() {
        assert!(
            fixture.igd.is_some()
                && fixture.igd_plus.is_some()
                && fixture.epsilon_additive.is_some(),
            "{file}: a [front] needs [igd], [igd_plus] and [epsilon_additive]"
        );
    }
    fixture
}

/// Every fixture, sorted by name. Panics when the directory is missing or nearly empty, so
/// the kernel tests below can never pass by checking nothing.
fn load_all() -> Vec<Fixture> {
    load_from(&fixture_dir())
}

fn load_from(dir: &Path) -> Vec<Fixture> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| {
        panic!(
            "fixture directory {} is unreadable ({e}); run tests/data/generate.py",
            dir.display()
        )
    });
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= MIN_FIXTURES,
        "only {} fixtures in {} (expected at least {MIN_FIXTURES}); run tests/data/generate.py",
        paths.len(),
        dir.display()
    );
    paths.iter().map(|p| parse_fixture(p)).collect()
}

fn close(got: f64, want: f64, rel: f64, floor: f64) -> bool {
    (got - want).abs() <= rel * want.abs() + floor
}

/// Runs `check` on every fixture, turning a panic inside a kernel into a failure of that
/// case, and fails with the list of all failing cases.
fn check_all(what: &str, fixtures: &[Fixture], check: impl Fn(&Fixture) -> Result<(), String>) {
    let mut failures = Vec::new();
    let mut checked = 0usize;
    for f in fixtures {
        match catch_unwind(AssertUnwindSafe(|| check(f))) {
            Ok(Ok(())) => checked += 1,
            Ok(Err(msg)) => failures.push(format!("{}: {msg}", f.name)),
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                failures.push(format!("{}: panicked: {msg}", f.name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{what}: {} of {} fixtures failed:\n{}",
        failures.len(),
        fixtures.len(),
        failures.join("\n")
    );
    assert!(checked > 0, "{what}: no fixture was checked");
}

#[test]
fn fixtures_are_present_and_well_formed() {
    let all = load_all();
    let families: std::collections::BTreeSet<&str> = all
        .iter()
        .map(|f| f.header.get("family").map_or("", String::as_str))
        .collect();
    for family in [
        "uniform",
        "sphere",
        "simplex",
        "concave",
        "convex",
        "disconnected",
        "grid",
        "degenerate",
        "tiny",
        "huge",
        "negative",
        "outside_ref",
    ] {
        assert!(families.contains(family), "no fixture of family {family}");
    }
    for f in &all {
        assert!(
            f.header.contains_key("moocore"),
            "{}: tool versions missing",
            f.name
        );
        // The recorded ranks and mask agree with each other.
        for (r, m) in f.ranks.iter().zip(&f.non_dominated) {
            assert_eq!(*r == 0, *m, "{}: mask and rank 0 disagree", f.name);
        }
    }
    assert!(
        all.iter().any(|f| f.front.is_some()),
        "no indicator fixture"
    );
}

#[test]
fn is_non_dominated_matches_fixtures() {
    check_all("is_non_dominated", &load_all(), |f| {
        let got = is_non_dominated(f.view());
        if got == f.non_dominated {
            return Ok(());
        }
        let first = got.iter().zip(&f.non_dominated).position(|(a, b)| a != b);
        Err(format!(
            "mask differs (first at row {first:?}; got {} lengths {} vs {})",
            got.iter().filter(|&&b| b).count(),
            got.len(),
            f.non_dominated.len()
        ))
    });
}

#[test]
fn pareto_rank_matches_fixtures() {
    check_all("pareto_rank", &load_all(), |f| {
        let got = pareto_rank(f.view());
        if got == f.ranks {
            return Ok(());
        }
        let first = got.iter().zip(&f.ranks).position(|(a, b)| a != b);
        Err(format!("ranks differ (first at row {first:?})"))
    });
}

#[test]
fn hypervolume_matches_fixtures() {
    check_all("hypervolume", &load_all(), |f| {
        let got = hypervolume(f.view(), &f.reference).map_err(|e| e.to_string())?;
        let floor = 1e-15 * f.box_volume();
        if close(got, f.hypervolume, 1e-12, floor) {
            Ok(())
        } else {
            Err(format!(
                "got {got:e}, want {:e} (relative error {:e})",
                f.hypervolume,
                (got - f.hypervolume).abs() / f.hypervolume.abs().max(f64::MIN_POSITIVE)
            ))
        }
    });
}

#[test]
fn hv_contributions_match_fixtures() {
    check_all("hv_contributions", &load_all(), |f| {
        let got = hv_contributions(f.view(), &f.reference).map_err(|e| e.to_string())?;
        if got.len() != f.n_points() {
            return Err(format!("{} values for {} points", got.len(), f.n_points()));
        }
        let floor = 1e-13 * f.box_volume();
        let bad: Vec<String> = got
            .iter()
            .zip(&f.contributions)
            .enumerate()
            .filter(|(_, (g, w))| !close(**g, **w, 1e-9, floor))
            .map(|(i, (g, w))| format!("row {i}: got {g:e}, want {w:e}"))
            .collect();
        if bad.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "{} rows differ, e.g. {}",
                bad.len(),
                bad[..bad.len().min(3)].join("; ")
            ))
        }
    });
}

#[test]
fn indicators_match_fixtures() {
    let all = load_all();
    let with_front: Vec<Fixture> = all.into_iter().filter(|f| f.front.is_some()).collect();
    assert!(!with_front.is_empty(), "no fixture has a reference front");
    check_all("indicators", &with_front, |f| {
        let front_data = f.front.as_deref().unwrap_or(&[]);
        let front = PointsView::new(front_data, f.n_obj).map_err(|e| e.to_string())?;
        let floor = 1e-15 * f.coordinate_scale();
        let mut errors = Vec::new();
        type Indicator = fn(PointsView<'_>, PointsView<'_>) -> vilfredo_pareto::Result<f64>;
        let kernels: [(&str, Indicator, Option<f64>); 3] = [
            ("igd", indicator::igd, f.igd),
            ("igd_plus", indicator::igd_plus, f.igd_plus),
            (
                "epsilon_additive",
                indicator::epsilon_additive,
                f.epsilon_additive,
            ),
        ];
        for (name, kernel, want) in kernels {
            let want = want.unwrap_or(f64::NAN);
            let got = kernel(f.view(), front).map_err(|e| format!("{name}: {e}"))?;
            if !close(got, want, 1e-12, floor) {
                errors.push(format!("{name}: got {got:e}, want {want:e}"));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors.join("; "))
        }
    });
}

/// The loader must refuse a directory without fixtures, or every test above could pass
/// having checked nothing.
#[test]
#[should_panic(expected = "expected at least")]
fn loader_rejects_an_empty_directory() {
    let dir = std::env::temp_dir().join(format!("vilfredo-empty-fixtures-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let loaded = catch_unwind(|| load_from(&dir));
    std::fs::remove_dir_all(&dir).ok();
    if let Err(payload) = loaded {
        std::panic::resume_unwind(payload);
    }
}

#[test]
#[should_panic(expected = "unreadable")]
fn loader_rejects_a_missing_directory() {
    load_from(&fixture_dir().join("no-such-directory"));
}
