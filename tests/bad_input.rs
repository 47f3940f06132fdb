//! Inputs that are not well-formed briefs: bad encodings, binary files, huge
//! files and lines, odd line endings and blanks. Each gets diagnostics or a
//! clear error, the right exit code, and never a panic.

mod support;

use support::{Brief, CLEAN, Output, TODAY, briefc};

/// Checks `bytes` as `a.brief` in every format; asserts that no run panics,
/// that all formats agree on the exit code, that no control character reaches
/// the terminal, and returns the JSON run.
fn check(bytes: impl AsRef<[u8]>) -> Output {
    let b = Brief::new().file("a.brief", bytes);
    let run = |format: &str| {
        let out = b.run_with(["check", "--format", format, "--today", TODAY, "a.brief"]);
        out.no_panic();
        out
    };
    let json = run("json");
    for format in ["human", "github"] {
        let other = run(format);
        assert_eq!(
            other.status,
            json.status,
            "{}\n{}",
            other.dump(),
            json.dump()
        );
        let control = other
            .stdout
            .chars()
            .find(|&c| c.is_control() && c != '\n' && c != '\t');
        assert!(
            control.is_none(),
            "control character {control:?} in the {format} output\n{}",
            other.dump()
        );
    }
    json
}

/// The one diagnostic of a run, as `(rule, line, column)`, and its message.
fn only_diagnostic(out: &Output) -> ((String, u64, u64), String) {
    let doc = out.json();
    let diags = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "expected one diagnostic\n{}", out.dump());
    let d = &diags[0];
    (
        (
            d["rule"].as_str().unwrap().to_string(),
            d["line"].as_u64().unwrap(),
            d["column"].as_u64().unwrap(),
        ),
        d["message"].as_str().unwrap().to_string(),
    )
}

#[test]
fn invalid_utf8_is_an_invalid_encoding_error() {
    let mut bytes = CLEAN.as_bytes().to_vec();
    // A Latin-1 `é` in the Goal (line 9, after `Make IT `).
    let at = CLEAN.find("IT managers aware").unwrap() + 3;
    bytes.insert(at, 0xE9);
    let out = check(&bytes);
    out.code(1);
    let (place, message) = only_diagnostic(&out);
    assert_eq!(place, ("invalid-encoding".into(), 9, 9));
    assert!(
        message.contains("0xE9") && message.contains("line 9, column 9"),
        "{message}"
    );
}

#[test]
fn utf16_is_named_as_such() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in CLEAN.encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let out = check(&bytes);
    out.code(1);
    let (place, message) = only_diagnostic(&out);
    assert_eq!(place, ("invalid-encoding".into(), 1, 1));
    assert!(message.contains("UTF-16"), "{message}");
}

#[test]
fn an_empty_file_says_it_is_empty() {
    for text in ["", "\n\n", "\r\n", "\u{FEFF}", "   \n\t\n"] {
        let out = check(text);
        out.code(1);
        let (place, message) = only_diagnostic(&out);
        assert_eq!(place, ("missing-title".into(), 1, 1), "{text:?}");
        assert!(message.contains("empty"), "{message}");
    }
}

#[test]
fn a_file_of_only_comments_is_empty() {
    let out =
        check(std::fs::read(support::repo("tests/fixtures/bad/only-comments.brief")).unwrap());
    out.code(1);
    let (place, message) = only_diagnostic(&out);
    assert_eq!(place, ("missing-title".into(), 1, 1));
    assert!(message.contains("empty"), "{message}");
}

#[test]
fn a_binary_file_is_an_invalid_encoding_error() {
    // A PNG-like header with NUL bytes (the checked-in fixture).
    let out = check(std::fs::read(support::repo("tests/fixtures/bad/binary.brief")).unwrap());
    out.code(1);
    assert_eq!(only_diagnostic(&out).0.0, "invalid-encoding");

    // Valid UTF-8, but with NUL bytes: still not a brief.
    let out = check(format!("{CLEAN}\0\0\0"));
    out.code(1);
    let (place, message) = only_diagnostic(&out);
    assert_eq!(place.0, "invalid-encoding");
    assert!(message.contains("NUL"), "{message}");

    // Random-ish fixed bytes (a linear congruential generator), every byte value.
    let mut state: u32 = 0x2545_F491;
    let bytes: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            (state >> 24) as u8
        })
        .collect();
    let out = check(&bytes);
    out.code(1);
    assert_eq!(only_diagnostic(&out).0.0, "invalid-encoding");
}

#[test]
fn a_five_megabyte_brief_checks() {
    let mut text = CLEAN.to_string();
    text.push_str("\n## Notes\n");
    let paragraph = "Notes from the kick-off call: pacing, tone, who is in the room, and what the \
                     customer said about the last video. "
        .repeat(8);
    while text.len() < 5 * 1024 * 1024 {
        text.push_str(&paragraph);
        text.push_str("\n\n");
    }
    let out = Brief::new()
        .file("big.brief", &text)
        .args(["check", "--format", "json", "--today", TODAY, "big.brief"])
        .run();
    out.code(0).no_diagnostics();
}

