//! PDF output (being written).

use super::RenderOptions;
use crate::model::Brief;

/// Renders `brief` as a PDF document.
pub fn render(_brief: &Brief, _options: &RenderOptions) -> Result<Vec<u8>, String> {
    Err("PDF output is not available yet".into())
}

/// Characters the embedded fonts cannot show, with where they are.
pub fn unsupported_chars(_brief: &Brief) -> Vec<(char, crate::syntax::Span)> {
    Vec::new()
}
