//! Stage 6, table: the comparison table pasted in the article when there is one (tab-, pipe-
//! or space-separated), otherwise one derived from the actors' positions.

pub(crate) mod derived;
pub(crate) mod explicit;
mod arabic_patterns;
mod arabic_seams;
mod collapsed;
mod header;
mod line_words;
mod segment;
mod vocabulary;
