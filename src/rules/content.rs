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
/// next whitespace or character that cannot be in a URL (`<>"` and backtick,
/// curly double quotes, guillemets), without trailing `.,;:!?`, an unbalanced
/// `)`, `]` or `}` (which end the sentence or close a bracket around the
/// URL), or a closing `'`/`’` when the same kind of quote opens right before
/// the URL. So `<https://a.b/x>`, `"https://a.b/x"`, `'https://a.b/x'` and
/// `[https://a.b/x]` all give `https://a.b/x`. The one URL finder: rules,
/// HTML links and PDF links agree.
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
        let len = body
            .find(|c: char| c.is_whitespace() || NEVER_IN_URL.contains(&c))
            .unwrap_or(body.len());
        let opener = text[..start].chars().next_back();
        let url_len = trim_url_end(&body[..len], opener).len();
        if url_len > 0 {
            found.push(start..start + scheme + url_len);
        }
        from = start + scheme + len;
    }
    found
}

/// Characters a URL cannot hold unencoded, which end it: `<https://a.b>`.
const NEVER_IN_URL: [char; 8] = ['<', '>', '"', '`', '“', '”', '«', '»'];

/// `url` without the punctuation that ends the sentence around it; a `)`,
/// `]` or `}` stays when it closes a bracket inside the URL (`…/Foo_(bar)`),
/// and a closing quote goes when `opener` (the character before the URL)
/// opened it.
fn trim_url_end(mut url: &str, opener: Option<char>) -> &str {
    let quote = match opener {
        Some('\'') => Some('\''),
        Some('‘') => Some('’'),
        _ => None,
    };
    loop {
        url = url.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        let unbalanced =
            [('(', ')'), ('[', ']'), ('{', '}')]
                .into_iter()
                .find_map(|(open, close)| {
                    url.strip_suffix(close)
                        .filter(|_| url.matches(open).count() < url.matches(close).count())
                });
        match unbalanced.or_else(|| quote.and_then(|q| url.strip_suffix(q))) {
            Some(rest) => url = rest,
            None => return url,
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
    fn wrapped_urls() {
        for text in [
            "<https://example.com/x>",
            "see <https://example.com/x>.",
            "\"https://example.com/x\"",
            "'https://example.com/x'",
            "('https://example.com/x').",
            "‘https://example.com/x’",
            "“https://example.com/x”",
            "«https://example.com/x»",
            "[https://example.com/x]",
            "[link](https://example.com/x)",
            "{https://example.com/x}",
            "`https://example.com/x`",
            "(<https://example.com/x>)",
            "https://example.com/x>",
        ] {
            let urls: Vec<&str> = find_urls(text).into_iter().map(|r| &text[r]).collect();
            assert_eq!(urls, ["https://example.com/x"], "{text}");
        }
        // Brackets and quotes that belong to the URL stay.
        for url in [
            "https://example.com/a[1]",
            "https://example.com/it's",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
            "https://example.com/{id}",
        ] {
            let urls: Vec<&str> = find_urls(url).into_iter().map(|r| &url[r]).collect();
            assert_eq!(urls, [url]);
        }
        let two = "<https://a.example/1><https://b.example/2>";
        let urls: Vec<&str> = find_urls(two).into_iter().map(|r| &two[r]).collect();
        assert_eq!(urls, ["https://a.example/1", "https://b.example/2"]);
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
        assert!(!has_url("<https://>"));
        assert!(!has_url("example.com"));
        assert!(!has_url("ftp://c.example"));
    }
}
