//! PDF output: structure (qpdf), fonts (pdffonts), text (pdftotext), page
//! size (pdfinfo), layout bounds, determinism, size and robustness.
//!
//! The poppler and qpdf tools are optional locally (a test that needs a
//! missing tool says so and returns); CI installs them, and there a missing
//! tool is a failure.

mod support;

use briefc::config::{Brand, PageSize};
use briefc::model::Brief;
use briefc::render::RenderOptions;
use briefc::render::pdf::{render, unsupported_chars};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// 2026-11-24 12:00 UTC.
const TIMESTAMP: i64 = 1_795_521_600;

fn brief_from(name: &str, text: &str) -> Brief {
    let checked = support::check_text(name, text);
    let errors: Vec<String> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == briefc::diagnostic::Severity::Error)
        .map(|d| format!("{:?}: {}", d.rule, d.message))
        .collect();
    assert!(errors.is_empty(), "{name} has errors: {errors:#?}");
    checked.brief
}

fn example(name: &str) -> (Brief, String) {
    let path = support::repo("examples").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    (brief_from(name, &text), text)
}

fn options(page: PageSize) -> RenderOptions {
    RenderOptions {
        brand: Brand {
            name: Some("Acme Corp".into()),
            color: Some("#0A5FFF".into()),
            logo: None,
        },
        logo: None,
        page,
        timestamp: TIMESTAMP,
        ..RenderOptions::default()
    }
}

/// Writes `bytes` into a fresh temporary directory.
fn write_pdf(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// Whitespace collapsed to single spaces.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of `pdf` (no layout), whitespace-normalised.
fn pdftotext(pdf: &Path) -> Option<String> {
    support::pdftotext(pdf).map(|t| normalize(&t))
}

/// Checks that every phrase comes back whole, and that in the layout output
/// every word of it appears, in order.
fn assert_text(pdf: &Path, phrases: &[String]) {
    let Some(plain) = pdftotext(pdf) else { return };
    for phrase in phrases {
        assert!(
            plain.contains(&normalize(phrase)),
            "pdftotext lost {phrase:?}:\n{plain}"
        );
    }
    let layout = support::tool_stdout(
        "pdftotext",
        &["-layout", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    )
    .unwrap();
    let words: Vec<&str> = layout.split_whitespace().collect();
    for phrase in phrases {
        let mut at = 0;
        for word in phrase.split_whitespace() {
            match words[at..].iter().position(|w| w.contains(word)) {
                Some(i) => at += i + 1,
                None => panic!("pdftotext -layout lost {word:?} of {phrase:?}:\n{layout}"),
            }
        }
    }
}

fn assert_structure(pdf: &Path) {
    let path = pdf.to_str().unwrap();
    if let Some(out) = support::tool_stdout("qpdf", &["--check", path]) {
        assert!(out.contains("No syntax or stream encoding errors"), "{out}");
    }
    if let Some(out) = support::tool_stdout("pdffonts", &[path]) {
        let fonts: Vec<&str> = out.lines().skip(2).collect();
        assert!(!fonts.is_empty(), "no fonts:\n{out}");
        for line in fonts {
            let cols: Vec<&str> = line.split_whitespace().collect();
            // name type encoding emb sub uni object ID
            let n = cols.len();
            assert!(n >= 7, "{line}");
            assert_eq!(&cols[n - 5..n - 2], ["yes", "yes", "yes"], "{out}");
            assert!(cols[0].contains("DejaVuSans"), "{out}");
        }
    }
}

/// One word's box, from `pdftotext -bbox` (points, origin top-left).
struct WordBox {
    x0: f32,
    y0: f32,
    x1: f32,
    y1: f32,
    text: String,
}

/// Every word's box, per page.
fn word_boxes(pdf: &Path) -> Option<Vec<Vec<WordBox>>> {
    let html = support::tool_stdout(
        "pdftotext",
        &["-bbox", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    )?;
    let mut pages = Vec::new();
    for chunk in html.split("<page ").skip(1) {
        let mut words = Vec::new();
        for w in chunk.split("<word ").skip(1) {
            let attr = |name: &str| -> f32 {
                let at = w.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                w[at..at + w[at..].find('"').unwrap()].parse().unwrap()
            };
            words.push(WordBox {
                x0: attr("xMin"),
                y0: attr("yMin"),
                x1: attr("xMax"),
                y1: attr("yMax"),
                text: w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()].to_string(),
            });
        }
        pages.push(words);
    }
    Some(pages)
}

/// No word outside the margins or over another word.
fn assert_clean_layout(pdf: &Path, width: f32, height: f32) {
    let Some(pages) = word_boxes(pdf) else { return };
    for (p, words) in pages.iter().enumerate() {
        for w in words {
            assert!(
                w.x0 >= 45.0 && w.x1 <= width - 45.0 && w.y0 >= 20.0 && w.y1 <= height - 25.0,
                "page {}: {:?} at ({}, {})–({}, {}) is outside the margins",
                p + 1,
                w.text,
                w.x0,
                w.y0,
                w.x1,
                w.y1
            );
        }
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                let overlap_x = a.x1.min(b.x1) - a.x0.max(b.x0);
                let overlap_y = a.y1.min(b.y1) - a.y0.max(b.y0);
                assert!(
                    overlap_x <= 0.5 || overlap_y <= 1.5,
                    "page {}: {:?} overlaps {:?}",
                    p + 1,
                    a.text,
                    b.text
                );
            }
        }
    }
}

