//! The RE objective functions, one per problem, written from Tanabe & Ishibuchi (2020)
//! and its reference implementation's formulas (expression order kept where it matters
//! for rounding). Constraint violations that the suite folds into an objective are
//! `Σ max(0, −cᵢ)` over the original constraints `cᵢ ≥ 0`.

use std::f64::consts::{PI, SQRT_2};

use super::ReKind;

/// The sum of the violations of constraints written `c ≥ 0` feasible.
fn violation(c: &[f64]) -> f64 {
    c.iter().map(|&v| if v < 0.0 { -v } else { 0.0 }).sum()
}

/// The value of `table` closest to `v` (the first of equally close ones): how RE22 and
/// RE25 snap a continuous variable to a catalogue of available sizes.
fn closest(table: &[f64], v: f64) -> f64 {
    let mut best = table[0];
    let mut gap = (table[0] - v).abs();
    for &t in &table[1..] {
        let d = (t - v).abs();
        if d < gap {
            gap = d;
            best = t;
        }
    }
    best
}

/// RE22's catalogue of reinforcement areas (in²), sorted. The reference Python code
/// reads `3,10` where the paper and the other reference versions have 3.10; 3.10 it is.
const RE22_AREAS: [f64; 76] = [
    0.20, 0.31, 0.40, 0.44, 0.60, 0.62, 0.79, 0.80, 0.88, 0.93, 1.0, 1.20, 1.24, 1.32, 1.40, 1.55,
    1.58, 1.60, 1.76, 1.80, 1.86, 2.0, 2.17, 2.20, 2.37, 2.40, 2.48, 2.60, 2.64, 2.79, 2.80, 3.0,
    3.08, 3.10, 3.16, 3.41, 3.52, 3.60, 3.72, 3.95, 3.96, 4.0, 4.03, 4.20, 4.34, 4.40, 4.65, 4.74,
    4.80, 4.84, 5.0, 5.28, 5.40, 5.53, 5.72, 6.0, 6.16, 6.32, 6.60, 7.11, 7.20, 7.80, 7.90, 8.0,
    8.40, 8.69, 9.0, 9.48, 10.27, 11.0, 11.06, 11.85, 12.0, 13.0, 14.0, 15.0,
];

/// RE25's catalogue of wire diameters (in).
const RE25_DIAMETERS: [f64; 42] = [
    0.009, 0.0095, 0.0104, 0.0118, 0.0128, 0.0132, 0.014, 0.015, 0.0162, 0.0173, 0.018, 0.02,
    0.023, 0.025, 0.028, 0.032, 0.035, 0.041, 0.047, 0.054, 0.063, 0.072, 0.08, 0.092, 0.105, 0.12,
    0.135, 0.148, 0.162, 0.177, 0.192, 0.207, 0.225, 0.244, 0.263, 0.283, 0.307, 0.331, 0.362,
    0.394, 0.4375, 0.5,
];

/// Evaluates one decision vector of `kind` into `f`.
pub(super) fn row(kind: ReKind, x: &[f64], f: &mut [f64]) {
    match kind {
        ReKind::Re21 => re21(x, f),
        ReKind::Re22 => re22(x, f),
        ReKind::Re23 => re23(x, f),
        ReKind::Re24 => re24(x, f),
        ReKind::Re25 => re25(x, f),
        ReKind::Re31 => re31(x, f),
        ReKind::Re32 => re32(x, f),
        ReKind::Re33 => re33(x, f),
        ReKind::Re34 => re34(x, f),
        ReKind::Re35 => re35(x, f),
        ReKind::Re36 => re36(x, f),
        ReKind::Re37 => re37(x, f),
        ReKind::Re41 => re41(x, f),
        ReKind::Re42 => re42(x, f),
        ReKind::Re61 => re61(x, f),
        ReKind::Re91 => re91(x, f),
    }
}

