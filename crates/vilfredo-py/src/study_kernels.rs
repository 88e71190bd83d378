//! Kernels for samplers and tools that live on the Python side of a study (the Optuna
//! integration in `python/vilfredo/optuna.py`): NSGA-II's elitist selection and its
//! variation in the unit cube, and the running hypervolume of a sequence of trials.
//!
//! NSGA-II: Deb, Pratap, Agarwal & Meyarivan (2002), "A fast and elitist multiobjective
//! genetic algorithm: NSGA-II", IEEE TEVC 6(2); constrained domination: Deb (2000),
//! "An efficient constraint handling method for genetic algorithms", CMAME 186.

use numpy::PyArray1;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;
use vilfredo_core::PointsView;
use vilfredo_core::rng::SplitMix64;
use vilfredo_moea::Space;
use vilfredo_moea::operators::{PolynomialMutation, Sbx};
use vilfredo_pareto::ParetoArchive;
use vilfredo_pareto::sort::constrained_pareto_rank;

use crate::convert::{matrix, vector};
use crate::guard::run;

/// Elitist survival of NSGA-II under constrained domination.
///
/// ``F`` is ``(n, m)`` (minimised), ``violation`` the total constraint violation of
/// each row (``<= 0`` feasible). Returns ``(indices, ranks, crowding)`` for the ``k``
/// survivors, best first: whole fronts by rank, the last one cut by decreasing crowding
/// distance (ties by row).
#[pyfunction]
pub fn _nsga2_select<'py>(
    py: Python<'py>,
    points: &Bound<'py, PyAny>,
    violation: &Bound<'py, PyAny>,
    k: usize,
) -> PyResult<Bound<'py, PyTuple>> {
    let points = matrix(points, "F")?;
    let (data, m) = points.parts()?;
    let violation = vector(violation, "violation")?;
    let (index, rank, crowd) = run(py, || select(data, m, &violation, k))?;
    PyTuple::new(
        py,
        [
            PyArray1::from_vec(py, index).into_any(),
            PyArray1::from_vec(py, rank).into_any(),
            PyArray1::from_vec(py, crowd).into_any(),
        ],
    )
}

type Selection = (Vec<i64>, Vec<i64>, Vec<f64>);

fn select(data: &[f64], m: usize, violation: &[f64], k: usize) -> vilfredo_core::Result<Selection> {
    let view = PointsView::new(data, m)?;
    let n = view.n_points();
    let rank = constrained_pareto_rank(view, violation)?;
    let n_ranks = rank.iter().max().map_or(0, |r| r + 1);
    let mut fronts: Vec<Vec<usize>> = vec![Vec::new(); n_ranks];
    for (i, r) in rank.iter().enumerate() {
        fronts[*r].push(i);
    }
    let mut crowd = vec![0.0; n];
    let mut out = Vec::with_capacity(k.min(n));
    for front in &fronts {
        if out.len() >= k {
            break;
        }
        let rows: Vec<f64> = front
            .iter()
            .flat_map(|&i| data[i * m..(i + 1) * m].iter().copied())
            .collect();
        let d = vilfredo_pareto::crowding_distance(PointsView::new(&rows, m)?);
        for (j, &i) in front.iter().enumerate() {
            crowd[i] = d[j];
        }
        let mut members = front.clone();
        // Most isolated first, so a cut front keeps the most spread points.
        members.sort_by(|a, b| crowd[*b].total_cmp(&crowd[*a]).then(a.cmp(b)));
        let room = k - out.len();
        out.extend(members.into_iter().take(room));
    }
    Ok((
        out.iter().map(|&i| i as i64).collect(),
        out.iter().map(|&i| rank[i] as i64).collect(),
        out.iter().map(|&i| crowd[i]).collect(),
    ))
}

/// One child of two parents in the unit cube.
///
/// ``parents`` is ``(2, d)`` with values in ``[0, 1]``; ``numeric`` marks the
/// coordinates that are numbers (crossed by SBX, η = 15, and mutated by polynomial
/// mutation, η = 20); the others are categorical: with probability ``crossover_prob``
/// each comes from either parent with equal chance, and with ``mutation_prob`` it is
/// redrawn uniformly. ``swapping_prob`` is SBX's chance that the two children trade a
/// crossed coordinate. The child is a function of the parents, the settings and
/// ``seed``.
#[pyfunction]
#[pyo3(signature = (parents, numeric, seed, crossover_prob=0.9, swapping_prob=0.5, mutation_prob=None))]
pub fn _nsga2_child<'py>(
    py: Python<'py>,
    parents: &Bound<'py, PyAny>,
    numeric: Vec<bool>,
    seed: u64,
    crossover_prob: f64,
    swapping_prob: f64,
    mutation_prob: Option<f64>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let parents = matrix(parents, "parents")?;
    let (data, d) = parents.parts()?;
    if data.len() != 2 * d || numeric.len() != d {
        return Err(PyValueError::new_err(format!(
            "parents must be (2, d) and numeric have d entries; got {} values for d = {d} and {} flags",
            data.len(),
            numeric.len()
        )));
    }
    let (p1, p2) = data.split_at(d);
    let (p1, p2) = (p1.to_vec(), p2.to_vec());
    let child = run(py, move || {
        child(
            &p1,
            &p2,
            &numeric,
            seed,
            crossover_prob,
            swapping_prob,
            mutation_prob,
        )
    })?;
    Ok(PyArray1::from_vec(py, child))
}