#[test]
fn a_line_of_100000_characters_checks() {
    // In a section that takes any text: clean.
    let long = "ж".repeat(100_000);
    let out = check(format!("{CLEAN}\n## Notes\n{long}\n"));
    out.code(0).no_diagnostics();

    // In the header: stray text, with the end column counted in characters.
    let out = check(CLEAN.replace("length: 30s\n", &format!("length: 30s\n{long}\n")));
    out.code(1);
    let doc = out.json();
    let d = &doc["diagnostics"][0];
    assert_eq!(d["rule"], "stray-text", "{}", out.dump());
    assert_eq!((&d["line"], &d["column"]), (&4.into(), &1.into()));
    assert_eq!(
        (&d["end_line"], &d["end_column"]),
        (&4.into(), &100_001.into())
    );
}

#[test]
fn crlf_and_bom_check_clean_when_the_content_is_clean() {
    check(std::fs::read(support::repo("tests/fixtures/bad/crlf-bom.brief")).unwrap())
        .code(0)
        .no_diagnostics();
    let crlf = format!("\u{FEFF}{}", CLEAN.replace('\n', "\r\n"));
    check(&crlf).code(0).no_diagnostics();
}

#[test]
fn crlf_and_bom_do_not_shift_lines_or_columns() {
    let bad = CLEAN.replace("stage: awareness", "stage: bogus");
    let places = |text: &str| -> Vec<serde_json::Value> {
        let doc = check(text).json();
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                serde_json::json!([
                    d["rule"],
                    d["line"],
                    d["column"],
                    d["end_line"],
                    d["end_column"]
                ])
            })
            .collect()
    };
    let lf = places(&bad);
    assert_eq!(lf, [serde_json::json!(["invalid-value", 4, 8, 4, 13])]);
    assert_eq!(places(&format!("\u{FEFF}{bad}")), lf, "BOM");
    assert_eq!(places(&bad.replace('\n', "\r\n")), lf, "CRLF");
    assert_eq!(
        places(&format!("\u{FEFF}{}", bad.replace('\n', "\r\n"))),
        lf,
        "BOM + CRLF"
    );

    // An error on the very first line, right after the BOM.
    let first = format!(
        "\u{FEFF}{}",
        CLEAN.replace("# Acme", "#Acme").replace('\n', "\r\n")
    );
    let out = check(&first);
    let d = &out.json()["diagnostics"][0];
    assert_eq!(
        (&d["rule"], &d["line"], &d["column"]),
        (&"missing-title".into(), &1.into(), &1.into())
    );
    assert_eq!(d["end_column"], 25, "{}", out.dump());
}

#[test]
fn tabs_are_accepted_and_count_as_one_column() {
    check(std::fs::read(support::repo("tests/fixtures/bad/tabs.brief")).unwrap())
        .code(0)
        .no_diagnostics();
    let out = check(CLEAN.replace("stage: awareness", "stage:\t\tbogus"));
    out.code(1);
    let d = &out.json()["diagnostics"][0];
    assert_eq!(
        (&d["rule"], &d["line"], &d["column"]),
        (&"invalid-value".into(), &4.into(), &9.into())
    );
}

#[test]
fn special_characters_check_clean() {
    briefc([
        "check",
        "--format",
        "json",
        "--today",
        TODAY,
        "tests/fixtures/bad/special-chars.brief",
    ])
    .code(0)
    .no_diagnostics();
}

#[test]
fn control_characters_in_a_brief_do_not_reach_the_terminal() {
    // An escape sequence in the title and a lone carriage return in a value.
    let text = CLEAN
        .replace("# Acme Sync", "# Acme \u{1b}[31mSync")
        .replace("length: 30s", "length: 30s\u{1b}]0;title\u{7}");
    let out = check(text);
    out.code(1).has_diagnostic("invalid-value", "error");
}

#[test]
fn the_checked_in_bad_fixtures_never_panic() {
    for name in [
        "binary",
        "crlf-bom",
        "empty",
        "many-errors",
        "only-comments",
        "special-chars",
        "tabs",
    ] {
        let path = format!("tests/fixtures/bad/{name}.brief");
        for format in ["human", "json", "github"] {
            let out = briefc(["check", "--format", format, "--today", TODAY, &path]);
            out.no_panic();
            assert!(matches!(out.status, 0 | 1), "{}", out.dump());
        }
    }
}

#[test]
fn lines_of_other_white_space_are_blank() {
    // A lone carriage return and a no-break space look blank, and are.
    let text = CLEAN.replace("\n\n## Goal", "\n\r\n\u{a0}\n## Goal");
    check(&text).code(0).no_diagnostics();
    check("\r").code(1);
}

#[test]
fn text_before_the_title_is_reported_once() {
    let out = check(format!("Draft!\n{CLEAN}"));
    out.code(1);
    let (place, _) = only_diagnostic(&out);
    assert_eq!(place, ("missing-title".into(), 1, 1));
    let help = out.json()["diagnostics"][0]["help"].clone();
    assert_eq!(
        help,
        "move it to the top, above the header fields; the title is on line 2"
    );

    let out = check(CLEAN.replace("# Acme", "#Acme"));
    out.code(1);
    let (place, _) = only_diagnostic(&out);
    assert_eq!(place, ("missing-title".into(), 1, 1));
    let help = out.json()["diagnostics"][0]["help"].clone();
    assert_eq!(help, "write `# Acme Sync launch teaser`");
}