/// Four-bar truss: structural volume and joint displacement.
fn re21(x: &[f64], f: &mut [f64]) {
    let (force, e, l) = (10.0, 200000.0, 200.0);
    f[0] = l * ((2.0 * x[0]) + SQRT_2 * x[1] + x[2].sqrt() + x[3]);
    f[1] = ((force * l) / e)
        * ((2.0 / x[0]) + (2.0 * SQRT_2 / x[1]) - (2.0 * SQRT_2 / x[2]) + (2.0 / x[3]));
}

/// Reinforced concrete beam: cost and violation.
fn re22(x: &[f64], f: &mut [f64]) {
    let x1 = closest(&RE22_AREAS, x[0]);
    let (x2, x3) = (x[1], x[2]);
    let c = [
        (x1 * x3) - 7.735 * ((x1 * x1) / x2) - 180.0,
        4.0 - (x3 / x2),
    ];
    f[0] = (29.4 * x1) + (0.6 * x2 * x3);
    f[1] = violation(&c);
}

/// Pressure vessel: cost and violation; shell and head thickness are integer multiples
/// of 0.0625 in.
fn re23(x: &[f64], f: &mut [f64]) {
    let x1 = 0.0625 * x[0].round_ties_even();
    let x2 = 0.0625 * x[1].round_ties_even();
    let (x3, x4) = (x[2], x[3]);
    let c = [
        x1 - (0.0193 * x3),
        x2 - (0.00954 * x3),
        (PI * x3 * x3 * x4) + ((4.0 / 3.0) * (PI * x3 * x3 * x3)) - 1296000.0,
    ];
    f[0] = (0.6224 * x1 * x3 * x4)
        + (1.7781 * x2 * x3 * x3)
        + (3.1661 * x1 * x1 * x4)
        + (19.84 * x1 * x1 * x3);
    f[1] = violation(&c);
}

/// Hatch cover: weight and violation.
fn re24(x: &[f64], f: &mut [f64]) {
    let (x1, x2) = (x[0], x[1]);
    let (e, sigma_b_max, tau_max, delta_max) = (700000.0, 700.0, 450.0, 1.5);
    let sigma_k = (e * x1 * x1) / 100.0;
    let sigma_b = 4500.0 / (x1 * x2);
    let tau = 1800.0 / x2;
    let delta = (56.2 * 10000.0) / (e * x1 * x2 * x2);
    let c = [
        1.0 - (sigma_b / sigma_b_max),
        1.0 - (tau / tau_max),
        1.0 - (delta / delta_max),
        1.0 - (sigma_b / sigma_k),
    ];
    f[0] = x1 + (120.0 * x2);
    f[1] = violation(&c);
}

/// Coil compression spring: volume and violation; the number of coils is an integer
/// and the wire diameter one of the catalogue's.
fn re25(x: &[f64], f: &mut [f64]) {
    let x1 = x[0].round_ties_even();
    let x2 = x[1];
    let x3 = closest(&RE25_DIAMETERS, x[2]);
    let cf = ((4.0 * (x2 / x3) - 1.0) / (4.0 * (x2 / x3) - 4.0)) + (0.615 * x3 / x2);
    let (f_max, s, g, l_max, fp, sigma_pm, sigma_w) =
        (1000.0, 189000.0, 11.5e6, 14.0, 300.0, 6.0, 1.25);
    let k = (g * x3.powf(4.0)) / (8.0 * x1 * x2.powf(3.0));
    let lf = (f_max / k) + 1.05 * (x1 + 2.0) * x3;
    let sigma_p = fp / k;
    let c = [
        -((8.0 * cf * f_max * x2) / (PI * x3.powf(3.0))) + s,
        -lf + l_max,
        -3.0 + (x2 / x3),
        -sigma_p + sigma_pm,
        -sigma_p - ((f_max - fp) / k) - 1.05 * (x1 + 2.0) * x3 + lf,
        sigma_w - ((f_max - fp) / k),
    ];
    f[0] = (PI.powf(2.0) * x2 * x3.powf(2.0) * (x1 + 2.0)) / 4.0;
    f[1] = violation(&c);
}

