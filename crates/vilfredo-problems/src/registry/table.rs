//! The registry's table: every problem's name, one-line description and parameters.

/// One parameter a problem accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamInfo {
    /// The name, as pymoo spells it.
    pub name: &'static str,
    /// Its meaning and default.
    pub doc: &'static str,
}

/// One entry of [`list`](super::list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemInfo {
    /// The name [`get`](super::get) accepts.
    pub name: &'static str,
    /// A one-line description.
    pub description: &'static str,
    /// The parameters [`get`](super::get) accepts for it.
    pub params: &'static [ParamInfo],
}

const ZDT_N_VAR: ParamInfo = ParamInfo {
    name: "n_var",
    doc: "number of variables, ≥ 2 (default 30; 10 for zdt4 and zdt6)",
};
const ZDT_PARAMS: &[ParamInfo] = &[ZDT_N_VAR];
const ZDT5_PARAMS: &[ParamInfo] = &[ParamInfo {
    name: "n_var",
    doc: "number of bits, 30 + 5·j with j ≥ 1 (default 80)",
}];
const DTLZ_N_OBJ: ParamInfo = ParamInfo {
    name: "n_obj",
    doc: "number of objectives, ≥ 2 (default 3)",
};
const DTLZ_N_VAR: ParamInfo = ParamInfo {
    name: "n_var",
    doc: "number of variables, n_obj + k − 1 (default from the paper's k)",
};
const DTLZ_K: ParamInfo = ParamInfo {
    name: "k",
    doc: "distance variables, ≥ 1 (default 5 for dtlz1, 10 for dtlz2–6, 20 for dtlz7)",
};
const DTLZ_PARAMS: &[ParamInfo] = &[DTLZ_N_VAR, DTLZ_N_OBJ, DTLZ_K];
const DTLZ4_PARAMS: &[ParamInfo] = &[
    DTLZ_N_VAR,
    DTLZ_N_OBJ,
    DTLZ_K,
    ParamInfo {
        name: "alpha",
        doc: "exponent biasing the position variables, > 0 (default 100)",
    },
];
const WFG_PARAMS: &[ParamInfo] = &[
    ParamInfo {
        name: "n_var",
        doc: "number of variables, k + l (default k + 20)",
    },
    ParamInfo {
        name: "n_obj",
        doc: "number of objectives, ≥ 2 (default 3)",
    },
    ParamInfo {
        name: "k",
        doc: "position variables, a positive multiple of n_obj − 1 (default 4 for 2 objectives, else 2(n_obj − 1))",
    },
    ParamInfo {
        name: "l",
        doc: "distance variables, ≥ 1, even for wfg2 and wfg3 (default n_var − k, or 20)",
    },
];

const CDTLZ_PARAMS: &[ParamInfo] = &[
    DTLZ_N_VAR,
    DTLZ_N_OBJ,
    ParamInfo {
        name: "k",
        doc: "distance variables, ≥ 1 (default 5 for c1dtlz1, 10 for c2dtlz2 and c3dtlz4)",
    },
];
const C2DTLZ2_PARAMS: &[ParamInfo] = &[
    DTLZ_N_VAR,
    DTLZ_N_OBJ,
    ParamInfo {
        name: "k",
        doc: "distance variables, ≥ 1 (default 10)",
    },
    ParamInfo {
        name: "r",
        doc: "radius of the feasible caps, > 0 (default 0.2 for 2 objectives, 0.4 for 3, else 0.5)",
    },
];
const C3DTLZ4_PARAMS: &[ParamInfo] = &[
    DTLZ_N_VAR,
    DTLZ_N_OBJ,
    ParamInfo {
        name: "k",
        doc: "distance variables, ≥ 1 (default 10)",
    },
    ParamInfo {
        name: "alpha",
        doc: "exponent biasing the position variables, > 0 (default 100)",
    },
];
const MW_PARAMS: &[ParamInfo] = &[ParamInfo {
    name: "n_var",
    doc: "number of variables, ≥ 2 (default 15)",
}];
const MW_SCALABLE_PARAMS: &[ParamInfo] = &[
    ParamInfo {
        name: "n_var",
        doc: "number of variables, ≥ n_obj (default n_obj + 12)",
    },
    ParamInfo {
        name: "n_obj",
        doc: "number of objectives, ≥ 2 (default 3)",
    },
];
const NO_PARAMS: &[ParamInfo] = &[];

