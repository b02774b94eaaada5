//! `ner-train`: trains stancemap's named-entity models and measures them.
//!
//! `cargo run --release -p ner-train -- all` reproduces `data/ner/ar.model` and
//! `data/ner/en.model` byte for byte from the corpora in `../shared/data/ner` (fixed seeds,
//! a single thread), given the lexicon they were trained with (`--lexicon`; see
//! `data/ner/README.md`). Other commands: `train`, `eval`, `curve`, `speed`; `help` lists them.

mod gazetteers;
mod crf;
mod perceptron;
mod tarball;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use stancemap::ner::conll::{self, Sentence};
use stancemap::ner::eval::Scores;
use stancemap::ner::features::{template, Extractor};
use stancemap::ner::decode::label_index;
use stancemap::ner::document::{hints, Tagged};
use stancemap::ner::features::Scratch;
use stancemap::ner::gazetteer::Gazetteer;
use stancemap::ner::model::Model;
use stancemap::ner::Tagger;

use perceptron::Compaction;

const USAGE: &str = "usage: ner-train COMMAND [options]
  all                      train both shipped models into data/ner/ and evaluate them
  train ar|en [--out FILE] train one model with the options below and evaluate it
  curve ar|en              F1 against model size over pruning thresholds and weight bits
                           (or the points in $CURVE: threshold,bits,key bits,gazetteer bits[,first stage threshold];…)
  eval MODEL FILE.conll    score a model file on a CoNLL file
  speed                    tokens per second of the embedded taggers (one core)
options: --data DIR (default ../shared/data/ner, or $NER_DATA) --lexicon DIR (default data/lexicon)
  --epochs N --min-count N --threshold X --first-stage-threshold X (two stages) --bits B --key-bits K --gazetteer-bits G (fingerprints) --without TEMPLATE_NUMBERS(,) --no-gazetteer --no-anergazet
  --wikiann (Arabic: add WikiANN ar train as a second domain) --[no-]wikiann-gazetteer --no-wikiann-names --outside-penalty X
  --margin X --[no-]document
  --min-sentence-len N --seed N --dev (hold out the last tenth of train)
  tag MODEL FILE.conll     print token, gold and predicted tag (for reading errors)
  penalty ar|en            F1 over O-prior penalties";

/// How one model is trained.
#[derive(Debug, Clone)]
struct Config {
    lang: &'static str,
    epochs: usize,
    min_count: u32,
    /// How the model file is made compact.
    compaction: Compaction,
    /// The pruning threshold of the first stage of a two-stage model, whose tags only become
    /// the second stage's document hints (`compaction.threshold` for a one-stage model).
    first_stage_threshold: f32,
    /// How the jackknife models that tag train for the second stage are made compact. Fixed,
    /// not `compaction`: the file's compaction is applied after training, so that a point of
    /// `curve` is exactly the model `train` writes with that compaction, and the curve measures
    /// compaction alone (retraining the second stage on other first-stage tags moves
    /// test_repaired by ±0.5, as much as another shuffle seed).
    fold_compaction: Compaction,
    templates: u64,
    sources: Option<gazetteers::Sources>,
    wikiann_ar: bool,
    dev: bool,
    seed: u64,
    /// Drop training sentences shorter than this (WikiANN is mostly bare names and titles).
    min_sentence_len: usize,
    /// Add a second stage that sees document hints (see src/ner/document.rs).
    document_stage: bool,
    /// Loss-augmented training margin (see perceptron::train).
    margin: f32,
    /// Train a CRF (see crf.rs) with this step size instead of the perceptron (0).
    crf: f32,
}

