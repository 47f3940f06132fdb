//! Metrics that can be measured and references that can be opened.

use super::{Context, Rule};
use crate::diagnostic::Diagnostic;
use crate::model::{Content, SectionKind};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(Content::Metrics(metrics)) = cx
        .brief
        .section(SectionKind::SuccessMetrics)
        .map(|s| &s.content)
    {
        for metric in metrics {
            if !target_has_number(&metric.target) {
                out.push(
                    Diagnostic::new(
                        Rule::UnmeasurableMetric,
                        metric.span,
                        format!("the target of `{}` has no number: \"{}\" cannot be measured", metric.name, metric.target),
                    )
                    .with_help("give the target a number, e.g. `25 per month`, `45%` or `3,000 views by 2027-04-30`"),
                );
            }
        }
    }
    if let Some(Content::List(references)) = cx
        .brief
        .section(SectionKind::References)
        .map(|s| &s.content)
    {
        for reference in references {
            if !has_url(&reference.value) {
                out.push(
                    Diagnostic::new(
                        Rule::InvalidUrl,
                        reference.span,
                        format!("the reference `{}` has no URL", reference.value),
                    )
                    .with_help("add the full link, starting with `https://`"),
                );
            }
        }
    }
}

/// Whether a target has a digit outside its `by YYYY-MM-DD` deadline.
fn target_has_number(target: &str) -> bool {
    let mut words = target.split_whitespace().peekable();
    while let Some(word) = words.next() {
        if word.eq_ignore_ascii_case("by")
            && words
                .peek()
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()) && w.contains('-'))
        {
            words.next();
            continue;
        }
        if word.chars().any(|c| c.is_numeric()) {
            return true;
        }
    }
    false
}

/// Whether `text` holds an `http://` or `https://` URL with a host.
pub fn has_url(text: &str) -> bool {
    find_urls(text).next().is_some()
}

/// The byte ranges of the `http(s)://` URLs in `text`, for rules and renderers.
pub fn find_urls(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < text.len() {
            let rest = &text[from..];
            let at = ["https://", "http://"]
                .iter()
                .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
                .min()?;
            let start = from + at.0;
            let body = &text[start + at.1..];
            let len = body
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
                .unwrap_or(body.len());
            // Trailing punctuation usually ends the sentence, not the URL.
            let url_len = body[..len]
                .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\''])
                .len();
            from = start + at.1 + len.max(1);
            if url_len > 0 {
                return Some(start..start + at.1 + url_len);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_targets() {
        assert!(target_has_number("25 per month by 2027-04-30"));
        assert!(target_has_number("45%"));
        assert!(!target_has_number("grow awareness by 2027-04-30"));
        assert!(!target_has_number("more"));
    }

    #[test]
    fn urls() {
        let text = "see https://example.com/a, and http://x.y.";
        let urls: Vec<&str> = find_urls(text).map(|r| &text[r]).collect();
        assert_eq!(urls, ["https://example.com/a", "http://x.y"]);
        assert!(!has_url("https:// nothing"));
        assert!(!has_url("example.com"));
    }
}
