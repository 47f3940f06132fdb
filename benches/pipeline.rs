//! Criterion benchmarks of each pipeline stage on the spec's example brief.
//!
//! Run with `cargo bench`; `scripts/bench-check` times `briefc check` over
//! 10,000 generated briefs as a whole process.

use briefc::config::Config;
use briefc::model::Date;
use briefc::render::{RenderOptions, html, pdf};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const ACME: &str = include_str!("../examples/acme-sync.brief");

fn bench(c: &mut Criterion) {
    let config = Config::default();
    let today = Date::parse("2026-11-24").expect("valid date");
    c.bench_function("parse", |b| {
        b.iter(|| briefc::syntax::parse(black_box(ACME)))
    });
    c.bench_function("parse+check", |b| {
        b.iter(|| briefc::check_text(black_box(ACME), &config, today))
    });

    let checked = briefc::check_bytes("acme-sync.brief", ACME.as_bytes(), &config, today);
    assert!(!checked.has_errors(), "the example must be clean");
    let options = RenderOptions {
        timestamp: 1_790_000_000,
        ..RenderOptions::default()
    };
    c.bench_function("render html", |b| {
        b.iter(|| html::render(black_box(&checked.brief), &options).expect("renders"))
    });
    if pdf::render(&checked.brief, &options).is_ok() {
        c.bench_function("render pdf", |b| {
            b.iter(|| pdf::render(black_box(&checked.brief), &options).expect("renders"))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
