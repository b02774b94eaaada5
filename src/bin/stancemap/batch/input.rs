//! Where `batch` reads articles from: JSON Lines (files or standard input, one record a line)
//! and .txt files (named, or found in folders), cut into windows of jobs so that memory holds a
//! window, never the archive.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The largest record or .txt file analysed, as in the web page (`www/lib/limits.js`).
pub const MAX_RECORD_BYTES: u64 = 10 * 1000 * 1000;

/// One input as named on the command line, folders expanded.
pub enum Source {
    Stdin,
    JsonLines(PathBuf),
    Text(PathBuf),
}

/// Where a job came from, for its output record.
pub enum Origin {
    /// Line `line` (from 1) of a JSON Lines input; `file` is `None` for standard input.
    Line { file: Option<Arc<str>>, line: u64 },
    /// A .txt file: the path is the article's id.
    File(String),
}

/// What was read for a job.
pub enum Payload {
    Bytes(Vec<u8>),
    /// Over [`MAX_RECORD_BYTES`]: only its length was read.
    TooLarge(u64),
    /// A .txt file that could not be read.
    Unreadable(String),
}

pub struct Job {
    pub origin: Origin,
    pub payload: Payload,
}

/// Expands the command line's inputs: nothing or `-` is standard input, a folder is every
/// `.txt` under it (in name order, so that runs are repeatable), a `.txt` file is one article,
/// anything else is JSON Lines.
pub fn sources(inputs: &[PathBuf]) -> Result<Vec<Source>, String> {
    if inputs.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if p.is_dir() {
            let mut found = Vec::new();
            text_files(p, &mut found).map_err(|e| format!("cannot list {}: {e}", p.display()))?;
            found.sort();
            out.extend(found.into_iter().map(Source::Text));
        } else if !p.exists() {
            return Err(format!("cannot read {}: no such file or folder", p.display()));
        } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            out.push(Source::Text(p.clone()));
        } else {
            out.push(Source::JsonLines(p.clone()));
        }
    }
    Ok(out)
}

fn text_files(dir: &Path, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            text_files(&path, found)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            found.push(path);
        }
    }
    Ok(())
}

/// The total size of the inputs in bytes, when none is standard input (for the progress bar).
pub fn total_bytes(sources: &[Source]) -> Option<u64> {
    sources
        .iter()
        .map(|s| match s {
            Source::Stdin => None,
            Source::JsonLines(p) | Source::Text(p) => Some(std::fs::metadata(p).map_or(0, |m| m.len())),
        })
        .sum()
}

/// The JSON Lines input being read, and its path (`None` for standard input).
type OpenLines = (Box<dyn BufRead + Send>, Option<Arc<str>>);

/// Reads the sources in order, a window of jobs at a time.
pub struct Reader {
    sources: VecDeque<Source>,
    lines: Option<OpenLines>,
    line: u64,
    /// Bytes read so far, for the progress bar.
    pub bytes_read: u64,
}

impl Reader {
    pub fn new(sources: Vec<Source>) -> Self {
        Reader { sources: sources.into(), lines: None, line: 0, bytes_read: 0 }
    }

    /// The next jobs: at most `max_jobs`, and no more once `max_bytes` have been read (one
    /// record may pass it). Empty at the end. An error is a JSON Lines input that cannot be
    /// read at all; a .txt file that cannot be read is a job of its own.
    pub fn next_window(&mut self, max_jobs: usize, max_bytes: u64) -> Result<Vec<Job>, String> {
        let mut jobs = Vec::new();
        let mut bytes = 0u64;
        while jobs.len() < max_jobs && bytes < max_bytes {
            if let Some((reader, file)) = &mut self.lines {
                let mut buf = Vec::new();
                let read = read_line_capped(reader.as_mut(), &mut buf, MAX_RECORD_BYTES)
                    .map_err(|e| format!("cannot read {}: {e}", file.as_deref().unwrap_or("standard input")))?;
                let Some(len) = read else {
                    self.lines = None;
                    continue;
                };
                self.line += 1;
                self.bytes_read += len + 1;
                bytes += len.min(MAX_RECORD_BYTES);
                let payload = if len > MAX_RECORD_BYTES { Payload::TooLarge(len) } else { Payload::Bytes(buf) };
                jobs.push(Job { origin: Origin::Line { file: file.clone(), line: self.line }, payload });
                continue;
            }
            match self.sources.pop_front() {
                None => break,
                Some(Source::Stdin) => {
                    self.lines = Some((Box::new(BufReader::with_capacity(1 << 16, io::stdin())), None));
                    self.line = 0;
                }
                Some(Source::JsonLines(p)) => {
                    let f = File::open(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                    self.lines = Some((Box::new(BufReader::with_capacity(1 << 16, f)), Some(p.display().to_string().into())));
                    self.line = 0;
                }
                Some(Source::Text(p)) => {
                    let (payload, len) = read_text_file(&p);
                    self.bytes_read += len;
                    bytes += len.min(MAX_RECORD_BYTES);
                    jobs.push(Job { origin: Origin::File(p.display().to_string()), payload });
                }
            }
        }
        Ok(jobs)
    }
}

fn read_text_file(path: &Path) -> (Payload, u64) {
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    if size > MAX_RECORD_BYTES {
        return (Payload::TooLarge(size), size);
    }
    let mut buf = Vec::new();
    // Read at most one byte past the limit: a file that grew since its size was taken is
    // still refused without being read whole.
    match File::open(path).and_then(|f| f.take(MAX_RECORD_BYTES + 1).read_to_end(&mut buf)) {
        Ok(n) if n as u64 > MAX_RECORD_BYTES => (Payload::TooLarge(n as u64), n as u64),
        Ok(n) => (Payload::Bytes(buf), n as u64),
        Err(e) => (Payload::Unreadable(e.to_string()), size),
    }
}

/// Reads one line without its end (`\n` or `\r\n`) into `buf`, keeping at most `cap + 1`
/// bytes of it: a line of a gigabyte costs a pass, not a gigabyte. Returns the line's full
/// length, or `None` at the end of the input.
pub fn read_line_capped(reader: &mut dyn BufRead, buf: &mut Vec<u8>, cap: u64) -> io::Result<Option<u64>> {
    buf.clear();
    let mut len = 0u64;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        let room = (cap + 1).saturating_sub(buf.len() as u64) as usize;
        buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
        len += chunk.len() as u64;
        let used = chunk.len() + usize::from(newline.is_some());
        reader.consume(used);
        if newline.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') && len <= cap {
        buf.pop();
        len -= 1;
    }
    Ok(Some(len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_at_the_cap_and_keep_their_length() {
        let input = b"short\r\n0123456789abcdef\nlast".to_vec();
        let mut r = io::Cursor::new(input);
        let mut buf = Vec::new();
        let cases: [(Option<u64>, &[u8]); 4] = [(Some(5), b"short"), (Some(16), b"0123456789a"), (Some(4), b"last"), (None, b"")];
        for (want_len, want_buf) in cases {
            assert_eq!(read_line_capped(&mut r, &mut buf, 10).unwrap(), want_len);
            assert_eq!(buf, want_buf);
        }
    }
}
