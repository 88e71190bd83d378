//! The in-memory store: fast, private to one process, gone when it ends.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard};

use vilfredo_core::Direction;

use super::{AttrKind, FinishedSince, Storage, check_finish, check_param};
use crate::distribution::Distribution;
use crate::error::{Error, Result};
use crate::frozen::{
    FrozenTrial, StudyId, StudyInfo, StudySummary, TrialId, TrialParam, TrialState, now,
};

/// A [`Storage`] held in this process's memory (one mutex around plain vectors).
#[derive(Debug, Default)]
pub struct InMemoryStorage {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    studies: BTreeMap<StudyId, StudyRecord>,
    trials: Vec<TrialRecord>,
    next_study: i64,
}

#[derive(Debug)]
struct StudyRecord {
    info: StudyInfo,
    /// Trial ids by number.
    trials: Vec<TrialId>,
    /// Trial ids in finishing order (the cursor of `finished_since` indexes this).
    finished: Vec<TrialId>,
    /// Ids of the trials still running or waiting. Ids grow with trial numbers, so the
    /// set's order is number order; asking for running trials costs what they cost, not
    /// what the whole study costs.
    unfinished: BTreeSet<TrialId>,
    /// The first distribution seen for each parameter name.
    params: HashMap<String, Distribution>,
}

#[derive(Debug)]
struct TrialRecord {
    study: StudyId,
    trial: FrozenTrial,
    heartbeat: Option<i64>,
    deleted: bool,
}

impl InMemoryStorage {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> Result<MutexGuard<'_, Inner>> {
        // A poisoned lock means a thread panicked mid-update; refuse rather than serve
        // possibly half-written state.
        self.inner
            .lock()
            .map_err(|_| Error::Storage("the in-memory storage was poisoned by a panic".into()))
    }
}

impl Inner {
    fn study(&self, id: StudyId) -> Result<&StudyRecord> {
        self.studies.get(&id).ok_or_else(|| Error::StudyNotFound {
            name: format!("id {}", id.0),
            hint: String::new(),
        })
    }

    fn study_mut(&mut self, id: StudyId) -> Result<&mut StudyRecord> {
        self.studies
            .get_mut(&id)
            .ok_or_else(|| Error::StudyNotFound {
                name: format!("id {}", id.0),
                hint: String::new(),
            })
    }

    fn record(&self, id: TrialId) -> Result<&TrialRecord> {
        usize::try_from(id.0)
            .ok()
            .and_then(|i| self.trials.get(i))
            .filter(|r| !r.deleted)
            .ok_or_else(|| Error::TrialNotFound {
                study: String::new(),
                what: format!("id {}", id.0),
            })
    }

    fn open_record_mut(&mut self, id: TrialId) -> Result<&mut TrialRecord> {
        let r = usize::try_from(id.0)
            .ok()
            .and_then(|i| self.trials.get_mut(i))
            .filter(|r| !r.deleted)
            .ok_or_else(|| Error::TrialNotFound {
                study: String::new(),
                what: format!("id {}", id.0),
            })?;
        if r.trial.state.is_finished() {
            return Err(Error::TrialFinished {
                number: r.trial.number,
                state: r.trial.state,
            });
        }
        Ok(r)
    }

    fn new_trial(
        &mut self,
        study: StudyId,
        state: TrialState,
        params: Vec<TrialParam>,
    ) -> Result<FrozenTrial> {
        let id = TrialId(self.trials.len() as i64);
        let rec = self.study_mut(study)?;
        let trial = FrozenTrial {
            id,
            number: rec.trials.len() as u64,
            state,
            values: None,
            params,
            constraints: None,
            user_attrs: BTreeMap::new(),
            system_attrs: BTreeMap::new(),
            datetime_start: (state == TrialState::Running).then(now),
            datetime_complete: None,
        };
        rec.trials.push(id);
        rec.unfinished.insert(id);
        for p in &trial.params {
            rec.params
                .entry(p.name.clone())
                .or_insert_with(|| p.distribution.clone());
        }
        self.trials.push(TrialRecord {
            study,
            trial: trial.clone(),
            heartbeat: None,
            deleted: false,
        });
        Ok(trial)
    }