impl Config {
    /// The settings of the shipped models (chosen by the measurements in data/ner/README.md).
    fn shipped(lang: &'static str) -> Config {
        let arabic = lang == "ar";
        Config {
            lang,
            epochs: 10,
            // Arabic: dropping features seen fewer than 3 times makes the model lean on context
            // and affixes, which is what unseen names need (+0.7 on dev). English: no gain.
            min_count: if arabic { 3 } else { 1 },
            // Pruning and weight bits from `ner-train curve` (data/ner/README.md): English keeps
            // 15.5k of 284k features at 6 bits for 1.4 points of WikiGold F1 (1.17 MB → 96 KB gzip).
            // Arabic: from the size curve (data/ner/README.md): features whose largest weight is
            // below 1.5, 7-bit weights, 26-bit fingerprints cost 0.36 of test_repaired F1 for
            // 224 KB of the 584 KB gzip; 290 KB costs 1.4 points.
            compaction: if arabic {
                Compaction { threshold: 1.5, bits: 7, outside_penalty: 3.0, key_bits: 26, gazetteer_bits: 26 }
            } else {
                // English fingerprints at 22 bits (format 4): 78 -> 53 KB gzip, WikiGold 46.81 -> 47.05,
                // WikiANN en test 71.95 -> 72.01; the CLI's output unchanged on the dev set and the
                // real texts (data/ner/README.md).
                Compaction { threshold: 4.0, bits: 6, outside_penalty: 0.0, key_bits: 22, gazetteer_bits: 22 }
            },
            // The Arabic first stage at 1.9: 4.7k fewer features, 10 KB less gzip, −0.01 on
            // test_repaired (format 4; data/ner/README.md), which brought ar.model under 290 KB.
            first_stage_threshold: if arabic { 1.9 } else { 4.0 },
            fold_compaction: Compaction { threshold: 1.0, bits: 8, outside_penalty: 3.0, key_bits: 32, gazetteer_bits: 32 },
            templates: template::ALL,
            // WikiANN names help the Arabic model (trained on ANERcorp); the English model is
            // trained on WikiANN itself, where its own names would only teach it to trust them.
            sources: Some(gazetteers::Sources { anergazet: true, name_lists: true, lexicon: true, wikiann: arabic, wikiann_names: arabic }),
            wikiann_ar: false,
            dev: false,
            seed: 0x5eed_2026,
            min_sentence_len: 0,
            // ANERcorp is running news text, where a second stage with document hints gains
            // ~2 points; WikiANN's fragments are not documents (−1.7 on WikiGold).
            document_stage: arabic,
            margin: 0.0,
            crf: 0.0,
        }
    }
}

impl Config {
    /// The first stage's compaction when the model's is `how`: the same but for its threshold.
    fn first_stage(&self, how: Compaction) -> Compaction {
        Compaction { threshold: self.first_stage_threshold, ..how }
    }
}