/// The texts a videographer needs back from the PDF.
fn key_phrases(brief: &Brief) -> Vec<String> {
    use briefc::model::{Content, SceneFieldKind};
    let mut phrases = vec![brief.title.value.clone()];
    for section in &brief.sections {
        match &section.content {
            Content::Scenes(scenes) => {
                for scene in scenes {
                    phrases.push(scene.title.clone());
                    if let Some(vo) = scene.field(SceneFieldKind::Voiceover) {
                        phrases.push(vo);
                    }
                }
            }
            Content::Checklist(items) => {
                phrases.extend(items.iter().map(|i| i.text.value.clone()));
            }
            Content::SignOff(entries) => {
                phrases.extend(entries.iter().map(|e| e.name.clone()));
            }
            _ => {}
        }
    }
    phrases
}

#[test]
fn acme_example_is_a_complete_small_a4_pdf() {
    let (brief, _) = example("acme-sync.brief");
    let bytes = render(&brief, &options(PageSize::A4)).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(
        bytes.len() < 150 * 1024,
        "the acme PDF is {} bytes",
        bytes.len()
    );
    let (_dir, pdf) = write_pdf(&bytes);
    assert_structure(&pdf);

    let mut phrases = key_phrases(&brief);
    phrases.extend(
        [
            "ACME CORP · VIDEO BRIEF",
            "Client Acme Corp",
            "Length 1 min 30 s",
            "Demo bookings from viewers: 25 per month by 2027-04-30",
            "source: CRM campaign \"Sync-90\"",
            "0:00–0:10",
            "10 s",
            "Visual: Close-up of an IT manager's screen full of sync-error pop-ups.",
            "On screen: Sick of sync errors?",
            "Outcome: The viewer believes setup is trivial.",
            "https://example.com/videos/pacing-we-like — pacing and tone",
            "signed 2026-11-20",
            "not signed yet",
            "Page 1 of",
            "compiled by briefc",
            "· 2026-11-24",
        ]
        .map(String::from),
    );
    assert_text(&pdf, &phrases);

    if let Some(info) = support::pdfinfo(&pdf) {
        let pages = info.pages;
        assert!((1..=3).contains(&pages), "{pages} pages");
        info.assert_size(support::A4, "acme on A4");
        let plain = pdftotext(&pdf).unwrap();
        assert!(
            plain.contains(&format!("Page {pages} of {pages}")),
            "{plain}"
        );
    }
    assert_clean_layout(&pdf, 595.28, 841.89);

    // The reference URL is a link.
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("/URI (https://example.com/videos/pacing-we-like)")
            || raw.contains("/URI(https://example.com/videos/pacing-we-like)")
    );
}

