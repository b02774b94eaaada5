//! Reads one member of a `.tar.gz` (WikiANN's `extra` part is kept only inside its tarball).

use std::io::Read;
use std::path::Path;

/// The text of member `name`, or `None` when the file or member is absent.
pub fn member(path: &Path, name: &str) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut bytes).ok()?;
    let mut at = 0;
    while at + 512 <= bytes.len() {
        let header = &bytes[at..at + 512];
        let member_name = std::str::from_utf8(&header[..100]).ok()?.trim_end_matches('\0');
        if member_name.is_empty() {
            return None;
        }
        let size_field = std::str::from_utf8(&header[124..136]).ok()?.trim_matches(|c: char| c == '\0' || c == ' ');
        let size = usize::from_str_radix(size_field, 8).ok()?;
        let body = at + 512;
        if member_name.trim_start_matches("./") == name {
            return String::from_utf8(bytes.get(body..body + size)?.to_vec()).ok();
        }
        at = body + size.div_ceil(512) * 512;
    }
    None
}