fn child(
    p1: &[f64],
    p2: &[f64],
    numeric: &[bool],
    seed: u64,
    crossover_prob: f64,
    swapping_prob: f64,
    mutation_prob: Option<f64>,
) -> vilfredo_core::Result<Vec<f64>> {
    let d = p1.len();
    let mut rng = SplitMix64::new(seed);
    let nums: Vec<usize> = (0..d).filter(|&i| numeric[i]).collect();
    let prob_var = mutation_prob.unwrap_or(1.0 / d.max(1) as f64);
    let sbx = Sbx {
        prob: crossover_prob,
        prob_swap: swapping_prob,
        ..Sbx::default()
    };
    sbx.validate()?;
    let pm = PolynomialMutation {
        prob: 1.0,
        prob_var: Some(prob_var),
        ..PolynomialMutation::default()
    };
    pm.validate()?;
    let clamp = |x: f64| x.clamp(0.0, 1.0);
    let mut out: Vec<f64> = p1.iter().copied().map(clamp).collect();
    if !nums.is_empty() {
        let space = Space::real(vec![0.0; nums.len()], vec![1.0; nums.len()])?;
        let mut c1: Vec<f64> = nums.iter().map(|&i| clamp(p1[i])).collect();
        let mut c2: Vec<f64> = nums.iter().map(|&i| clamp(p2[i])).collect();
        sbx.apply(&space, &mut c1, &mut c2, &mut rng);
        let mut c = if rng.next_f64() < 0.5 { c1 } else { c2 };
        pm.apply(&space, &mut c, &mut rng);
        for (j, &i) in nums.iter().enumerate() {
            out[i] = c[j];
        }
    }
    let crossed = rng.next_f64() < crossover_prob;
    for i in (0..d).filter(|&i| !numeric[i]) {
        if crossed && rng.next_f64() < 0.5 {
            out[i] = clamp(p2[i]);
        }
        if rng.next_f64() < prob_var {
            out[i] = rng.next_f64();
        }
    }
    Ok(out)
}

/// The hypervolume of the feasible front after each row of ``F`` (minimised, in
/// order), for reference point ``ref``; rows marked infeasible leave it unchanged.
///
/// Each row adds its exclusive contribution to the front so far (the box it spans up to
/// ``ref`` less what the front already covers there), so the cost follows the front,
/// not the number of rows.
#[pyfunction]
#[pyo3(signature = (points, reference, feasible=None))]
pub fn _hypervolume_steps<'py>(
    py: Python<'py>,
    points: &Bound<'py, PyAny>,
    reference: &Bound<'py, PyAny>,
    feasible: Option<Vec<bool>>,
) -> PyResult<Bound<'py, PyArray1<f64>>> {
    let points = matrix(points, "F")?;
    let (data, m) = points.parts()?;
    let reference = vector(reference, "reference point")?;
    let steps = run(py, || {
        hypervolume_steps(data, m, &reference, feasible.as_deref())
    })?;
    Ok(PyArray1::from_vec(py, steps))
}

fn hypervolume_steps(
    data: &[f64],
    m: usize,
    r: &[f64],
    feasible: Option<&[bool]>,
) -> vilfredo_core::Result<Vec<f64>> {
    let view = PointsView::new(data, m)?;
    let n = view.n_points();
    if r.len() != m {
        return Err(vilfredo_core::Error::DimensionMismatch {
            what: "reference point",
            expected: m,
            found: r.len(),
        });
    }
    if let Some(f) = feasible
        && f.len() != n
    {
        return Err(vilfredo_core::Error::DimensionMismatch {
            what: "feasible",
            expected: n,
            found: f.len(),
        });
    }
    let mut front = ParetoArchive::new(m)?;
    let mut hv = 0.0;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let p = &data[i * m..(i + 1) * m];
        if feasible.is_none_or(|f| f[i]) && p.iter().zip(r).all(|(a, b)| a <= b) {
            let boxed: f64 = p.iter().zip(r).map(|(a, b)| b - a).product();
            if boxed > 0.0 {
                let covered = if front.is_empty() {
                    0.0
                } else {
                    let clipped: Vec<f64> = front
                        .points()
                        .chunks_exact(m)
                        .flat_map(|q| q.iter().zip(p).map(|(a, b)| a.max(*b)))
                        .collect();
                    vilfredo_pareto::hypervolume(PointsView::new(&clipped, m)?, r)?
                };
                hv += (boxed - covered).max(0.0);
            }
            front.insert(i as u64, p)?;
        }
        out.push(hv);
    }
    Ok(out)
}
