//! The language server's own position code (`src/lsp/text.rs`) and its
//! formatting edits (`src/lsp/features/format.rs`), compiled here from the
//! binary crate's files by path; only `Document` is a stand-in holding the
//! two fields that `format.rs` reads.

#[allow(dead_code, unused_imports)]
#[path = "../../src/lsp/text.rs"]
pub mod text;

#[path = "lsp_features.rs"]
pub mod features;

pub mod document {
    use super::text::LineIndex;
    use std::sync::Arc;

    /// The fields of the server's `Document` that its formatting reads.
    pub struct Document {
        pub text: Arc<str>,
        pub index: LineIndex,
    }
}
