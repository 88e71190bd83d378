//! The external operator protocol: offspring made by another program, spoken to in JSON
//! lines over its standard input and output.
//!
//! vilfredo starts the program once (directly, never through a shell) and, for each
//! generation after the first, writes one request line and reads one answer line:
//!
//! ```text
//! → {"protocol":"vilfredo-operator/1","generation":2,"n_offspring":100,
//!    "n_var":30,"n_obj":2,"lower":[…],"upper":[…],"types":["real",…],
//!    "parents":[[…],…],"values":[[…],…]}
//! ← {"offspring":[[…],…]}          or          ← {"error":"why"}
//! ```
//!
//! `parents` are the vectors NSGA-II selected, consecutive rows forming mating pairs,
//! and `values` their (minimised) objectives. The answer needs at least `n_offspring`
//! rows of `n_var` numbers; vilfredo clamps them into the bounds and rounds integer
//! variables. When the run ends, vilfredo closes the program's standard input, which
//! is its signal to exit. Its standard error passes through to the user, so it can log.
//! Anything on standard output that is not the answer line breaks the protocol: the
//! program must print nothing else there.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use vilfredo_core::Error;
use vilfredo_moea::{MatingPool, Variation};

/// Version tag sent with every request.
pub(crate) const PROTOCOL: &str = "vilfredo-operator/1";

/// A running operator program.
pub(crate) struct ExternalOperator {
    program: String,
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<std::io::Result<String>>,
    timeout: Duration,
}

impl std::fmt::Debug for ExternalOperator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExternalOperator")
            .field("program", &self.program)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

fn failure(program: &str, reason: impl std::fmt::Display) -> Error {
    Error::InvalidArgument {
        name: "operator",
        reason: format!("{program}: {reason}"),
    }
}

impl ExternalOperator {
    /// Starts `command[0]` with the remaining arguments, each passed as one argument.
    pub(crate) fn start(command: &[String], timeout: Duration) -> anyhow::Result<Self> {
        let (program, args) = command
            .split_first()
            .ok_or_else(|| anyhow::anyhow!("the operator command is empty"))?;
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| anyhow::anyhow!("cannot start operator {program:?}: {e}"))?;
        let stdin = child.stdin.take();
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| anyhow::anyhow!("operator {program:?}: no standard output"))?;
        // Reading on a thread lets `vary` wait with a timeout.
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let stop = line.is_err();
                if send.send(line).is_err() || stop {
                    break;
                }
            }
        });
        Ok(Self {
            program: program.clone(),
            child,
            stdin,
            lines,
            timeout,
        })
    }

    fn request(pool: &MatingPool<'_>) -> serde_json::Value {
        let rows = |data: &[f64], width: usize| -> Vec<Vec<f64>> {
            data.chunks_exact(width.max(1))
                .map(<[f64]>::to_vec)
                .collect()
        };
        let types: Vec<&str> = pool.space.types().iter().map(|t| t.name()).collect();
        serde_json::json!({
            "protocol": PROTOCOL,
            "generation": pool.generation,
            "n_offspring": pool.n_offspring,
            "n_var": pool.n_var,
            "n_obj": pool.n_obj,
            "lower": pool.space.lower(),
            "upper": pool.space.upper(),
            "types": types,
            "parents": rows(pool.parents, pool.n_var),
            "values": rows(pool.values, pool.n_obj),
        })
    }

    fn parse(&self, line: &str, pool: &MatingPool<'_>) -> vilfredo_core::Result<Vec<f64>> {
        let fail = |why: String| failure(&self.program, why);
        let answer: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| fail(format!("answer is not JSON ({e}): {}", clip(line))))?;
        if let Some(why) = answer.get("error") {
            return Err(fail(format!("reported an error: {why}")));
        }
        let rows = answer
            .get("offspring")
            .and_then(serde_json::Value::as_array)
            .ok_or_else(|| fail(format!("answer has no \"offspring\" list: {}", clip(line))))?;
        if rows.len() < pool.n_offspring {
            return Err(fail(format!(
                "answered {} offspring, {} were asked for",
                rows.len(),
                pool.n_offspring
            )));
        }
        let mut out = Vec::with_capacity(pool.n_offspring * pool.n_var);
        for (i, row) in rows.iter().take(pool.n_offspring).enumerate() {
            let values = row
                .as_array()
                .ok_or_else(|| fail(format!("offspring {i} is not a list")))?;
            if values.len() != pool.n_var {
                return Err(fail(format!(
                    "offspring {i} has {} values, the problem has {} variables",
                    values.len(),
                    pool.n_var
                )));
            }
            for (j, v) in values.iter().enumerate() {
                match v.as_f64() {
                    Some(x) if x.is_finite() => out.push(x),
                    _ => {
                        return Err(fail(format!(
                            "offspring {i}, variable {j}: {v} is not a finite number"
                        )));
                    }
                }
            }
        }
        Ok(out)
    }
}

