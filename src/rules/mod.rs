//! Stage 3: the checks that run on a typed brief, grouped by family.
//!
//! Structural rules (`missing-title`, `stray-text`, …) fire while lowering in
//! [`crate::model`]; the rules here read the finished [`Brief`] (and
//! `placeholder`, the text it was lowered from). Each rule's
//! name, severity and explanation live in the catalogue,
//! [`crate::diagnostic::Rule`], below every stage that reports.

mod approval;
mod content;
mod limits;
mod placeholder;
mod structure;
mod timing;

use crate::diagnostic::Rule;

use crate::config::{Config, Settings};
use crate::diagnostic::Diagnostic;
use crate::model::{Brief, Date};

/// What every check reads.
pub struct Context<'a> {
    /// The brief.
    pub brief: &'a Brief,
    /// The decoded text the brief's spans point into.
    pub source: &'a str,
    /// The settings in force (the brief's profile merged over the base).
    pub settings: &'a Settings,
    /// The whole config (profiles, for help lines).
    pub config: &'a Config,
    /// The profile in force, if the brief names one that exists.
    pub profile: Option<&'a str>,
    /// "Today", for `due-in-past`.
    pub today: Date,
}

/// Runs every check family over `brief`, lowered from `source`, appending to `out`.
pub fn run(brief: &Brief, source: &str, config: &Config, today: Date, out: &mut Vec<Diagnostic>) {
    let (settings, profile) = structure::profile(brief, config, out);
    let cx = Context {
        brief,
        source,
        settings,
        config,
        profile,
        today,
    };
    structure::check(&cx, out);
    limits::check(&cx, out);
    content::check(&cx, out);
    timing::check(&cx, out);
    approval::check(&cx, out);
    placeholder::check(&cx, out);
}

/// " (profile `social`)" when a profile is in force, for messages.
fn profile_note(cx: &Context<'_>) -> String {
    cx.profile
        .map(|p| format!(" (profile `{p}`)"))
        .unwrap_or_default()
}
