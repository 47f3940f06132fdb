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
/// The 300-line brief `scripts/bench-lsp` sends to the language server.
const TOUR: &str = include_str!("tour-300.brief");

fn bench(c: &mut Criterion) {
    let config = Config::default();
    let today = Date::parse("2026-11-24").expect("valid date");
    c.bench_function("parse", |b| {
        b.iter(|| briefc::syntax::parse(black_box(ACME)))
    });
    c.bench_function("parse+check", |b| {
        b.iter(|| briefc::check_text(black_box(ACME), &config, today))
    });

    // What `briefc lsp` does after a one-character change: check the new
    // text (as `check_bytes`, which the server calls) and turn every
    // diagnostic's span into protocol positions. The server's own figure,
    // over pipes, comes from `scripts/bench-lsp`.
    let at = TOUR
        .find("Voiceover: Here is the next thing")
        .expect("a voiceover")
        + 11;
    let typed = format!("{}x{}", &TOUR[..at], &TOUR[at..]);
    c.bench_function("lsp: check after a one-character change (300 lines)", |b| {
        b.iter(|| {
            let checked =
                briefc::check_bytes("tour.brief", black_box(typed.as_bytes()), &config, today);
            checked
                .diagnostics
                .iter()
                .map(|d| {
                    let start = checked.source.utf16_position(d.span.start);
                    let end = checked.source.utf16_position(d.span.end);
                    start.0 + start.1 + end.0 + end.1
                })
                .sum::<usize>()
        })
    });
    c.bench_function("check: the 300-line brief", |b| {
        b.iter(|| briefc::check_text(black_box(TOUR), &config, today))
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
