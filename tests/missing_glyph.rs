//! `missing-glyph` (issue 14): one warning per line, pointing at the first
//! character the PDF fonts cannot show, counting the rest; none for text in
//! comments, which never reaches the PDF.

mod support;

use support::{Brief, TODAY};

const JAPANESE: &str = "# 日本語のブリーフ

// 漢字 in a comment is never drawn
length: 30s

## Goal
新しいポータルに登録してもらう。漢字と漢字。

## Audience
Clinic patients ✓ and 漢.

## Key benefits
- Fast

## Success metrics
- Sign-ups: 1,500
";

#[test]
fn one_warning_per_line_at_the_character() {
    let b = Brief::new().file("ja.brief", JAPANESE);
    let out = b.run_with([
        "build", "--pdf", "--format", "json", "--today", TODAY, "ja.brief",
    ]);
    out.code(0);
    let doc = out.json();
    let found: Vec<(u64, u64, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["rule"], "missing-glyph");
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (1, 3, "no font has a glyph for `日` (U+65E5) and 7 other characters on this line (8 in all); they will show as \"\u{FFFD}\" in the PDF".to_string()),
            (7, 1, "no font has a glyph for `新` (U+65B0) and 17 other characters on this line (22 in all); they will show as \"\u{FFFD}\" in the PDF".to_string()),
            (10, 23, "no font has a glyph for `漢` (U+6F22); it will show as \"\u{FFFD}\" in the PDF".to_string()),
        ]
    );
    let help = doc["diagnostics"][0]["help"].as_str().unwrap();
    assert!(
        help.contains("has Chinese, Japanese and Korean characters")
            && help.contains("apt install fonts-noto-cjk"),
        "{help}"
    );
    // The span is the character itself, not the line.
    assert_eq!(doc["diagnostics"][2]["end_column"], 24);
}

#[test]
fn a_repeated_character_is_counted() {
    let text = JAPANESE.replace("Clinic patients ✓ and 漢.", "漢 漢 漢");
    let b = Brief::new().file("ja.brief", text);
    let out = b.run_with([
        "build", "--pdf", "--format", "json", "--today", TODAY, "ja.brief",
    ]);
    let doc = out.json();
    let last = doc["diagnostics"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        last["message"],
        "no font has a glyph for `漢` (U+6F22), here and 2 more times on this line; it will show as \"\u{FFFD}\" in the PDF"
    );
}
