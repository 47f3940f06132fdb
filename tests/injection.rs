//! Issue 12, no injection, no escape: the HTML runs no script, loads
//! nothing remote and makes no dangerous URL clickable, its links cannot
//! reach back to it; a `briefc.yaml` cannot make briefc read files outside
//! its own folder.

mod support;

use support::{Brief, CLEAN, TODAY};

/// [`CLEAN`] with URLs of every scheme in its prose.
fn with_urls() -> String {
    CLEAN.replace(
        "Visual: Logo and URL.",
        "Visual: Logo and https://acme.example/sync?a=1&b=<2>.\n\
         Voiceover: See javascript:alert(1) and data:text/html;base64,PHNjcmlwdD4= \
         and vbscript:msgbox(1) and JAVASCRIPT://x%0Aalert(1) and [click](javascript:alert(2)) \
         and [ok](https://acme.example/ok) and <script>alert(3)</script>.",
    )
}

/// Builds `b`'s `a.brief` to HTML and returns the page.
fn page(b: &Brief, extra: &[&str]) -> String {
    let mut args = vec!["build", "--html", "--today", TODAY, "a.brief"];
    args.extend(extra);
    b.run_with(&args).code(0);
    std::fs::read_to_string(b.path("a.html")).unwrap()
}

/// The `href`s of every `<a>` in `page`, with whether the tag has
/// `rel="noopener noreferrer"`.
fn links(page: &str) -> Vec<(String, bool)> {
    let doc = scraper::Html::parse_document(page);
    let selector = scraper::Selector::parse("a").unwrap();
    doc.select(&selector)
        .map(|a| {
            let href = a.value().attr("href").unwrap_or_default().to_string();
            let rel = a.value().attr("rel") == Some("noopener noreferrer");
            (href, rel)
        })
        .collect()
}

#[track_caller]
fn assert_safe(page: &str) {
    // The policy: nothing by default (so no script, no remote load, no
    // frame, no font), styles by hash only, images only inline.
    let doc = scraper::Html::parse_document(page);
    let selector =
        scraper::Selector::parse("meta[http-equiv=\"Content-Security-Policy\"]").unwrap();
    let policies: Vec<_> = doc
        .select(&selector)
        .map(|m| m.value().attr("content").unwrap().to_string())
        .collect();
    assert_eq!(policies.len(), 1, "{policies:?}");
    let directives: Vec<&str> = policies[0].split(';').map(str::trim).collect();
    assert!(directives.contains(&"default-src 'none'"), "{directives:?}");
    assert!(directives.contains(&"img-src data:"), "{directives:?}");
    assert!(directives.contains(&"base-uri 'none'"), "{directives:?}");
    assert!(directives.contains(&"form-action 'none'"), "{directives:?}");
    for d in &directives {
        assert!(
            !d.starts_with("script-src") && !d.contains("unsafe-") && !d.contains("http"),
            "{d}"
        );
    }
    // No script element, no event handler attribute.
    let scripts = scraper::Selector::parse("script").unwrap();
    assert_eq!(doc.select(&scripts).count(), 0);
    assert!(!page.contains(" onload=") && !page.contains(" onerror="));
    // Only http(s) links, each with rel="noopener noreferrer".
    for (href, rel) in links(page) {
        assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "{href}"
        );
        assert!(rel, "{href} lacks rel=\"noopener noreferrer\"");
    }
}

#[test]
fn dangerous_urls_are_never_clickable() {
    let b = Brief::new().file("a.brief", with_urls());
    let html = page(&b, &[]);
    assert_safe(&html);
    let hrefs: Vec<String> = links(&html).into_iter().map(|l| l.0).collect();
    assert_eq!(
        hrefs,
        [
            "https://acme.example/sync?a=1&b=",
            "https://acme.example/ok"
        ],
        "{html}"
    );
    // The other schemes are shown as text.
    for text in [
        "javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64",
    ] {
        assert!(html.contains(text), "{text} is not shown");
    }
    assert!(html.contains("&lt;script&gt;alert(3)&lt;/script&gt;"));
}

