//! What a videographer holding page 3 needs: every PDF page names the brief
//! (title, version, status) in a running header, a draft or a brief in
//! review says so on every page, the scene table is numbered with its total,
//! and it starts where its heading and two rows fit. Runs the real binary and
//! reads the pages back with `pdftotext -f N -l N` (skipped, saying so, when
//! poppler is missing outside CI).

mod support;

use support::{Brief, TODAY};

/// A brief with `scenes` scenes of 30 s (long enough for 3+ pages at 20),
/// at `status`, with `version` when given.
fn long_brief(title: &str, status: &str, version: Option<&str>, scenes: usize) -> String {
    let mut text = format!("# {title}\n\nclient: Acme Corp\n");
    if let Some(version) = version {
        text.push_str(&format!("version: {version}\n"));
    }
    text.push_str(&format!(
        "stage: engage\nlength: {}s\nmarketing: Priya Shah\nsales: Tom Becker\nstatus: {status}\n\n",
        scenes * 30
    ));
    text.push_str(
        "## Goal\nShow everything.\n\n## Audience\nEveryone who watches long videos.\n\n\
         ## Key benefits\n- One\n\n## Success metrics\n- Views: 1000 (source: analytics)\n\n## Scenes\n",
    );
    for i in 0..scenes {
        let (start, end) = (i * 30, i * 30 + 30);
        text.push_str(&format!(
            "### {}:{:02}-{}:{:02} Shot list item {i}\nVisual: Shot {i} shows the product from a new angle while the camera slowly pushes in on the details that matter.\nVoiceover: This is voiceover {i}, spoken calmly.\nOn screen: Caption {i}\n\n",
            start / 60,
            start % 60,
            end / 60,
            end % 60
        ));
    }
    text.push_str(
        "## Checklist\n- [x] Long cut agreed\n- [x] Music licensed\n\n\
         ## Sign-off\n- Priya Shah (marketing) 2026-11-20\n- Tom Becker (sales) 2026-11-21\n",
    );
    text
}

/// Builds the PDF of each `(name, text)` with one `briefc build --pdf` run
/// and returns the folder.
fn build(briefs: &[(&str, String)]) -> Brief {
    let mut b = Brief::new();
    for (name, text) in briefs {
        b = b.file(&format!("{name}.brief"), text);
    }
    let mut args = vec!["build".to_string(), "--pdf".into(), "--today".into()];
    args.push(TODAY.into());
    args.extend(briefs.iter().map(|(name, _)| format!("{name}.brief")));
    b.run_with(args).code(0);
    b
}