    fn finish(
        &mut self,
        id: TrialId,
        state: TrialState,
        values: Option<&[f64]>,
    ) -> Result<FrozenTrial> {
        let rec = self.open_record_mut(id)?;
        rec.trial.state = state;
        rec.trial.values = values.map(<[f64]>::to_vec);
        rec.trial.datetime_complete = Some(now());
        let (study, snapshot) = (rec.study, rec.trial.clone());
        let s = self.study_mut(study)?;
        s.finished.push(id);
        s.unfinished.remove(&id);
        Ok(snapshot)
    }
}

impl Storage for InMemoryStorage {
    fn create_study(&self, name: &str, directions: &[Direction]) -> Result<StudyId> {
        let mut inner = self.lock()?;
        if inner.studies.values().any(|s| s.info.name == name) {
            return Err(Error::DuplicatedStudy { name: name.into() });
        }
        let id = StudyId(inner.next_study);
        inner.next_study += 1;
        inner.studies.insert(
            id,
            StudyRecord {
                info: StudyInfo {
                    id,
                    name: name.into(),
                    directions: directions.to_vec(),
                    user_attrs: BTreeMap::new(),
                    system_attrs: BTreeMap::new(),
                },
                trials: Vec::new(),
                finished: Vec::new(),
                unfinished: BTreeSet::new(),
                params: HashMap::new(),
            },
        );
        Ok(id)
    }

    fn find_study(&self, name: &str) -> Result<Option<StudyInfo>> {
        let inner = self.lock()?;
        Ok(inner
            .studies
            .values()
            .find(|s| s.info.name == name)
            .map(|s| s.info.clone()))
    }

    fn study(&self, study: StudyId) -> Result<StudyInfo> {
        Ok(self.lock()?.study(study)?.info.clone())
    }

    fn list_studies(&self) -> Result<Vec<StudySummary>> {
        let inner = self.lock()?;
        let mut out = Vec::with_capacity(inner.studies.len());
        for s in inner.studies.values() {
            let mut counts = [0; 5];
            let mut start: Option<i64> = None;
            for &t in &s.trials {
                let t = &inner.record(t)?.trial;
                if let Some(i) = TrialState::ALL.iter().position(|x| *x == t.state) {
                    counts[i] += 1;
                }
                if let Some(ts) = t.datetime_start {
                    start = Some(start.map_or(ts, |s0| s0.min(ts)));
                }
            }
            out.push(StudySummary {
                info: s.info.clone(),
                counts,
                datetime_start: start,
            });
        }
        Ok(out)
    }

    fn delete_study(&self, study: StudyId) -> Result<()> {
        let mut inner = self.lock()?;
        let rec = inner
            .studies
            .remove(&study)
            .ok_or_else(|| Error::StudyNotFound {
                name: format!("id {}", study.0),
                hint: String::new(),
            })?;
        for t in rec.trials {
            if let Some(r) = usize::try_from(t.0)
                .ok()
                .and_then(|i| inner.trials.get_mut(i))
            {
                r.deleted = true;
            }
        }
        Ok(())
    }

    fn set_study_attr(
        &self,
        study: StudyId,
        kind: AttrKind,
        key: &str,
        value: &serde_json::Value,
    ) -> Result<()> {
        let mut inner = self.lock()?;
        let info = &mut inner.study_mut(study)?.info;
        let map = match kind {
            AttrKind::User => &mut info.user_attrs,
            AttrKind::System => &mut info.system_attrs,
        };
        map.insert(key.into(), value.clone());
        Ok(())
    }