/// Two-bar truss: volume, stress and violation.
fn re31(x: &[f64], f: &mut [f64]) {
    let (x1, x2, x3) = (x[0], x[1], x[2]);
    f[0] = x1 * (16.0 + (x3 * x3)).sqrt() + x2 * (1.0 + x3 * x3).sqrt();
    f[1] = (20.0 * (16.0 + (x3 * x3)).sqrt()) / (x1 * x3);
    let c = [
        0.1 - f[0],
        100000.0 - f[1],
        100000.0 - ((80.0 * (1.0 + x3 * x3).sqrt()) / (x3 * x2)),
    ];
    f[2] = violation(&c);
}

/// Welded beam: cost, end deflection and violation.
fn re32(x: &[f64], f: &mut [f64]) {
    let (x1, x2, x3, x4) = (x[0], x[1], x[2], x[3]);
    let (p, l, e, g, tau_max, sigma_max) = (6000.0, 14.0f64, 30.0e6, 12.0e6, 13600.0, 30000.0);
    f[0] = (1.10471 * x1 * x1 * x2) + (0.04811 * x3 * x4) * (14.0 + x2);
    f[1] = (4.0 * p * l.powf(3.0)) / (e * x4 * x3.powf(3.0));
    let m = p * (l + (x2 / 2.0));
    let r = (((x2 * x2) / 4.0) + ((x1 + x3) / 2.0).powf(2.0)).sqrt();
    let j = 2.0 * SQRT_2 * x1 * x2 * (((x2 * x2) / 12.0) + ((x1 + x3) / 2.0).powf(2.0));
    let tau_2 = (m * r) / j;
    let tau_1 = p / (SQRT_2 * x1 * x2);
    let tau = (tau_1.powf(2.0) + ((2.0 * tau_1 * tau_2 * x2) / (2.0 * r)) + tau_2.powf(2.0)).sqrt();
    let sigma = (6.0 * p * l) / (x4 * x3 * x3);
    let pc = 4.013 * e * ((x3.powf(2.0) * x4.powf(6.0)) / 36.0).sqrt() / (l * l)
        * (1.0 - (x3 / (2.0 * l)) * (e / (4.0 * g)).sqrt());
    let c = [tau_max - tau, sigma_max - sigma, x4 - x1, pc - p];
    f[2] = violation(&c);
}

/// Disc brake: mass, stopping time and violation.
// 3.14 below is the reference's constant, not an approximation to replace by π.
#[allow(clippy::approx_constant)]
fn re33(x: &[f64], f: &mut [f64]) {
    let (x1, x2, x3, x4) = (x[0], x[1], x[2], x[3]);
    let d2 = x2.powf(2.0) - x1.powf(2.0);
    let d3 = x2.powf(3.0) - x1.powf(3.0);
    f[0] = 4.9e-5 * d2 * (x4 - 1.0);
    f[1] = (9.82e6 * d2) / (x3 * x4 * d3);
    let c = [
        (x2 - x1) - 20.0,
        // 3.14, not π: the reference implementations' constant, kept so values agree.
        0.4 - (x3 / (3.14 * d2)),
        1.0 - (2.22e-3 * x3 * d3) / d2.powf(2.0),
        (2.66e-2 * x3 * x4 * d3) / d2 - 900.0,
    ];
    f[2] = violation(&c);
}

