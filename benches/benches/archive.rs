//! Criterion benchmark of the incremental Pareto archive: a stream of points inserted one
//! at a time, as a study's history does with its trials.
//!
//! The stream lies near the positive orthant of the unit sphere, with noise along the
//! radius that shrinks to nothing (an optimiser converging), so about 40 % of the points
//! end on the front, as with NSGA-II on DTLZ2 in `ask_tell_throughput`. Ids are
//! `archive/<index>_m<M>/<n>`: `nd` is `ParetoArchive` (ND-Tree for three and more
//! objectives, staircase for two), `linear` the scan of every member that it replaced,
//! kept here as the baseline. `archive_gain/<how>_m<M>/<n>` adds, before each insertion,
//! the hypervolume the point brings (what a study with a reference point does):
//! `bounding` is `ParetoArchive::hypervolume_gain`, `full` raises every member to the
//! point and measures them all, as the study's history did before.
//! `cargo bench -p vilfredo-benches --bench archive -- 'm3/'`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use vilfredo_core::PointsView;
use vilfredo_core::rng::SplitMix64;
use vilfredo_pareto::dominance::{Dominance, compare};
use vilfredo_pareto::{Insertion, ParetoArchive, hypervolume};

/// `n` points of `m` objectives, row-major (see the module documentation).
fn converging_stream(n: usize, m: usize, seed: u64) -> Vec<f64> {
    let mut rng = SplitMix64::new(seed);
    let mut out = Vec::with_capacity(n * m);
    for i in 0..n {
        let dir: Vec<f64> = (0..m).map(|_| rng.next_f64()).collect();
        let norm = dir.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-300);
        let radius = 1.0 + 0.02 * (1.0 - i as f64 / n as f64) * rng.next_f64();
        out.extend(dir.iter().map(|x| radius * x / norm));
    }
    out
}

/// The archive as it was: every insertion compares the point with every member.
fn linear_scan(data: &[f64], m: usize) -> usize {
    let mut points: Vec<f64> = Vec::new();
    let mut len = 0;
    'stream: for p in data.chunks_exact(m) {
        let mut i = 0;
        while i < len {
            match compare(&points[i * m..(i + 1) * m], p) {
                Dominance::Dominates => continue 'stream,
                Dominance::DominatedBy => {
                    len -= 1;
                    points.copy_within(len * m..(len + 1) * m, i * m);
                    points.truncate(len * m);
                }
                Dominance::Equal | Dominance::Incomparable => i += 1,
            }
        }
        points.extend_from_slice(p);
        len += 1;
    }
    len
}

fn indexed(data: &[f64], m: usize) -> usize {
    let mut archive = ParetoArchive::new(m).unwrap_or_default();
    for (k, p) in data.chunks_exact(m).enumerate() {
        if let Ok(Insertion::Added { removed }) = archive.insert(k as u64, p) {
            black_box(removed);
        }
    }
    archive.len()
}

/// The gain as measured before: the box minus the hypervolume of every member raised.
fn full_gain(p: &[f64], front: &[f64], r: &[f64]) -> f64 {
    if p.iter().zip(r).any(|(a, b)| a >= b) {
        return 0.0;
    }
    let boxed: f64 = p.iter().zip(r).map(|(a, b)| b - a).product();
    let m = p.len();
    let raised: Vec<f64> = front
        .chunks_exact(m)
        .flat_map(|q| q.iter().zip(p).map(|(a, b)| a.max(*b)))
        .collect();
    let covered = PointsView::new(&raised, m)
        .and_then(|v| hypervolume(v, r))
        .unwrap_or(0.0);
    (boxed - covered).max(0.0)
}

/// Inserts the stream, adding up the gains: by the archive's bounding members, or by
/// the full front.
fn with_gain(data: &[f64], m: usize, full: bool) -> f64 {
    let r = vec![1.1; m];
    let mut archive = ParetoArchive::new(m).unwrap_or_default();
    let mut total = 0.0;
    for (k, p) in data.chunks_exact(m).enumerate() {
        let gain = if full {
            full_gain(p, archive.points(), &r)
        } else {
            archive.hypervolume_gain(p, &r).unwrap_or(0.0)
        };
        if let Ok(Insertion::Added { .. }) = archive.insert(k as u64, p) {
            total += gain;
        }
    }
    total
}

fn gain(c: &mut Criterion) {
    let mut g = c.benchmark_group("archive_gain");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_secs(2))
        .sampling_mode(SamplingMode::Flat);
    for m in [2, 3] {
        for n in [10_000, 100_000] {
            let data = converging_stream(n, m, 42 + m as u64);
            let id = |name: &str| BenchmarkId::new(format!("{name}_m{m}"), n);
            g.bench_with_input(id("bounding"), &data, |b, d| {
                b.iter(|| with_gain(black_box(d), m, false))
            });
            // The full measure costs minutes per stream of 100,000 points.
            if n <= 10_000 {
                g.bench_with_input(id("full"), &data, |b, d| {
                    b.iter(|| with_gain(black_box(d), m, true))
                });
            }
        }
    }
    g.finish();
}

fn archive(c: &mut Criterion) {
    let mut g = c.benchmark_group("archive");
    // One insertion stream of 100,000 points takes seconds with the linear scan.
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_secs(2))
        .sampling_mode(SamplingMode::Flat);
    for m in [2, 3, 5] {
        for n in [10_000, 100_000] {
            let data = converging_stream(n, m, 42 + m as u64);
            let id = |name: &str| BenchmarkId::new(format!("{name}_m{m}"), n);
            g.bench_with_input(id("nd"), &data, |b, d| b.iter(|| indexed(black_box(d), m)));
            g.bench_with_input(id("linear"), &data, |b, d| {
                b.iter(|| linear_scan(black_box(d), m))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, archive, gain);
criterion_main!(benches);
