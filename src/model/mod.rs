//! Stage 2: the syntax tree → the typed [`Brief`].
//!
//! Lowering reads the classified lines, builds the header, sections, lists,
//! metrics, scenes and sign-offs, and reports the structural diagnostics
//! (`missing-title`, `stray-text`, `unknown-field`, `invalid-value`, …). It
//! never fails: whatever it cannot place becomes a diagnostic.

mod brief;
mod date;
mod deadline;
mod duration;
mod language;
mod length;
mod lower;
pub mod placeholder;
mod scene_heading;
pub mod spoken;
mod text;

pub use brief::*;
pub use date::{Date, DateFix, month_name};
pub use deadline::{DeadlineMatch, find_deadline, find_deadlines};
pub use duration::{DURATION_FORMS, Duration};
pub use language::{Lang, LanguageTag, TagError};
pub use length::{LENGTH_FORMS, Length, LengthError, parse_cutdowns};
pub use lower::{lower, misplaced_section};
pub use scene_heading::{SceneHeading, SceneHeadingError, parse_scene_heading};
pub use spoken::{CHARS_PER_WORD, Spoken, say, spoken};
pub use text::{capitalise, find_urls, has_url, word_count};
