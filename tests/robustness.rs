//! A deterministic fuzz pass over every stage: thousands of mutated briefs
//! (byte flips, spliced lines, truncation, odd characters) go through decode,
//! parse, lower, check, and — when clean — HTML and PDF rendering. Nothing may
//! panic, and the syntax tree must stay lossless.

mod support;

use support::Rng;

use briefc::config::Config;
use briefc::render::{RenderOptions, html, pdf};

const SEEDS: &[&str] = &[
    include_str!("../examples/acme-sync.brief"),
    include_str!("../examples/explainer.brief"),
    include_str!("../examples/kyiv-launch.brief"),
    include_str!("../examples/social-cut.brief"),
];

const SNIPPETS: &[&str] = &[
    "\n",
    "\r\n",
    "\r",
    "# ",
    "## ",
    "### ",
    "- ",
    "- [ ] ",
    "- [x] ",
    "  ",
    "\t",
    ":",
    "//",
    "0:00-0:10 ",
    "9:99-0:00",
    "length: ",
    "status: approved\n",
    "stage: convert\n",
    "🎬",
    "\u{202E}",
    "\u{0}",
    "漢字",
    "(source: x)",
    "by 2027-02-30",
    "https://",
    "<script>",
    "{{ x }}",
    "{% if %}",
    "\u{FEFF}",
    "é",
    "\u{301}",
];

fn mutate(rng: &mut Rng, seed: &str) -> Vec<u8> {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..1 + rng.below(6) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 => {
                let snippet = SNIPPETS[rng.below(SNIPPETS.len())];
                bytes.splice(at..at, snippet.bytes());
            }
            1 if !bytes.is_empty() => {
                let end = (at + rng.below(200)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            2 if at < bytes.len() => bytes[at] = rng.next() as u8,
            3 => bytes.truncate(at),
            _ => {
                // Duplicate a random line elsewhere.
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let lines: Vec<&str> = text.lines().collect();
                if !lines.is_empty() {
                    let line = lines[rng.below(lines.len())].to_string() + "\n";
                    let at = text
                        .char_indices()
                        .map(|(i, _)| i)
                        .nth(rng.below(text.chars().count().max(1)))
                        .unwrap_or(0);
                    let mut out = text.clone();
                    out.insert_str(at, &line);
                    bytes = out.into_bytes();
                }
            }
        }
    }
    bytes
}

#[test]
fn mutated_briefs_never_panic_and_stay_lossless() {
    let config = Config::default();
    let today = support::today();
    let options = RenderOptions {
        timestamp: 1_790_000_000,
        ..RenderOptions::default()
    };
    let mut rng = Rng(0x5EED_B41E_F00D);
    let (mut rendered, mut total) = (0, 0);
    for round in 0..1500 {
        let seed = SEEDS[round % SEEDS.len()];
        let bytes = mutate(&mut rng, seed);
        let checked = briefc::check_bytes("fuzz.brief", &bytes, &config, today);
        total += 1;

        // Lossless: the lines and their endings rebuild the decoded text.
        let text = &checked.source.text;
        let tree = briefc::syntax::parse(text);
        let rebuilt: String = tree
            .lines
            .iter()
            .flat_map(|l| [l.span.text(text), l.eol.text(text)])
            .collect();
        assert_eq!(&rebuilt, &**text, "round {round}: tree is not lossless");

        // Formatting is idempotent and keeps every diagnostic on its line
        // (blank lines aside).
        let once = briefc::format::format(text);
        assert_eq!(
            briefc::format::format(&once),
            once,
            "round {round}: fmt is not idempotent"
        );
        if !checked
            .diagnostics
            .iter()
            .any(|d| d.rule.name() == "invalid-encoding")
        {
            let again = briefc::check_bytes("fuzz.brief", once.as_bytes(), &config, today);
            // Lines are counted without blank lines, which fmt may collapse.
            let lines = |c: &briefc::Checked| -> Vec<(&'static str, usize)> {
                c.diagnostics
                    .iter()
                    .map(|d| {
                        let before = &c.source.text[..d.span.start];
                        let filled = before.split('\n').filter(|l| !l.trim().is_empty()).count();
                        (d.rule.name(), filled)
                    })
                    .collect()
            };
            assert_eq!(
                lines(&checked),
                lines(&again),
                "round {round}: fmt changed the diagnostics"
            );
        }

        // Every diagnostic span is inside the text and on char boundaries.
        for d in &checked.diagnostics {
            assert!(
                d.span.start <= d.span.end && d.span.end <= text.len(),
                "round {round}: bad span {d:?}"
            );
            assert!(
                text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
                "round {round}: {d:?}"
            );
            let _ = checked.source.position(d.span.end);
            let _ = checked.source.utf16_position(d.span.end);
        }
        if !checked.has_errors() {
            rendered += 1;
            html::render(&checked.brief, &options)
                .unwrap_or_else(|e| panic!("round {round}: html: {e}"));
            pdf::render(&checked.brief, &options)
                .unwrap_or_else(|e| panic!("round {round}: pdf: {e}"));
        }
    }
    assert!(
        rendered > 50,
        "too few clean mutants ({rendered} of {total}) to exercise the renderers"
    );
}
