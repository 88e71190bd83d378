//! Save and restore: an interrupted run continues bit for bit.

use crate::common::{Bnh, zdt1};
use vilfredo_moea::{
    Algorithm, MaxGenerations, Nsga2, Nsga2Config, Nsga2State, Problem, TournamentRule, minimize,
};

fn start(p: &dyn Problem, seed: u64) -> Nsga2 {
    let c = Nsga2Config {
        pop_size: 30,
        seed,
        ..Nsga2Config::default()
    };
    Nsga2::for_problem(p, c).unwrap()
}

fn through_json(state: &Nsga2State) -> Nsga2State {
    let text = serde_json::to_string(state).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn snapshot_at_5_continues_to_10_bit_for_bit() {
    for p in [&zdt1(12) as &dyn Problem, &Bnh] {
        let mut straight = start(p, 42);
        minimize(p, &mut straight, &mut MaxGenerations(10)).unwrap();

        let mut first = start(p, 42);
        minimize(p, &mut first, &mut MaxGenerations(5)).unwrap();
        let snap = through_json(&first.state());
        drop(first);
        let mut resumed = Nsga2::from_state(snap).unwrap();
        assert_eq!(resumed.n_gen(), 5);
        minimize(p, &mut resumed, &mut MaxGenerations(10)).unwrap();

        assert_eq!(resumed.state(), straight.state());
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(resumed.x()), bits(straight.x()));
        assert_eq!(bits(resumed.f()), bits(straight.f()));
        assert_eq!(bits(resumed.crowding()), bits(straight.crowding()));
    }
}

#[test]
fn a_pending_batch_survives_the_snapshot() {
    let p = zdt1(8);
    let mut a = start(&p, 9);
    minimize(&p, &mut a, &mut MaxGenerations(3)).unwrap();
    let asked = a.ask().unwrap().as_slice().to_vec();
    let mut b = Nsga2::from_state(through_json(&a.state())).unwrap();
    assert_eq!(b.ask().unwrap().as_slice(), &asked[..]);
    // Also before the very first tell.
    let mut c = start(&p, 9);
    let initial = c.ask().unwrap().as_slice().to_vec();
    let mut d = Nsga2::from_state(through_json(&c.state())).unwrap();
    assert_eq!(d.ask().unwrap().as_slice(), &initial[..]);
}

#[test]
fn inconsistent_states_are_refused() {
    let p = zdt1(8);
    let mut a = start(&p, 9);
    minimize(&p, &mut a, &mut MaxGenerations(2)).unwrap();
    let good = a.state();
    assert!(Nsga2::from_state(good.clone()).is_ok());

    let mut s = good.clone();
    s.f.pop();
    assert!(Nsga2::from_state(s).is_err());
    let mut s = good.clone();
    s.f[5] = f64::NAN;
    assert!(Nsga2::from_state(s).is_err());
    let mut s = good.clone();
    s.x[0] = 2.0;
    assert!(Nsga2::from_state(s).is_err());
    let mut s = good.clone();
    s.pending = Some(vec![0.5; 7]);
    assert!(Nsga2::from_state(s).is_err());
    let mut s = good;
    s.config.pop_size = 1;
    assert!(Nsga2::from_state(s).is_err());
}

#[test]
fn failed_evaluations_survive_the_snapshot() {
    use crate::common::FailsAbove;
    use vilfredo_moea::NanPolicy;
    let p = FailsAbove;
    let c = Nsga2Config {
        pop_size: 16,
        seed: 12,
        nan_policy: NanPolicy::Infeasible,
        ..Nsga2Config::default()
    };
    let mut straight = Nsga2::for_problem(&p, c).unwrap();
    minimize(&p, &mut straight, &mut MaxGenerations(6)).unwrap();
    let mut first = Nsga2::for_problem(&p, c).unwrap();
    minimize(&p, &mut first, &mut MaxGenerations(1)).unwrap();
    let snap = through_json(&first.state());
    assert!(
        !snap.failed.is_empty(),
        "the test needs failures in the snapshot"
    );
    let mut resumed = Nsga2::from_state(snap).unwrap();
    assert_eq!(resumed.ranks(), first.ranks());
    minimize(&p, &mut resumed, &mut MaxGenerations(6)).unwrap();
    assert_eq!(resumed.state(), straight.state());
    let mut bad = first.state();
    bad.failed.push(99);
    assert!(Nsga2::from_state(bad).is_err());
}

