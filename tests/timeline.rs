//! The scene timeline at the top of the Scenes section, in the HTML (inline
//! SVG) and the PDF, through the real binary.

mod support;

use scraper::Html;
use std::path::Path;
use support::briefc_in as briefc;

/// Three scenes: a too-long voiceover in the first (with markup in its
/// title), a 2 s gap before the second, and the third running 6 s past the
/// 30 s length (allowed as a warning by the config).
const TIGHT: &str = "\
# Tight timing

length: 30s
stage: awareness

## Goal
See where the script is too tight.

## Audience
Producers.

## Key benefits
- Fast

## Success metrics
- Views: 10

## Scenes
### 0:00-0:08 Hook <script>alert(1)</script> & \"quotes\"
Visual: Pop-ups.
Voiceover: Another Monday, another sync error, another hour lost to the helpdesk queue, again and again and again, until the whole team gives up and goes home early.

### 0:10-0:25 Demo
Visual: Installer.
Voiceover: It installs in minutes.

### 0:25-0:36 End card
Visual: Logo.
";

const ALLOW_OVERRUN: &str = "rules:\n  scenes-exceed-length: warning\n";

/// Builds `brief` (with `config` as briefc.yaml, if any) to HTML and PDF in
/// a fresh folder; returns the folder and the page.
fn build(brief: &str, config: Option<&str>) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.brief"), brief).unwrap();
    if let Some(config) = config {
        std::fs::write(dir.path().join("briefc.yaml"), config).unwrap();
    }
    let out = briefc(dir.path())
        .args(["build", "--html", "--pdf", "a.brief"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "build failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(dir.path().join("a.html")).unwrap();
    (dir, page)
}

/// The Scenes section of a page.
fn scenes_section(page: &str) -> &str {
    let start = page
        .find("<section id=\"scenes\"")
        .expect("a Scenes section");
    let end = start + page[start..].find("</section>").expect("its end");
    &page[start..end]
}

fn forty_scenes() -> String {
    let head = TIGHT.split("## Scenes").next().unwrap();
    let mut text = head.replace("length: 30s", "length: 3-4 min") + "## Scenes\n";
    let tc = |s: u32| format!("{}:{:02}", s / 60, s % 60);
    let mut at = 0;
    for i in 1..=40 {
        let d = 3 + i % 5;
        text.push_str(&format!(
            "### {}-{} Shot {i} with a long title\nVisual: x.\n\n",
            tc(at),
            tc(at + d)
        ));
        at += d;
    }
    text
}

#[test]
fn three_scenes_have_one_svg_with_segments_ticks_marks_and_a_legend() {
    let (_dir, page) = build(TIGHT, Some(ALLOW_OVERRUN));
    let html = Html::parse_document(&page);
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    let section = scenes_section(&page);
    assert_eq!(section.matches("<svg").count(), 1, "{section}");
    assert_eq!(page.matches("<svg").count(), 1);
    assert!(section.contains("role=\"img\""));
    assert!(section.contains("<title>Scene timeline over 0:36 (length 30 s)"));
    // A segment per scene, ticks every 10 s (36 s) with labels.
    assert_eq!(section.matches("class=\"tl-box").count(), 3);
    for tick in ["0:00", "0:10", "0:20", "0:30"] {
        assert!(section.contains(&format!(">{tick}</text>")), "tick {tick}");
    }
    // The marks, as text (they survive black-and-white printing).
    for mark in [">gap 2 s<", ">+6 s over<", ">VO +3 s<"] {
        assert!(section.contains(mark), "{mark} missing");
    }
    for legend in [
        "Scene: number, title, start–end",
        "Voiceover at 150 words per minute, against the scene",
        "VO +N s: voiceover longer than its scene",
        "Gap: time no scene covers",
        "Over: scenes past the length",
    ] {
        assert!(section.contains(legend), "legend {legend:?} missing");
    }
    // The title is data: escaped in the label and the description.
    assert!(section.contains(
        "aria-label=\"Scene timeline over 0:36 (length 30 s): scene 1 Hook &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; 0:00–0:08, voiceover 3 s too long;"
    ));
    assert!(section.contains("<tspan class=\"tl-n\">1</tspan> Hook &lt;script&gt;"));
    assert!(!page.to_ascii_lowercase().contains("<script"));
    assert!(
        !page.contains("style=\""),
        "a style attribute would break the CSP"
    );
    // The scene labels: number and (fitting) title.
    assert!(section.contains("<tspan class=\"tl-n\">2</tspan> Demo</text>"));
}

#[test]
fn the_pdf_has_the_legend_and_the_scene_numbers_with_the_table() {
    let (dir, _) = build(TIGHT, Some(ALLOW_OVERRUN));
    let Some(text) = support::pdftotext(&dir.path().join("a.pdf")) else {
        return;
    };
    for needle in [
        "1 Hook",
        "2 Demo",
        "3 End card",
        "0:10–0:25",
        "gap 2 s",
        "+6 s over",
        "VO +3 s",
        "Scene: number, title, start–end",
        "Voiceover at 150 words per minute",
        "Gap: time no scene covers",
    ] {
        assert!(text.contains(needle), "{needle:?} not in the PDF:\n{text}");
    }
    // The strip and the table's header are on one page.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let strip = pages
        .iter()
        .position(|p| p.contains("Scene: number"))
        .unwrap();
    assert!(pages[strip].contains("Picture"), "{}", pages[strip]);
}

#[test]
fn a_brief_without_scenes_has_no_strip() {
    let brief = TIGHT.split("## Scenes").next().unwrap();
    let (dir, page) = build(brief, None);
    assert!(!page.contains("<svg"));
    assert!(!page.contains("<ul class=\"tl-legend\""));
    if let Some(text) = support::pdftotext(&dir.path().join("a.pdf")) {
        assert!(!text.contains("Scene: number"), "{text}");
    }
}

#[test]
fn forty_scenes_render_with_every_number() {
    let (dir, page) = build(&forty_scenes(), None);
    let section = scenes_section(&page);
    assert_eq!(section.matches("<svg").count(), 1);
    assert_eq!(section.matches("class=\"tl-box").count(), 40);
    // Numbers only: no titles in the strip.
    assert!(section.contains("tl-dense"));
    let svg = &section[section.find("<svg").unwrap()..section.find("</svg>").unwrap()];
    assert!(!svg.contains("</tspan> Shot"));
    for n in 1..=40 {
        assert!(svg.contains(&format!(">{n}</text>")), "number {n} missing");
    }
    // 200 s against 3–4 min: ticks every 30 s, a range's bounds marked.
    for tick in ["0:30", "1:00", "3:30", "4:00"] {
        assert!(svg.contains(&format!(">{tick}</text>")), "tick {tick}");
    }
    assert!(svg.contains(">min 3:00<") && svg.contains(">max 4:00<"));
    assert!(section.contains("Min, max: the length"));
    let Some(text) = support::pdftotext(&dir.path().join("a.pdf")) else {
        return;
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    for n in 1..=40 {
        assert!(
            words.contains(&n.to_string().as_str()),
            "{n} not in the PDF"
        );
    }
    assert!(text.contains("Min, max: the length"));
}

#[test]
fn the_speaking_rate_comes_from_the_config() {
    let (_dir, page) = build(
        TIGHT,
        Some("speaking_rate_wpm: 400\nrules:\n  scenes-exceed-length: warning\n"),
    );
    let section = scenes_section(&page);
    assert!(section.contains("Voiceover at 400 words per minute"));
    assert!(!section.contains("VO +"), "fast enough at 400 wpm");
}

#[test]
fn same_input_same_bytes() {
    let read = |dir: &Path, name: &str| std::fs::read(dir.join(name)).unwrap();
    let (a, _) = build(TIGHT, Some(ALLOW_OVERRUN));
    let (b, _) = build(TIGHT, Some(ALLOW_OVERRUN));
    assert_eq!(read(a.path(), "a.html"), read(b.path(), "a.html"));
    assert_eq!(read(a.path(), "a.pdf"), read(b.path(), "a.pdf"));
    let (c, _) = build(&forty_scenes(), None);
    let (d, _) = build(&forty_scenes(), None);
    assert_eq!(read(c.path(), "a.pdf"), read(d.path(), "a.pdf"));
    assert_eq!(read(c.path(), "a.html"), read(d.path(), "a.html"));
}