    fn create_trial(
        &self,
        study: StudyId,
        state: TrialState,
        params: &[TrialParam],
    ) -> Result<FrozenTrial> {
        super::check_new_state(state)?;
        let mut inner = self.lock()?;
        let known = &inner.study(study)?.params;
        for (i, p) in params.iter().enumerate() {
            let earlier = params[..i].iter().find(|q| q.name == p.name);
            check_param(
                &p.name,
                p.internal,
                &p.distribution,
                earlier,
                known.get(&p.name),
            )?;
        }
        inner.new_trial(study, state, params.to_vec())
    }

    fn claim_waiting_trial(&self, study: StudyId) -> Result<Option<FrozenTrial>> {
        let mut inner = self.lock()?;
        let ids: Vec<TrialId> = inner.study(study)?.unfinished.iter().copied().collect();
        for id in ids {
            let r = inner.open_record_mut(id);
            if let Ok(r) = r
                && r.trial.state == TrialState::Waiting
            {
                r.trial.state = TrialState::Running;
                r.trial.datetime_start = Some(now());
                return Ok(Some(r.trial.clone()));
            }
        }
        Ok(None)
    }

    fn set_trial_param(
        &self,
        trial: TrialId,
        name: &str,
        internal: f64,
        distribution: &Distribution,
    ) -> Result<()> {
        let mut inner = self.lock()?;
        let study = inner.record(trial)?.study;
        let known = inner.study(study)?.params.get(name).cloned();
        let rec = inner.open_record_mut(trial)?;
        let existing = rec.trial.param(name);
        check_param(name, internal, distribution, existing, known.as_ref())?;
        if existing.is_some() {
            return Ok(());
        }
        rec.trial.params.push(TrialParam {
            name: name.into(),
            internal,
            distribution: distribution.clone(),
        });
        if known.is_none() {
            inner
                .study_mut(study)?
                .params
                .insert(name.into(), distribution.clone());
        }
        Ok(())
    }

    fn set_trial_attr(
        &self,
        trial: TrialId,
        kind: AttrKind,
        key: &str,
        value: &serde_json::Value,
    ) -> Result<()> {
        let mut inner = self.lock()?;
        let t = &mut inner.open_record_mut(trial)?.trial;
        let map = match kind {
            AttrKind::User => &mut t.user_attrs,
            AttrKind::System => &mut t.system_attrs,
        };
        map.insert(key.into(), value.clone());
        Ok(())
    }

    fn set_trial_constraints(&self, trial: TrialId, constraints: &[f64]) -> Result<()> {
        super::check_constraints(constraints)?;
        let mut inner = self.lock()?;
        inner.open_record_mut(trial)?.trial.constraints = Some(constraints.to_vec());
        Ok(())
    }

    fn finish_trial(
        &self,
        trial: TrialId,
        state: TrialState,
        values: Option<&[f64]>,
    ) -> Result<FrozenTrial> {
        check_finish(state, values)?;
        let mut inner = self.lock()?;
        let study = inner.record(trial)?.study;
        if let Some(v) = values {
            let n = inner.study(study)?.info.directions.len();
            if v.len() != n {
                return Err(vilfredo_core::Error::DimensionMismatch {
                    what: "objective values",
                    expected: n,
                    found: v.len(),
                }
                .into());
            }
        }
        inner.finish(trial, state, values)
    }

    fn trial(&self, trial: TrialId) -> Result<FrozenTrial> {
        Ok(self.lock()?.record(trial)?.trial.clone())
    }

    fn trial_by_number(&self, study: StudyId, number: u64) -> Result<FrozenTrial> {
        let inner = self.lock()?;
        let s = inner.study(study)?;
        let id = usize::try_from(number)
            .ok()
            .and_then(|n| s.trials.get(n))
            .ok_or_else(|| Error::TrialNotFound {
                study: s.info.name.clone(),
                what: format!("number {number}"),
            })?;
        Ok(inner.record(*id)?.trial.clone())
    }

