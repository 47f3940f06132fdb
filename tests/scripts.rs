//! Text in every script in the PDF (issue 14): shaping, fonts found on the
//! machine or in the `fonts:` folder, and what `pdftotext` gives back.
//!
//! The machine's fonts are the Noto fonts `.ci/run` installs
//! (`fonts-noto-cjk`, `fonts-noto-core`); without them these tests say so
//! and skip, except in CI, where they must be there.

mod support;

use std::path::Path;
use support::{Brief, TODAY};

const NOTO_CJK: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const NOTO_CORE: &str = "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf";

/// Whether the Noto fonts are installed (a failure in CI, where `.ci/run`
/// installs them; a note and a skip elsewhere).
fn noto_installed() -> bool {
    let found = Path::new(NOTO_CJK).is_file() && Path::new(NOTO_CORE).is_file();
    if !found {
        support::tool_missing("the Noto fonts", "fonts-noto-cjk fonts-noto-core");
    }
    found
}

/// Builds `examples/world/NAME.brief` into a PDF with the machine's fonts
/// and returns the folder, the PDF's text and `pdffonts`' list.
fn build_world(name: &str) -> Option<(Brief, String, String)> {
    let text =
        std::fs::read_to_string(support::repo(&format!("examples/world/{name}.brief"))).unwrap();
    let b = Brief::new()
        .file(&format!("{name}.brief"), text)
        .env("BRIEFC_SYSTEM_FONTS", "1");
    let out = b.run_with([
        "build",
        "--pdf",
        "--format",
        "json",
        "--today",
        TODAY,
        &format!("{name}.brief"),
    ]);
    out.code(0);
    assert_eq!(
        out.json()["diagnostics"],
        serde_json::json!([]),
        "{name}: every character has a font, so no missing-glyph"
    );
    let pdf = b.path(&format!("{name}.pdf"));
    let text = support::pdftotext(&pdf)?;
    let fonts = support::tool_stdout("pdffonts", &[pdf.as_os_str()])?;
    Some((b, text, fonts))
}

/// `text` without whitespace (pdftotext breaks lines where the PDF wraps
/// them, which for Chinese and Japanese is between any two characters) and
/// without the direction marks pdftotext puts around right-to-left runs.
fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !('\u{202A}'..='\u{202E}').contains(c))
        .collect()
}

#[track_caller]
fn assert_reads(text: &str, expected: &[&str]) {
    let flat = squeeze(text);
    for phrase in expected {
        assert!(
            flat.contains(&squeeze(phrase)),
            "pdftotext lacks «{phrase}»:\n{text}"
        );
    }
}

#[track_caller]
fn assert_embeds(fonts: &str, family: &str) {
    let line = fonts
        .lines()
        .find(|l| l.contains(family))
        .unwrap_or_else(|| panic!("no {family} font in the PDF:\n{fonts}"));
    let cols: Vec<&str> = line.split_whitespace().collect();
    // name type… encoding emb sub uni object generation
    assert_eq!(
        &cols[cols.len() - 5..cols.len() - 2],
        ["yes", "yes", "yes"],
        "{family} is embedded, subset, with a Unicode map: {line}"
    );
}

#[test]
fn a_japanese_brief_reads_back_from_the_pdf() {
    if !noto_installed() {
        return;
    }
    let Some((_, text, fonts)) = build_world("tokyo-launch") else {
        return;
    };
    assert_reads(
        &text,
        &[
            "Acme Sync 東京ローンチ — 45秒の製品紹介",
            "情報システム部門の責任者に",
            "手間のかからないファイル同期を、今日から。",
            "ひとつのコンソールで、すべての端末を。",
        ],
    );
    assert_embeds(&fonts, "NotoSansCJKjp-Regular");
    assert_embeds(&fonts, "NotoSansCJKjp-Bold");
    assert!(!text.contains('\u{FFFD}'), "{text}");
}

#[test]
fn a_chinese_brief_uses_the_chinese_forms() {
    if !noto_installed() {
        return;
    }
    let Some((_, text, fonts)) = build_world("shanghai-launch") else {
        return;
    };
    assert_reads(
        &text,
        &[
            "Acme Sync 上海发布 — 45 秒产品介绍",
            "省心的文件同步，从今天开始。",
            "离线也能继续工作，一旦联网立即同步。",
        ],
    );
    // Simplified Chinese forms, not the Japanese ones, for a brief without kana.
    assert_embeds(&fonts, "NotoSansCJKsc-Regular");
    assert!(!fonts.contains("CJKjp"), "{fonts}");
}