struct Paths {
    root: PathBuf,
    data: PathBuf,
    /// The crate's lexicon, whose names become gazetteer entries (default `data/lexicon`).
    lexicon: PathBuf,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root");
    let mut data = std::env::var_os("NER_DATA").map(PathBuf::from).unwrap_or_else(|| root.join("../shared/data/ner"));
    if let Some(i) = args.iter().position(|a| a == "--data") {
        data = PathBuf::from(args.get(i + 1).expect("--data DIR"));
    }
    let lexicon = value(&args, "--lexicon").map_or_else(|| root.join("data/lexicon"), PathBuf::from);
    let paths = Paths { root, data, lexicon };
    let command = args.first().map(String::as_str).unwrap_or("help");
    match command {
        "all" => all(&paths),
        "train" | "curve" => {
            let lang = match args.get(1).map(String::as_str) {
                Some("ar") => "ar",
                Some("en") => "en",
                _ => fail("train/curve: language ar or en"),
            };
            let config = options(Config::shipped(lang), &args[2..]);
            if command == "curve" {
                curve(&paths, &config);
            } else {
                let out = value(&args, "--out").map(PathBuf::from);
                let (model, _) = train_and_report(&paths, &config);
                if let Some(out) = out {
                    std::fs::write(&out, model.to_bytes()).expect("write model");
                    println!("wrote {}", out.display());
                }
            }
        }
        "eval" => {
            let (Some(model), Some(file)) = (args.get(1), args.get(2)) else { fail("eval MODEL FILE.conll") };
            let tagger = Tagger::from_bytes(&std::fs::read(model).expect("read model")).unwrap_or_else(|e| fail(&e.to_string()));
            let sentences = read_conll(Path::new(file));
            print!("{}", score(&tagger, &sentences).report(&[0, 1, 2, 3]));
        }
        "speed" => speed(&paths),
        "penalty" => {
            let lang = if args.get(1).map(String::as_str) == Some("en") { "en" } else { "ar" };
            let c = options(Config::shipped(lang), &args[2..]);
            let (train, tests) = corpora(&paths, &c);
            let trained = train_model(&paths, &c, &train);
            for penalty in [0.0f32, 1.0, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0] {
                let how = Compaction { outside_penalty: penalty, ..c.compaction };
                let model = trained.compact_stages(c.first_stage(how), how);
                let tagger = Tagger::from_bytes(&model.to_bytes()).unwrap();
                let f1: Vec<String> = tests.iter().map(|(_, s, types)| { let m = score(&tagger, s).micro(types); format!("P {:.2} R {:.2} F1 {:.2}", m.precision(), m.recall(), m.f1()) }).collect();
                println!("penalty {penalty:>5}: {}", f1.join(" | "));
            }
        }
        "tag" => {
            // token, gold, predicted: for reading errors.
            let (Some(model), Some(file)) = (args.get(1), args.get(2)) else { fail("tag MODEL FILE.conll") };
            let tagger = Tagger::from_bytes(&std::fs::read(model).expect("read model")).unwrap_or_else(|e| fail(&e.to_string()));
            // The file as one document, as `stancemap ner-eval` reads it, so that the tags
            // printed are the ones scored.
            let sentences = read_conll(Path::new(file));
            let tokens: Vec<&[String]> = sentences.iter().map(|s| s.tokens.as_slice()).collect();
            for (s, predicted) in sentences.iter().zip(tagger.tag_document_bio(&tokens)) {
                for ((t, g), p) in s.tokens.iter().zip(&s.tags).zip(predicted) {
                    println!("{t}\t{g}\t{p}");
                }
                println!();
            }
        }
        _ => println!("{USAGE}"),
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("ner-train: {msg}\n{USAGE}");
    std::process::exit(2)
}

fn value<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn options(mut c: Config, args: &[String]) -> Config {
    let num = |name: &str| value(args, name).map(|v| v.parse::<f64>().unwrap_or_else(|_| fail(&format!("{name}: a number"))));
    if let Some(v) = num("--epochs") {
        c.epochs = v as usize;
    }
    if let Some(v) = num("--min-count") {
        c.min_count = v as u32;
    }
    if let Some(v) = num("--threshold") {
        c.compaction.threshold = v as f32;
        c.first_stage_threshold = v as f32;
    }
    if let Some(v) = num("--first-stage-threshold") {
        c.first_stage_threshold = v as f32;
    }
    if let Some(v) = num("--bits") {
        c.compaction.bits = v as u32;
    }
    if let Some(v) = num("--key-bits") {
        c.compaction.key_bits = (v as u8).clamp(1, 32);
    }
    if let Some(v) = num("--gazetteer-bits") {
        c.compaction.gazetteer_bits = (v as u8).clamp(1, 32);
    }
    if let Some(v) = num("--outside-penalty") {
        c.compaction.outside_penalty = v as f32;
    }
    if let Some(v) = num("--min-sentence-len") {
        c.min_sentence_len = v as usize;
    }
    if let Some(v) = num("--crf") {
        c.crf = v as f32;
    }
    if let Some(v) = num("--margin") {
        c.margin = v as f32;
    }
    if let Some(v) = num("--seed") {
        c.seed = v as u64;
    }
    if let Some(list) = value(args, "--without") {
        for t in list.split(',') {
            c.templates &= !(1u64 << t.parse::<u32>().unwrap_or_else(|_| fail("--without: template numbers")));
        }
    }
    let flag = |name: &str| args.iter().any(|a| a == name);
    if flag("--no-gazetteer") {
        c.sources = None;
    }
    if flag("--no-wikiann-names") {
        if let Some(s) = &mut c.sources {
            s.wikiann_names = false;
        }
    }
    if flag("--no-anergazet") {
        if let Some(s) = &mut c.sources {
            s.anergazet = false;
        }
    }
    c.wikiann_ar |= flag("--wikiann");
    if flag("--wikiann-gazetteer") || flag("--no-wikiann-gazetteer") {
        if let Some(s) = &mut c.sources {
            s.wikiann = flag("--wikiann-gazetteer");
        }
    }
    c.dev |= flag("--dev");
    c.document_stage |= flag("--document");
    if flag("--no-document") {
        c.document_stage = false;
    }
    c
}

fn read_conll(path: &Path) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    conll::parse(&text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())))
}