const fn info(
    name: &'static str,
    description: &'static str,
    params: &'static [ParamInfo],
) -> ProblemInfo {
    ProblemInfo {
        name,
        description,
        params,
    }
}

pub(super) const PROBLEMS: &[ProblemInfo] = &[
    info(
        "zdt1",
        "ZDT1: 2 objectives, convex front f2 = 1 - sqrt(f1)",
        ZDT_PARAMS,
    ),
    info(
        "zdt2",
        "ZDT2: 2 objectives, concave front f2 = 1 - f1^2",
        ZDT_PARAMS,
    ),
    info(
        "zdt3",
        "ZDT3: 2 objectives, front of five disconnected pieces",
        ZDT_PARAMS,
    ),
    info(
        "zdt4",
        "ZDT4: 2 objectives, multimodal (21^9 local fronts), convex front",
        ZDT_PARAMS,
    ),
    info(
        "zdt5",
        "ZDT5: 2 objectives, binary deceptive variables, discrete front",
        ZDT5_PARAMS,
    ),
    info(
        "zdt6",
        "ZDT6: 2 objectives, non-uniform density, concave front",
        ZDT_PARAMS,
    ),
    info(
        "dtlz1",
        "DTLZ1: M objectives, linear front sum(f) = 0.5, multimodal",
        DTLZ_PARAMS,
    ),
    info(
        "dtlz2",
        "DTLZ2: M objectives, spherical front sum(f^2) = 1",
        DTLZ_PARAMS,
    ),
    info(
        "dtlz3",
        "DTLZ3: M objectives, spherical front, multimodal",
        DTLZ_PARAMS,
    ),
    info(
        "dtlz4",
        "DTLZ4: M objectives, spherical front, biased density",
        DTLZ4_PARAMS,
    ),
    info(
        "dtlz5",
        "DTLZ5: M objectives, degenerate curve on the sphere",
        DTLZ_PARAMS,
    ),
    info(
        "dtlz6",
        "DTLZ6: M objectives, degenerate curve, hard g",
        DTLZ_PARAMS,
    ),
    info(
        "dtlz7",
        "DTLZ7: M objectives, 2^(M-1) disconnected regions",
        DTLZ_PARAMS,
    ),
    info(
        "wfg1",
        "WFG1: M objectives, biased, convex-mixed front",
        WFG_PARAMS,
    ),
    info(
        "wfg2",
        "WFG2: M objectives, non-separable, disconnected front",
        WFG_PARAMS,
    ),
    info(
        "wfg3",
        "WFG3: M objectives, non-separable, linear degenerate front",
        WFG_PARAMS,
    ),
    info(
        "wfg4",
        "WFG4: M objectives, multi-modal, concave front",
        WFG_PARAMS,
    ),
    info(
        "wfg5",
        "WFG5: M objectives, deceptive, concave front",
        WFG_PARAMS,
    ),
    info(
        "wfg6",
        "WFG6: M objectives, non-separable, concave front",
        WFG_PARAMS,
    ),
    info(
        "wfg7",
        "WFG7: M objectives, parameter-dependent position, concave front",
        WFG_PARAMS,
    ),
    info(
        "wfg8",
        "WFG8: M objectives, parameter-dependent distance, concave front",
        WFG_PARAMS,
    ),
    info(
        "wfg9",
        "WFG9: M objectives, deceptive, multi-modal, non-separable, concave front",
        WFG_PARAMS,
    ),
    info(
        "c1dtlz1",
        "C1-DTLZ1: M objectives, DTLZ1 with a linear constraint near the front",
        CDTLZ_PARAMS,
    ),
    info(
        "c2dtlz2",
        "C2-DTLZ2: M objectives, DTLZ2 front cut to M + 1 feasible caps",
        C2DTLZ2_PARAMS,
    ),
    info(
        "c3dtlz4",
        "C3-DTLZ4: M objectives, DTLZ4 with M constraints moving the front outwards",
        C3DTLZ4_PARAMS,
    ),
    info(
        "mw1",
        "MW1: 2 objectives, 1 constraint, linear front in feasible pieces",
        MW_PARAMS,
    ),
    info(
        "mw2",
        "MW2: 2 objectives, 1 constraint, linear front, multimodal g",
        MW_PARAMS,
    ),
    info(
        "mw3",
        "MW3: 2 objectives, 2 constraints, front partly on a constraint",
        MW_PARAMS,
    ),
    info(
        "mw4",
        "MW4: M objectives, 1 constraint, linear front",
        MW_SCALABLE_PARAMS,
    ),
    info(
        "mw5",
        "MW5: 2 objectives, 3 constraints, front of isolated points",
        MW_PARAMS,
    ),
    info(
        "mw6",
        "MW6: 2 objectives, 1 constraint, disconnected concave front",
        MW_PARAMS,
    ),
    info(
        "mw7",
        "MW7: 2 objectives, 2 constraints, front on a constraint",
        MW_PARAMS,
    ),
    info(
        "mw8",
        "MW8: M objectives, 1 constraint, spherical front in pieces",
        MW_SCALABLE_PARAMS,
    ),
    info(
        "mw9",
        "MW9: 2 objectives, 1 constraint, front on a constraint",
        MW_PARAMS,
    ),
    info(
        "mw10",
        "MW10: 2 objectives, 3 constraints, disconnected front",
        MW_PARAMS,
    ),
    info(
        "mw11",
        "MW11: 2 objectives, 4 constraints, disconnected front",
        MW_PARAMS,
    ),
    info(
        "mw12",
        "MW12: 2 objectives, 2 constraints, front on a constraint",
        MW_PARAMS,
    ),
    info(
        "mw13",
        "MW13: 2 objectives, 2 constraints, disconnected front",
        MW_PARAMS,
    ),
    info(
        "mw14",
        "MW14: M objectives, 1 constraint, disconnected front",
        MW_SCALABLE_PARAMS,
    ),
    info(
        "bnh",
        "BNH: 2 objectives, 2 constraints, convex front",
        NO_PARAMS,
    ),
    info(
        "osy",
        "OSY: 2 objectives, 6 constraints, front of five pieces",
        NO_PARAMS,
    ),
    info(
        "tnk",
        "TNK: 2 objectives, 2 constraints, disconnected wavy front",
        NO_PARAMS,
    ),
    info(
        "srn",
        "SRN: 2 objectives, 2 constraints, front on a line of x",
        NO_PARAMS,
    ),
    info(
        "welded_beam",
        "Welded beam: cost and deflection, 4 constraints",
        NO_PARAMS,
    ),
    info(
        "carside",
        "Car side impact: 3 objectives, 10 constraints",
        NO_PARAMS,
    ),
    info("re21", "RE21: four-bar truss, 2 objectives", NO_PARAMS),
    info(
        "re22",
        "RE22: reinforced concrete beam, 2 objectives (cost, violation)",
        NO_PARAMS,
    ),
    info(
        "re23",
        "RE23: pressure vessel, 2 objectives (cost, violation)",
        NO_PARAMS,
    ),
    info(
        "re24",
        "RE24: hatch cover, 2 objectives (weight, violation)",
        NO_PARAMS,
    ),
    info(
        "re25",
        "RE25: coil compression spring, 2 objectives (volume, violation)",
        NO_PARAMS,
    ),
    info("re31", "RE31: two-bar truss, 3 objectives", NO_PARAMS),
    info("re32", "RE32: welded beam, 3 objectives", NO_PARAMS),
    info("re33", "RE33: disc brake, 3 objectives", NO_PARAMS),
    info(
        "re34",
        "RE34: vehicle crashworthiness, 3 objectives",
        NO_PARAMS,
    ),
    info("re35", "RE35: speed reducer, 3 objectives", NO_PARAMS),
    info(
        "re36",
        "RE36: gear train, 3 objectives, integer variables",
        NO_PARAMS,
    ),
    info("re37", "RE37: rocket injector, 3 objectives", NO_PARAMS),
    info("re41", "RE41: car side impact, 4 objectives", NO_PARAMS),
    info(
        "re42",
        "RE42: conceptual marine design, 4 objectives",
        NO_PARAMS,
    ),
    info(
        "re61",
        "RE61: water resource planning, 6 objectives",
        NO_PARAMS,
    ),
    info(
        "re91",
        "RE91: car cab design, 9 objectives (random parameters at their means)",
        NO_PARAMS,
    ),
];
