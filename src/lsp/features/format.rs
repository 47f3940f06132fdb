//! Whole-document formatting as the few edits that turn the text into
//! `briefc fmt`'s output: one edit per run of changed lines.

use crate::lsp::document::Document;
use crate::lsp::text::Encoding;
use lsp_types::TextEdit;
use std::ops::Range;

pub fn edits(doc: &Document, enc: Encoding) -> Vec<TextEdit> {
    let old = &*doc.text;
    let new = briefc::format::format(old);
    if new == old {
        return Vec::new();
    }
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    // Byte offset where each old line starts, plus the end.
    let mut starts = Vec::with_capacity(old_lines.len() + 1);
    let mut at = 0;
    for line in &old_lines {
        starts.push(at);
        at += line.len();
    }
    starts.push(at);
    // The raw Myers script, in order. (`capture_diff_slices` post-processes
    // it, and that can leave an operation with a wrong index: an insertion
    // placed inside a deletion.) Adjacent deletions and insertions become
    // one edit, so no two edits touch.
    let mut changes = ChangedRuns::default();
    let Ok(()) = similar::algorithms::myers::diff(
        &mut changes,
        &old_lines[..],
        0..old_lines.len(),
        &new_lines[..],
        0..new_lines.len(),
    );
    let runs = changes.0;
    runs.into_iter()
        .map(|(old_range, new_range)| {
            let span = briefc::syntax::Span::new(starts[old_range.start], starts[old_range.end]);
            TextEdit {
                range: doc.index.range(old, span, enc),
                new_text: new_lines[new_range].concat(),
            }
        })
        .collect()
}

/// The runs of changed lines of a diff: for each, the old lines it
/// replaces and the new lines it puts there.
#[derive(Default)]
struct ChangedRuns(Vec<(Range<usize>, Range<usize>)>);

impl ChangedRuns {
    fn add(&mut self, old: Range<usize>, new: Range<usize>) {
        match self.0.last_mut() {
            Some((old_run, new_run)) if old_run.end == old.start && new_run.end == new.start => {
                old_run.end = old.end;
                new_run.end = new.end;
            }
            _ => self.0.push((old, new)),
        }
    }
}

impl similar::algorithms::DiffHook for ChangedRuns {
    type Error = std::convert::Infallible;

    fn delete(
        &mut self,
        old_index: usize,
        old_len: usize,
        new_index: usize,
    ) -> Result<(), Self::Error> {
        self.add(old_index..old_index + old_len, new_index..new_index);
        Ok(())
    }

    fn insert(
        &mut self,
        old_index: usize,
        new_index: usize,
        new_len: usize,
    ) -> Result<(), Self::Error> {
        self.add(old_index..old_index, new_index..new_index + new_len);
        Ok(())
    }
}