/// Training sentences, and the evaluation sets `(name, sentences, scored types)`.
/// An evaluation set: name, sentences, scored types (indices into `eval::TYPES`).
type TestSet = (String, Vec<Sentence>, Vec<usize>);

fn corpora(p: &Paths, c: &Config) -> (Vec<Sentence>, Vec<TestSet>) {
    let d = &p.data;
    let (mut train, mut tests) = if c.lang == "ar" {
        let train = read_conll(&d.join("anercorp_camel/train.conll"));
        let all = vec![0, 1, 2, 3];
        let tests = vec![
            ("ANERcorp test_repaired".to_string(), read_conll(&d.join("anercorp_camel/test_repaired.conll")), all.clone()),
            ("ANERcorp test (as released)".to_string(), read_conll(&d.join("anercorp_camel/test.conll")), all),
            ("WikiANN ar test (PER/LOC/ORG)".to_string(), read_conll(&d.join("wikiann_ar/test.conll")), vec![0, 1, 2]),
        ];
        (train, tests)
    } else {
        let train = read_conll(&d.join("wikiann_en/train.conll"));
        let tests = vec![
            ("WikiGold (PER/LOC/ORG)".to_string(), read_conll(&d.join("wikigold_en/test.conll")), vec![0, 1, 2]),
            ("WikiANN en test (PER/LOC/ORG)".to_string(), read_conll(&d.join("wikiann_en/test.conll")), vec![0, 1, 2]),
        ];
        (train, tests)
    };
    train.retain(|s| s.tokens.len() >= c.min_sentence_len);
    if c.dev {
        // ANERcorp has no dev split: the last tenth of train (whole sentences) stands in.
        let cut = train.len() * 9 / 10;
        let held: Vec<Sentence> = train.drain(cut..).collect();
        let types = if c.lang == "ar" { vec![0, 1, 2, 3] } else { vec![0, 1, 2] };
        tests = vec![("dev (last tenth of train)".to_string(), held, types)];
    }
    (train, tests)
}

/// Trains, compacts and returns the model with its real-valued weights kept for `curve`.
/// A trained model before compaction: per stage, the real-valued weights, their dictionary
/// and the model fields that compaction does not set.
struct Trained {
    stages: Vec<(perceptron::Weights, perceptron::Dictionary, Model)>,
}

impl Trained {
    /// The model file contents at one compaction setting.
    fn compact(&self, how: Compaction) -> Model {
        self.compact_stages(how, how)
    }