#[test]
fn kyiv_example_keeps_cyrillic_greek_and_polish() {
    let (brief, _) = example("kyiv-launch.brief");
    assert_eq!(unsupported_chars(&brief), []);
    let bytes = render(&brief, &options(PageSize::A4)).unwrap();
    let (_dir, pdf) = write_pdf(&bytes);
    assert_structure(&pdf);
    let mut phrases = key_phrases(&brief);
    phrases.extend(
        [
            "ТОВ «Дніпро Хмара»",
            "Δημήτρης Παπαδόπουλος",
            "Łukasz Wróbel",
            "Zażółć gęślą jaźń — sprawdźcie, że czcionka ma ąęłńóśźż.",
            "Σε λίγα λεπτά, όχι σε μέρες",
            "12 000 €",
        ]
        .map(String::from),
    );
    assert_text(&pdf, &phrases);
    assert_clean_layout(&pdf, 595.28, 841.89);
}

/// A brief with `scenes` scenes of 30 seconds, each with long fields.
fn long_brief(scenes: usize) -> String {
    let mut text = String::from(
        "# Forty scenes: the long cut\n\nclient: Acme Corp\nstage: engage\nlength: 20m\nmarketing: Priya Shah\nsales: Tom Becker\n\n## Goal\nShow everything.\n\n## Audience\nEveryone who watches long videos.\n\n## Key benefits\n- One\n\n## Success metrics\n- Views: 1000 (source: analytics)\n\n## Scenes\n",
    );
    for i in 0..scenes {
        let (start, end) = (i * 30, i * 30 + 30);
        text.push_str(&format!(
            "### {}:{:02}-{}:{:02} Scene number {i} title\nVisual: Shot {i} shows the product from a new angle while the camera slowly pushes in on the details that matter, number {i}.\nVoiceover: This is voiceover {i}, spoken calmly over the picture for the viewer.\nOn screen: Caption {i}\n\n",
            start / 60,
            start % 60,
            end / 60,
            end % 60
        ));
    }
    text.push_str("## Checklist\n- [x] Long cut agreed\n- [ ] Music licensed\n\n## Sign-off\n- Priya Shah (marketing) 2026-11-20\n- Tom Becker (sales)\n");
    text
}

#[test]
fn forty_scenes_paginate_cleanly_with_repeated_headers() {
    let brief = brief_from("long.brief", &long_brief(40));
    assert_eq!(brief.scenes().len(), 40);
    let bytes = render(&brief, &options(PageSize::A4)).unwrap();
    let (_dir, pdf) = write_pdf(&bytes);
    assert_structure(&pdf);
    let mut phrases = key_phrases(&brief);
    phrases.extend((0..40).map(|i| format!("Caption {i}")));
    assert_text(&pdf, &phrases);
    assert_clean_layout(&pdf, 595.28, 841.89);

    let Some(pages) = support::pdfinfo(&pdf).map(|i| i.pages) else {
        return;
    };
    assert!(pages >= 4, "{pages} pages");
    let Some(boxes) = word_boxes(&pdf) else {
        return;
    };
    // Every page the table runs over starts with its header row.
    let table_pages: Vec<usize> = (0..boxes.len())
        .filter(|&p| boxes[p].iter().any(|w| w.text == "Visual:"))
        .collect();
    assert!(table_pages.len() >= 3);
    for p in table_pages {
        let has_header = boxes[p].iter().any(|w| w.text == "Picture")
            && boxes[p].iter().any(|w| w.text == "Sound");
        assert!(has_header, "page {} has scenes but no header row", p + 1);
    }
    let plain = pdftotext(&pdf).unwrap();
    assert!(plain.contains(&format!("Page {pages} of {pages}")));
}

