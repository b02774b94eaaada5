//! `stancemap batch`: an archive in, one JSON line per article out, in input order, on a pool
//! of threads. Articles are read a window at a time; while one window is analysed the next is
//! read, and results are written in order once their window is done, so memory holds about two
//! windows whatever the size of the archive.

mod input;
mod record;

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::{input_error, options, Language};
use input::Reader;
use record::Settings;

/// Input bytes per window, whatever `--window` says: a window of long articles stays small.
const WINDOW_BYTES: u64 = 64 * 1000 * 1000;

#[derive(clap::Args, Debug)]
pub struct BatchArgs {
    /// JSON Lines files ('-' or nothing: standard input), .txt files, or folders of .txt files
    /// (read recursively, in name order; the path is the article's id).
    inputs: Vec<PathBuf>,
    /// Write the JSON Lines to this file instead of standard output ('-': standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// The articles' language (default: detected for each).
    #[arg(short, long, value_enum)]
    language: Option<Language>,
    /// The field holding a record's id (written as "id" in the output).
    #[arg(long, default_value = "id")]
    id_field: String,
    /// The field holding a record's text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Keep the text in each output record, so that the offsets can be sliced from it.
    #[arg(long)]
    keep_text: bool,
    /// Articles analysed at a time (also at most 64 MB of input): memory holds about two windows.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(u32).range(1..))]
    window: u32,
    /// No progress bar and no closing line on standard error.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Default)]
struct Counts {
    articles: u64,
    failed: u64,
}

pub fn run(args: BatchArgs) -> ExitCode {
    let sources = match input::sources(&args.inputs) {
        Ok(s) => s,
        Err(msg) => return input_error(&msg),
    };
    let total_bytes = input::total_bytes(&sources);
    // '-' is standard output, as it is standard input among the inputs (not a file named '-').
    let out: Box<dyn Write + Send> = match args.output.as_ref().filter(|p| p.as_os_str() != "-") {
        Some(p) => match File::create(p) {
            Ok(f) => Box::new(BufWriter::with_capacity(1 << 20, f)),
            Err(e) => return input_error(&format!("cannot write {}: {e}", p.display())),
        },
        None => Box::new(BufWriter::with_capacity(1 << 20, std::io::stdout())),
    };
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(args.threads.map_or(0, usize::from)).build() {
        Ok(p) => p,
        Err(e) => return input_error(&format!("cannot start the thread pool: {e}")),
    };
    let settings = Settings { options: options(args.language), id_field: args.id_field, text_field: args.text_field, keep_text: args.keep_text };
    let terminal = !args.quiet && std::io::stderr().is_terminal();
    let bar = progress_bar(terminal, total_bytes);
    // A panic in the pipeline becomes that article's error record; the default hook would
    // print it over the progress bar as well.
    std::panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let mut reader = Reader::new(sources);
    let result = pool.install(|| analyse_all(&mut reader, out, &settings, args.window as usize, &bar, started));
    bar.finish_and_clear();
    let _ = std::panic::take_hook();
    let counts = match result {
        Ok(c) => c,
        Err(msg) => return input_error(&msg),
    };
    let seconds = started.elapsed().as_secs_f64();
    if terminal {
        eprintln!(
            "stancemap batch: {} articles, {} failed, {:.1} s ({:.0} articles/s on {} threads)",
            counts.articles,
            counts.failed,
            seconds,
            counts.articles as f64 / seconds.max(1e-9),
            pool.current_num_threads()
        );
    } else if counts.failed > 0 && !args.quiet {
        eprintln!("stancemap batch: {} of {} records failed (error records in the output)", counts.failed, counts.articles);
    }
    if counts.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn analyse_all(reader: &mut Reader, mut out: Box<dyn Write + Send>, settings: &Settings, window: usize, bar: &ProgressBar, started: Instant) -> Result<Counts, String> {
    let mut counts = Counts::default();
    let mut jobs = reader.next_window(window, WINDOW_BYTES)?;
    while !jobs.is_empty() {
        // Analyse this window while the next one is read.
        let (outcomes, next) =
            rayon::join(|| jobs.par_iter().map(|job| record::process(job, settings)).collect::<Vec<_>>(), || reader.next_window(window, WINDOW_BYTES));
        for o in &outcomes {
            out.write_all(o.line.as_bytes()).and_then(|()| out.write_all(b"\n")).map_err(|e| format!("cannot write the output: {e}"))?;
            counts.articles += 1;
            counts.failed += u64::from(o.failed);
        }
        if !bar.is_hidden() {
            bar.set_position(reader.bytes_read);
            let rate = counts.articles as f64 / started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!("{} articles, {} failed, {rate:.0}/s", counts.articles, counts.failed));
        }
        jobs = next?;
    }
    out.flush().map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(counts)
}

/// A bar over the input's bytes when its size is known, a spinner otherwise; hidden unless
/// standard error is a terminal.
fn progress_bar(shown: bool, total_bytes: Option<u64>) -> ProgressBar {
    if !shown {
        return ProgressBar::hidden();
    }
    let bar = match total_bytes {
        Some(n) => ProgressBar::new(n).with_style(
            ProgressStyle::with_template("{elapsed_precise} [{wide_bar}] {binary_bytes}/{binary_total_bytes} · {msg} · {eta} left")
                .expect("a valid template")
                .progress_chars("=> "),
        ),
        None => ProgressBar::new_spinner().with_style(ProgressStyle::with_template("{spinner} {elapsed_precise} {binary_bytes} read · {msg}").expect("a valid template")),
    };
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}
