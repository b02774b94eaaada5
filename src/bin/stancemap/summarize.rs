//! `stancemap summarize`: reads `batch` output and prints the per-actor table of the archive
//! (`stancemap::summary`). Error records are counted and left out.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use stancemap::summary::ArchiveSummary;
use stancemap::Analysis;

use crate::input_error;

#[derive(clap::Args, Debug)]
pub struct SummarizeArgs {
    /// `stancemap batch` output, JSON Lines ('-' or nothing: standard input).
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = TableFormat::Markdown)]
    format: TableFormat,
    /// Most frequent claims shown per actor.
    #[arg(long, default_value_t = 3)]
    claims: usize,
    /// Leave out actors named in fewer articles than this.
    #[arg(long, default_value_t = 1)]
    min_articles: u64,
    /// Write the table to this file instead of standard output ('-': standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum TableFormat {
    Csv,
    Markdown,
}

#[derive(serde::Deserialize)]
struct BatchRecord {
    analysis: Option<Analysis>,
    error: Option<serde_json::Value>,
}

pub fn run(args: SummarizeArgs) -> ExitCode {
    let inputs = if args.inputs.is_empty() { vec![PathBuf::from("-")] } else { args.inputs };
    let mut summary = ArchiveSummary::default();
    let (mut failed, mut unreadable) = (0u64, 0u64);
    for path in &inputs {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(BufReader::new(io::stdin()))
        } else {
            match File::open(path) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => return input_error(&format!("cannot read {}: {e}", path.display())),
            }
        };
        for line in reader.lines() {
            let line = match line {
                Ok(l) => l,
                Err(e) => return input_error(&format!("cannot read {}: {e}", path.display())),
            };
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<BatchRecord>(&line) {
                Ok(BatchRecord { analysis: Some(a), .. }) => summary.add(&a),
                Ok(BatchRecord { error: Some(_), .. }) => failed += 1,
                _ => unreadable += 1,
            }
        }
    }
    if failed + unreadable > 0 {
        eprintln!("stancemap summarize: {} articles summarised; {failed} error records and {unreadable} lines that are not batch output left out", summary.articles);
    }
    let table = summary.table(args.claims, args.min_articles);
    let table = match args.format {
        TableFormat::Csv => table.to_csv(),
        TableFormat::Markdown => table.to_markdown(),
    };
    let written = match args.output.as_ref().filter(|p| p.as_os_str() != "-") {
        Some(p) => std::fs::write(p, table),
        None => io::Write::write_all(&mut io::stdout().lock(), table.as_bytes()),
    };
    if let Err(e) = written {
        return input_error(&format!("cannot write the table: {e}"));
    }
    ExitCode::SUCCESS
}
