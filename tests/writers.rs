//! Right for the people who write briefs: one mistake gives one diagnostic,
//! and every message says what to type. Each case pins the exact set of
//! diagnostics (rule, line, and the message or help a writer acts on).

mod support;

use briefc::config::Config;
use std::path::Path;

/// A brief that checks clean under the default config: only `length` and
/// the four required sections.
const BASE: &str = "# Spring promo\nlength: 60s\n\n## Goal\nGet sign-ups.\n\n## Audience\nShop owners.\n\n## Key benefits\n- Fast\n\n## Success metrics\n- Sign-ups: 200 by 2027-04-30\n";

/// (rule, line, message, help) of every diagnostic, in order.
fn diags_with(text: &str, config: &Config) -> Vec<(String, usize, String, String)> {
    let checked = briefc::check_bytes("t.brief", text.as_bytes(), config, support::today());
    checked
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.rule.name().to_string(),
                checked.source.position(d.span.start).line,
                d.message.clone(),
                d.help.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn diags(text: &str) -> Vec<(String, usize, String, String)> {
    diags_with(text, &Config::default())
}

/// The rule names and lines only.
fn found(text: &str) -> Vec<(String, usize)> {
    diags(text).into_iter().map(|(r, l, _, _)| (r, l)).collect()
}

fn expect(text: &str, want: &[(&str, usize)]) {
    let want: Vec<(String, usize)> = want.iter().map(|(r, l)| (r.to_string(), *l)).collect();
    assert_eq!(found(text), want, "for:\n{text}\nall: {:#?}", diags(text));
}

/// The only diagnostic of `text`: its message and help.
fn only(text: &str, rule: &str) -> (String, String) {
    let d = diags(text);
    assert_eq!(d.len(), 1, "expected one `{rule}` for:\n{text}\ngot {d:#?}");
    assert_eq!(d[0].0, rule, "{d:#?}");
    (d[0].2.clone(), d[0].3.clone())
}

fn with_scenes(length: &str, scenes: &str) -> String {
    format!(
        "{}\n## Scenes\n{scenes}",
        BASE.replace("length: 60s", &format!("length: {length}"))
    )
}

// 1. Defaults follow the spec's tables.

#[test]
fn the_defaults_require_length_and_four_sections_only() {
    expect(BASE, &[]);
    // No stage, owners or scenes: a first draft of early-stage content.
    let no_length = BASE.replace("length: 60s\n", "");
    let d = diags(&no_length);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(
        (d[0].0.as_str(), d[0].2.as_str()),
        ("missing-field", "the required field `length` is missing")
    );
    let no_goal = BASE.replace("## Goal\nGet sign-ups.\n", "");
    expect(&no_goal, &[("missing-section", 1)]);
}

#[test]
fn a_convert_brief_without_sales_gets_missing_sales_owner_alone() {
    let text = BASE.replace("length: 60s", "length: 60s\nstage: convert");
    expect(&text, &[("missing-sales-owner", 3)]);
    // Also when the team requires `sales`.
    let config = Config::parse(
        Path::new("briefc.yaml"),
        "required_fields: [length, sales]\n",
    )
    .unwrap();
    let d = diags_with(&text, &config);
    assert_eq!(
        d.iter().map(|d| d.0.as_str()).collect::<Vec<_>>(),
        ["missing-sales-owner"]
    );
}

// 2. One mistake, one diagnostic.

#[test]
fn unreadable_scene_headings_do_not_cause_gap_warnings() {
    let text = with_scenes(
        "160s",
        "### Intro\nVisual: a\n### Problem\nVisual: b\n### 1:30-2:40 Farms\nVisual: c\n",
    );
    expect(&text, &[("scene-timecode", 17), ("scene-timecode", 19)]);
    let text = with_scenes(
        "10s",
        "### 0:00 to 0:05 Hook\nVisual: a\n### 0:05-0:10 Next\nVisual: b\n",
    );
    let (message, help) = only(&text, "scene-timecode");
    assert_eq!(
        message,
        "the scene heading separates its timecodes with `to`, not `-`"
    );
    assert_eq!(
        help,
        "write `### 0:00-0:05 Hook`: a `-` goes between the timecodes"
    );
}

#[test]
fn an_arrow_between_timecodes_never_quotes_nothing() {
    let text = with_scenes("5s", "### 0:00 -> 0:05 Hook\nVisual: a\n");
    let (message, help) = only(&text, "scene-timecode");
    assert_eq!(
        message,
        "the scene heading separates its timecodes with `->`, not `-`"
    );
    assert_eq!(
        help,
        "write `### 0:00-0:05 Hook`: a `-` goes between the timecodes"
    );
    let text = with_scenes("5s", "### 0:00 - Hook\nVisual: a\n");
    let (message, _) = only(&text, "scene-timecode");
    assert!(!message.contains("``"), "{message}");
}

#[test]
fn a_title_written_as_a_section_heading_is_one_diagnostic() {
    let text = BASE.replace("# Spring promo", "## Spring promo");
    let (message, help) = only(&text, "missing-title");
    assert_eq!(
        message,
        "the first heading must be the title, written `# Title`; found `## Spring promo`"
    );
    assert_eq!(help, "write `# Spring promo`");
    // The rest is read normally: the length on line 2 counts.
    let text = BASE.replace("# Spring promo", "#Spring promo");
    assert_eq!(only(&text, "missing-title").1, "write `# Spring promo`");
}

#[test]
fn a_misspelt_section_is_one_diagnostic_and_still_checked() {
    let text = BASE.replace("## Audience", "## Audiance");
    let (message, help) = only(&text, "unknown-section");
    assert_eq!(message, "unknown section `Audiance`");
    assert_eq!(help, "did you mean `Audience`? write `## Audience`");
    // Its content is read as the Audience: a word limit still applies.
    let long = format!("{} word", "word ".repeat(90));
    let text = BASE.replace("## Audience\nShop owners.", &format!("## Audiance\n{long}"));
    expect(&text, &[("unknown-section", 7), ("too-long", 8)]);
}

#[test]
fn a_misspelt_field_is_one_diagnostic_and_still_read() {
    let text = BASE.replace("length: 60s", "lenght: 60s");
    let (message, help) = only(&text, "unknown-field");
    assert_eq!(message, "unknown header field `lenght`");
    assert_eq!(help, "did you mean `length`? write `length: …`");
    // Its value is read as the length.
    let text = BASE.replace("length: 60s", "lenght: 1s");
    expect(&text, &[("unknown-field", 2), ("length-out-of-range", 2)]);
}

#[test]
fn a_continuation_after_an_unknown_key_is_not_glued_to_the_field_above() {
    let text = BASE.replace("length: 60s", "length: 30s\nlenght: 30s\n  (hard limit)");
    expect(&text, &[("unknown-field", 3)]);
    let text = BASE.replace("length: 60s", "length: 30s\nlength: 30s\n  (hard limit)");
    expect(&text, &[("duplicate-field", 3)]);
}

#[test]
fn a_metric_range_is_a_number_not_a_date() {
    let text = BASE.replace("- Sign-ups: 200 by 2027-04-30", "- Sign-ups: up by 10-15%");
    expect(&text, &[]);
}

// 3. Messages a non-programmer can act on.

#[test]
fn no_break_spaces_count_as_spaces() {
    let text = BASE
        .replace("## Goal", "##\u{a0}Goal")
        .replace("- Fast", "-\u{a0}Fast")
        .replace("length: 60s", "length:\u{a0}60s");
    expect(&text, &[]);
}

#[test]
fn a_section_name_under_the_wrong_marker_says_write_it_with_two_hashes() {
    for written in [
        "# Audience",
        "### Audience",
        "#Audience",
        "**Audience**",
        "**Audience:**",
        "**Audience**:",
        "Audience:",
        "##Audience",
    ] {
        let text = BASE.replace("## Audience", written);
        let (_, help) = only(&text, "stray-text");
        assert_eq!(help, "write `## Audience`", "{written}");
    }
    // Inside a paragraph section it is no longer swallowed into the text.
    let text = BASE.replace(
        "Shop owners.\n",
        "Shop owners.\n##Key message\nFast and simple.\n",
    );
    let (message, help) = only(&text, "stray-text");
    assert_eq!(
        message,
        "`##Key message` is not a heading: a heading needs a space after `##`"
    );
    assert_eq!(help, "write `## Key message`");
}

#[test]
fn a_plain_line_in_a_scene_or_list_says_how_to_continue() {
    let text = with_scenes("5s", "### 0:00-0:05 Hook\nVoiceover: Hello\nand welcome\n");
    let (_, help) = only(&text, "stray-text");
    assert_eq!(
        help,
        "indent it by two spaces to continue `Voiceover:`, or start it with a field such as `Visual:`"
    );
    let text = BASE.replace("- Fast\n", "- Fast\nand cheap\n");
    let (_, help) = only(&text, "stray-text");
    assert_eq!(
        help,
        "indent it by two spaces to continue the item above, or start a new item with `- `"
    );
}

#[test]
fn industry_words_get_synonym_hints() {
    let scene = |field: &str| with_scenes("5s", &format!("### 0:00-0:05 Hook\n{field}: x\n"));
    for (word, meant) in [
        ("Camera", "Shot"),
        ("Music", "Audio"),
        ("SFX", "Audio"),
        ("Super", "On screen"),
        ("Graphics", "On screen"),
        ("Text on screen", "On screen"),
        ("Narration", "Voiceover"),
    ] {
        let (message, help) = only(&scene(word), "unknown-field");
        assert_eq!(message, format!("unknown scene field `{word}`"));
        assert_eq!(help, format!("did you mean `{meant}`? write `{meant}: …`"));
    }
    let header = |line: &str| BASE.replace("length: 60s", &format!("length: 60s\n{line}"));
    assert_eq!(
        only(&header("deadline: 2027-03-01"), "unknown-field").1,
        "did you mean `due`? write `due: …`"
    );
    for who in ["director", "Agency"] {
        assert_eq!(
            only(&header(&format!("{who}: Jo")), "unknown-field").1,
            format!(
                "briefc has no `{}` field: put people and contacts under `## Notes`",
                who.to_lowercase()
            )
        );
    }
    let section = |name: &str| format!("{BASE}\n## {name}\nText.\n");
    assert_eq!(
        only(&section("Target audience"), "unknown-section").1,
        "did you mean `Audience`? write `## Audience`"
    );
    let text = format!("{BASE}\n## Storyboard\n### 0:00-1:00 All\nVisual: x\n");
    assert_eq!(
        only(&text, "unknown-section").1,
        "did you mean `Scenes`? write `## Scenes`"
    );
}

#[test]
fn other_bullets_are_list_items() {
    for bullet in ["•", "+", "1.", "1)"] {
        let text = BASE.replace("- Fast", &format!("{bullet} Fast"));
        expect(&text, &[]);
    }
}

#[test]
fn markdown_markup_is_a_warning_and_bold_names_are_recognised() {
    let text = BASE.replace("Get sign-ups.", "Get **more** sign-ups.");
    let (message, help) = only(&text, "inline-markup");
    assert_eq!(
        message,
        "`**more**` is Markdown emphasis: the outputs show it as typed, with its `**`"
    );
    assert_eq!(help, "write `more`: a brief is plain text");
    let text = BASE.replace("Get sign-ups.", "See [our site](https://example.com).");
    let (message, help) = only(&text, "inline-markup");
    assert_eq!(
        message,
        "`[our site](https://example.com)` is a Markdown link: the outputs show it as typed, brackets and all"
    );
    assert_eq!(
        help,
        "write `our site https://example.com`: a URL written out becomes a link in the outputs"
    );
    // Field names in bold are read as fields.
    let text = BASE.replace("length: 60s", "**length:** 60s");
    expect(&text, &[]);
    let text = with_scenes(
        "5s",
        "### 0:00-0:05 Hook\n**Visual**: a\n**Voiceover:** b\n",
    );
    expect(&text, &[]);
    // Quiet on ordinary text: a lone asterisk, snake_case, brackets.
    let text = BASE.replace(
        "Get sign-ups.",
        "Get 5* reviews, a file_name_here and [draft] notes (v2).",
    );
    expect(&text, &[]);
}

const APPROVED: &str = "status: approved\nmarketing: Dana Whitfield\nsales: Tom Becker";

#[test]
fn an_owner_signs_for_their_side_whatever_the_role_text() {
    let text = format!(
        "{}\n## Sign-off\n- Dana Whitfield (Head of Brand) 2026-11-12\n- Tom Becker (VP Sales) 2026-11-13\n",
        BASE.replace("length: 60s", &format!("length: 60s\n{APPROVED}"))
    );
    expect(&text, &[]);
}

#[test]
fn missing_sign_off_names_exactly_who_has_not_signed() {
    let header = BASE.replace(
        "length: 60s",
        "length: 60s\nstatus: approved\nmarketing: Priya Shah\nsales: Tom Becker",
    );
    let text = format!("{header}\n## Sign-off\n- Priya Shah (marketing)\n- Tom Becker (sales)\n");
    let (message, help) = only(&text, "missing-sign-off");
    assert_eq!(
        message,
        "`status: approved` but there is no dated sign-off from marketing and sales"
    );
    assert_eq!(
        help,
        "Priya Shah (marketing) and Tom Becker (sales) have not signed: add the date (YYYY-MM-DD) after the entry once they have"
    );
    let text = format!("{header}\n## Sign-off\n- Priya Shah (marketing) 2026-11-20\n");
    let (_, help) = only(&text, "missing-sign-off");
    assert_eq!(
        help,
        "add `- Tom Becker (sales) YYYY-MM-DD` under `## Sign-off` once they have signed"
    );
}

#[test]
fn lengths_get_the_computed_fix() {
    for (written, fix) in [("1.5 minutes", "1m30s"), ("90 sec.", "1m30s"), ("60", "1m")] {
        let text = BASE.replace("length: 60s", &format!("length: {written}"));
        let (message, help) = only(&text, "invalid-value");
        assert_eq!(message, format!("`{written}` is not a length"));
        assert_eq!(help, format!("write `length: {fix}`"));
    }
    // The meant length is used: no cascade into length-dependent checks.
    let text = with_scenes("90 sec.", "### 0:00-1:30 All\nVisual: a\n");
    expect(&text, &[("invalid-value", 2)]);
}

#[test]
fn dates_get_the_computed_fix() {
    let due = |written: &str| BASE.replace("length: 60s", &format!("length: 60s\ndue: {written}"));
    for written in ["14/02/2027", "Feb 14 2027"] {
        let (message, help) = only(&due(written), "invalid-value");
        assert_eq!(message, format!("`{written}` is not written YYYY-MM-DD"));
        assert_eq!(help, "write `due: 2027-02-14`");
    }
    let (message, help) = only(&due("2027-02-30"), "invalid-value");
    assert_eq!(message, "`2027-02-30` is not a date");
    assert!(help.starts_with("February 2027 has 28 days"), "{help}");
    // A metric deadline is flagged like `due:`.
    let text = BASE.replace("by 2027-04-30", "by 30/04/2027");
    let (message, help) = only(&text, "invalid-value");
    assert_eq!(
        message,
        "the deadline `30/04/2027` is not written YYYY-MM-DD"
    );
    assert_eq!(help, "write `by 2027-04-30`");
}

#[test]
fn an_unreadable_sign_off_date_is_one_diagnostic() {
    let header = BASE.replace("length: 60s", "length: 60s\nstatus: approved");
    let text = format!(
        "{header}\n## Sign-off\n- Priya Shah (marketing) 20/11/2026\n- Tom Becker (sales) 2026-11-21\n"
    );
    let (message, help) = only(&text, "invalid-value");
    assert_eq!(message, "`20/11/2026` is not written YYYY-MM-DD");
    assert_eq!(help, "write `- Priya Shah (marketing) 2026-11-20`");
}

#[test]
fn a_scene_heading_outside_scenes_says_where_it_belongs() {
    let text = format!("{BASE}\n## Notes\n### 0:00-0:01 Intro\n");
    let (message, help) = only(&text, "stray-text");
    assert_eq!(message, "a scene heading is not allowed here");
    assert_eq!(
        help,
        "scene headings (`### 0:00-0:10 Title`) belong under `## Scenes`"
    );
}
