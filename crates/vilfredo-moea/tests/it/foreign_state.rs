//! A snapshot restores only the algorithm that wrote it: every algorithm's JSON state
//! is refused by every other algorithm's `from_state`, instead of silently continuing
//! as a different algorithm.

use crate::common::zdt1;
use vilfredo_core::design::das_dennis;
use vilfredo_moea::{
    MaxGenerations, Moead, MoeadConfig, MoeadState, Nsga2, Nsga2Config, Nsga2State, Nsga3,
    Nsga3Config, Nsga3State, RNsga2, RNsga2Config, RNsga2State, SmsEmoa, SmsEmoaConfig,
    SmsEmoaState, Spea2, Spea2Config, Spea2State, minimize,
};

/// Whether `json` restores as each algorithm, in the order of [`states`].
fn restores(json: &str) -> [bool; 6] {
    [
        serde_json::from_str::<Nsga2State>(json).is_ok_and(|s| Nsga2::from_state(s).is_ok()),
        serde_json::from_str::<Nsga3State>(json).is_ok_and(|s| Nsga3::from_state(s).is_ok()),
        serde_json::from_str::<MoeadState>(json).is_ok_and(|s| Moead::from_state(s).is_ok()),
        serde_json::from_str::<SmsEmoaState>(json).is_ok_and(|s| SmsEmoa::from_state(s).is_ok()),
        serde_json::from_str::<Spea2State>(json).is_ok_and(|s| Spea2::from_state(s).is_ok()),
        serde_json::from_str::<RNsga2State>(json).is_ok_and(|s| RNsga2::from_state(s).is_ok()),
    ]
}

/// The JSON state of each algorithm after two generations on ZDT1.
fn states() -> Vec<(&'static str, String)> {
    let p = zdt1(6);
    let dirs = das_dennis(2, 11).unwrap();
    let gens = || MaxGenerations(2);
    let json = |s: &dyn erased::Json| s.json();
    let mut out = Vec::new();
    let mut nsga2 = Nsga2::for_problem(
        &p,
        Nsga2Config {
            pop_size: 12,
            ..Default::default()
        },
    )
    .unwrap();
    minimize(&p, &mut nsga2, &mut gens()).unwrap();
    out.push(("nsga2", json(&nsga2.state())));
    let mut nsga3 = Nsga3::for_problem(&p, dirs.view(), Nsga3Config::default()).unwrap();
    minimize(&p, &mut nsga3, &mut gens()).unwrap();
    out.push(("nsga3", json(&nsga3.state())));
    let mut moead = Moead::for_problem(
        &p,
        dirs.view(),
        MoeadConfig {
            n_neighbors: 4,
            ..Default::default()
        },
    )
    .unwrap();
    minimize(&p, &mut moead, &mut gens()).unwrap();
    out.push(("moead", json(&moead.state())));
    let mut sms = SmsEmoa::for_problem(
        &p,
        SmsEmoaConfig {
            pop_size: 12,
            ..Default::default()
        },
    )
    .unwrap();
    minimize(&p, &mut sms, &mut gens()).unwrap();
    out.push(("sms-emoa", json(&sms.state())));
    let config = Spea2Config {
        pop_size: 12,
        archive_size: 12,
        ..Default::default()
    };
    let mut spea2 = Spea2::for_problem(&p, config).unwrap();
    minimize(&p, &mut spea2, &mut gens()).unwrap();
    out.push(("spea2", json(&spea2.state())));
    let mut config = RNsga2Config::new(vec![0.2, 0.5]);
    config.nsga2.pop_size = 12;
    let mut rnsga2 = RNsga2::for_problem(&p, config).unwrap();
    minimize(&p, &mut rnsga2, &mut gens()).unwrap();
    out.push(("rnsga2", json(&rnsga2.state())));
    out
}

mod erased {
    /// Serializes any state to JSON (a local trait so `states` can treat them alike).
    pub trait Json {
        fn json(&self) -> String;
    }

    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

#[test]
fn a_state_restores_only_its_own_algorithm() {
    for (k, (name, json)) in states().iter().enumerate() {
        let got = restores(json);
        let mut want = [false; 6];
        want[k] = true;
        assert_eq!(
            got, want,
            "{name}'s state restores as [nsga2, nsga3, moead, sms-emoa, spea2, rnsga2]"
        );
    }
}