/// A brief whose only scene has a visual far longer than a page.
fn huge_scene_brief() -> String {
    let words = "word ".repeat(2500);
    format!(
        "# Huge\n\nstage: awareness\nlength: 30s\nmarketing: M\nsales: S\n\n## Goal\nG.\n\n## Audience\nA.\n\n## Key benefits\n- B\n\n## Success metrics\n- Views: 10\n\n## Scenes\n### 0:00-0:30 Huge scene\nVisual: {words}end-of-visual\nVoiceover: short\n"
    )
}

#[test]
fn a_scene_taller_than_a_page_breaks_across_pages() {
    let brief = brief_from("huge.brief", &huge_scene_brief());
    let bytes = render(&brief, &options(PageSize::A4)).unwrap();
    let (_dir, pdf) = write_pdf(&bytes);
    assert_structure(&pdf);
    assert_text(
        &pdf,
        &["end-of-visual".to_string(), "Huge scene".to_string()],
    );
    assert_clean_layout(&pdf, 595.28, 841.89);
    if let Some(pages) = support::pdfinfo(&pdf).map(|i| i.pages) {
        assert!(pages >= 3, "{pages}");
    }
}

#[test]
fn long_words_and_urls_are_broken_to_fit() {
    let url = format!("https://example.com/{}", "segment/".repeat(40));
    let word = "x".repeat(400);
    let text = format!(
        "# Long words\n\nstage: awareness\nlength: 30s\nmarketing: M\nsales: S\n\n## Goal\n{word}\n\n## Audience\nA.\n\n## Key benefits\n- B\n\n## Success metrics\n- Views: 10\n\n## Scenes\n### 0:00-0:30 S\nVisual: {word}\n\n## References\n- {url}\n"
    );
    let brief = brief_from("long-words.brief", &text);
    let bytes = render(&brief, &options(PageSize::A4)).unwrap();
    let (_dir, pdf) = write_pdf(&bytes);
    assert_structure(&pdf);
    assert_clean_layout(&pdf, 595.28, 841.89);
    if let Some(plain) = pdftotext(&pdf) {
        // A URL may run across a page break: leave the page footers and
        // the running header out.
        let mut body = plain.replace("Long words DRAFT", "");
        while let Some(start) = body.find("compiled by briefc") {
            let end = body[start..]
                .find(" of ")
                .map_or(body.len(), |i| start + i + " of 2".len());
            body.replace_range(start..end, "");
        }
        let joined: String = body.split_whitespace().collect();
        assert!(joined.contains(&url.replace(' ', "")), "{plain}");
        assert!(joined.matches(&word).count() >= 2, "{plain}");
    }
}

#[test]
fn letter_pages_when_asked() {
    let (brief, _) = example("acme-sync.brief");
    let bytes = render(&brief, &options(PageSize::Letter)).unwrap();
    let (_dir, pdf) = write_pdf(&bytes);
    assert_structure(&pdf);
    if let Some(info) = support::pdfinfo(&pdf) {
        info.assert_size(support::LETTER, "PageSize::Letter");
    }
    assert_clean_layout(&pdf, 612.0, 792.0);
}