/// Vehicle crashworthiness: mass, acceleration and toe-board intrusion (response
/// surfaces, no constraints).
fn re34(x: &[f64], f: &mut [f64]) {
    let (x1, x2, x3, x4, x5) = (x[0], x[1], x[2], x[3], x[4]);
    f[0] = 1640.2823
        + (2.3573285 * x1)
        + (2.3220035 * x2)
        + (4.5688768 * x3)
        + (7.7213633 * x4)
        + (4.4559504 * x5);
    f[1] = 6.5856 + (1.15 * x1) - (1.0427 * x2) + (0.9738 * x3) + (0.8364 * x4)
        - (0.3695 * x1 * x4)
        + (0.0861 * x1 * x5)
        + (0.3628 * x2 * x4)
        - (0.1106 * x1 * x1)
        - (0.3437 * x3 * x3)
        + (0.1764 * x4 * x4);
    f[2] = -0.0551 + (0.0181 * x1) + (0.1024 * x2) + (0.0421 * x3) - (0.0073 * x1 * x2)
        + (0.024 * x2 * x3)
        - (0.0118 * x2 * x4)
        - (0.0204 * x3 * x4)
        - (0.008 * x3 * x5)
        - (0.0241 * x2 * x2)
        + (0.0109 * x4 * x4);
}

/// Speed reducer: weight, stress and violation; the number of teeth is an integer.
// 0.7854 is the paper's coefficient (rounded π/4); kept as printed so values agree.
#[allow(clippy::approx_constant)]
fn re35(x: &[f64], f: &mut [f64]) {
    let (x1, x2, x4, x5, x6, x7) = (x[0], x[1], x[3], x[4], x[5], x[6]);
    let x3 = x[2].round_ties_even();
    f[0] = 0.7854 * x1 * x2.powf(2.0) * (((10.0 * x3.powf(2.0)) / 3.0) + (14.933 * x3) - 43.0934)
        - 1.508 * x1 * (x6.powf(2.0) + x7.powf(2.0))
        + 7.477 * (x6.powf(3.0) + x7.powf(3.0))
        + 0.7854 * (x4 * x6.powf(2.0) + x5 * x7.powf(2.0));
    f[1] = (((745.0 * x4) / (x2 * x3)).powf(2.0) + 1.69e7).sqrt() / (0.1 * x6.powf(3.0));
    let c = [
        -(1.0 / (x1 * x2.powf(2.0) * x3)) + 1.0 / 27.0,
        -(1.0 / (x1 * x2.powf(2.0) * x3.powf(2.0))) + 1.0 / 397.5,
        -x4.powf(3.0) / (x2 * x3 * x6.powf(4.0)) + 1.0 / 1.93,
        -x5.powf(3.0) / (x2 * x3 * x7.powf(4.0)) + 1.0 / 1.93,
        -(x2 * x3) + 40.0,
        -(x1 / x2) + 12.0,
        -5.0 + (x1 / x2),
        -1.9 + x4 - 1.5 * x6,
        -1.9 + x5 - 1.1 * x7,
        -f[1] + 1300.0,
        -(((745.0 * x5) / (x2 * x3)).powf(2.0) + 1.575e8).sqrt() / (0.1 * x7.powf(3.0)) + 1100.0,
    ];
    f[2] = violation(&c);
}

/// Gear train: gear-ratio error, largest gear and violation; teeth are integers.
fn re36(x: &[f64], f: &mut [f64]) {
    let [x1, x2, x3, x4] = [0, 1, 2, 3].map(|i| x[i].round_ties_even());
    f[0] = (6.931 - ((x3 / x1) * (x4 / x2))).abs();
    f[1] = x1.max(x2).max(x3).max(x4);
    let c = 0.5 - (f[0] / 6.931);
    f[2] = if c < 0.0 { -c } else { 0.0 };
}

