//! The one diagnostic type. Renderers (human, JSON, GitHub) live in
//! [`crate::report`]; the rules that produce diagnostics live in
//! [`crate::model`] (structure) and [`crate::rules`] (checks).

use crate::syntax::Span;

mod rule;

pub use rule::Rule;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported, but does not fail `check` unless `--deny-warnings`.
    Warning,
    /// Fails `check` and stops `build`.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One finding about one brief: a rule, a severity, a message with the facts
/// in it, the span of the offending text, and an optional help line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule that fired.
    pub rule: Rule,
    /// Its severity after the project's configuration is applied.
    pub severity: Severity,
    /// What is wrong, with the numbers in it.
    pub message: String,
    /// The offending text (missing things point at the title line).
    pub span: Span,
    /// How to fix it, where a fix exists.
    pub help: Option<String>,
    /// Another place the diagnostic refers to, with a phrase naming it
    /// (`the first \`length:\``): reports add "(… is on line N)" to the help,
    /// computing the line only then.
    pub related: Option<(Span, String)>,
}

impl Diagnostic {
    /// A diagnostic for `rule` at its default severity.
    pub fn new(rule: Rule, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity: rule.default_severity(),
            message: message.into(),
            span,
            help: None,
            related: None,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a help line when there is one.
    /// Names another place the diagnostic refers to.
    pub fn with_related(mut self, span: Span, phrase: impl Into<String>) -> Self {
        self.related = Some((span, phrase.into()));
        self
    }
}

/// The closest candidate to `word` (case-insensitive), if one is close enough
/// to be a likely typo — used for "did you mean" help lines.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .filter_map(|c| {
            let lower = c.to_lowercase();
            // Jaro-Winkler ranks; the edit distance keeps out words that only
            // share a prefix (`consideration` is no typo of `convert`).
            let edits = strsim::levenshtein(&word, &lower);
            let close = edits <= (lower.chars().count() / 3).max(2);
            close.then(|| (strsim::jaro_winkler(&word, &lower), c))
        })
        .filter(|(score, _)| *score >= 0.82)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            did_you_mean("lenght", ["length", "stage", "sales"]),
            Some("length")
        );
        assert_eq!(
            did_you_mean("Audiance", ["Goal", "Audience"]),
            Some("Audience")
        );
        assert_eq!(did_you_mean("zebra", ["length", "stage"]), None);
        assert_eq!(
            did_you_mean(
                "consideration",
                ["awareness", "engage", "convert", "retain"]
            ),
            None
        );
        assert_eq!(
            did_you_mean("Visuals", ["Visual", "Voiceover"]),
            Some("Visual")
        );
    }
}
