//! The pasted-table parser, through the public `analyze` (the parser is crate-private): the
//! input's lines become the rows under a header that names known actors in one of the pasted
//! forms (tabs, Markdown pipes, "A vs B", space-collapsed), so that most inputs reach the row
//! and cell-splitting code. The first byte picks the header (`'0'` the first, `'1'` the
//! second …, modulo their number): the seeds in `fuzz/seeds/table/` start with that digit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap::Options;

#[path = "../../tests/common/contract.rs"]
mod contract;

const HEADERS: &[&str] = &[
    "Issue\tFrance\tGermany\tItaly",
    "المحور\tمصر\tإثيوبيا\tالسودان",
    "| Topic | Iran | Israel |\n|---|---|---|",
    "| الملف | روسيا | أوكرانيا |\n|---|---|---|",
    "Lula vs Milei: where they stand",
    "الملفات فرنسا ألمانيا",
    "Issues Brazil Argentina Chile",
    "مصر vs إثيوبيا",
    "Topic\tRussia\tUkraine\tUnited States\tChina\tTurkey\tIran",
    "الملفات مصر السودان إثيوبيا السعودية قطر الإمارات",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rows)) = data.split_first() else { return };
    let header = HEADERS[first.wrapping_sub(b'0') as usize % HEADERS.len()];
    let rows = String::from_utf8_lossy(rows);
    let text = format!("Talks resumed on Monday.\n\n{header}\n{rows}\n\nThe summit ends today.");
    contract::check_analyze(&text, &Options::default());
});