/// Rocket injector: three response surfaces, no constraints.
fn re37(x: &[f64], f: &mut [f64]) {
    let (a, ha, oa, optt) = (x[0], x[1], x[2], x[3]);
    f[0] = 0.692 + (0.477 * a)
        - (0.687 * ha)
        - (0.080 * oa)
        - (0.0650 * optt)
        - (0.167 * a * a)
        - (0.0129 * ha * a)
        + (0.0796 * ha * ha)
        - (0.0634 * oa * a)
        - (0.0257 * oa * ha)
        + (0.0877 * oa * oa)
        - (0.0521 * optt * a)
        + (0.00156 * optt * ha)
        + (0.00198 * optt * oa)
        + (0.0184 * optt * optt);
    f[1] = 0.153 - (0.322 * a)
        + (0.396 * ha)
        + (0.424 * oa)
        + (0.0226 * optt)
        + (0.175 * a * a)
        + (0.0185 * ha * a)
        - (0.0701 * ha * ha)
        - (0.251 * oa * a)
        + (0.179 * oa * ha)
        + (0.0150 * oa * oa)
        + (0.0134 * optt * a)
        + (0.0296 * optt * ha)
        + (0.0752 * optt * oa)
        + (0.0192 * optt * optt);
    f[2] = 0.370 - (0.205 * a) + (0.0307 * ha) + (0.108 * oa) + (1.019 * optt) - (0.135 * a * a)
        + (0.0141 * ha * a)
        + (0.0998 * ha * ha)
        + (0.208 * oa * a)
        - (0.0301 * oa * ha)
        - (0.226 * oa * oa)
        + (0.353 * optt * a)
        - (0.0497 * optt * oa)
        - (0.423 * optt * optt)
        + (0.202 * ha * a * a)
        - (0.281 * oa * a * a)
        - (0.342 * ha * ha * a)
        - (0.245 * ha * ha * oa)
        + (0.281 * oa * oa * ha)
        - (0.184 * optt * optt * a)
        - (0.281 * ha * a * oa);
}

/// Car side impact: weight, pubic force, mean velocity and violation.
fn re41(x: &[f64], f: &mut [f64]) {
    let (x1, x2, x3, x4, x5, x6, x7) = (x[0], x[1], x[2], x[3], x[4], x[5], x[6]);
    f[0] =
        1.98 + 4.9 * x1 + 6.67 * x2 + 6.98 * x3 + 4.01 * x4 + 1.78 * x5 + 0.00001 * x6 + 2.73 * x7;
    f[1] = 4.72 - 0.5 * x4 - 0.19 * x2 * x3;
    let v_mbp = 10.58 - 0.674 * x1 * x2 - 0.67275 * x2;
    let v_fd = 16.45 - 0.489 * x3 * x7 - 0.843 * x5 * x6;
    f[2] = 0.5 * (v_mbp + v_fd);
    let c = [
        1.0 - (1.16 - 0.3717 * x2 * x4 - 0.0092928 * x3),
        0.32 - (0.261 - 0.0159 * x1 * x2 - 0.06486 * x1 - 0.019 * x2 * x7
            + 0.0144 * x3 * x5
            + 0.0154464 * x6),
        0.32 - (0.214 + 0.00817 * x5 - 0.045195 * x1 - 0.0135168 * x1 + 0.03099 * x2 * x6
            - 0.018 * x2 * x7
            + 0.007176 * x3
            + 0.023232 * x3
            - 0.00364 * x5 * x6
            - 0.018 * x2 * x2),
        0.32 - (0.74 - 0.61 * x2 - 0.031296 * x3 - 0.031872 * x7 + 0.227 * x2 * x2),
        32.0 - (28.98 + 3.818 * x3 - 4.2 * x1 * x2 + 1.27296 * x6 - 2.68065 * x7),
        32.0 - (33.86 + 2.95 * x3 - 5.057 * x1 * x2 - 3.795 * x2 - 3.4431 * x7 + 1.45728),
        32.0 - (46.36 - 9.9 * x2 - 4.4505 * x1),
        4.0 - f[1],
        9.9 - v_mbp,
        15.7 - v_fd,
    ];
    f[3] = violation(&c);
}

