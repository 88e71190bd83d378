//! A small SVG writer for Pareto fronts: no dependency, deterministic bytes.
//!
//! Two objectives give one scatter plot with axes, ticks and labels; three or more give
//! a matrix of pairwise scatter plots (objective `j` across, objective `i` up, in cell
//! `(i, j)`), with the objective names on the diagonal. A known true front is drawn in
//! light grey underneath the points found.
//!
//! Every coordinate is written with two decimals and every label from the data through
//! the same formatting, so the same inputs always give the same bytes; text from the
//! user (the title) is escaped for XML.

use std::fmt::Write as _;

/// Side of the plotting area of a 2-objective plot, in pixels.
const PLOT_W: f64 = 560.0;
const PLOT_H: f64 = 420.0;
/// Side of one cell of the scatter matrix.
const CELL: f64 = 170.0;
/// Gap between cells of the scatter matrix: room for each panel's own tick labels.
const GAP: f64 = 44.0;
/// Margins: room for tick labels (left, bottom), the title (top).
const LEFT: f64 = 70.0;
const TOP: f64 = 48.0;
const RIGHT: f64 = 24.0;
const BOTTOM: f64 = 56.0;
/// Colours: found points, true front, axes, grid.
const FOUND: &str = "#1f5fa8";
const TRUTH: &str = "#c8c8c8";
const AXIS: &str = "#333333";
const GRID: &str = "#eeeeee";
/// Roughly how many ticks an axis gets.
const TICKS: usize = 5;

/// What to draw.
pub(crate) struct Figure<'a> {
    /// Title above the plot (escaped when written).
    pub(crate) title: &'a str,
    /// Number of objectives (columns of `found` and `truth`); at least 2.
    pub(crate) n_obj: usize,
    /// The points found, row-major.
    pub(crate) found: &'a [f64],
    /// Points drawn in light grey underneath (the true front, or every trial of a
    /// study), row-major.
    pub(crate) truth: Option<&'a [f64]>,
    /// Legend entries of `found` and `truth`.
    pub(crate) labels: (&'a str, &'a str),
    /// Objective names for the axes (`f1`, `f2`, … when `None`).
    pub(crate) names: Option<&'a [String]>,
}

impl Figure<'_> {
    /// The name of objective `j` (0-based).
    fn name(&self, j: usize) -> String {
        self.names
            .and_then(|n| n.get(j).cloned())
            .unwrap_or_else(|| format!("f{}", j + 1))
    }
}

/// The SVG document for `figure`.
pub(crate) fn svg(figure: &Figure<'_>) -> String {
    let m = figure.n_obj.max(2);
    let ranges: Vec<Axis> = (0..m).map(|j| Axis::of(figure, j)).collect();
    let mut s = String::new();
    if m == 2 {
        let (w, h) = (LEFT + PLOT_W + RIGHT, TOP + PLOT_H + BOTTOM);
        header(&mut s, w, h, figure.title);
        let cell = Cell {
            x0: LEFT,
            y0: TOP,
            w: PLOT_W,
            h: PLOT_H,
        };
        panel(&mut s, figure, &cell, &ranges[0], 0, &ranges[1], 1);
        label(
            &mut s,
            LEFT + PLOT_W / 2.0,
            TOP + PLOT_H + 44.0,
            &figure.name(0),
            "middle",
            14,
        );
        let y = TOP + PLOT_H / 2.0;
        let _ = writeln!(
            s,
            r#"<text x="18" y="{y:.2}" font-size="14" text-anchor="middle" transform="rotate(-90 18 {y:.2})">{}</text>"#,
            escape(&figure.name(1))
        );
    } else {
        let side = m as f64 * CELL + (m as f64 - 1.0) * GAP;
        let (w, h) = (LEFT + side + RIGHT, TOP + side + BOTTOM);
        header(&mut s, w, h, figure.title);
        for i in 0..m {
            for j in 0..m {
                let cell = Cell {
                    x0: LEFT + j as f64 * (CELL + GAP),
                    y0: TOP + i as f64 * (CELL + GAP),
                    w: CELL,
                    h: CELL,
                };
                if i == j {
                    frame(&mut s, &cell);
                    let name = figure.name(i);
                    label(
                        &mut s,
                        cell.x0 + CELL / 2.0,
                        cell.y0 + CELL / 2.0 + 8.0,
                        &name,
                        "middle",
                        22,
                    );
                } else {
                    // Every panel gets its own tick labels: with the names on the diagonal,
                    // outer-edge labels alone would leave some axes unlabelled.
                    panel(&mut s, figure, &cell, &ranges[j], j, &ranges[i], i);
                }
            }
        }
    }
    legend(&mut s, figure.labels, figure.truth.is_some());
    s.push_str("</svg>\n");
    s
}