    fn trials(&self, study: StudyId, states: Option<&[TrialState]>) -> Result<Vec<FrozenTrial>> {
        let inner = self.lock()?;
        let s = inner.study(study)?;
        // Only unfinished trials can be running or waiting: when no finished state is
        // asked for, the index of unfinished trials is all there is to look at.
        let ids: Box<dyn Iterator<Item = &TrialId>> = match states {
            Some(st) if !st.iter().any(|x| x.is_finished()) => Box::new(s.unfinished.iter()),
            _ => Box::new(s.trials.iter()),
        };
        let mut out = Vec::new();
        for &id in ids {
            let t = &inner.record(id)?.trial;
            if states.is_none_or(|st| st.contains(&t.state)) {
                out.push(t.clone());
            }
        }
        Ok(out)
    }

    fn finished_since(&self, study: StudyId, cursor: u64) -> Result<FinishedSince> {
        let inner = self.lock()?;
        let s = inner.study(study)?;
        let from = usize::try_from(cursor)
            .unwrap_or(usize::MAX)
            .min(s.finished.len());
        let mut trials = Vec::with_capacity(s.finished.len() - from);
        for &id in &s.finished[from..] {
            trials.push(inner.record(id)?.trial.clone());
        }
        Ok(FinishedSince {
            trials,
            cursor: s.finished.len() as u64,
        })
    }

    fn record_heartbeat(&self, trial: TrialId) -> Result<()> {
        let mut inner = self.lock()?;
        let rec = inner.open_record_mut(trial)?;
        rec.heartbeat = Some(now());
        Ok(())
    }

    fn fail_stale_trials(&self, study: StudyId, grace_ms: i64) -> Result<Vec<FrozenTrial>> {
        let mut inner = self.lock()?;
        let deadline = now() - grace_ms;
        let stale: Vec<TrialId> = inner
            .study(study)?
            .unfinished
            .iter()
            .copied()
            .filter(|&id| {
                inner.record(id).is_ok_and(|r| {
                    r.trial.state == TrialState::Running
                        && r.heartbeat.is_some_and(|h| h < deadline)
                })
            })
            .collect();
        let mut failed = Vec::with_capacity(stale.len());
        for id in stale {
            failed.push(inner.finish(id, TrialState::Failed, None)?);
        }
        Ok(failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index of unfinished trials answers exactly what a scan of all trials would.
    #[test]
    fn unfinished_index_agrees_with_a_full_scan() {
        let s = InMemoryStorage::new();
        let study = s.create_study("s", &[Direction::Minimize]).unwrap();
        let other = s.create_study("t", &[Direction::Minimize]).unwrap();
        let mut ids = Vec::new();
        for i in 0..30 {
            let state = if i % 7 == 3 {
                TrialState::Waiting
            } else {
                TrialState::Running
            };
            ids.push(s.create_trial(study, state, &[]).unwrap().id);
            s.create_trial(other, TrialState::Running, &[]).unwrap();
        }
        for (i, id) in ids.iter().enumerate() {
            if i % 3 == 0 && s.trial(*id).unwrap().state == TrialState::Running {
                s.finish_trial(*id, TrialState::Complete, Some(&[1.0]))
                    .unwrap();
            }
        }
        let claimed = s.claim_waiting_trial(study).unwrap().unwrap();
        assert_eq!(claimed.number, 3);
        let all = s.trials(study, None).unwrap();
        for states in [
            vec![TrialState::Running],
            vec![TrialState::Waiting],
            vec![TrialState::Running, TrialState::Waiting],
        ] {
            let want: Vec<u64> = all
                .iter()
                .filter(|t| states.contains(&t.state))
                .map(|t| t.number)
                .collect();
            let got: Vec<u64> = s
                .trials(study, Some(&states))
                .unwrap()
                .iter()
                .map(|t| t.number)
                .collect();
            assert_eq!(got, want, "{states:?}");
        }
        assert_eq!(
            s.trials(study, Some(&[TrialState::Complete]))
                .unwrap()
                .len(),
            8
        );
    }
}