impl Variation for ExternalOperator {
    fn vary(&mut self, pool: &MatingPool<'_>) -> vilfredo_core::Result<Vec<f64>> {
        let request = Self::request(pool).to_string();
        let stdin = self
            .stdin
            .as_mut()
            .ok_or_else(|| failure(&self.program, "its standard input is closed"))?;
        writeln!(stdin, "{request}")
            .and_then(|()| stdin.flush())
            .map_err(|e| {
                failure(
                    &self.program,
                    format!("cannot send the request ({e}); did it exit?"),
                )
            })?;
        let line = match self.lines.recv_timeout(self.timeout) {
            Ok(Ok(line)) => line,
            Ok(Err(e)) => return Err(failure(&self.program, format!("reading its answer: {e}"))),
            Err(RecvTimeoutError::Timeout) => {
                return Err(failure(
                    &self.program,
                    format!("no answer within {} s", self.timeout.as_secs_f64()),
                ));
            }
            Err(RecvTimeoutError::Disconnected) => {
                let status = self.child.try_wait().ok().flatten().map_or_else(
                    || "closed its output".to_owned(),
                    |s| format!("exited ({s})"),
                );
                return Err(failure(&self.program, format!("{status} before answering")));
            }
        };
        self.parse(&line, pool)
    }
}

impl Drop for ExternalOperator {
    fn drop(&mut self) {
        // Closing stdin asks the program to exit; give it a moment, then stop it.
        drop(self.stdin.take());
        for _ in 0..50 {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn clip(s: &str) -> String {
    const MAX: usize = 200;
    if s.len() <= MAX {
        return s.to_owned();
    }
    let mut end = MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use vilfredo_moea::{Algorithm, Nsga2, Nsga2Config, Space};

    fn script() -> Vec<String> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/midpoint_operator.py"
        );
        vec!["python3".into(), path.into()]
    }

    fn pool<'a>(
        space: &'a Space,
        parents: &'a [f64],
        values: &'a [f64],
        generation: usize,
    ) -> MatingPool<'a> {
        MatingPool {
            parents,
            values,
            n_offspring: 2,
            n_var: 2,
            n_obj: 1,
            space,
            generation,
        }
    }

    #[test]
    fn offspring_come_from_the_program() {
        let mut op = ExternalOperator::start(&script(), Duration::from_secs(20)).unwrap();
        let space = Space::real(vec![0.0; 2], vec![1.0; 2]).unwrap();
        let kids = op
            .vary(&pool(&space, &[0.0, 0.2, 0.4, 1.0], &[1.0, 2.0], 2))
            .unwrap();
        assert_eq!(kids, vec![0.2, 0.6, 0.21000000000000002, 0.6]);
    }

    #[test]
    fn nsga2_runs_on_external_offspring() {
        let space = Space::real(vec![0.0; 3], vec![1.0; 3]).unwrap();
        let config = Nsga2Config {
            pop_size: 10,
            seed: 3,
            ..Nsga2Config::default()
        };
        let mut nsga2 = Nsga2::new(space, 2, 0, config).unwrap();
        let mut op = ExternalOperator::start(&script(), Duration::from_secs(20)).unwrap();
        // Wraps the program to check each batch against the pool it was made from.
        let mut checked = 0;
        let mut checking = |p: &MatingPool<'_>| -> vilfredo_core::Result<Vec<f64>> {
            let kids = op.vary(p)?;
            let (a, b) = (&p.parents[..3], &p.parents[3..6]);
            assert_eq!(kids[0], f64::midpoint(a[0], b[0]));
            if p.n_offspring > 1 {
                assert_eq!(kids[3], f64::midpoint(a[0], b[0]) + 0.01);
            }
            checked += 1;
            Ok(kids)
        };
        for _ in 0..5 {
            let batch = nsga2.ask_with(&mut checking).unwrap();
            let f: Vec<f64> = batch
                .rows()
                .flat_map(|x| [x[0], 1.0 - x[0] + x[1] + x[2]])
                .collect();
            nsga2.tell(&f, None).unwrap();
        }
        assert!(checked >= 4, "the operator made {checked} batches");
        assert_eq!(nsga2.n_eval(), 50);
    }

    #[test]
    fn protocol_errors_are_clear() {
        let space = Space::real(vec![0.0; 2], vec![1.0; 2]).unwrap();
        let parents = [0.0, 0.2, 0.4, 1.0];
        for (generation, expected) in [
            (99, "not JSON"),
            (98, "model unavailable"),
            (97, "answered 1 offspring, 2 were asked for"),
        ] {
            let mut op = ExternalOperator::start(&script(), Duration::from_secs(20)).unwrap();
            let err = op
                .vary(&pool(&space, &parents, &[1.0, 2.0], generation))
                .unwrap_err()
                .to_string();
            assert!(err.contains(expected), "{generation}: {err}");
        }
        let mut op = ExternalOperator::start(&script(), Duration::from_millis(300)).unwrap();
        let err = op
            .vary(&pool(&space, &parents, &[1.0, 2.0], 96))
            .unwrap_err()
            .to_string();
        assert!(err.contains("no answer within"), "{err}");
        let mut op = ExternalOperator::start(&script(), Duration::from_secs(20)).unwrap();
        let err = op
            .vary(&pool(&space, &parents, &[1.0, 2.0], 95))
            .unwrap_err()
            .to_string();
        assert!(err.contains("before answering"), "{err}");
        let err = ExternalOperator::start(&["/nonexistent/op".into()], Duration::from_secs(1))
            .unwrap_err();
        assert!(err.to_string().contains("cannot start operator"), "{err}");
    }
}
