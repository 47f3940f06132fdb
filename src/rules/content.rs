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

/// Whether a target has a digit outside its `by DATE` deadlines.
fn target_has_number(target: &str) -> bool {
    let mut at = 0;
    let mut outside = |range: std::ops::Range<usize>| {
        let found = target[at..range.start].chars().any(char::is_numeric);
        at = range.end;
        found
    };
    crate::model::find_deadlines(target)
        .into_iter()
        .any(|m| outside(m.phrase))
        || outside(target.len()..target.len())
}

/// Whether `text` holds an `http://` or `https://` URL with a host.
pub fn has_url(text: &str) -> bool {
    !find_urls(text).is_empty()
}

/// The byte ranges of the `http://` and `https://` URLs in `text`: up to the
/// next whitespace, without trailing `.,;:!?` or an unbalanced `)` (which end
/// the sentence). The one URL finder: rules, HTML links and PDF links agree.
pub fn find_urls(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let rest = &text[from..];
        let Some((offset, scheme)) = ["https://", "http://"]
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
            .min()
        else {
            break;
        };
        let start = from + offset;
        let body = &text[start + scheme..];
        let len = body.find(char::is_whitespace).unwrap_or(body.len());
        let url_len = trim_url_end(&body[..len]).len();
        if url_len > 0 {
            found.push(start..start + scheme + url_len);
        }
        from = start + scheme + len;
    }
    found
}

/// `url` without the punctuation that ends the sentence around it; a `)`
/// stays when it closes a `(` inside the URL (`…/Foo_(bar)`).
fn trim_url_end(mut url: &str) -> &str {
    loop {
        url = url.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        match url.strip_suffix(')') {
            Some(rest) if url.matches('(').count() < url.matches(')').count() => url = rest,
            _ => return url,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_targets() {
        assert!(target_has_number("25 per month by 2027-04-30"));
        assert!(target_has_number("45%"));
        assert!(!target_has_number("grow awareness by 2027-04-30"));
        assert!(!target_has_number("grow awareness By 2027-04-30."));
        assert!(!target_has_number("grow awareness by 30/04/2027"));
        assert!(!target_has_number("grow awareness by April 30, 2027"));
        assert!(!target_has_number("grow awareness by 2027-02-30"));
        assert!(target_has_number("grow by 20% by 2027-04-30"));
        assert!(target_has_number("by 2027-04-30: 25 a month"));
        assert!(target_has_number("grow by 10-15%"));
        assert!(!target_has_number("more"));
    }

    #[test]
    fn urls() {
        let text = "see https://example.com/a, and http://x.y.";
        let urls: Vec<&str> = find_urls(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(urls, ["https://example.com/a", "http://x.y"]);
        let wiki = "(see https://en.wikipedia.org/wiki/Foo_(bar)).";
        let urls: Vec<&str> = find_urls(wiki).into_iter().map(|r| &wiki[r]).collect();
        assert_eq!(urls, ["https://en.wikipedia.org/wiki/Foo_(bar)"]);
        assert!(!has_url("https:// nothing"));
        assert!(!has_url("example.com"));
        assert!(!has_url("ftp://c.example"));
    }
}