#[test]
fn links_in_a_template_override_get_rel_too() {
    // A team's own page, with its own links.
    let b = Brief::new()
        .file("a.brief", CLEAN)
        .file("tpl/brief.html", "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><a href=\"https://team.example/\">Team</a><A HREF=\"https://y.example/\">Y</A></body></html>");
    let html = page(&b, &["--templates", "tpl"]);
    assert_eq!(
        links(&html),
        [
            ("https://team.example/".to_string(), true),
            ("https://y.example/".to_string(), true)
        ]
    );
}

// ------------------------------------------------------------ the project

/// A PNG as far as briefc looks (its signature).
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

/// A project folder `proj` (with `a.brief` and `briefc.yaml` holding
/// `config`) beside `outside/` (a logo and a template).
fn project(config: &str) -> Brief {
    Brief::new()
        .file("proj/a.brief", CLEAN)
        .file("proj/briefc.yaml", config)
        .file("proj/logo.png", PNG)
        .file("proj/tpl/brief.html", "{% extends \"base/brief.html\" %}")
        .file("outside/logo.png", PNG)
        .file("outside/secret.txt", "the secret")
        .file(
            "outside/tpl/brief.html",
            "{% extends \"base/brief.html\" %}",
        )
}

fn build(b: &Brief, extra: &[&str]) -> support::Output {
    let mut args = vec!["build", "--html", "--today", TODAY, "a.brief"];
    args.extend(extra);
    b.run_with(&args)
}

#[test]
fn paths_in_briefc_yaml_stay_inside_its_folder() {
    // Inside: fine.
    let b = project("templates: tpl\nbrand:\n  logo: logo.png\n").current_dir("proj");
    build(&b, &[]).code(0);

    // Out through `..`.
    let b = project("templates: ../outside/tpl\n").current_dir("proj");
    build(&b, &[]).cannot_run(&[
        "`templates` in briefc.yaml leads outside its folder: `../outside/tpl` is",
        "briefc.yaml may only name files inside its own folder",
        "--templates DIR",
    ]);
    let b = project("brand:\n  logo: ../outside/logo.png\n").current_dir("proj");
    build(&b, &[]).cannot_run(&["`brand.logo` in briefc.yaml leads outside its folder"]);
    // The PDF draws a PNG logo too, so a PDF-only build refuses it as well…
    b.run_with(["build", "--pdf", "--today", TODAY, "a.brief"])
        .cannot_run(&["`brand.logo` in briefc.yaml leads outside its folder"]);
    // …but does not read an SVG one, which only the HTML shows.
    let b = project("brand:\n  logo: ../outside/logo.svg\n").current_dir("proj");
    b.run_with(["build", "--pdf", "--today", TODAY, "a.brief"])
        .code(0);

    // Out through symbolic links: the folder, a template in it, the logo.
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        let b = project("templates: linked\n").current_dir("proj");
        symlink("../outside/tpl", b.path("proj/linked")).unwrap();
        build(&b, &[]).cannot_run(&["`templates` in briefc.yaml leads outside its folder"]);

        let b = project("templates: tpl\n").current_dir("proj");
        std::fs::remove_file(b.path("proj/tpl/brief.html")).unwrap();
        symlink("../../outside/secret.txt", b.path("proj/tpl/brief.html")).unwrap();
        let out = build(&b, &[]);
        out.cannot_run(&[
            "`templates` in briefc.yaml leads outside its folder",
            "secret.txt",
        ]);
        assert!(!out.stderr.contains("the secret"));

        let b = project("brand:\n  logo: link.png\n").current_dir("proj");
        symlink("../outside/logo.png", b.path("proj/link.png")).unwrap();
        build(&b, &[]).cannot_run(&["`brand.logo` in briefc.yaml leads outside its folder"]);
    }

    // Named on the command line, a folder outside is the user's choice.
    let b = project("").current_dir("proj");
    build(&b, &["--templates", "../outside/tpl"]).code(0);
    // And a config named with `--config` confines to its own folder.
    let b = project("")
        .file("other/briefc.yaml", "templates: ../outside/tpl\n")
        .current_dir("proj");
    build(&b, &["--config", "../other/briefc.yaml"])
        .cannot_run(&["`templates` in briefc.yaml leads outside its folder"]);
}
