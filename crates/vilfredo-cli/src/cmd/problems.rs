//! `vilfredo problems`: the registry of built-in benchmark problems, from the command line.
//!
//! Every problem is built through `vilfredo_problems::get`, so the names, parameters and
//! their checks are the library's; anything the registry refuses (an unknown name or
//! parameter, a bad size) is a usage error whose message lists what is valid.

use std::io::Write;

use anyhow::{Context, Result};
use vilfredo_problems::{Benchmark, Params, VarType};

use super::load;
use crate::args::{EvalArgs, FrontArgs, Param, ProblemArg, ProblemsArgs, ProblemsCommand};
use crate::error::usage;
use crate::output::{Shortest, write_row};

/// Points asked of a front only to learn whether it is known.
const PROBE_POINTS: usize = 10;

/// Runs `vilfredo problems [SUBCOMMAND]`.
pub(super) fn problems(args: &ProblemsArgs, out: &mut dyn Write) -> Result<()> {
    match &args.action {
        None | Some(ProblemsCommand::List) => list(out),
        Some(ProblemsCommand::Show(problem)) => show(problem, out),
        Some(ProblemsCommand::Eval(eval_args)) => eval(eval_args, out),
        Some(ProblemsCommand::Front(front_args)) => front(front_args, out),
    }
}

/// Builds the named problem, turning every refusal into a usage error.
pub(crate) fn build(name: &str, params: &[Param]) -> Result<Box<dyn Benchmark>> {
    let params = params.iter().fold(Params::new(), |p, param| {
        p.set(param.name.clone(), param.value)
    });
    vilfredo_problems::get(name, &params).map_err(|e| usage(e.to_string()))
}

/// `vilfredo problems list`: one block per problem.
fn list(out: &mut dyn Write) -> Result<()> {
    let problems = vilfredo_problems::list();
    let width = problems.iter().map(|p| p.name.len()).max().unwrap_or(0);
    for info in problems {
        writeln!(out, "{:width$}  {}", info.name, info.description)?;
        for param in info.params {
            writeln!(
                out,
                "{:width$}    --param {}=...  {}",
                "", param.name, param.doc
            )?;
        }
    }
    Ok(())
}

/// `vilfredo problems show NAME`: `key: value` lines.
fn show(arg: &ProblemArg, out: &mut dyn Write) -> Result<()> {
    let problem = build(&arg.name, &arg.params.params)?;
    let n_var = problem.n_var();
    writeln!(out, "name: {}", problem.name())?;
    writeln!(out, "description: {}", problem.description())?;
    writeln!(out, "n_var: {n_var}")?;
    writeln!(out, "n_obj: {}", problem.n_obj())?;
    writeln!(out, "n_constr: {}", problem.n_constr())?;
    let (lower, upper) = (problem.lower(), problem.upper());
    let uniform = |v: &[f64]| v.windows(2).all(|w| w[0] == w[1]);
    if uniform(lower) && uniform(upper) {
        if let (Some(&lo), Some(&hi)) = (lower.first(), upper.first()) {
            writeln!(
                out,
                "bounds: [{}, {}] for every variable",
                Shortest(lo),
                Shortest(hi)
            )?;
        }
    } else {
        out.write_all(b"lower: ")?;
        write_row(out, lower)?;
        out.write_all(b"upper: ")?;
        write_row(out, upper)?;
    }
    let kinds: Vec<&str> = (0..n_var)
        .map(|j| match problem.var_type(j) {
            VarType::Real => "real",
            VarType::Integer => "integer",
            VarType::Binary => "binary",
            VarType::Categorical => "categorical",
        })
        .collect();
    // Each kind once, in order of first appearance (RE35: real, then one integer, then real).
    let mut distinct: Vec<&str> = Vec::new();
    for kind in &kinds {
        if !distinct.contains(kind) {
            distinct.push(kind);
        }
    }
    writeln!(out, "variables: {}", distinct.join(", "))?;
    let known = problem.pareto_front(PROBE_POINTS).is_ok();
    writeln!(
        out,
        "pareto_front: {}",
        if known { "known" } else { "not known" }
    )?;
    Ok(())
}

/// `vilfredo problems eval NAME [FILE]`: objectives then constraints, one row per vector.
fn eval(args: &EvalArgs, out: &mut dyn Write) -> Result<()> {
    let problem = build(&args.problem.name, &args.problem.params.params)?;
    let loaded = load(args.file.as_deref())?;
    let matrix = &loaded.matrix;
    if matrix.is_empty() {
        return Ok(());
    }
    let (n_var, n_obj, n_constr) = (problem.n_var(), problem.n_obj(), problem.n_constr());
    if matrix.n_cols() != n_var {
        return Err(usage(format!(
            "the vectors in {} have {} values but {} takes n_var = {n_var} \
             (set it with --param n_var={})",
            loaded.name,
            matrix.n_cols(),
            problem.name(),
            matrix.n_cols()
        )));
    }
    // Check the domain here rather than leaving it to the problem, so that the message
    // names the input line and column the user can find.
    let (lower, upper) = (problem.lower(), problem.upper());
    for (r, row) in matrix.rows().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let binary = problem.var_type(j) == VarType::Binary;
            if !(v >= lower[j] && v <= upper[j]) || (binary && v != 0.0 && v != 1.0) {
                anyhow::bail!(
                    "{}: line {}, column {}: {} is outside the domain of {} ({})",
                    loaded.name,
                    matrix.line_of(r),
                    j + 1,
                    Shortest(v),
                    problem.name(),
                    if binary {
                        "a bit, 0 or 1".to_owned()
                    } else {
                        format!("[{}, {}]", Shortest(lower[j]), Shortest(upper[j]))
                    }
                );
            }
        }
    }
    let n = matrix.n_rows();
    let mut f = vec![0.0; n * n_obj];
    let mut g = vec![0.0; n * n_constr];
    problem
        .evaluate(matrix.data(), &mut f, &mut g)
        .with_context(|| format!("evaluating {}", problem.name()))?;
    let mut row = Vec::with_capacity(n_obj + n_constr);
    for i in 0..n {
        row.clear();
        row.extend_from_slice(&f[i * n_obj..(i + 1) * n_obj]);
        row.extend_from_slice(&g[i * n_constr..(i + 1) * n_constr]);
        write_row(out, &row)?;
    }
    Ok(())
}

/// `vilfredo problems front NAME -n N`.
fn front(args: &FrontArgs, out: &mut dyn Write) -> Result<()> {
    let problem = build(&args.problem.name, &args.problem.params.params)?;
    let n = usize::try_from(args.n).map_err(|_| usage(format!("-n {} is too large", args.n)))?;
    let points = problem.pareto_front(n).map_err(|e| usage(e.to_string()))?;
    for row in points.view().rows() {
        write_row(out, row)?;
    }
    Ok(())
}
