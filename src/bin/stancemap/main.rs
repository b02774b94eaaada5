//! The `stancemap` command line, a thin binding of the library like the wasm module: one
//! article to JSON or Markdown, an archive to JSON Lines (`batch`), batch output to a table per
//! actor (`summarize`), several articles side by side (`compare`), and the tagger's score on a
//! CoNLL file (`ner-eval`).

mod batch;
mod compare;
mod markdown;
mod ner_eval;
mod summarize;

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use stancemap::{analyze, Options};

/// Actors, positions and a comparison table from an Arabic or English news article.
///
/// Without a command: reads one article from FILE, or from standard input when FILE is absent
/// or '-', and prints its analysis.
#[derive(Parser, Debug)]
#[command(name = "stancemap", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    article: ArticleArgs,
}

#[derive(clap::Args, Debug)]
struct ArticleArgs {
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// The article's language (default: detected).
    #[arg(short, long, value_enum)]
    language: Option<Language>,
    /// The article, UTF-8 text ('-' or nothing: standard input).
    file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyses an archive: JSON Lines (`id`, `text`, other fields passed through) or .txt
    /// files and folders in, one JSON line per article out, in input order.
    Batch(batch::BatchArgs),
    /// From `batch` output: per actor, the articles naming it, its positions by stance and its
    /// most frequent claims, as CSV or Markdown.
    Summarize(summarize::SummarizeArgs),
    /// Compares two or more articles about one event: actors aligned across them (and across
    /// Arabic and English), the positions each article reports, and what differs; JSON or Markdown.
    Compare(compare::CompareArgs),
    /// Scores the embedded named-entity tagger on a CoNLL file (conlleval semantics); micro-F1
    /// over the given types (default: those the model tags).
    NerEval(ner_eval::NerEvalArgs),
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Markdown,
}

/// A language the analysis knows.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Ar,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::En => "en",
        }
    }
}

pub fn options(language: Option<Language>) -> Options {
    Options { language: language.map(|l| l.code().to_string()), ..Options::default() }
}

/// mimalloc, not the system's allocator: an article's analysis makes some 1,500 allocations,
/// and with glibc's allocator they were 12 % of the time of an English one. Alternating the
/// two builds over the `cargo bench` articles (`batch -j 1`, best of three or five runs each),
/// mimalloc took 0.87–0.89 of the time for English and 0.84–0.94 for Arabic (1k and 10k-word
/// articles). The price is memory held: at the peak, 52 MB instead of 44 for a 1 MB article,
/// and 24 MB instead of 18 for a batch of 1k-word articles on two threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Batch(args)) => batch::run(args),
        Some(Command::Summarize(args)) => summarize::run(args),
        Some(Command::Compare(args)) => compare::run(args),
        Some(Command::NerEval(args)) => ner_eval::run(args),
        None => article(cli.article),
    }
}

/// Exit status 2 and a message, for input that cannot be read at all.
pub fn input_error(msg: &str) -> ExitCode {
    eprintln!("stancemap: {msg}");
    ExitCode::from(2)
}

fn article(args: ArticleArgs) -> ExitCode {
    let (bytes, source) = match args.file.as_deref() {
        None => read_stdin(),
        Some(p) if p.as_os_str() == "-" => read_stdin(),
        Some(path) => match std::fs::read(path) {
            Ok(b) => (b, path.display().to_string()),
            Err(e) => return input_error(&format!("cannot read {}: {e}", path.display())),
        },
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return input_error(&format!("{source} is not valid UTF-8 text (first invalid byte at offset {at}); convert it to UTF-8 first"));
        }
    };
    // A byte-order mark is not part of the article; offsets stay relative to the text as read
    // by JavaScript, which also drops it when decoding.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    if text.trim().is_empty() {
        eprintln!("stancemap: warning: {source} is empty; nothing to analyse");
    }
    let analysis = analyze(text, &options(args.language));
    match args.format {
        Format::Markdown => print!("{}", markdown::markdown(&analysis)),
        Format::Json => match serde_json::to_string(&analysis) {
            Ok(json) => println!("{json}"),
            Err(e) => return input_error(&format!("cannot serialise the analysis: {e}")),
        },
    }
    ExitCode::SUCCESS
}

fn read_stdin() -> (Vec<u8>, String) {
    let mut buf = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut buf) {
        eprintln!("stancemap: cannot read standard input: {e}");
        std::process::exit(2);
    }
    (buf, "standard input".to_string())
}
