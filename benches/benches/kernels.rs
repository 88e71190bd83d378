//! Criterion benchmarks of the Pareto kernels on the shared benchmark inputs.
//!
//! Ids are `<kernel>/<shape>_m<M>/<n>`, so `cargo bench -p vilfredo-benches -- hypervolume/`
//! or `-- 'pareto_rank/sphere_m3'` runs a subset. Sample counts and measurement times are
//! small so the full run takes minutes; use `bench/compare.py` for ratios against peers.

// Benchmark code: an invalid built-in input is a bug of the bench itself.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use vilfredo_benches::{HV_CASES, HVC_CASES, SORT_M, SORT_N, Shape, input, max_n, reference};
use vilfredo_core::PointsView;
use vilfredo_pareto::{hv_contributions, hypervolume, is_non_dominated, pareto_rank};

fn configure<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    // Few samples, short windows: the slow cases (up to seconds per call) would otherwise
    // take many minutes each. Flat sampling suits calls that take milliseconds or more.
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
        .sampling_mode(SamplingMode::Flat);
    g
}

fn view(data: &[f64], m: usize) -> PointsView<'_> {
    PointsView::new(data, m).expect("benchmark inputs are valid")
}

fn sorting(c: &mut Criterion) {
    let limit = max_n();
    for (kernel, rank) in [("is_non_dominated", false), ("pareto_rank", true)] {
        let mut g = configure(c, kernel);
        for shape in [Shape::Uniform, Shape::Sphere] {
            for m in SORT_M {
                let largest = SORT_N
                    .iter()
                    .copied()
                    .filter(|&n| n <= limit)
                    .max()
                    .unwrap_or(0);
                // Smaller inputs are prefixes of the largest one, as in the shared harness.
                let data = input(shape, largest, m);
                for n in SORT_N.into_iter().filter(|&n| n <= limit) {
                    let pts = view(&data[..n * m], m);
                    let id = BenchmarkId::new(format!("{}_m{m}", shape.name()), n);
                    if rank {
                        g.bench_with_input(id, &pts, |b, p| b.iter(|| pareto_rank(black_box(*p))));
                    } else {
                        g.bench_with_input(id, &pts, |b, p| {
                            b.iter(|| is_non_dominated(black_box(*p)))
                        });
                    }
                }
            }
        }
        g.finish();
    }
}

fn exact_hypervolume(c: &mut Criterion) {
    let limit = max_n();
    let mut g = configure(c, "hypervolume");
    for (m, n) in HV_CASES.into_iter().filter(|&(_, n)| n <= limit) {
        let data = input(Shape::Sphere, n, m);
        let r = reference(m);
        let pts = view(&data, m);
        g.bench_with_input(BenchmarkId::new(format!("sphere_m{m}"), n), &pts, |b, p| {
            b.iter(|| hypervolume(black_box(*p), black_box(&r)).expect("valid reference point"))
        });
    }
    g.finish();
}

fn contributions(c: &mut Criterion) {
    let limit = max_n();
    let mut g = configure(c, "hv_contributions");
    for (m, n) in HVC_CASES.into_iter().filter(|&(_, n)| n <= limit) {
        let data = input(Shape::Sphere, n, m);
        let r = reference(m);
        let pts = view(&data, m);
        g.bench_with_input(BenchmarkId::new(format!("sphere_m{m}"), n), &pts, |b, p| {
            b.iter(|| {
                hv_contributions(black_box(*p), black_box(&r)).expect("valid reference point")
            })
        });
    }
    g.finish();
}

criterion_group!(kernels, sorting, exact_hypervolume, contributions);
criterion_main!(kernels);