#[test]
fn same_input_gives_the_same_bytes_in_sequence_and_in_parallel() {
    let (acme, _) = example("acme-sync.brief");
    let (kyiv, _) = example("kyiv-launch.brief");
    let a4 = options(PageSize::A4);
    let first_acme = render(&acme, &a4).unwrap();
    let first_kyiv = render(&kyiv, &a4).unwrap();
    assert_ne!(first_acme, first_kyiv);
    for _ in 0..3 {
        assert!(render(&acme, &a4).unwrap() == first_acme);
        assert!(render(&kyiv, &a4).unwrap() == first_kyiv);
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..6)
            .map(|i| {
                let (acme, kyiv, a4) = (&acme, &kyiv, &a4);
                s.spawn(move || {
                    if i % 2 == 0 {
                        (i, render(acme, a4).unwrap())
                    } else {
                        (i, render(kyiv, a4).unwrap())
                    }
                })
            })
            .collect();
        for h in handles {
            let (i, bytes) = h.join().unwrap();
            let expected = if i % 2 == 0 { &first_acme } else { &first_kyiv };
            assert!(&bytes == expected, "thread {i} differs");
        }
    });

    // Options matter, each where a reader sees it.
    let (_dir, first_pdf) = write_pdf(&first_acme);
    let first_text = pdftotext(&first_pdf);
    // Another date: the footers say it.
    let mut later = a4.clone();
    later.timestamp += 86_400;
    let later_acme = render(&acme, &later).unwrap();
    assert_ne!(later_acme, first_acme);
    let (_dir, later_pdf) = write_pdf(&later_acme);
    if let (Some(first), Some(later)) = (&first_text, pdftotext(&later_pdf)) {
        assert!(first.contains("· 2026-11-24") && !first.contains("2026-11-25"));
        assert!(later.contains("· 2026-11-25") && !later.contains("2026-11-24"));
    }
    // Another page size: Letter pages instead of A4.
    let mut letter = a4.clone();
    letter.page = PageSize::Letter;
    let letter_acme = render(&acme, &letter).unwrap();
    assert_ne!(letter_acme, first_acme);
    let (_dir, letter_pdf) = write_pdf(&letter_acme);
    if let (Some(a4_info), Some(letter_info)) =
        (support::pdfinfo(&first_pdf), support::pdfinfo(&letter_pdf))
    {
        a4_info.assert_size(support::A4, "PageSize::A4");
        letter_info.assert_size(support::LETTER, "PageSize::Letter");
    }
    // Another brand: its name heads the first page, its colour the accents.
    let mut globex = a4.clone();
    globex.brand = Brand {
        name: Some("Globex".into()),
        color: Some("#CC0000".into()),
        logo: None,
    };
    let globex_acme = render(&acme, &globex).unwrap();
    assert_ne!(globex_acme, first_acme);
    let (_dir, globex_pdf) = write_pdf(&globex_acme);
    if let (Some(first), Some(other)) = (&first_text, pdftotext(&globex_pdf)) {
        // After the status mark (acme is in review) comes the brand.
        assert!(
            first.starts_with("IN REVIEW ACME CORP · VIDEO BRIEF"),
            "{first}"
        );
        assert!(
            other.starts_with("IN REVIEW GLOBEX · VIDEO BRIEF"),
            "{other}"
        );
        assert!(!other.contains("ACME CORP"), "{other}");
    }
    if let (Some(first), Some(other)) = (fills(&first_acme), fills(&globex_acme)) {
        assert!(
            first.contains(ACME_BLUE_FILL) && !first.contains(RED_FILL),
            "{first:?}"
        );
        assert!(
            other.contains(RED_FILL) && !other.contains(ACME_BLUE_FILL),
            "{other:?}"
        );
    }
}

/// The fill colour operator of `#0A5FFF`, the brand colour of [`options`]
/// and the documented default accent.
const ACME_BLUE_FILL: &str = "0.039215688 0.37254903 1 rg";
/// The fill colour operator of `#CC0000`.
const RED_FILL: &str = "0.8 0 0 rg";

/// Every distinct fill colour (`r g b rg`) in the uncompressed content streams.
fn fills(pdf: &[u8]) -> Option<BTreeSet<String>> {
    let (_dir, path) = write_pdf(pdf);
    let content = support::qpdf_uncompressed(&path)?;
    Some(
        content
            .lines()
            .map(str::trim)
            .filter(|l| l.ends_with(" rg"))
            .map(String::from)
            .collect(),
    )
}

#[test]
fn document_dates_come_from_the_timestamp() {
    let (brief, _) = example("acme-sync.brief");
    let bytes = render(&brief, &options(PageSize::A4)).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("D:20261124120000"),
        "no creation date from the timestamp"
    );
    assert!(!raw.contains("D:1970"));
}

