//! Text utilities every later stage shares: URLs, word counts, capitals.
//!
//! One implementation each, so the rules, the HTML and the PDF agree on what
//! is a link and what is a word. (Metric deadlines: [`super::find_deadlines`].)

use std::ops::Range;

/// Whether `text` holds an `http://` or `https://` URL with a host.
pub fn has_url(text: &str) -> bool {
    !find_urls(text).is_empty()
}

/// The byte ranges of the `http://` and `https://` URLs in `text`.
///
/// Found by `linkify`, which leaves out what surrounds a URL in prose: the
/// punctuation that ends the sentence, a bracket or quote around it
/// (`<https://a.b/x>`, `"https://a.b/x"`, `(https://a.b/x)`), while keeping
/// brackets that belong to it (`…/wiki/Foo_(bar)`).
pub fn find_urls(text: &str) -> Vec<Range<usize>> {
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]);
    finder
        .links(text)
        .filter(|link| {
            let url = link.as_str();
            ["http://", "https://"].iter().any(|scheme| {
                url.get(..scheme.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
                    && url.len() > scheme.len()
            })
        })
        .map(|link| {
            // linkify knows ASCII quotes; a typographic quote that opened
            // right before the URL closes it too.
            let opener = text[..link.start()].chars().next_back();
            let closer = match opener {
                Some('‘') => Some('’'),
                Some('“') => Some('”'),
                Some('«') => Some('»'),
                _ => None,
            };
            let url = link.as_str();
            let end = match closer.and_then(|c| url.find(c)) {
                Some(at) => link.start() + at,
                None => link.end(),
            };
            link.start()..end
        })
        .collect()
}

/// The number of words: runs of characters between white space.
pub fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    // ASCII fast path (most briefs): count starts of runs of non-blanks.
    let mut words = 0;
    let mut in_word = false;
    for b in text.bytes() {
        let blank = b.is_ascii_whitespace() || b == 0x0B;
        words += usize::from(!blank && !in_word);
        in_word = !blank;
    }
    words
}

/// `word` with its first letter in upper case (`convert` → `Convert`).
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_like_split_whitespace() {
        for text in [
            "",
            " ",
            "a",
            " a  b\tc\n",
            "one,two three",
            "x\u{0B}y",
            "Ünïcode wörds here",
            "a\u{00A0}b c",
        ] {
            assert_eq!(
                word_count(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
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
        let text = "see https://example.com/a, and http://x.example.";
        let urls: Vec<&str> = find_urls(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(urls, ["https://example.com/a", "http://x.example"]);
        let wiki = "(see https://en.wikipedia.org/wiki/Foo_(bar)).";
        let urls: Vec<&str> = find_urls(wiki).into_iter().map(|r| &wiki[r]).collect();
        assert_eq!(urls, ["https://en.wikipedia.org/wiki/Foo_(bar)"]);
        assert!(!has_url("https:// nothing"));
        assert!(!has_url("<https://>"));
        assert!(!has_url("example.com"));
        assert!(!has_url("ftp://c.example"));
    }
}