#[test]
fn crowding_distances_travel_with_the_snapshot_and_are_checked() {
    let p = zdt1(6);
    let c = Nsga2Config {
        pop_size: 12,
        seed: 5,
        ..Nsga2Config::default()
    };
    let mut alg = Nsga2::for_problem(&p, c).unwrap();
    minimize(&p, &mut alg, &mut MaxGenerations(4)).unwrap();
    let state = through_json(&alg.state());
    let crowding = state.crowding.clone().unwrap();
    // Boundary members are infinitely far from their neighbours: written as -1.
    assert!(crowding.contains(&-1.0));
    let resumed = Nsga2::from_state(state.clone()).unwrap();
    assert_eq!(resumed.crowding(), alg.crowding());
    for (bad, what) in [
        (vec![0.5; 11], "one distance missing"),
        (vec![-2.0; 12], "a negative distance"),
        (vec![f64::NAN; 12], "a NaN distance"),
    ] {
        let mut s = state.clone();
        s.crowding = Some(bad);
        assert!(Nsga2::from_state(s).is_err(), "{what} accepted");
    }
}

/// An NSGA-II snapshot written by the code before the states shared `RunSnapshot`
/// (pop_size 4, seed 3, two generations told, a third batch pending).
const OLD_NSGA2_JSON: &str = r#"{"config":{"pop_size":4,"seed":3,"crossover":{"eta":15.0,"prob":0.9,"prob_var":0.5,"prob_swap":0.5},"mutation":{"eta":20.0,"prob":1.0,"prob_var":null},"binary_crossover":{"prob":0.9,"prob_swap":0.5},"binary_mutation":{"prob_var":null},"categorical_mutation":{"prob_var":null},"eliminate_duplicates":true,"nan_policy":"Infeasible"},"space":{"lower":[0.0,0.0,0.0],"upper":[1.0,1.0,1.0],"types":["real","real","real"]},"n_obj":2,"n_constr":1,"rng_state":335373174827490842,"n_gen":2,"n_eval":8,"x":[0.07286673677178535,0.21643910878148487,0.6362223157276478,0.8953521988467499,0.22902252091938416,0.716354764829214,0.07286673677178535,0.6866205994581899,0.6362223157276478,0.07286673677178535,0.6979378337674339,0.7030841697577755],"f":[0.07286673677178535,1.064836654231199,0.8953521988467499,0.2687091752670493,0.07286673677178535,1.36397661104181,0.07286673677178535,1.4178423056251312],"g":[-0.28356089121851513,-0.27097747908061587,0.18662059945818987,0.1979378337674339],"pending":[0.857037933472159,0.2322766979558127,0.716354764829214,0.07286673677178535,0.6833665220036969,0.7538543031037295,0.07286673677178535,0.7823119414597289,0.6362223157276478,0.8709814018563322,0.22902252091938416,0.6062806089779516],"failed":[]}"#;

