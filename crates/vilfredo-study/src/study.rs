//! A study: the trials of one optimization, its sampler, and the ask/tell loop.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use vilfredo_core::Direction;

use crate::distribution::Distribution;
use crate::error::{Error, Result, invalid};
use crate::frozen::{FrozenTrial, StudyId, TrialParam, TrialState};
use crate::history::History;
use crate::sampler::{Sampler, SamplerContext};
use crate::storage::{AttrKind, Storage};
use crate::trial::Trial;

/// How a trial ended, as the objective reports it to [`Study::tell`].
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Evaluated: one value per direction.
    Complete(Vec<f64>),
    /// Stopped early on purpose.
    Pruned,
    /// The evaluation failed, for this reason (kept in the trial's `fail_reason`).
    Failed(String),
}

/// Why an objective did not return values (see [`Study::optimize`]).
#[derive(Debug, Clone, PartialEq)]
pub enum TrialError {
    /// Stop this trial early; it is recorded as `Pruned`.
    Pruned,
    /// The evaluation failed; the trial is recorded as `Failed` with this reason and
    /// the study goes on.
    Failed(String),
}

/// Budget and parallelism of [`Study::optimize`].
#[derive(Debug, Clone, Default)]
pub struct OptimizeOptions {
    /// Stop after starting this many trials (in this call).
    pub n_trials: Option<usize>,
    /// Stop starting trials after this much time.
    pub timeout: Option<Duration>,
    /// Number of worker threads (0 or 1: the calling thread only).
    pub n_jobs: usize,
    /// Set to `true` from anywhere (a Ctrl-C handler) to stop starting trials; running
    /// ones finish normally.
    pub stop: Option<Arc<AtomicBool>>,
}

/// Failure detection for workers that die: a running trial beats every `interval`;
/// one silent for `grace` is failed by the next `ask`, and re-enqueued with the same
/// parameters up to `max_retry` times.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heartbeat {
    /// How often a running trial records that it is alive.
    pub interval: Duration,
    /// How long a silent trial is given before it is failed.
    pub grace: Duration,
    /// How many times a trial failed this way is retried.
    pub max_retry: u32,
}

#[derive(Debug)]
struct Local {
    sampler: Box<dyn Sampler>,
    history: History,
}

#[derive(Debug)]
struct Shared {
    storage: Arc<dyn Storage>,
    id: StudyId,
    name: String,
    directions: Vec<Direction>,
    heartbeat: Mutex<Option<Heartbeat>>,
    local: Mutex<Local>,
}

/// A multi-objective study: trials asked for and told back, kept in a [`Storage`].
///
/// `Study` is a cheap handle (an `Arc`): clones share the sampler and the view of the
/// history, and may be used from several threads. Several processes may open the same
/// study in a shared storage; each keeps its own view in step through
/// [`Storage::finished_since`].
#[derive(Debug, Clone)]
pub struct Study {
    shared: Arc<Shared>,
}

impl Study {
    /// Creates a study called `name` (a fresh unique name when `None`), or with
    /// `load_if_exists` opens the existing one of that name, which must have the same
    /// directions.
    ///
    /// # Errors
    /// `DuplicatedStudy` when the name is taken and `load_if_exists` is false; `Invalid`
    /// when there are no directions or they differ from the stored study's.
    pub fn create(
        storage: Arc<dyn Storage>,
        name: Option<&str>,
        directions: &[Direction],
        sampler: Box<dyn Sampler>,
        load_if_exists: bool,
    ) -> Result<Self> {
        if directions.is_empty() {
            return Err(invalid(
                "directions",
                "a study needs at least one direction",
            ));
        }
        let generated;
        let name = match name {
            Some(n) if n.trim().is_empty() => {
                return Err(invalid("study_name", "the study name must not be empty"));
            }
            Some(n) => n,
            None => {
                generated = format!("study-{}", crate::frozen::now());
                &generated
            }
        };
        let id = match storage.create_study(name, directions) {
            Ok(id) => id,
            Err(Error::DuplicatedStudy { .. }) if load_if_exists => {
                let info = storage
                    .find_study(name)?
                    .ok_or_else(|| Error::StudyNotFound {
                        name: name.to_owned(),
                        hint: String::new(),
                    })?;
                if info.directions != directions {
                    return Err(invalid(
                        "directions",
                        format!(
                            "study {name:?} exists with directions {}, not {}",
                            show_directions(&info.directions),
                            show_directions(directions)
                        ),
                    ));
                }
                info.id
            }
            Err(e) => return Err(e),
        };
        Self::open(storage, id, sampler)
    }