/// Conceptual marine design: cost per ton, light-ship weight, negated annual cargo and
/// violation.
fn re42(x: &[f64], f: &mut [f64]) {
    let (l, b, d, t, vk, cb) = (x[0], x[1], x[2], x[3], x[4], x[5]);
    let displacement = 1.025 * l * b * t * cb;
    let v = 0.5144 * vk;
    let gravity = 9.8065;
    let fn_ = v / (gravity * l).powf(0.5);
    let a = 4977.06 * cb.powf(2.0) - 8105.61 * cb + 4456.51;
    let bb = -10847.2 * cb.powf(2.0) + 12817.0 * cb - 6960.32;
    let power = (displacement.powf(2.0 / 3.0) * vk.powf(3.0)) / (a + (bb * fn_));
    let outfit = 1.0 * l.powf(0.8) * b.powf(0.6) * d.powf(0.3) * cb.powf(0.1);
    let steel = 0.034 * l.powf(1.7) * b.powf(0.7) * d.powf(0.4) * cb.powf(0.5);
    let machinery = 0.17 * power.powf(0.9);
    let light_ship = steel + outfit + machinery;
    let ship_cost =
        1.3 * ((2000.0 * steel.powf(0.85)) + (3500.0 * outfit) + (2400.0 * power.powf(0.8)));
    let capital = 0.2 * ship_cost;
    let dwt = displacement - light_ship;
    let running = 40000.0 * dwt.powf(0.3);
    // As in the reference: sea days grow with speed (miles / 24 × knots).
    let sea_days = (5000.0 / 24.0) * vk;
    let handling_rate = 8000.0;
    let daily_consumption = ((0.19 * power * 24.0) / 1000.0) + 0.2;
    let fuel_cost = 1.05 * daily_consumption * sea_days * 100.0;
    let port_cost = 6.3 * dwt.powf(0.8);
    let fuel_carried = daily_consumption * (sea_days + 5.0);
    let misc = 2.0 * dwt.powf(0.5);
    let cargo = dwt - fuel_carried - misc;
    let port_days = 2.0 * ((cargo / handling_rate) + 0.5);
    let rtpa = 350.0 / (sea_days + port_days);
    let voyage = (fuel_cost + port_cost) * rtpa;
    let annual_costs = capital + running + voyage;
    let annual_cargo = cargo * rtpa;
    f[0] = annual_costs / annual_cargo;
    f[1] = light_ship;
    f[2] = -annual_cargo;
    let kb = 0.53 * t;
    let bmt = ((0.085 * cb - 0.002) * b * b) / (t * cb);
    let kg = 1.0 + 0.52 * d;
    let c = [
        (l / b) - 6.0,
        -(l / d) + 15.0,
        -(l / t) + 19.0,
        0.45 * dwt.powf(0.31) - t,
        0.7 * d + 0.7 - t,
        500000.0 - dwt,
        dwt - 3000.0,
        0.32 - fn_,
        (kb + bmt - kg) - (0.07 * b),
    ];
    f[3] = violation(&c);
}

/// Water resource planning: five costs and violation.
fn re61(x: &[f64], f: &mut [f64]) {
    let (x1, x2, x3) = (x[0], x[1], x[2]);
    f[0] = 106780.37 * (x2 + x3) + 61704.67;
    f[1] = 3000.0 * x1;
    f[2] = 305700.0 * 2289.0 * x2 / (0.06 * 2289.0f64).powf(0.65);
    f[3] = 250.0 * 2289.0 * (-39.75 * x2 + 9.9 * x3 + 2.74).exp();
    f[4] = 25.0 * (1.39 / (x1 * x2) + 4940.0 * x3 - 80.0);
    let c = [
        1.0 - (0.00139 / (x1 * x2) + 4.94 * x3 - 0.08),
        1.0 - (0.000306 / (x1 * x2) + 1.082 * x3 - 0.0986),
        50000.0 - (12.307 / (x1 * x2) + 49408.24 * x3 + 4051.02),
        16000.0 - (2.098 / (x1 * x2) + 8046.33 * x3 - 696.71),
        10000.0 - (2.138 / (x1 * x2) + 7883.39 * x3 - 705.04),
        2000.0 - (0.417 * x1 * x2 + 1721.26 * x3 - 136.54),
        550.0 - (0.164 / (x1 * x2) + 631.13 * x3 - 54.48),
    ];
    f[5] = violation(&c);
}