/// Each page's text, whitespace-normalised; `None` without poppler.
fn pages(b: &Brief, name: &str) -> Option<Vec<String>> {
    let pdf = b.path(&format!("{name}.pdf"));
    let count = support::pdfinfo(&pdf)?.pages;
    (1..=count)
        .map(|n| {
            support::pdftotext_page(&pdf, n)
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

#[test]
fn every_page_names_the_brief_and_marks_a_draft() {
    let title = "Spring launch: the long cut";
    let b = build(&[("draft", long_brief(title, "draft", Some("v3"), 20))]);
    let Some(pages) = pages(&b, "draft") else {
        return;
    };
    assert!(pages.len() >= 3, "{} pages", pages.len());
    for (i, text) in pages.iter().enumerate() {
        let n = i + 1;
        assert!(text.contains(title), "page {n} lacks the title:\n{text}");
        assert!(text.contains("v3"), "page {n} lacks the version:\n{text}");
        assert!(text.contains("DRAFT"), "page {n} lacks DRAFT:\n{text}");
        assert!(!text.contains("IN REVIEW"), "page {n}:\n{text}");
    }
    // From page 2 on, the running header comes first: title · version (the
    // mark at the right may come later in pdftotext's reading order).
    for (i, text) in pages.iter().enumerate().skip(1) {
        assert!(
            text.starts_with(&format!("{title} · v3 ")),
            "page {}: {text}",
            i + 1
        );
    }
}

#[test]
fn a_brief_in_review_says_so_on_every_page_and_an_approved_one_on_none() {
    let b = build(&[
        ("review", long_brief("Under review", "review", None, 20)),
        (
            "approved",
            long_brief("All signed", "approved", Some("v9"), 20),
        ),
    ]);
    let (Some(review), Some(approved)) = (pages(&b, "review"), pages(&b, "approved")) else {
        return;
    };
    assert!(review.len() >= 3 && approved.len() >= 3);
    for (i, text) in review.iter().enumerate() {
        assert!(text.contains("IN REVIEW"), "page {}:\n{text}", i + 1);
        assert!(!text.contains("DRAFT"), "page {}:\n{text}", i + 1);
        assert!(text.contains("Under review"), "page {}:\n{text}", i + 1);
    }
    // Without a version, the running header has no separator for it.
    assert!(
        review[1].starts_with("Under review ") && !review[1].starts_with("Under review ·"),
        "{}",
        review[1]
    );
    for (i, text) in approved.iter().enumerate() {
        assert!(!text.contains("DRAFT"), "page {}:\n{text}", i + 1);
        assert!(!text.contains("IN REVIEW"), "page {}:\n{text}", i + 1);
        assert!(text.contains("All signed") && text.contains("v9"), "{text}");
    }
    // Its pages 2+ still say its status, as a word.
    for text in &approved[1..] {
        assert!(text.starts_with("All signed · v9 "), "{text}");
        assert!(text.contains("Approved"), "{text}");
    }
}

#[test]
fn a_long_title_is_cut_to_one_line_in_the_running_header() {
    let title = "A brief whose title goes on and on about the campaign, the channels, the \
                 cutdowns and the people involved until it reaches Zanzibar";
    let b = build(&[("long", long_brief(title, "draft", Some("v12"), 20))]);
    let pdf = b.path("long.pdf");
    let Some(page2) = support::pdftotext_page(&pdf, 2) else {
        return;
    };
    let first = page2.lines().next().unwrap_or_default();
    assert!(first.contains("…"), "{page2}");
    assert!(first.starts_with("A brief whose title goes on"), "{first}");
    assert!(first.ends_with("· v12"), "{first}");
    assert!(!page2.contains("Zanzibar"), "{page2}");
    // The first page still shows the whole title.
    let page1 = support::pdftotext_page(&pdf, 1).unwrap();
    assert!(page1.contains("Zanzibar"), "{page1}");
}

#[test]
fn acme_scene_table_is_numbered_with_its_total() {
    let example = std::fs::read_to_string(support::repo("examples/acme-sync.brief")).unwrap();
    let b = build(&[("acme", example)]);
    let Some(pages) = pages(&b, "acme") else {
        return;
    };
    let text = pages.join(" ");
    assert!(text.contains("5 scenes, 1 min 30 s in all"), "{text}");
    for scene in [
        "1. Hook",
        "2. Set up in minutes",
        "3. Works offline",
        "4. Certified",
        "5. Call to action",
    ] {
        assert!(text.contains(scene), "no {scene:?} in:\n{text}");
    }
    // acme is in review: the mark is on both pages.
    for text in &pages {
        assert!(text.contains("IN REVIEW"), "{text}");
    }
}

#[test]
fn untimed_scenes_are_counted_without_a_total() {
    let text = support::CLEAN
        .replace("### 0:00-0:10 Hook", "### Hook")
        .replace("### 0:10-0:30 End card", "### End card");
    let b = Brief::new()
        .file("a.brief", &text)
        .file("briefc.yaml", "rules: {scene-timecode: off}\n");
    b.run_with(["build", "--pdf", "--today", TODAY, "a.brief"])
        .code(0);
    let Some(page) = support::pdftotext_page(&b.path("a.pdf"), 1) else {
        return;
    };
    let page = page.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(page.contains("2 scenes"), "{page}");
    assert!(
        page.contains("1. Hook") && page.contains("2. End card"),
        "{page}"
    );
    assert!(!page.contains("in all"), "{page}");
}

/// One word's box from `pdftotext -bbox` (points, origin top-left).
#[derive(Debug)]
struct Word {
    y0: f32,
    y1: f32,
    text: String,
}

/// Every word's box, per page.
fn words(pdf: &std::path::Path) -> Option<Vec<Vec<Word>>> {
    let html = support::tool_stdout(
        "pdftotext",
        &["-bbox", "-enc", "UTF-8", pdf.to_str().unwrap(), "-"],
    )?;
    let attr = |w: &str, name: &str| -> f32 {
        let at = w.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        w[at..at + w[at..].find('"').unwrap()].parse().unwrap()
    };
    Some(
        html.split("<page ")
            .skip(1)
            .map(|page| {
                page.split("<word ")
                    .skip(1)
                    .map(|w| Word {
                        y0: attr(w, "yMin"),
                        y1: attr(w, "yMax"),
                        text: w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()].to_string(),
                    })
                    .collect()
            })
            .collect(),
    )
}

/// A brief whose background runs `filler` paragraphs, so that the success metrics
/// end lower and lower on page 1, followed by eight short scenes.
fn filled_brief(filler: usize) -> String {
    let mut text = String::from(
        "# Placement test\n\nclient: Acme Corp\nstage: engage\nlength: 80s\nmarketing: Priya Shah\nsales: Tom Becker\n\n## Goal\nShow the office.\n\n## Background\n",
    );
    for i in 0..filler {
        text.push_str(&format!("Filler paragraph {i} of the background.\n\n"));
    }
    text.push_str(
        "## Audience\nEveryone.\n\n## Key benefits\n- One\n\n## Success metrics\n- Views: 1000 (source: analytics)\n\n## Scenes\n",
    );
    let names = [
        "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel",
    ];
    for (i, name) in names.iter().enumerate() {
        text.push_str(&format!(
            "### {}-{}s {name}\nVisual: {name} shot, a wide view of the office.\nVoiceover: {name} line, said once.\n\n",
            i * 10,
            i * 10 + 10
        ));
    }
    text.push_str("## Sign-off\n- Priya Shah (marketing)\n");
    text
}

/// The first word `test` accepts, with its page (1-based).
fn find(pages: &[Vec<Word>], test: impl Fn(&Word) -> bool) -> Option<(usize, &Word)> {
    pages
        .iter()
        .enumerate()
        .find_map(|(p, words)| words.iter().find(|w| test(w)).map(|w| (p + 1, w)))
}

#[test]
fn the_scene_table_starts_where_its_heading_and_two_rows_fit() {
    let fillers: Vec<usize> = (0..34).collect();
    let briefs: Vec<(String, String)> = fillers
        .iter()
        .map(|&k| (format!("f{k:02}"), filled_brief(k)))
        .collect();
    let named: Vec<(&str, String)> = briefs
        .iter()
        .map(|(n, t)| (n.as_str(), t.clone()))
        .collect();
    let b = build(&named);

    let mut split_on_page_one = false;
    let mut pushed = 0;
    for (name, _) in &briefs {
        let Some(pages) = words(&b.path(&format!("{name}.pdf"))) else {
            return;
        };
        let page_of = |text: &str| find(&pages, |w| w.text == text).map(|(p, _)| p);
        // Scene rows are looked up below the table's header row: the
        // timeline strip above the table labels the scenes too.
        let (header_page, header_y) = find(&pages, |w| w.text == "Picture")
            .map(|(p, w)| (p, w.y0))
            .unwrap_or_else(|| panic!("{name}: no table header"));
        let row = |text: &str| -> Option<(usize, &Word)> {
            pages
                .iter()
                .enumerate()
                .skip(header_page - 1)
                .find_map(|(p, words)| {
                    words
                        .iter()
                        .find(|w| w.text == text && (p + 1 > header_page || w.y0 > header_y))
                        .map(|w| (p + 1, w))
                })
        };
        let (Some(heading), Some(metrics)) = (page_of("Scenes"), page_of("Views:")) else {
            panic!("{name}: no Scenes heading or metric");
        };
        let rows: Vec<usize> = ["Alpha", "Bravo", "Charlie"]
            .iter()
            .map(|n| row(n).unwrap_or_else(|| panic!("{name}: no {n}")).0)
            .collect();
        // The heading never goes without the note and the first two rows.
        assert_eq!(
            page_of("scenes,"),
            Some(heading),
            "{name}: the note left its heading"
        );
        assert_eq!(rows[0], heading, "{name}: row 1 left its heading");
        assert_eq!(rows[1], heading, "{name}: row 2 left its heading");
        if heading == metrics {
            // Rows break across pages: the table need not fit whole.
            if rows[2] > heading {
                split_on_page_one = true;
                let header_again = pages[rows[2] - 1].iter().any(|w| w.text == "Picture");
                assert!(header_again, "{name}: no header row on page {}", rows[2]);
            }
            continue;
        }
        // Pushed to the next page: the space above a heading, the heading,
        // note, header row and two rows (as drawn there) did not fit below
        // the metrics.
        pushed += 1;
        assert_eq!(heading, metrics + 1, "{name}");
        let below_metrics = pages[metrics - 1]
            .iter()
            .filter(|w| w.y1 < 780.0)
            .map(|w| w.y1)
            .fold(0.0f32, f32::max);
        let free = 779.5 - below_metrics;
        let (_, top) = find(&pages[heading - 1..], |w| w.text == "Scenes").unwrap();
        let (_, third) = row("Charlie").unwrap();
        let needed = third.y0 - top.y0;
        assert!(
            needed + 15.0 > free,
            "{name}: the scenes moved to page {heading} although {needed} pt fitted in {free} pt"
        );
    }
    assert!(
        split_on_page_one,
        "no filler started the table on page 1 and broke it onto page 2"
    );
    assert!(pushed > 0, "no filler pushed the table to page 2");
}

#[test]
fn the_same_brief_gives_the_same_bytes() {
    let text = long_brief("Twice the same", "draft", Some("v3"), 20);
    let first = build(&[("a", text.clone())]);
    let second = build(&[("b", long_brief("Other", "review", None, 3)), ("a", text)]);
    let a = std::fs::read(first.path("a.pdf")).unwrap();
    let b = std::fs::read(second.path("a.pdf")).unwrap();
    assert!(a == b, "two builds of one brief differ");
    if let Some(out) =
        support::tool_stdout("qpdf", &["--check", first.path("a.pdf").to_str().unwrap()])
    {
        assert!(out.contains("No syntax or stream encoding errors"), "{out}");
    }
}
