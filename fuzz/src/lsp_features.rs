//! The server's `features` module, reduced to the formatting edits.

#[path = "../../src/lsp/features/format.rs"]
pub mod format;