    /// The model file contents with the first stage compacted as `first`, the second as `how`.
    fn compact_stages(&self, first: Compaction, how: Compaction) -> Model {
        let mut models: Vec<Model> = self.stages.iter().enumerate().map(|(i, (w, d, base))| perceptron::compact(w, d, base.clone(), if i == 0 { first } else { how })).collect();
        let second = (models.len() > 1).then(|| models.pop().unwrap());
        let mut model = models.pop().unwrap();
        model.document_stage = second.map(Box::new);
        model
    }
}

fn train_model(p: &Paths, c: &Config, train: &[Sentence]) -> Trained {
    let (gazetteer, max_len) = match c.sources {
        Some(s) => gazetteers::build(c.lang, &p.data, &p.lexicon, s),
        None => (Vec::new(), 0),
    };
    let labels: u8 = if c.lang == "ar" { 9 } else { 7 };
    // Training sees the whole keys; compaction may cut them (see `Compaction`).
    let g = Gazetteer::new(&gazetteer, usize::from(max_len), 32);
    let x = Extractor { arabic: c.lang == "ar", templates: c.templates, gazetteer: &g };
    let lang = c.lang.as_bytes();
    let base = Model {
        language: [lang[0], lang[1]],
        labels,
        templates: c.templates,
        scale: 1.0,
        start: Vec::new(),
        transitions: Vec::new(),
        keys: Vec::new(),
        key_bits: 32,
        weights: Vec::new(),
        gazetteer,
        gazetteer_bits: 32,
        gazetteer_max_len: max_len,
        document_stage: None,
    };
    // WikiANN ar as a second domain (news = 0, Wikipedia = 1), first stage only.
    let silver = if c.wikiann_ar && c.lang == "ar" { read_conll(&p.data.join("wikiann_ar/train.conll")) } else { Vec::new() };
    let stage = |sentences: &[Sentence], x: &Extractor, hints: Option<&[Vec<u8>]>, base: Model| {
        let labels = usize::from(labels);
        let (weights, dict) = if hints.is_none() && !silver.is_empty() {
            let all: Vec<Sentence> = sentences.iter().chain(&silver).cloned().collect();
            let domains: Vec<u8> = (0..all.len()).map(|i| u8::from(i >= sentences.len())).collect();
            let (dict, examples) = perceptron::examples(x, &all, labels, c.min_count, None, Some(&domains));
            let weights = perceptron::train(&examples, dict.keys.len(), labels, c.epochs, c.seed, c.margin);
            let (weights, dict) = perceptron::merge_domain(&weights, &dict, 0, &[0, 1]);
            (weights, dict)
        } else {
            let (dict, examples) = perceptron::examples(x, sentences, labels, c.min_count, hints, None);
            (if c.crf > 0.0 { crf::train(&examples, dict.keys.len(), labels, c.epochs, c.seed, c.crf) } else { perceptron::train(&examples, dict.keys.len(), labels, c.epochs, c.seed, c.margin) }, dict)
        };
        (weights, dict, base)
    };
    let first = stage(train, &x, None, base.clone());
    let mut stages = vec![first];
    if c.document_stage {
        // The second stage must learn from first-stage tags as good as on unseen text, so the
        // tags of each fifth of train come from a model trained on the other four.
        let folds = 5;
        let mut tagged: Vec<Vec<Tagged>> = Vec::with_capacity(train.len());
        let mut words: Vec<Vec<(u64, u64)>> = Vec::with_capacity(train.len());
        let mut scratch = Scratch::default();
        for k in 0..folds {
            let (lo, hi) = (train.len() * k / folds, train.len() * (k + 1) / folds);
            let rest: Vec<Sentence> = train[..lo].iter().chain(&train[hi..]).cloned().collect();
            let (w, d, b) = stage(&rest, &x, None, base.clone());
            let fold_model = perceptron::compact(&w, &d, b, c.fold_compaction);
            let tagger = Tagger::from_bytes(&fold_model.to_bytes()).expect("fold model loads");
            let held = &train[lo..hi];
            let tags = tagger.tag_document_bio(&held.iter().map(|s| s.tokens.clone()).collect::<Vec<_>>());
            for (s, tags) in held.iter().zip(tags) {
                let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                x.analyse(&tokens, &mut scratch);
                let w: Vec<(u64, u64)> = (0..tokens.len()).map(|t| scratch.word_and_stem(t)).collect();
                tagged.push(
                    tags.iter()
                        .enumerate()
                        .filter_map(|(position, tag)| {
                            let y = label_index(tag)?;
                            (y != 0).then(|| Tagged { position, word: w[position].0, stem: w[position].1, kind: (y - 1) / 2 })
                        })
                        .collect(),
                );
                words.push(w);
            }
        }
        let hints: Vec<Vec<u8>> = (0..train.len()).map(|i| hints(i, &words[i], &tagged)).collect();
        let x2 = Extractor { templates: c.templates | 1 << template::DOCUMENT, ..x };
        let second_base = Model { templates: x2.templates, gazetteer: Vec::new(), gazetteer_max_len: 0, ..base.clone() };
        stages.push(stage(train, &x2, Some(&hints), second_base));
    }
    Trained { stages }
}

