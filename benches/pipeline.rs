//! `cargo bench --bench pipeline`: each pipeline stage and the whole `analyze`, Arabic and
//! English, on 1k words, 10k words and 1 MB of news text (inputs: `common/inputs.rs`), with
//! throughput in bytes so that criterion prints MB/s. `benches/throughput.rs` prints the same
//! figures as one table.
//!
//! Criterion rather than divan: `Throughput::Bytes` gives MB/s per benchmark with confidence
//! intervals and change detection between runs, and without its default features (rayon,
//! plotters) it is a small build from crates.io on stable Rust.
//!
//! Each stage is timed alone, on the output of the stages before it, computed once
//! (`stancemap::bench_support`). "mentions" includes the lexicon scan it starts with and the learned tagger; "tagger" is the tagger alone.

#[path = "common/inputs.rs"]
#[allow(dead_code)] // shared with benches/throughput.rs, which uses all of it
mod inputs;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use stancemap::bench_support as stage;
use stancemap::{analyze, Options};

fn pipeline(c: &mut Criterion) {
    stage::warm_up();
    let inputs = inputs::all(inputs::quick());
    let names = ["text", "lexicon", "mentions", "tagger", "actors", "table", "positions", "analyze"];
    for name in names {
        for lang in ["ar", "en"] {
            let mut group = c.benchmark_group(format!("{name}/{lang}"));
            group.warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2)).sample_size(10);
            for input in inputs.iter().filter(|i| i.lang == lang) {
                let text = input.text.as_str();
                group.throughput(Throughput::Bytes(text.len() as u64));
                let id = BenchmarkId::from_parameter(input.size.label());
                let doc = stage::document(text);
                let arabic = doc.arabic();
                let mentions = stage::mentions(&doc);
                let actors = stage::actors(&doc, &mentions, arabic);
                let table = stage::table(&doc, &mentions, &actors);
                match name {
                    "text" => group.bench_function(id, |b| b.iter(|| stage::document(black_box(text)))),
                    "lexicon" => group.bench_function(id, |b| b.iter(|| stage::lexicon_scan(black_box(&doc)))),
                    "mentions" => group.bench_function(id, |b| b.iter(|| stage::mentions(black_box(&doc)))),
                    "tagger" => group.bench_function(id, |b| b.iter(|| stage::tagger(black_box(&doc)))),
                    "actors" => group.bench_function(id, |b| b.iter(|| stage::actors(black_box(&doc), &mentions, arabic))),
                    "table" => group.bench_function(id, |b| b.iter(|| stage::table(black_box(&doc), &mentions, &actors))),
                    "positions" => group.bench_function(id, |b| b.iter(|| stage::positions(black_box(&doc), &mentions, &actors, &table))),
                    _ => group.bench_function(id, |b| b.iter(|| analyze(black_box(text), &Options::default()))),
                };
            }
            group.finish();
        }
    }
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