#[test]
fn snapshots_written_before_the_shared_run_snapshot_still_load_unchanged() {
    let state: Nsga2State = serde_json::from_str(OLD_NSGA2_JSON).unwrap();
    assert_eq!((state.run.n_gen, state.run.n_eval), (2, 8));
    // The run's fields read through the state as before.
    assert_eq!(state.pending.as_ref().map(Vec::len), Some(12));
    // Those runs chose parents by rank, then crowding, and they still do.
    assert_eq!(state.config.tournament, TournamentRule::RankThenCrowding);
    // The same fields in the same order, the tournament now written out.
    let rewritten = OLD_NSGA2_JSON.replace(
        r#""eliminate_duplicates":true,"#,
        r#""eliminate_duplicates":true,"tournament":"RankThenCrowding","#,
    );
    assert_eq!(serde_json::to_string(&state).unwrap(), rewritten);
    // Snapshots from before failed evaluations were recorded have no `failed` field.
    let older = OLD_NSGA2_JSON.replace(r#","failed":[]"#, "");
    assert_ne!(older, OLD_NSGA2_JSON);
    let older: Nsga2State = serde_json::from_str(&older).unwrap();
    assert_eq!(older, state);
    let mut alg = Nsga2::from_state(state).unwrap();
    assert_eq!(alg.ask().unwrap().len(), 4);
}

mod nsga3 {
    use crate::common::{Bnh, FailsAbove};
    use vilfredo_core::design::das_dennis;
    use vilfredo_moea::{
        Algorithm, MaxGenerations, NanPolicy, Nsga3, Nsga3Config, Nsga3State, Problem, minimize,
    };
    use vilfredo_problems::{Dtlz, DtlzKind};

    fn through_json(state: &Nsga3State) -> Nsga3State {
        let text = serde_json::to_string(state).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    fn start(p: &dyn Problem, seed: u64, nan_policy: NanPolicy) -> Nsga3 {
        let d = das_dennis(p.n_obj(), if p.n_obj() == 2 { 15 } else { 5 }).unwrap();
        let c = Nsga3Config {
            seed,
            nan_policy,
            ..Nsga3Config::default()
        };
        Nsga3::for_problem(p, d.view(), c).unwrap()
    }

    #[test]
    fn snapshot_at_5_continues_to_12_bit_for_bit() {
        let dtlz = Dtlz::new(DtlzKind::Dtlz1, 3, Some(7)).unwrap();
        for (p, policy) in [
            (&dtlz as &dyn Problem, NanPolicy::Error),
            (&Bnh, NanPolicy::Error),
            (&FailsAbove, NanPolicy::Infeasible),
        ] {
            let mut straight = start(p, 42, policy);
            minimize(p, &mut straight, &mut MaxGenerations(12)).unwrap();
            let mut first = start(p, 42, policy);
            minimize(p, &mut first, &mut MaxGenerations(5)).unwrap();
            let snap = through_json(&first.state());
            assert!(snap.normalization.is_some());
            drop(first);
            let mut resumed = Nsga3::from_state(snap).unwrap();
            assert_eq!(resumed.n_gen(), 5);
            minimize(p, &mut resumed, &mut MaxGenerations(12)).unwrap();
            assert_eq!(resumed.state(), straight.state(), "{}", p.name());
            let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(resumed.x()), bits(straight.x()));
            assert_eq!(bits(resumed.f()), bits(straight.f()));
        }
    }

    #[test]
    fn pending_batches_and_bad_states() {
        let p = Dtlz::new(DtlzKind::Dtlz2, 3, Some(6)).unwrap();
        let mut a = start(&p, 9, NanPolicy::Error);
        let initial = a.ask().unwrap().as_slice().to_vec();
        let mut b = Nsga3::from_state(through_json(&a.state())).unwrap();
        assert_eq!(b.ask().unwrap().as_slice(), &initial[..]);
        minimize(&p, &mut a, &mut MaxGenerations(3)).unwrap();
        let asked = a.ask().unwrap().as_slice().to_vec();
        let mut c = Nsga3::from_state(through_json(&a.state())).unwrap();
        assert_eq!(c.ask().unwrap().as_slice(), &asked[..]);

        let good = a.state();
        let mut s = good.clone();
        s.f.pop();
        assert!(Nsga3::from_state(s).is_err());
        let mut s = good.clone();
        s.ref_dirs.pop();
        assert!(Nsga3::from_state(s).is_err());
        let mut s = good.clone();
        s.x[0] = 2.0;
        assert!(Nsga3::from_state(s).is_err());
        let mut s = good.clone();
        s.normalization.as_mut().unwrap().ideal.pop();
        assert!(Nsga3::from_state(s).is_err());
        let mut s = good.clone();
        s.normalization.as_mut().unwrap().extremes[0] = f64::NAN;
        assert!(Nsga3::from_state(s).is_err());
        let mut s = good;
        s.failed.push(1000);
        assert!(Nsga3::from_state(s).is_err());
    }
}

mod moead {
    use crate::common::{Bnh, FailsAbove, zdt1};
    use vilfredo_core::design::das_dennis;
    use vilfredo_moea::{
        Algorithm, MaxGenerations, Moead, MoeadConfig, MoeadState, MoeadVariation, NanPolicy,
        Problem, minimize,
    };

    fn through_json(state: &MoeadState) -> MoeadState {
        let text = serde_json::to_string(state).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    fn start(p: &dyn Problem, c: MoeadConfig) -> Moead {
        let w = das_dennis(2, 24).unwrap();
        Moead::for_problem(p, w.view(), c).unwrap()
    }

    #[test]
    fn snapshot_at_5_continues_to_12_bit_for_bit() {
        let z = zdt1(9);
        for (p, variation, nan_policy) in [
            (&z as &dyn Problem, MoeadVariation::Sbx, NanPolicy::Error),
            (&z, MoeadVariation::De, NanPolicy::Error),
            (&Bnh, MoeadVariation::Sbx, NanPolicy::Error),
            (&FailsAbove, MoeadVariation::Sbx, NanPolicy::Infeasible),
        ] {
            let c = MoeadConfig {
                seed: 42,
                variation,
                nan_policy,
                n_neighbors: 6,
                ..MoeadConfig::default()
            };
            let mut straight = start(p, c);
            minimize(p, &mut straight, &mut MaxGenerations(12)).unwrap();
            let mut first = start(p, c);
            minimize(p, &mut first, &mut MaxGenerations(5)).unwrap();
            let mut resumed = Moead::from_state(through_json(&first.state())).unwrap();
            drop(first);
            minimize(p, &mut resumed, &mut MaxGenerations(12)).unwrap();
            assert_eq!(resumed.state(), straight.state(), "{}", p.name());
        }
    }

    #[test]
    fn pending_batches_and_bad_states() {
        let p = zdt1(6);
        let c = MoeadConfig {
            seed: 3,
            ..MoeadConfig::default()
        };
        let mut a = start(&p, c);
        let initial = a.ask().unwrap().as_slice().to_vec();
        let mut b = Moead::from_state(through_json(&a.state())).unwrap();
        assert_eq!(b.ask().unwrap().as_slice(), &initial[..]);
        minimize(&p, &mut a, &mut MaxGenerations(3)).unwrap();
        let asked = a.ask().unwrap().as_slice().to_vec();
        let snap = through_json(&a.state());
        assert_eq!(snap.pending_order.len(), 25);
        // Telling the restored run gives the same run as telling the original.
        let mut c2 = Moead::from_state(snap).unwrap();
        assert_eq!(c2.ask().unwrap().as_slice(), &asked[..]);
        let mut f = vec![0.0; asked.len() / 6 * 2];
        p.evaluate(&asked, &mut f, &mut []).unwrap();
        a.tell(&f, None).unwrap();
        c2.tell(&f, None).unwrap();
        assert_eq!(a.state(), c2.state());

        let good = a.state();
        let mut s = good.clone();
        s.f.pop();
        assert!(Moead::from_state(s).is_err());
        let mut s = good.clone();
        s.weights.truncate(10);
        assert!(Moead::from_state(s).is_err());
        let mut s = good.clone();
        s.ideal = Some(vec![f64::NAN, 0.0]);
        assert!(Moead::from_state(s).is_err());
        let _ = a.ask().unwrap();
        let mut s = a.state();
        s.pending_order[0] = 99;
        assert!(Moead::from_state(s).is_err());
        let mut s = a.state();
        s.pending_global.pop();
        assert!(Moead::from_state(s).is_err());
        // A pass belongs to the sequential form only.
        let mut s = a.state();
        s.pass = (0..25).collect();
        assert!(Moead::from_state(s).is_err());
    }

    #[test]
    fn sequential_snapshot_mid_pass_continues_bit_for_bit() {
        let p = zdt1(7);
        let c = MoeadConfig {
            seed: 11,
            n_neighbors: 6,
            sequential: true,
            ..MoeadConfig::default()
        };
        let mut straight = start(&p, c);
        minimize(&p, &mut straight, &mut MaxGenerations(120)).unwrap();
        // 25 subproblems: after 60 batches, 59 offspring, the third pass is under way.
        let mut first = start(&p, c);
        minimize(&p, &mut first, &mut MaxGenerations(60)).unwrap();
        let snap = through_json(&first.state());
        assert_eq!((snap.pass.len(), snap.pass_done), (25, 9));
        let mut resumed = Moead::from_state(snap).unwrap();
        minimize(&p, &mut resumed, &mut MaxGenerations(120)).unwrap();
        assert_eq!(resumed.state(), straight.state());

        // With an offspring pending: same batch, same continuation.
        let asked = first.ask().unwrap().as_slice().to_vec();
        assert_eq!(asked.len(), 7);
        let good = through_json(&first.state());
        let mut again = Moead::from_state(good.clone()).unwrap();
        assert_eq!(again.ask().unwrap().as_slice(), &asked[..]);
        let mut f = vec![0.0; 2];
        p.evaluate(&asked, &mut f, &mut []).unwrap();
        first.tell(&f, None).unwrap();
        again.tell(&f, None).unwrap();
        assert_eq!(first.state(), again.state());

        let corruptions: [fn(&mut MoeadState); 4] = [
            |s| s.pass[1] = s.pass[0],
            |s| s.pass.truncate(24),
            |s| s.pass_done = 26,
            |s| s.pending_order[0] = (s.pending_order[0] + 1) % 25,
        ];
        for corrupt in corruptions {
            let mut s = good.clone();
            corrupt(&mut s);
            assert!(Moead::from_state(s).is_err());
        }
    }
}