/// Scores with the whole file as one document stream (as ANERcorp is: articles one after the
/// other, without marks), so that the document hints see the neighbouring sentences.
fn score(tagger: &Tagger, sentences: &[Sentence]) -> Scores {
    let mut s = Scores::default();
    let tokens: Vec<&[String]> = sentences.iter().map(|s| s.tokens.as_slice()).collect();
    for (sentence, tags) in sentences.iter().zip(tagger.tag_document_bio(&tokens)) {
        s.add(&sentence.tags, &tags);
    }
    s
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap().len()
}

fn train_and_report(p: &Paths, c: &Config) -> (Model, Vec<f64>) {
    let t0 = Instant::now();
    let (train, tests) = corpora(p, c);
    let model = train_model(p, c, &train).compact_stages(c.first_stage(c.compaction), c.compaction);
    let bytes = model.to_bytes();
    println!(
        "== {} model: {} training sentences, {} epochs, {} features kept, {} gazetteer entries; trained in {:.1} s",
        c.lang,
        train.len(),
        c.epochs,
        model.keys.len() + model.document_stage.as_ref().map_or(0, |m| m.keys.len()),
        model.gazetteer.len(),
        t0.elapsed().as_secs_f64()
    );
    println!("size: {} bytes raw, {} bytes gzip", bytes.len(), gzip_len(&bytes));
    let tagger = Tagger::from_bytes(&bytes).expect("fresh model loads");
    let mut f1s = Vec::new();
    for (name, sentences, types) in &tests {
        let s = score(&tagger, sentences);
        println!("-- {name}\n{}", s.report(types));
        f1s.push(s.micro(types).f1());
    }
    (model, f1s)
}

fn all(p: &Paths) {
    let t0 = Instant::now();
    for lang in ["ar", "en"] {
        let (model, _) = train_and_report(p, &Config::shipped(lang));
        let out = p.root.join(format!("data/ner/{lang}.model"));
        std::fs::write(&out, model.to_bytes()).expect("write model");
        println!("wrote {}\n", out.display());
    }
    println!("total time {:.1} s", t0.elapsed().as_secs_f64());
}

