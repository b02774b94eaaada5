//! Reading CoNLL files: one `token<TAB>tag` (or `token tag`) per line, a blank line between
//! sentences; the tag is the last column. `-DOCSTART-` lines are skipped.

/// A tagged sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens as written.
    pub tokens: Vec<String>,
    /// BIO tags, one per token.
    pub tags: Vec<String>,
}

/// Parses a CoNLL file's text. A line without a tag column is an error, reported with its
/// line number.
pub fn parse(text: &str) -> Result<Vec<Sentence>, String> {
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.tokens.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            continue;
        }
        let (token, tag) = line
            .rsplit_once('\t')
            .or_else(|| line.rsplit_once(' '))
            .ok_or_else(|| format!("line {}: no tag column in {line:?}", n + 1))?;
        let token = token.split('\t').next().unwrap_or(token);
        current.tokens.push(token.to_string());
        current.tags.push(tag.trim().to_string());
    }
    if !current.tokens.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_tokens_and_tags() {
        let text = "-DOCSTART- O\n\nفي\tO\nالقاهرة\tB-LOC\n\n\nNew York\tB-LOC\n";
        let s = parse(text).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, ["في", "القاهرة"]);
        assert_eq!(s[0].tags, ["O", "B-LOC"]);
        assert_eq!(s[1].tokens, ["New York"]);
        assert!(parse("lonely\n").is_err());
    }
}