    /// Opens the existing study called `name`.
    ///
    /// # Errors
    /// `StudyNotFound` (listing the names that exist) when there is none.
    pub fn load(storage: Arc<dyn Storage>, name: &str, sampler: Box<dyn Sampler>) -> Result<Self> {
        match storage.find_study(name)? {
            Some(info) => Self::open(storage, info.id, sampler),
            None => {
                let names: Vec<String> = storage
                    .list_studies()?
                    .into_iter()
                    .map(|s| format!("{:?}", s.info.name))
                    .collect();
                let hint = match names.len() {
                    0 => "; the storage holds no study".to_owned(),
                    1..=20 => format!("; it holds {}", names.join(", ")),
                    n => format!("; it holds {n} studies"),
                };
                Err(Error::StudyNotFound {
                    name: name.to_owned(),
                    hint,
                })
            }
        }
    }

    fn open(storage: Arc<dyn Storage>, id: StudyId, sampler: Box<dyn Sampler>) -> Result<Self> {
        let info = storage.study(id)?;
        let mut history = History::new(&info.directions)?;
        if let Some(r) = info.system_attrs.get("reference_point") {
            let r: Vec<f64> = serde_json::from_value(r.clone())
                .map_err(|e| Error::Storage(format!("stored reference point: {e}")))?;
            history.set_reference_point(&r)?;
        }
        history.absorb(storage.finished_since(id, 0)?)?;
        Ok(Self {
            shared: Arc::new(Shared {
                storage,
                id,
                name: info.name,
                directions: info.directions,
                heartbeat: Mutex::new(None),
                local: Mutex::new(Local { sampler, history }),
            }),
        })
    }

    /// The study's name.
    pub fn name(&self) -> &str {
        &self.shared.name
    }

    /// The storage's identifier of the study.
    pub fn id(&self) -> StudyId {
        self.shared.id
    }

    /// One direction per objective.
    pub fn directions(&self) -> &[Direction] {
        &self.shared.directions
    }

    /// The storage the study lives in.
    pub fn storage(&self) -> &Arc<dyn Storage> {
        &self.shared.storage
    }

    /// Turns on failure detection for dead workers (see [`Heartbeat`]).
    pub fn set_heartbeat(&self, heartbeat: Option<Heartbeat>) {
        if let Ok(mut h) = self.shared.heartbeat.lock() {
            *h = heartbeat;
        }
    }

    fn heartbeat(&self) -> Option<Heartbeat> {
        self.shared.heartbeat.lock().ok().and_then(|h| *h)
    }