fn curve(p: &Paths, c: &Config) {
    let (train, tests) = corpora(p, c);
    let trained = train_model(p, c, &train);
    let gazetteer_only = Model { keys: Vec::new(), weights: Vec::new(), document_stage: None, ..trained.compact(c.compaction) };
    let g = gazetteer_only.to_bytes();
    println!("of which gazetteer ({} entries) and header: {} bytes raw, {} bytes gzip", gazetteer_only.gazetteer.len(), g.len(), gzip_len(&g));
    println!("{:>9} {:>4} {:>4} {:>4} {:>9} {:>9} {:>9}  F1 on {}", "threshold", "bits", "key", "gaz", "features", "raw", "gzip", tests.iter().map(|t| t.0.as_str()).collect::<Vec<_>>().join(" | "));
    let points: Vec<(Compaction, Compaction)> = match std::env::var("CURVE") {
        // "threshold,bits,key_bits,gazetteer_bits[,first stage threshold[,first stage bits]];…".
        Ok(list) => list
            .split(';')
            .map(|p| {
                let v: Vec<f32> = p.split(',').map(|x| x.trim().parse().unwrap_or_else(|_| fail("CURVE: threshold,bits,key,gaz[,first];…"))).collect();
                let how = Compaction { threshold: v[0], bits: v[1] as u32, key_bits: v[2] as u8, gazetteer_bits: v[3] as u8, ..c.compaction };
                let first_bits = v.get(5).map_or(how.bits, |&b| b as u32);
                (Compaction { threshold: v.get(4).copied().unwrap_or(v[0]), bits: first_bits, ..how }, how)
            })
            .collect(),
        Err(_) => [8, 6, 5, 4].iter().flat_map(|&bits| [0.0f32, 1.0, 2.0, 4.0, 8.0].map(|threshold| Compaction { threshold, bits, ..c.compaction })).map(|h| (h, h)).collect(),
    };
    for (first, how) in points {
        let model = trained.compact_stages(first, how);
        let features = model.keys.len() + model.document_stage.as_ref().map_or(0, |m| m.keys.len());
        let bytes = model.to_bytes();
        let tagger = Tagger::from_bytes(&bytes).unwrap();
        let f1: Vec<String> = tests.iter().map(|(_, s, types)| format!("{:.2}", score(&tagger, s).micro(types).f1())).collect();
        println!("{:>9} {:>4} {:>4} {:>4} {features:>9} {:>9} {:>9}  {}", how.threshold, how.bits, how.key_bits, how.gazetteer_bits, bytes.len(), gzip_len(&bytes), f1.join(" | "));
    }
}

fn speed(p: &Paths) {
    for lang in ["ar", "en"] {
        let bytes = std::fs::read(p.root.join(format!("data/ner/{lang}.model"))).expect("model file");
        let t0 = Instant::now();
        let runs = 10;
        for _ in 0..runs {
            std::hint::black_box(Tagger::from_bytes(&bytes).expect("model loads"));
        }
        println!("{lang}: model parsed and tables built in {:.1} ms (mean of {runs})", t0.elapsed().as_secs_f64() * 1e3 / f64::from(runs));
    }
    for (lang, file) in [("ar", "anercorp_camel/test_repaired.conll"), ("en", "wikigold_en/test.conll")] {
        let tagger = Tagger::for_language(lang).expect("embedded model");
        let sentences = read_conll(&p.data.join(file));
        let tokens: Vec<Vec<&str>> = sentences.iter().map(|s| s.tokens.iter().map(String::as_str).collect()).collect();
        let n: usize = tokens.iter().map(Vec::len).sum();
        // Sentence by sentence (`tag`), and as articles of 40 sentences (`tag_document`).
        let by_sentence = || tokens.iter().map(|t| tagger.tag(t).len()).sum::<usize>();
        let by_article = || tokens.chunks(40).map(|a| tagger.tag_document(a).iter().map(Vec::len).sum::<usize>()).sum::<usize>();
        for (how, run) in [("tag per sentence", &by_sentence as &dyn Fn() -> usize), ("tag_document per 40 sentences", &by_article)] {
            let mut best = f64::INFINITY;
            let mut found = 0;
            for _ in 0..7 {
                let t0 = Instant::now();
                found = run();
                best = best.min(t0.elapsed().as_secs_f64());
            }
            println!("{lang} {how}: {n} tokens in {:.1} ms (best of 7) = {:.0} tokens/s, {found} entities ({file})", best * 1e3, n as f64 / best);
        }
    }
}