#[test]
fn an_arabic_brief_is_joined_and_reads_back_in_logical_order() {
    if !noto_installed() {
        return;
    }
    let Some((b, text, fonts)) = build_world("dubai-launch") else {
        return;
    };
    assert_reads(
        &text,
        &[
            // The lam-alef ligature of «إطلاق» reads back as its two letters.
            "إطلاق",
            "في دبي",
            "مزامنة ملفات لا تحتاج إلى متابعة.",
            "أكمي الشرق الأوسط",
        ],
    );
    assert_embeds(&fonts, "NotoSansArabic-Regular");
    assert_embeds(&fonts, "NotoSansArabic-Bold");
    // Right-to-left list items have their bullets at the right (A4 is 595 pt wide).
    let pdf = b.path("dubai-launch.pdf");
    if let Some(boxes) = support::tool_stdout(
        "pdftotext",
        &["-bbox".as_ref(), pdf.as_os_str(), "-".as_ref()],
    ) {
        let bullets: Vec<f64> = boxes
            .lines()
            .filter(|l| l.contains(">•</word>"))
            .filter_map(|l| l.split("xMin=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert!(bullets.len() >= 3, "{boxes}");
        assert!(bullets.iter().all(|&x| x > 500.0), "bullets at {bullets:?}");
    }
}

#[test]
fn a_hindi_brief_forms_its_clusters_and_reads_back() {
    if !noto_installed() {
        return;
    }
    let Some((_, text, fonts)) = build_world("mumbai-launch") else {
        return;
    };
    assert_reads(
        &text,
        &[
            // Conjuncts (न्च), a reph (र्म) and the short i drawn before its consonant (ि).
            "Acme Sync मुंबई लॉन्च — 45 सेकंड का परिचय वीडियो",
            "प्रिया शर्मा",
            "फ़ाइल सिंक, जिसकी देखरेख नहीं करनी पड़ती।",
        ],
    );
    assert_embeds(&fonts, "NotoSansDevanagari-Regular");
    // The danda (।) stays in the Devanagari face instead of another font's.
    assert!(!fonts.contains("Bengali"), "{fonts}");
}

#[test]
fn rebuilds_with_fallback_fonts_are_byte_identical() {
    if !noto_installed() {
        return;
    }
    let Some((b, _, _)) = build_world("dubai-launch") else {
        return;
    };
    let first = std::fs::read(b.path("dubai-launch.pdf")).unwrap();
    b.run_with(["build", "--pdf", "--today", TODAY, "dubai-launch.brief"])
        .code(0);
    assert_eq!(first, std::fs::read(b.path("dubai-launch.pdf")).unwrap());
}

#[test]
fn a_latin_brief_never_looks_for_fonts() {
    // The same bytes with and without the machine's fonts: nothing of a
    // Latin brief is drawn in them (and no font folder is scanned).
    let text = std::fs::read_to_string(support::repo("examples/acme-sync.brief")).unwrap();
    let build = |system: &str| {
        let b = Brief::new()
            .file("a.brief", &text)
            .env("BRIEFC_SYSTEM_FONTS", system);
        b.run_with(["build", "--pdf", "--today", TODAY, "a.brief"])
            .code(0);
        std::fs::read(b.path("a.pdf")).unwrap()
    };
    assert_eq!(build("0"), build("1"));
}

const THAI: &str = "# Thai launch

length: 30s
stage: awareness

## Goal
ไฟล์ของคุณ ซิงค์ทุกที่

## Audience
IT managers in Bangkok.

## Key benefits
- Set up in minutes

## Success metrics
- Trials: 100 by 2027-03-31 (source: CRM)
";

#[test]
fn the_fonts_folder_of_briefc_yaml_is_used_before_the_machine_s() {
    if !noto_installed() {
        return;
    }
    let font = std::fs::read(NOTO_CORE).unwrap();
    let b = Brief::new()
        .file("a.brief", THAI)
        .file("briefc.yaml", "fonts: fonts\n")
        .file("fonts/Thai.ttf", font);
    // Without the machine's fonts: the folder's font draws the Thai.
    let out = b.run_with([
        "build", "--pdf", "--format", "json", "--today", TODAY, "a.brief",
    ]);
    out.code(0).lacks_rule("missing-glyph");
    let pdf = b.path("a.pdf");
    if let Some(text) = support::pdftotext(&pdf) {
        assert_reads(&text, &["ไฟล์ของคุณ ซิงค์ทุกที่"]);
    }
    if let Some(fonts) = support::tool_stdout("pdffonts", &[pdf.as_os_str()]) {
        assert_embeds(&fonts, "NotoSansThai-Regular");
    }

    // Without the folder, and without the machine's fonts, it is missing.
    let b = Brief::new().file("a.brief", THAI);
    let out = b.run_with([
        "build", "--pdf", "--format", "json", "--today", TODAY, "a.brief",
    ]);
    out.code(0).has_diagnostic("missing-glyph", "warning");
    let help = out.json()["diagnostics"][0]["help"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(help.contains("apt install fonts-noto-core"), "{help}");
    assert!(help.contains("`fonts:`"), "{help}");
}

#[test]
fn a_bad_fonts_folder_is_a_clear_error() {
    let b = Brief::new()
        .file("a.brief", THAI)
        .file("briefc.yaml", "fonts: no-such-folder\n");
    b.run_with(["build", "--pdf", "--today", TODAY, "a.brief"])
        .code(2)
        .stderr_has("the fonts folder")
        .stderr_has("no-such-folder")
        .stderr_has("does not exist");

    // A folder outside the project, through `..`, is refused.
    let b = Brief::new()
        .file("project/a.brief", THAI)
        .file("project/briefc.yaml", "fonts: ../elsewhere\n")
        .dir("elsewhere");
    b.run_with(["build", "--pdf", "--today", TODAY, "project/a.brief"])
        .code(2)
        .stderr_has("`fonts` in briefc.yaml leads outside its folder");

    // An HTML-only build needs no fonts and does not look.
    let b = Brief::new()
        .file("a.brief", THAI)
        .file("briefc.yaml", "fonts: no-such-folder\n");
    b.run_with(["build", "--html", "--today", TODAY, "a.brief"])
        .code(0);
}

const ENGLISH_IN_JAPANESE: &str = "# Acme Sync launch film

client: Acme Japan
length: 45s
stage: awareness
language: ja

## Goal
Make IT managers remember Acme Sync sets up in minutes.

## Audience
IT managers in Tokyo.

## Key benefits
- Set up in minutes

## Success metrics
- Trials: 100 by 2027-03-31 (source: CRM)
";

#[test]
fn japanese_labels_need_a_japanese_font_and_say_so_without_one() {
    // Without a CJK font: one warning, at `language:`, naming the package.
    let b = Brief::new().file("a.brief", ENGLISH_IN_JAPANESE);
    let out = b.run_with([
        "build", "--pdf", "--format", "json", "--today", TODAY, "a.brief",
    ]);
    out.code(0);
    let diagnostics = out.json()["diagnostics"].clone();
    assert_eq!(diagnostics.as_array().unwrap().len(), 1, "{diagnostics}");
    assert_eq!(diagnostics[0]["rule"], "missing-glyph");
    assert_eq!(diagnostics[0]["line"], 6);
    assert!(
        diagnostics[0]["help"]
            .as_str()
            .unwrap()
            .contains("apt install fonts-noto-cjk"),
        "{diagnostics}"
    );

    // With the machine's fonts: the labels are Japanese, footer included.
    if !noto_installed() {
        return;
    }
    let b = Brief::new()
        .file("a.brief", ENGLISH_IN_JAPANESE)
        .env("BRIEFC_SYSTEM_FONTS", "1");
    b.run_with([
        "build", "--pdf", "--format", "json", "--today", TODAY, "a.brief",
    ])
    .code(0)
    .no_diagnostics();
    if let Some(text) = support::pdftotext(&b.path("a.pdf")) {
        assert_reads(
            &text,
            &["動画ブリーフ", "クライアント", "目的", "1 / 1 ページ"],
        );
    }
}

#[test]
fn the_pdf_says_its_language() {
    for (header, lang) in [("language: de\n", "/Lang (de)"), ("", "/Lang (en)")] {
        let text = ENGLISH_IN_JAPANESE.replace("language: ja\n", header);
        let b = Brief::new().file("a.brief", text);
        b.run_with(["build", "--pdf", "--today", TODAY, "a.brief"])
            .code(0);
        if let Some(pdf) = support::qpdf_uncompressed(&b.path("a.pdf")) {
            assert!(pdf.contains(lang), "the catalog lacks {lang}");
        }
    }
}