/// Car cab design, with the four random parameters of the original at their means
/// (see the module documentation of `re`).
fn re91(x: &[f64], f: &mut [f64]) {
    let (x1, x2, x3, x4, x5, x6, x7) = (x[0], x[1], x[2], x[3], x[4], x[5], x[6]);
    let (x8, x9, x10, x11) = (
        super::RE91_MEANS[0],
        super::RE91_MEANS[1],
        super::RE91_MEANS[2],
        super::RE91_MEANS[3],
    );
    let pos = |v: f64| v.max(0.0);
    f[0] =
        1.98 + 4.9 * x1 + 6.67 * x2 + 6.98 * x3 + 4.01 * x4 + 1.75 * x5 + 0.00001 * x6 + 2.73 * x7;
    f[1] = pos(
        (1.16 - 0.3717 * x2 * x4 - 0.00931 * x2 * x10 - 0.484 * x3 * x9 + 0.01343 * x6 * x10) / 1.0,
    );
    f[2] = pos(
        (0.261 - 0.0159 * x1 * x2 - 0.188 * x1 * x8 - 0.019 * x2 * x7
            + 0.0144 * x3 * x5
            + 0.87570001 * x5 * x10
            + 0.08045 * x6 * x9
            + 0.00139 * x8 * x11
            + 0.00001575 * x10 * x11)
            / 0.32,
    );
    f[3] = pos(
        (0.214 + 0.00817 * x5 - 0.131 * x1 * x8 - 0.0704 * x1 * x9 + 0.03099 * x2 * x6
            - 0.018 * x2 * x7
            + 0.0208 * x3 * x8
            + 0.121 * x3 * x9
            - 0.00364 * x5 * x6
            + 0.0007715 * x5 * x10
            - 0.0005354 * x6 * x10
            + 0.00121 * x8 * x11
            + 0.00184 * x9 * x10
            - 0.018 * x2 * x2)
            / 0.32,
    );
    f[4] = pos(
        (0.74 - 0.61 * x2 - 0.163 * x3 * x8 + 0.001232 * x3 * x10 - 0.166 * x7 * x9
            + 0.227 * x2 * x2)
            / 0.32,
    );
    let temp = ((28.98 + 3.818 * x3 - 4.2 * x1 * x2 + 0.0207 * x5 * x10 + 6.63 * x6 * x9
        - 7.77 * x7 * x8
        + 0.32 * x9 * x10)
        + (33.86 + 2.95 * x3 + 0.1792 * x10
            - 5.057 * x1 * x2
            - 11.0 * x2 * x8
            - 0.0215 * x5 * x10
            - 9.98 * x7 * x8
            + 22.0 * x8 * x9)
        + (46.36 - 9.9 * x2 - 12.9 * x1 * x8 + 0.1107 * x3 * x10))
        / 3.0;
    f[5] = pos(temp / 32.0);
    f[6] = pos((4.72 - 0.5 * x4 - 0.19 * x2 * x3 - 0.0122 * x4 * x10
        + 0.009325 * x6 * x10
        + 0.000191 * x11 * x11)
        / 4.0);
    f[7] = pos(
        (10.58 - 0.674 * x1 * x2 - 1.95 * x2 * x8 + 0.02054 * x3 * x10 - 0.0198 * x4 * x10
            + 0.028 * x6 * x10)
            / 9.9,
    );
    f[8] = pos(
        (16.45 - 0.489 * x3 * x7 - 0.843 * x5 * x6 + 0.0432 * x9 * x10
            - 0.0556 * x9 * x11
            - 0.000786 * x11 * x11)
            / 15.7,
    );
}
