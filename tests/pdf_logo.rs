//! The brand logo in the PDF (issue 14): a PNG or JPEG `brand.logo` is drawn
//! at a fixed height on the first page and embedded once; an SVG one is
//! shown in the HTML only, with a warning; a broken one stops the build with
//! exit 2 and leaves earlier outputs alone. Judged with poppler's
//! `pdfimages -list` and `qpdf --check`.

mod support;

use support::{Brief, CLEAN, TODAY};

fn logo(name: &str) -> Vec<u8> {
    std::fs::read(support::repo(&format!("tests/fixtures/logos/{name}"))).unwrap()
}

/// A project with `briefc.yaml` naming `file` as the logo, and one brief.
fn project(file: &str, bytes: &[u8]) -> Brief {
    Brief::new()
        .file(
            "briefc.yaml",
            format!("brand:\n  name: Acme\n  logo: {file}\n"),
        )
        .file(file, bytes)
        .file("a.brief", CLEAN)
}

/// A `pdfimages -list` row: (page, type, width, height, color, y-ppi).
type ImageRow = (u32, String, u32, u32, String, u32);

/// The `pdfimages -list` rows of `pdf`.
fn images(pdf: &std::path::Path) -> Option<Vec<ImageRow>> {
    let out = support::tool_stdout("pdfimages", &["-list".as_ref(), pdf.as_os_str()])?;
    Some(
        out.lines()
            .skip(2)
            .map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                (
                    f[0].parse().unwrap(),
                    f[2].to_string(),
                    f[3].parse().unwrap(),
                    f[4].parse().unwrap(),
                    f[5].to_string(),
                    f[13].parse().unwrap(),
                )
            })
            .collect(),
    )
}

fn qpdf_ok(pdf: &std::path::Path) {
    if let Some(out) = support::tool_output("qpdf", &["--check".as_ref(), pdf.as_os_str()]) {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn a_png_logo_is_drawn_once_at_a_fixed_height_with_its_transparency() {
    let b = project("logo.png", &logo("logo.png"));
    b.run_with(["build", "--today", TODAY, "a.brief"])
        .code(0)
        .stderr_empty();
    let pdf = b.path("a.pdf");
    qpdf_ok(&pdf);
    let Some(found) = images(&pdf) else { return };
    // One image and its alpha as a soft mask, both on page 1, 40 pixels
    // drawn 26 points high: 111 pixels per inch.
    assert_eq!(
        found,
        [
            (1, "image".to_string(), 120, 40, "rgb".to_string(), 111),
            (1, "smask".to_string(), 120, 40, "gray".to_string(), 111)
        ]
    );
    // The HTML shows it too.
    let html = std::fs::read_to_string(b.path("a.html")).unwrap();
    assert!(html.contains("src=\"data:image/png;base64,"), "{html}");
    // Same input, same bytes.
    let first = std::fs::read(&pdf).unwrap();
    b.run_with(["build", "--today", TODAY, "a.brief", "--pdf"])
        .code(0);
    assert_eq!(std::fs::read(&pdf).unwrap(), first);
}

#[test]
fn a_jpeg_logo_is_drawn_without_a_mask() {
    let b = project("logo.jpg", &logo("logo.jpg"));
    b.run_with(["build", "--today", TODAY, "a.brief", "--pdf"])
        .code(0);
    let pdf = b.path("a.pdf");
    qpdf_ok(&pdf);
    let Some(found) = images(&pdf) else { return };
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].2, found[0].3, found[0].4.as_str()),
        (96, 32, "rgb")
    );
}

#[test]
fn an_svg_logo_is_left_out_of_the_pdf_with_one_warning() {
    let b = project("logo.svg", &logo("logo.svg")).file("b.brief", CLEAN);
    let out = b.run_with(["build", "--today", TODAY, "a.brief", "b.brief"]);
    out.code(0);
    assert_eq!(
        out.stderr.matches("warning: the PDF shows no logo").count(),
        1,
        "{}",
        out.dump()
    );
    out.stderr_has(
        "`logo.svg` is an SVG file, which briefc cannot draw into a PDF (the HTML shows it)",
    );
    out.stderr_has("help: point `brand.logo` at a PNG or JPEG version");
    if let Some(found) = images(&b.path("a.pdf")) {
        assert!(found.is_empty(), "{found:?}");
    }
    let html = std::fs::read_to_string(b.path("a.html")).unwrap();
    assert!(html.contains("data:image/svg+xml;base64,"));
    // An HTML-only build has nothing to warn about.
    let out = b.run_with(["build", "--today", TODAY, "a.brief", "--html"]);
    assert!(!out.stderr.contains("warning"), "{}", out.dump());
}

#[test]
fn a_broken_png_stops_the_build_and_keeps_earlier_outputs() {
    let b = project("logo.png", &logo("logo.png"));
    b.run_with(["build", "--today", TODAY, "a.brief"]).code(0);
    let before = std::fs::read(b.path("a.pdf")).unwrap();
    // The PNG signature, then garbage: the CLI's check of the first bytes
    // passes; decoding does not.
    std::fs::write(b.path("logo.png"), b"\x89PNG\r\n\x1a\n this is not a PNG").unwrap();
    let out = b.run_with(["build", "--today", TODAY, "a.brief"]);
    out.code(2);
    out.stderr_has("the brand logo is not a readable PNG file");
    out.stderr_has("export the logo again as PNG or JPEG");
    assert_eq!(std::fs::read(b.path("a.pdf")).unwrap(), before);
}

#[test]
fn a_pdf_only_build_reads_no_logo_it_would_not_draw() {
    // As in 1.0: a PDF-only build does not need the (here missing) SVG file.
    let b = Brief::new()
        .file("briefc.yaml", "brand:\n  logo: missing.svg\n")
        .file("a.brief", CLEAN);
    let out = b.run_with(["build", "--pdf", "--today", TODAY, "a.brief"]);
    out.code(0);
    out.stderr_has("warning: the PDF shows no logo: `missing.svg` is an SVG file");
}