/// A rectangle on the page.
struct Cell {
    x0: f64,
    y0: f64,
    w: f64,
    h: f64,
}

/// The range shown along one objective, with its tick values.
struct Axis {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
    decimals: usize,
}

impl Axis {
    /// The range of column `j` over the found points and the true front, padded by 5%
    /// and rounded out to whole tick steps.
    fn of(figure: &Figure<'_>, j: usize) -> Axis {
        let m = figure.n_obj;
        let column = |data: &[f64]| -> Vec<f64> { data.chunks_exact(m).map(|r| r[j]).collect() };
        let mut values = column(figure.found);
        if let Some(truth) = figure.truth {
            values.extend(column(truth));
        }
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (lo, hi) = if !lo.is_finite() || !hi.is_finite() {
            (0.0, 1.0)
        } else if hi - lo <= f64::EPSILON * hi.abs().max(lo.abs()).max(1.0) {
            // One value: show a unit-sized (or 10%) window around it.
            let half = (lo.abs() * 0.1).max(0.5);
            (lo - half, hi + half)
        } else {
            let pad = (hi - lo) * 0.05;
            (lo - pad, hi + pad)
        };
        let step = nice_step((hi - lo) / TICKS as f64);
        let first = (lo / step).ceil() as i64;
        let last = (hi / step).floor() as i64;
        let ticks = (first..=last).map(|k| k as f64 * step).collect();
        let decimals = (-step.log10().floor()).max(0.0) as usize;
        Axis {
            lo,
            hi,
            ticks,
            decimals,
        }
    }

    /// Position of `v` in `[0, 1]` along the axis.
    fn unit(&self, v: f64) -> f64 {
        (v - self.lo) / (self.hi - self.lo)
    }

    /// A tick label: the tick with as many decimals as the step needs (and no `-0`).
    fn label(&self, v: f64) -> String {
        let text = format!("{:.*}", self.decimals, v);
        if text
            .trim_start_matches('-')
            .chars()
            .all(|c| c == '0' || c == '.')
        {
            text.trim_start_matches('-').to_owned()
        } else {
            text
        }
    }
}