    fn local(&self) -> Result<MutexGuard<'_, Local>> {
        self.shared
            .local
            .lock()
            .map_err(|_| Error::Storage("the study's lock was poisoned by a panic".into()))
    }

    /// Brings the local view up to date with the storage.
    fn sync(&self, local: &mut Local) -> Result<()> {
        let batch = self
            .shared
            .storage
            .finished_since(self.shared.id, local.history.cursor())?;
        local.history.absorb(batch)
    }

    /// Starts a trial: an enqueued one if any is waiting, a new one otherwise.
    ///
    /// # Errors
    /// When the storage or the sampler fails.
    pub fn ask(&self) -> Result<Trial> {
        let storage = &self.shared.storage;
        if let Some(hb) = self.heartbeat() {
            self.fail_stale(hb)?;
        }
        let snapshot = match storage.claim_waiting_trial(self.shared.id)? {
            Some(t) => t,
            None => storage.create_trial(self.shared.id, TrialState::Running, &[])?,
        };
        if let Err(e) = self.start(&snapshot) {
            // The caller never sees this trial, so nobody would finish it: fail it with
            // the reason instead of leaving it RUNNING.
            let reason = format!("the trial could not start: {e}");
            storage.set_trial_attr(snapshot.id, AttrKind::System, "fail_reason", &reason.into())?;
            storage.finish_trial(snapshot.id, TrialState::Failed, None)?;
            return Err(e);
        }
        Ok(Trial::new(self.clone(), snapshot))
    }

    /// Records the first heartbeat of a new trial and lets the sampler prepare it.
    fn start(&self, snapshot: &FrozenTrial) -> Result<()> {
        let storage = &self.shared.storage;
        if self.heartbeat().is_some() {
            storage.record_heartbeat(snapshot.id)?;
        }
        let mut local = self.local()?;
        self.sync(&mut local)?;
        let Local { sampler, history } = &mut *local;
        let running = if sampler.needs_running() {
            storage.trials(self.shared.id, Some(&[TrialState::Running]))?
        } else {
            Vec::new()
        };
        let ctx = SamplerContext {
            directions: &self.shared.directions,
            history,
            running: &running,
        };
        sampler.start_trial(&ctx, snapshot)
    }

    /// Fails trials whose workers stopped beating, and re-enqueues them if allowed.
    fn fail_stale(&self, hb: Heartbeat) -> Result<()> {
        let grace = i64::try_from(hb.grace.as_millis()).unwrap_or(i64::MAX);
        for dead in self
            .shared
            .storage
            .fail_stale_trials(self.shared.id, grace)?
        {
            let tries = dead
                .system_attrs
                .get("retry_count")
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0);
            if tries < u64::from(hb.max_retry) {
                let again = self.shared.storage.create_trial(
                    self.shared.id,
                    TrialState::Waiting,
                    &dead.params,
                )?;
                let storage = &self.shared.storage;
                storage.set_trial_attr(
                    again.id,
                    AttrKind::System,
                    "retry_count",
                    &(tries + 1).into(),
                )?;
                storage.set_trial_attr(
                    again.id,
                    AttrKind::System,
                    "retried_from",
                    &dead.number.into(),
                )?;
            }
        }
        Ok(())
    }

    /// Draws a value for a trial's parameter (called by [`Trial`]).
    pub(crate) fn sample(&self, trial: &FrozenTrial, name: &str, d: &Distribution) -> Result<f64> {
        if d.is_single() {
            return Ok(d.from_unit(0.0));
        }
        let mut local = self.local()?;
        let Local { sampler, history } = &mut *local;
        let ctx = SamplerContext {
            directions: &self.shared.directions,
            history,
            running: &[],
        };
        let x = sampler.sample(&ctx, trial, name, d)?;
        if !d.contains(x) {
            return Err(Error::Storage(format!(
                "sampler {} produced {x} for {name:?}, outside {d}",
                sampler.name()
            )));
        }
        Ok(x)
    }

    /// Finishes a trial.
    ///
    /// Values that cannot be stored as a result — the wrong number, NaN — fail the trial
    /// with the reason in its `fail_reason` attribute, and the call returns that error
    /// (the trial is then `Failed`, not lost).
    ///
    /// # Errors
    /// `TrialFinished` when the trial is already finished; `Invalid` for unusable values
    /// (after failing the trial); storage errors.
    pub fn tell(&self, trial: Trial, outcome: Outcome) -> Result<FrozenTrial> {
        self.tell_id(trial.snapshot(), outcome)
    }

    /// Finishes the trial numbered `number` (for evaluators that only kept the number).
    ///
    /// # Errors
    /// As [`tell`](Self::tell); `TrialNotFound` for an unknown number.
    pub fn tell_number(&self, number: u64, outcome: Outcome) -> Result<FrozenTrial> {
        let t = self
            .shared
            .storage
            .trial_by_number(self.shared.id, number)?;
        self.tell_id(&t, outcome)
    }

    fn tell_id(&self, trial: &FrozenTrial, outcome: Outcome) -> Result<FrozenTrial> {
        let (done, problem) = self.finish(trial, outcome)?;
        match problem {
            Some(reason) => Err(invalid(
                "values",
                format!("trial {}: {reason}", done.number),
            )),
            None => Ok(done),
        }
    }

    /// Records the outcome; returns the final snapshot and, when the values were
    /// unusable, why the trial was failed instead.
    fn finish(
        &self,
        trial: &FrozenTrial,
        outcome: Outcome,
    ) -> Result<(FrozenTrial, Option<String>)> {
        let storage = &self.shared.storage;
        let (state, values, reason, problem) = match outcome {
            Outcome::Complete(v) => match self.check_values(&v) {
                Ok(()) => (TrialState::Complete, Some(v), None, None),
                Err(why) => (TrialState::Failed, None, Some(why.clone()), Some(why)),
            },
            Outcome::Pruned => (TrialState::Pruned, None, None, None),
            Outcome::Failed(why) => (TrialState::Failed, None, Some(why), None),
        };
        if let Some(why) = &reason {
            storage.set_trial_attr(
                trial.id,
                AttrKind::System,
                "fail_reason",
                &why.as_str().into(),
            )?;
        }
        let done = storage.finish_trial(trial.id, state, values.as_deref())?;
        let mut local = self.local()?;
        self.sync(&mut local)?;
        let Local { sampler, history } = &mut *local;
        let ctx = SamplerContext {
            directions: &self.shared.directions,
            history,
            running: &[],
        };
        sampler.finish_trial(&ctx, &done)?;
        Ok((done, problem))
    }

    fn check_values(&self, v: &[f64]) -> std::result::Result<(), String> {
        let n = self.shared.directions.len();
        if v.len() != n {
            return Err(format!(
                "the objective returned {} value(s) but the study has {n} direction(s)",
                v.len()
            ));
        }
        if let Some(i) = v.iter().position(|x| x.is_nan()) {
            return Err(format!("objective value {i} is NaN"));
        }
        Ok(())
    }

    /// Adds a trial with fixed parameter values, handed out by a later
    /// [`ask`](Self::ask) before any sampled trial.
    ///
    /// # Errors
    /// When a value is outside its distribution or the storage fails.
    pub fn enqueue(&self, params: &[TrialParam]) -> Result<FrozenTrial> {
        self.shared
            .storage
            .create_trial(self.shared.id, TrialState::Waiting, params)
    }

    /// All trials, by number (a fresh snapshot from the storage).
    ///
    /// # Errors
    /// When the storage fails.
    pub fn trials(&self) -> Result<Vec<FrozenTrial>> {
        self.shared.storage.trials(self.shared.id, None)
    }

    /// The Pareto-optimal feasible complete trials, by number; when no complete trial is
    /// feasible, the non-dominated ones among the least violating.
    ///
    /// # Errors
    /// When the storage fails.
    pub fn best_trials(&self) -> Result<Vec<FrozenTrial>> {
        let mut local = self.local()?;
        self.sync(&mut local)?;
        Ok(local.history.best_trials().into_iter().cloned().collect())
    }

    /// Sets the reference point of the study's hypervolume (in the user's directions),
    /// stores it, and recomputes the hypervolume history.
    ///
    /// # Errors
    /// When the point has the wrong length or is not finite, or the storage fails.
    pub fn set_reference_point(&self, reference: &[f64]) -> Result<()> {
        let mut local = self.local()?;
        local.history.set_reference_point(reference)?;
        self.shared.storage.set_study_attr(
            self.shared.id,
            AttrKind::System,
            "reference_point",
            &serde_json::json!(reference),
        )
    }

    /// Runs `f` on the study's up-to-date history (front, hypervolume, finished trials).
    ///
    /// # Errors
    /// When the storage fails.
    pub fn with_history<T>(&self, f: impl FnOnce(&History) -> T) -> Result<T> {
        let mut local = self.local()?;
        self.sync(&mut local)?;
        Ok(f(&local.history))
    }

    /// Runs `objective` on trials until the budget is spent: a thin loop over
    /// [`ask`](Self::ask) and [`tell`](Self::tell), on `n_jobs` threads.
    ///
    /// An objective's `Err(TrialError::Failed)` and unusable values fail that trial and
    /// the loop goes on; storage errors stop it. `on_trial` sees each finished trial.
    /// Returns the number of trials this call finished.
    ///
    /// With one job and a fixed seed the sequence of trials is reproducible; with
    /// several, trials finish in an order the scheduler decides, which samplers that
    /// learn from finished trials see.
    ///
    /// # Errors
    /// When neither `n_trials`, `timeout` nor `stop` bounds the run, or the storage
    /// or sampler fails.
    pub fn optimize<F>(
        &self,
        objective: F,
        options: &OptimizeOptions,
        on_trial: Option<&(dyn Fn(&FrozenTrial) + Sync)>,
    ) -> Result<usize>
    where
        F: Fn(&mut Trial) -> std::result::Result<Vec<f64>, TrialError> + Sync,
    {
        if options.n_trials.is_none() && options.timeout.is_none() && options.stop.is_none() {
            return Err(invalid(
                "budget",
                "give n_trials, a timeout or a stop flag, or the run never ends",
            ));
        }
        let started = Instant::now();
        let claimed = AtomicUsize::new(0);
        let finished = AtomicUsize::new(0);
        let failed_run = AtomicBool::new(false);
        let running: Mutex<Vec<crate::frozen::TrialId>> = Mutex::new(Vec::new());
        let beat_stop = AtomicBool::new(false);
        let keep_going = || {
            !failed_run.load(Ordering::Relaxed)
                && options
                    .stop
                    .as_ref()
                    .is_none_or(|s| !s.load(Ordering::Relaxed))
                && options.timeout.is_none_or(|t| started.elapsed() < t)
                && options.n_trials.is_none_or(|n| {
                    claimed
                        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |c| {
                            (c < n).then_some(c + 1)
                        })
                        .is_ok()
                })
        };
        let worker = || -> Result<()> {
            while keep_going() {
                let mut trial = self.ask()?;
                if let Ok(mut r) = running.lock() {
                    r.push(trial.id());
                }
                let outcome = match objective(&mut trial) {
                    Ok(values) => Outcome::Complete(values),
                    Err(TrialError::Pruned) => Outcome::Pruned,
                    Err(TrialError::Failed(why)) => Outcome::Failed(why),
                };
                let id = trial.id();
                let result = self.finish(trial.snapshot(), outcome);
                if let Ok(mut r) = running.lock() {
                    r.retain(|t| *t != id);
                }
                let (done, _) =
                    result.inspect_err(|_| failed_run.store(true, Ordering::Relaxed))?;
                finished.fetch_add(1, Ordering::Relaxed);
                if let Some(cb) = on_trial {
                    cb(&done);
                }
            }
            Ok(())
        };
        let jobs = options.n_jobs.max(1);
        let results: Vec<Result<()>> = std::thread::scope(|scope| {
            if let Some(hb) = self.heartbeat() {
                let (running, beat_stop) = (&running, &beat_stop);
                scope.spawn(move || {
                    while !beat_stop.load(Ordering::Relaxed) {
                        let ids = running.lock().map(|r| r.clone()).unwrap_or_default();
                        for id in ids {
                            // A trial that finished meanwhile refuses the beat; harmless.
                            let _ = self.shared.storage.record_heartbeat(id);
                        }
                        sleep_unless(beat_stop, hb.interval);
                    }
                });
            }
            let handles: Vec<_> = (1..jobs).map(|_| scope.spawn(worker)).collect();
            let mut results = vec![worker()];
            for h in handles {
                results
                    .push(h.join().unwrap_or_else(|_| {
                        Err(Error::Storage("a worker thread panicked".into()))
                    }));
            }
            beat_stop.store(true, Ordering::Relaxed);
            results
        });
        results.into_iter().collect::<Result<Vec<()>>>()?;
        Ok(finished.load(Ordering::Relaxed))
    }
}

/// Sleeps for `d`, waking early (within 50 ms) when `stop` is set.
fn sleep_unless(stop: &AtomicBool, d: Duration) {
    let until = Instant::now() + d;
    while !stop.load(Ordering::Relaxed) {
        let now = Instant::now();
        if now >= until {
            break;
        }
        std::thread::sleep((until - now).min(Duration::from_millis(50)));
    }
}

fn show_directions(d: &[Direction]) -> String {
    let names: Vec<&str> = d
        .iter()
        .map(|d| match d {
            Direction::Minimize => "minimize",
            Direction::Maximize => "maximize",
        })
        .collect();
    format!("[{}]", names.join(", "))
}