/// Emoji, CJK, Hebrew and Arabic, tabs, zero-width and bidi control characters.
const ODD_BRIEF: &str = "# Emoji 🎬 and RTL שלום עולם مرحبا 漢字\n\nstage: awareness\nlength: 30s\nmarketing: 👩‍💻 Dev\nsales: S\n\n## Goal\nTabs\tand\u{200B}zero width, e\u{301}, 🎬🎬🎬, \u{202E}reversed\u{202C} text.\n\n## Audience\nשלום עולם, مرحبا بالعالم.\n\n## Key message\n\n## Key benefits\n- 🚀\n\n## Success metrics\n- Views 👀: 10 (source: 📈)\n\n## Scenes\n### 0:00-0:30 🎬\nVoiceover: 🎤\n\n## Sign-off\n- 🧑 (marketing) 2026-11-20\n";

#[test]
fn never_panics_on_odd_briefs() {
    let opts = options(PageSize::A4);
    // An empty brief (what a file with errors lowers to).
    let bytes = render(&Brief::default(), &opts).unwrap();
    let (_dir, pdf) = write_pdf(&bytes);
    assert_structure(&pdf);

    let odd = ODD_BRIEF;
    let checked = support::check_text("odd.brief", odd);
    let bytes = render(&checked.brief, &opts).unwrap();
    let (_dir, pdf) = write_pdf(&bytes);
    assert_structure(&pdf);
    if let Some(plain) = pdftotext(&pdf) {
        assert!(plain.contains("שלום"), "{plain}");
        assert!(plain.contains("Tabs and"), "{plain}");
    }

    let unsupported = unsupported_chars(&checked.brief);
    let chars: Vec<char> = unsupported.iter().map(|(c, _)| *c).collect();
    assert!(chars.contains(&'🎬') && chars.contains(&'漢') && chars.contains(&'🚀'));
    assert!(!chars.contains(&'ש') && !chars.contains(&'\u{200B}') && !chars.contains(&'\u{200D}'));
    let mut sorted = chars.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), chars.len(), "each char is reported once");
    let (_, span) = unsupported.iter().find(|(c, _)| *c == '🎬').unwrap();
    assert!(odd[span.start..span.end].contains('🎬'));

    // Huge texts.
    let mut huge = Brief::default();
    huge.title.value = "T ".repeat(5000);
    let bytes = render(&huge, &opts).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn brand_colour_and_name_are_optional() {
    let (brief, _) = example("acme-sync.brief");
    let mut opts = options(PageSize::A4);
    opts.brand = Brand::default();
    let plain = render(&brief, &opts).unwrap();
    let (_dir, pdf) = write_pdf(&plain);
    if let Some(text) = pdftotext(&pdf) {
        assert!(text.starts_with("IN REVIEW VIDEO BRIEF"), "{text}");
    }
    // No colour: the documented default accent, #0A5FFF.
    if let Some(fills) = fills(&plain) {
        assert!(fills.contains(ACME_BLUE_FILL), "{fills:?}");
    }

    // A colour that is not one falls back to that default: the same bytes
    // as no colour at all, in the PDF and in the HTML.
    let html = |opts: &RenderOptions| briefc::render::html::render(&brief, opts).unwrap();
    let plain_html = html(&opts);
    assert!(plain_html.contains("--accent: #0A5FFF;"), "{plain_html}");
    for bad in ["not a colour", "#12345", "#GGGGGG", "0A5FFF", ""] {
        opts.brand.color = Some(bad.into());
        assert!(
            render(&brief, &opts).unwrap() == plain,
            "{bad:?} is not drawn in the default colour"
        );
        assert_eq!(html(&opts), plain_html, "{bad:?}");
    }

    // Through the CLI a bad colour never gets that far: briefc.yaml is
    // refused with a message that says how to write one.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        support::repo("examples/acme-sync.brief"),
        dir.path().join("a.brief"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("briefc.yaml"),
        "brand:\n  color: \"not a colour\"\n",
    )
    .unwrap();
    let out = support::briefc_in(dir.path())
        .args(["build", "--pdf", "a.brief"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`brand.color`: `not a colour` is not a colour")
            && stderr.contains("help: write it as \"#RRGGBB\" or \"#RGB\""),
        "{stderr}"
    );
    assert!(!dir.path().join("a.pdf").exists());
}

/// Timing: `cargo test --release --test pdf -- --ignored --nocapture render_speed`.
#[test]
#[ignore]
fn render_speed() {
    let (brief, _) = example("acme-sync.brief");
    let opts = options(PageSize::A4);
    let start = std::time::Instant::now();
    render(&brief, &opts).unwrap();
    eprintln!("first render (fonts loaded): {:?}", start.elapsed());
    let runs = 200;
    let start = std::time::Instant::now();
    for _ in 0..runs {
        std::hint::black_box(render(&brief, &opts).unwrap());
    }
    eprintln!("acme-sync.brief: {:?} per render", start.elapsed() / runs);
    let long = brief_from("long.brief", &long_brief(40));
    let start = std::time::Instant::now();
    for _ in 0..20 {
        std::hint::black_box(render(&long, &opts).unwrap());
    }
    eprintln!("40 scenes: {:?} per render", start.elapsed() / 20);
    let huge = brief_from("huge.brief", &huge_scene_brief());
    let start = std::time::Instant::now();
    let bytes = render(&huge, &opts).unwrap();
    eprintln!(
        "a 2500-word scene ({} bytes): {:?}",
        bytes.len(),
        start.elapsed()
    );
}

/// Writes preview PDFs for looking at: `BRIEFC_PDF_PREVIEW=DIR cargo test --test pdf -- --ignored preview`.
#[test]
#[ignore]
fn preview() {
    let Ok(dir) = std::env::var("BRIEFC_PDF_PREVIEW") else {
        return;
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let opts = options(PageSize::A4);
    for name in [
        "acme-sync.brief",
        "kyiv-launch.brief",
        "explainer.brief",
        "social-cut.brief",
    ] {
        let (brief, _) = example(name);
        let out = dir.join(name.replace(".brief", ".pdf"));
        std::fs::write(out, render(&brief, &opts).unwrap()).unwrap();
    }
    let long = brief_from("long.brief", &long_brief(40));
    std::fs::write(dir.join("long.pdf"), render(&long, &opts).unwrap()).unwrap();
    let huge = brief_from("huge.brief", &huge_scene_brief());
    std::fs::write(dir.join("huge.pdf"), render(&huge, &opts).unwrap()).unwrap();
    let odd = support::check_text("odd.brief", ODD_BRIEF);
    std::fs::write(dir.join("odd.pdf"), render(&odd.brief, &opts).unwrap()).unwrap();
    std::fs::write(
        dir.join("acme-letter.pdf"),
        render(&example("acme-sync.brief").0, &options(PageSize::Letter)).unwrap(),
    )
    .unwrap();
}

#[test]
fn short_brand_colour_is_the_same_red() {
    let (brief, _) = example("acme-sync.brief");
    let with = |color: Option<&str>| {
        let mut opts = options(PageSize::A4);
        opts.brand.color = color.map(Into::into);
        render(&brief, &opts).unwrap()
    };
    let short = with(Some("#C00"));
    assert_eq!(short, with(Some("#CC0000")), "`#C00` is not `#CC0000`");
    assert_eq!(short, with(Some("#c00")));
    assert_ne!(short, with(None), "`#C00` fell back to the default blue");
    // In the uncompressed content streams, the accent is the fill colour 0.8 0 0.
    let Some(fills) = fills(&short) else {
        return;
    };
    assert!(
        fills.contains(RED_FILL),
        "no `{RED_FILL}` fill in the PDF: {fills:?}"
    );
    assert!(!fills.contains(ACME_BLUE_FILL), "default blue still used");
}