/// The 1, 2 or 5 times a power of ten nearest above `raw`.
fn nice_step(raw: f64) -> f64 {
    if raw.is_nan() || raw <= 0.0 || !raw.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

fn header(s: &mut String, w: f64, h: f64, title: &str) {
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    label(s, w / 2.0, 22.0, title, "middle", 16);
}

fn legend(s: &mut String, labels: (&str, &str), truth: bool) {
    let (x, y) = (LEFT + 8.0, TOP - 6.0);
    let _ = writeln!(
        s,
        r#"<circle cx="{x:.2}" cy="{:.2}" r="3.5" fill="{FOUND}"/>"#,
        y - 4.0
    );
    label(s, x + 8.0, y, labels.0, "start", 12);
    if truth {
        // Room for the first label: about 7 pixels a character at this size.
        let x = x + 24.0 + 7.0 * labels.0.chars().count() as f64;
        let _ = writeln!(
            s,
            r#"<circle cx="{x:.2}" cy="{:.2}" r="3.5" fill="{TRUTH}"/>"#,
            y - 4.0
        );
        label(s, x + 8.0, y, labels.1, "start", 12);
    }
}

fn label(s: &mut String, x: f64, y: f64, text: &str, anchor: &str, size: u32) {
    let _ = writeln!(
        s,
        r#"<text x="{x:.2}" y="{y:.2}" font-size="{size}" text-anchor="{anchor}">{}</text>"#,
        escape(text)
    );
}

fn frame(s: &mut String, c: &Cell) {
    let _ = writeln!(
        s,
        r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" fill="none" stroke="{AXIS}"/>"#,
        c.x0, c.y0, c.w, c.h
    );
}

/// One scatter plot of column `jx` across and `jy` up, in `cell`, with grid lines and
/// tick labels along the bottom and left edges.
fn panel(
    s: &mut String,
    figure: &Figure<'_>,
    cell: &Cell,
    ax: &Axis,
    jx: usize,
    ay: &Axis,
    jy: usize,
) {
    let px = |v: f64| cell.x0 + ax.unit(v) * cell.w;
    let py = |v: f64| cell.y0 + cell.h - ay.unit(v) * cell.h;
    let font = if figure.n_obj == 2 { 12 } else { 10 };
    for &t in &ax.ticks {
        let x = px(t);
        let _ = writeln!(
            s,
            r#"<line x1="{x:.2}" y1="{:.2}" x2="{x:.2}" y2="{:.2}" stroke="{GRID}"/>"#,
            cell.y0,
            cell.y0 + cell.h
        );
        {
            let y = cell.y0 + cell.h;
            let _ = writeln!(
                s,
                r#"<line x1="{x:.2}" y1="{y:.2}" x2="{x:.2}" y2="{:.2}" stroke="{AXIS}"/>"#,
                y + 5.0
            );
            label(
                s,
                x,
                y + 8.0 + f64::from(font),
                &ax.label(t),
                "middle",
                font,
            );
        }
    }
    for &t in &ay.ticks {
        let y = py(t);
        let _ = writeln!(
            s,
            r#"<line x1="{:.2}" y1="{y:.2}" x2="{:.2}" y2="{y:.2}" stroke="{GRID}"/>"#,
            cell.x0,
            cell.x0 + cell.w
        );
        {
            let x = cell.x0;
            let _ = writeln!(
                s,
                r#"<line x1="{:.2}" y1="{y:.2}" x2="{x:.2}" y2="{y:.2}" stroke="{AXIS}"/>"#,
                x - 5.0
            );
            label(s, x - 8.0, y + 4.0, &ay.label(t), "end", font);
        }
    }
    frame(s, cell);
    let m = figure.n_obj;
    let r_truth = if m == 2 { 1.6 } else { 1.2 };
    let r_found = if m == 2 { 3.0 } else { 2.0 };
    if let Some(truth) = figure.truth {
        let _ = writeln!(s, r#"<g fill="{TRUTH}">"#);
        for row in truth.chunks_exact(m) {
            let _ = writeln!(
                s,
                r#"<circle cx="{:.2}" cy="{:.2}" r="{r_truth}"/>"#,
                px(row[jx]),
                py(row[jy])
            );
        }
        s.push_str("</g>\n");
    }
    let _ = writeln!(
        s,
        r#"<g fill="{FOUND}" fill-opacity="0.85" stroke="white" stroke-width="0.5">"#
    );
    for row in figure.found.chunks_exact(m) {
        let _ = writeln!(
            s,
            r#"<circle cx="{:.2}" cy="{:.2}" r="{r_found}"/>"#,
            px(row[jx]),
            py(row[jy])
        );
    }
    s.push_str("</g>\n");
}

/// A line chart of `points` (`(x, y)`, in increasing `x`) drawn as a staircase: the
/// value holds until the next point, as a front's hypervolume does between the trials
/// that improve it, up to `x_end` (the last trial) when it lies further right. Axes are
/// labelled `x_name` and `y_name`.
pub(crate) fn line_svg(
    title: &str,
    x_name: &str,
    y_name: &str,
    points: &[(f64, f64)],
    x_end: Option<f64>,
) -> String {
    let mut xs: Vec<f64> = points.iter().flat_map(|p| [p.0, 0.0]).collect();
    if let Some(end) = x_end {
        xs.extend([end, 0.0]);
    }
    let ys: Vec<f64> = points.iter().flat_map(|p| [0.0, p.1]).collect();
    let figure_x = Figure {
        title,
        n_obj: 2,
        found: &xs,
        truth: None,
        labels: ("", ""),
        names: None,
    };
    let figure_y = Figure {
        found: &ys,
        ..figure_x
    };
    let ax = Axis::of(&figure_x, 0);
    let ay = Axis::of(&figure_y, 1);
    let mut s = String::new();
    let (w, h) = (LEFT + PLOT_W + RIGHT, TOP + PLOT_H + BOTTOM);
    header(&mut s, w, h, title);
    let cell = Cell {
        x0: LEFT,
        y0: TOP,
        w: PLOT_W,
        h: PLOT_H,
    };
    let empty = Figure {
        found: &[],
        ..figure_x
    };
    panel(&mut s, &empty, &cell, &ax, 0, &ay, 1);
    let px = |v: f64| cell.x0 + ax.unit(v) * cell.w;
    let py = |v: f64| cell.y0 + cell.h - ay.unit(v) * cell.h;
    let mut path = String::new();
    for (i, &(x, y)) in points.iter().enumerate() {
        if i == 0 {
            let _ = write!(path, "M{:.2},{:.2}", px(x), py(y));
        } else {
            let _ = write!(path, " H{:.2} V{:.2}", px(x), py(y));
        }
    }
    if let (Some(&(last, _)), Some(end)) = (points.last(), x_end)
        && end > last
    {
        // The last value holds until the last trial.
        let _ = write!(path, " H{:.2}", px(end));
    }
    if !path.is_empty() {
        let _ = writeln!(
            s,
            r#"<path d="{path}" fill="none" stroke="{FOUND}" stroke-width="2"/>"#
        );
        let _ = writeln!(s, r#"<g fill="{FOUND}">"#);
        for &(x, y) in points {
            let _ = writeln!(
                s,
                r#"<circle cx="{:.2}" cy="{:.2}" r="2.5"/>"#,
                px(x),
                py(y)
            );
        }
        s.push_str("</g>\n");
    }
    label(
        &mut s,
        LEFT + PLOT_W / 2.0,
        TOP + PLOT_H + 44.0,
        x_name,
        "middle",
        14,
    );
    let y = TOP + PLOT_H / 2.0;
    let _ = writeln!(
        s,
        r#"<text x="18" y="{y:.2}" font-size="14" text-anchor="middle" transform="rotate(-90 18 {y:.2})">{}</text>"#,
        escape(y_name)
    );
    s.push_str("</svg>\n");
    s
}

/// `text` with the five XML special characters escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0 text at all.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape(r#"a<b>&"c"'d'"#),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;"
        );
        assert_eq!(escape("x\u{1}y"), "x y");
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(0.21), 0.5);
        assert_eq!(nice_step(0.19), 0.2);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(0.0), 1.0);
    }

    #[test]
    fn two_and_three_objectives_are_deterministic_and_well_formed() {
        let found2 = [0.0, 1.0, 0.25, 0.5, 1.0, 0.0];
        let truth2 = [0.0, 1.0, 0.5, 0.3, 1.0, 0.0];
        let f = Figure {
            title: "nsga2 <on> zdt1 & co",
            n_obj: 2,
            found: &found2,
            truth: Some(&truth2),
            labels: ("found", "true front"),
            names: None,
        };
        let a = svg(&f);
        assert_eq!(a, svg(&f));
        assert!(a.starts_with("<svg"));
        assert!(a.ends_with("</svg>\n"));
        assert!(a.contains("nsga2 &lt;on&gt; zdt1 &amp; co"));
        assert_eq!(a.matches("<circle").count(), 3 + 3 + 2);
        assert!(!a.contains("NaN") && !a.contains("inf"));

        let found3 = [0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.5, 0.5, 0.5];
        let g = Figure {
            title: "t",
            n_obj: 3,
            found: &found3,
            truth: None,
            labels: ("found", "true front"),
            names: None,
        };
        let b = svg(&g);
        // Six off-diagonal panels of three points, one legend circle.
        assert_eq!(b.matches("<circle").count(), 6 * 3 + 1);
        assert!(b.contains(">f3</text>"));
    }

    #[test]
    fn line_chart_is_well_formed() {
        let s = line_svg(
            "hv <history>",
            "trial",
            "hypervolume",
            &[(0.0, 0.1), (3.0, 0.5), (9.0, 0.7)],
            Some(12.0),
        );
        assert!(s.starts_with("<svg") && s.ends_with("</svg>\n"));
        assert!(s.contains("hv &lt;history&gt;"));
        assert_eq!(s.matches("<circle").count(), 3);
        assert!(s.contains("<path d=\"M") && !s.contains("NaN"));
        let empty = line_svg("t", "x", "y", &[], None);
        assert!(!empty.contains("<path") && !empty.contains("NaN"));
    }

    #[test]
    fn a_single_point_still_has_a_range() {
        let f = Figure {
            title: "",
            n_obj: 2,
            found: &[1.0, 1.0],
            truth: None,
            labels: ("found", "true front"),
            names: None,
        };
        let s = svg(&f);
        assert!(!s.contains("NaN") && !s.contains("inf"), "{s}");
    }
}
