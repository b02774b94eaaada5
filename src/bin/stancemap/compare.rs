//! `stancemap compare FILE FILE…`: several articles about one event side by side
//! (`stancemap::compare`), as JSON or Markdown. Each article is labelled by its file name.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use stancemap::compare::{Comparison, Difference};
use stancemap::{analyze, compare, Stance};

use crate::{input_error, options, Language};

#[derive(clap::Args, Debug)]
pub struct CompareArgs {
    /// The articles, UTF-8 text files (two or more).
    #[arg(required = true, num_args = 2..)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = CompareFormat::Json)]
    format: CompareFormat,
    /// The articles' language (default: detected for each).
    #[arg(short, long, value_enum)]
    language: Option<Language>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum CompareFormat {
    Json,
    Markdown,
}

pub fn run(args: CompareArgs) -> ExitCode {
    let mut analyses = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return input_error(&format!("cannot read {}: {e}", path.display())),
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                return input_error(&format!("{} is not valid UTF-8 text (first invalid byte at offset {at}); convert it to UTF-8 first", path.display()));
            }
        };
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        if text.trim().is_empty() {
            eprintln!("stancemap: warning: {} is empty; it names no actor", path.display());
        }
        analyses.push(analyze(text, &options(args.language)));
    }
    let mut comparison = match compare(&analyses) {
        Ok(c) => c,
        Err(e) => return input_error(&e.to_string()),
    };
    for (article, path) in comparison.articles.iter_mut().zip(&args.files) {
        article.label = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    }
    match args.format {
        CompareFormat::Markdown => print!("{}", markdown(&comparison)),
        CompareFormat::Json => match serde_json::to_string(&comparison) {
            Ok(json) => println!("{json}"),
            Err(e) => return input_error(&format!("cannot serialise the comparison: {e}")),
        },
    }
    ExitCode::SUCCESS
}

fn stance(s: Stance) -> &'static str {
    stancemap::summary::stance_name(s)
}

/// Markdown: a summary line per article, the table (a row per actor, a column per article,
/// "—" where the article does not name it), then the differences.
fn markdown(c: &Comparison) -> String {
    let cell = |s: &str| s.replace('\\', "\\\\").replace('|', "\\|").replace(['\r', '\n'], " ");
    let mut out = String::from("## Articles\n\n");
    for a in &c.articles {
        let most = a.quoted_most.map_or(String::new(), |r| format!("; quoted most: {}", cell(&c.actors[r].name)));
        out.push_str(&format!("- **{}** ({}): {} actors, {} positions{most}\n", cell(&a.label), a.language, a.actors, a.positions));
    }
    out.push_str("\n## Actors\n\n| Actor |");
    for a in &c.articles {
        out.push_str(&format!(" {} |", cell(&a.label)));
    }
    out.push_str(&format!("\n|---|{}\n", "---|".repeat(c.articles.len())));
    for row in &c.actors {
        out.push_str(&format!("| {} |", cell(&row.name)));
        for entry in &row.articles {
            let text = match entry {
                None => "—".to_string(),
                Some(e) if e.positions.is_empty() => format!("named ({} mention{}), not quoted", e.mentions, if e.mentions == 1 { "" } else { "s" }),
                Some(e) => e.positions.iter().map(|p| format!("{}: {}", stance(p.stance), cell(&p.text))).collect::<Vec<_>>().join("; "),
            };
            out.push_str(&format!(" {text} |"));
        }
        out.push('\n');
    }
    out.push_str("\n## Differences\n\n");
    if c.differences.is_empty() {
        out.push_str("None found.\n");
    }
    for d in &c.differences {
        match d {
            Difference::OnlyIn { actor, article } => {
                out.push_str(&format!("- Only {} names {}.\n", cell(&c.articles[*article].label), cell(&c.actors[*actor].name)));
            }
            Difference::OppositeStances { actor, first, second } => out.push_str(&format!(
                "- {}: {} in {} (“{}”), {} in {} (“{}”).\n",
                cell(&c.actors[*actor].name),
                stance(first.stance),
                cell(&c.articles[first.article].label),
                cell(&first.text),
                stance(second.stance),
                cell(&c.articles[second.article].label),
                cell(&second.text)
            )),
        }
    }
    out
}
