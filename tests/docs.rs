//! The documentation stays true to the code.
//!
//! - `docs/rules.md` is generated from the rule catalogue, the same text
//!   `briefc explain` prints, and the tables of `docs/labels.md` from the
//!   label declarations; `UPDATE_DOCS=1 cargo test --test docs` rewrites
//!   them when they are stale.
//! - Every relative link and `#anchor` in `README.md` and `docs/*.md`
//!   resolves, and nothing tracked points outside the repository.
//! - `docs/language.md` names every header field, section, alias and scene
//!   field the language has, and its tables of fixes and synonyms say what
//!   `briefc check` really does.

mod support;

use briefc::config::Config;
use briefc::diagnostic::{Diagnostic, Rule};
use briefc::model::{Date, FieldKey, SceneFieldKind, SectionKind, Stage, Status};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(relative: &str) -> String {
    let path = Path::new(ROOT).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn render() -> String {
    let mut out = String::from(
        "# Rules\n\n<!-- Generated from src/diagnostic/rule.rs by tests/docs.rs: do not edit by hand. -->\n\n\
         Every rule `briefc check` knows. Structural rules always stay errors; the others can be set to\n\
         `off`, `warning` or `error` under `rules:` in `briefc.yaml`. `briefc explain RULE` prints the same text.\n\
         What a brief may hold is described in the [language reference](language.md).\n\n\
         | rule | default | fires when |\n|---|---|---|\n",
    );
    for rule in Rule::ALL {
        let default = if rule.is_structural() {
            "error (fixed)".to_string()
        } else {
            rule.default_severity().to_string()
        };
        out.push_str(&format!(
            "| [`{0}`](#{0}) | {1} | {2} |\n",
            rule.name(),
            default,
            rule.summary().replace('|', "\\|")
        ));
    }
    for rule in Rule::ALL {
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n**Why:** {}\n\n```text\n{}\n```\n\n**Reference:** [language.md#{anchor}](language.md#{anchor})\n",
            rule.name(),
            rule.summary(),
            rule.rationale(),
            rule.example(),
            anchor = rule.reference_anchor(),
        ));
    }
    out
}

/// Compares the file at `path` with `expected`, after writing `expected`
/// there when `update` is set. Err says what differs (a missing or
/// unreadable file is a difference, not an empty file).
fn check_generated(path: &Path, expected: &str, update: bool) -> Result<(), String> {
    if update {
        std::fs::write(path, expected).map_err(|e| format!("cannot write {path:?}: {e}"))?;
    }
    let actual = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path:?}: {e}"))?;
    if actual == expected {
        return Ok(());
    }
    let line = actual
        .lines()
        .zip(expected.lines())
        .position(|(a, e)| a != e)
        .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
    Err(format!(
        "{path:?} differs from the generated text at line {}:\n  on disk:   {:?}\n  generated: {:?}",
        line + 1,
        actual.lines().nth(line).unwrap_or("<end of file>"),
        expected.lines().nth(line).unwrap_or("<end of file>"),
    ))
}

#[test]
fn rules_doc_is_up_to_date() {
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    if let Err(diff) = check_generated(&support::repo("docs/rules.md"), &render(), update) {
        panic!("docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test --test docs`\n{diff}");
    }
}

/// `docs/labels.md` with its generated part (between the two marker
/// comments) made from the label declarations and the built-in tables.
fn labels_doc(current: &str) -> String {
    use briefc::labels::{KEYS, Labels};
    use briefc::model::Lang;
    const START: &str = "do not edit below by hand. -->\n";
    const END: &str = "<!-- end of generated text -->";
    let (Some(start), Some(end)) = (current.find(START), current.find(END)) else {
        panic!("docs/labels.md lacks its generated-text markers");
    };
    let cell = |t: &str| t.replace('|', "\\|").replace('\u{a0}', " ");
    let mut table = String::from("\n| key | placeholders | where |\n|---|---|---|\n");
    for key in KEYS {
        let ph: Vec<String> = key
            .placeholders
            .iter()
            .map(|p| format!("`{{{p}}}`"))
            .collect();
        table.push_str(&format!(
            "| `{}` | {} | {} |\n",
            key.name,
            ph.join(" "),
            key.shown
        ));
    }
    for &lang in Lang::ALL {
        let labels = Labels::builtin(lang);
        table.push_str(&format!(
            "\n### {} (`{}`)\n\n| key | text |\n|---|---|\n",
            lang.english_name(),
            lang.code()
        ));
        for key in KEYS {
            let text = labels.get(key.name).unwrap();
            let forms: Vec<String> = if text.forms().count() > 1 {
                text.forms()
                    .map(|(c, t)| format!("{}: {}", c.name(), cell(t)))
                    .collect()
            } else {
                vec![cell(text.as_str())]
            };
            table.push_str(&format!("| `{}` | {} |\n", key.name, forms.join(" \\| ")));
        }
    }
    table.push('\n');
    format!(
        "{}{table}{}",
        &current[..start + START.len()],
        &current[end..]
    )
}

#[test]
fn labels_doc_is_up_to_date() {
    let update = std::env::var_os("UPDATE_DOCS").is_some();
    let path = support::repo("docs/labels.md");
    let expected = labels_doc(&read("docs/labels.md"));
    if let Err(diff) = check_generated(&path, &expected, update) {
        panic!("docs/labels.md is stale: run `UPDATE_DOCS=1 cargo test --test docs`\n{diff}");
    }
}

#[test]
fn a_stale_or_missing_doc_fails_and_update_rewrites_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rules.md");
    let expected = render();
    // Missing: a failure, not a match with "".
    assert!(check_generated(&path, &expected, false).is_err());
    // Stale by one character: a failure that names the line.
    std::fs::write(&path, expected.replacen("error", "errors", 1)).unwrap();
    let err = check_generated(&path, &expected, false).unwrap_err();
    assert!(err.contains("errors"), "{err}");
    // Longer than the generated text: a failure too.
    std::fs::write(&path, format!("{expected}extra\n")).unwrap();
    assert!(check_generated(&path, &expected, false).is_err());
    // UPDATE_DOCS: rewritten, then compared.
    check_generated(&path, &expected, true).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    check_generated(&path, &expected, false).unwrap();
}

#[test]
fn rules_doc_says_what_explain_prints() {
    let doc = std::fs::read_to_string(support::repo("docs/rules.md")).unwrap();
    // `explain` wraps its paragraphs: compare with whitespace collapsed.
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for rule in Rule::ALL {
        let out = support::briefc(["explain", rule.name()]);
        out.code(0);
        let explained = flat(&out.stdout);
        let section = doc
            .split(&format!("\n## {}\n", rule.name()))
            .nth(1)
            .unwrap_or_else(|| panic!("docs/rules.md has no section for `{}`", rule.name()));
        let section = flat(section.split("\n## ").next().unwrap());
        for text in [rule.summary(), rule.rationale()] {
            let text = flat(text);
            assert!(
                explained.contains(&text),
                "explain lacks {text:?}\n{}",
                out.dump()
            );
            assert!(
                section.contains(&text),
                "docs/rules.md `{}` lacks {text:?}",
                rule.name()
            );
        }
    }
}

#[test]
fn explanations_end_with_a_reference() {
    for rule in Rule::ALL {
        let text = rule.explanation();
        let want = format!(
            "\nReference\n    docs/language.md#{}\n",
            rule.reference_anchor()
        );
        assert!(text.ends_with(&want), "{}:\n{text}", rule.name());
    }
}

// ---------------------------------------------------------------------------
// Links

/// Lines of a Markdown file outside fenced code blocks, with inline code
/// removed (a link or heading inside backticks is not one).
fn prose_lines(markdown: &str) -> Vec<String> {
    let mut in_fence = false;
    let mut lines = Vec::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        if !in_fence {
            let outside_code: String = line.split('`').step_by(2).collect::<Vec<_>>().join("");
            lines.push(outside_code);
        }
    }
    lines
}

/// GitHub's anchor for a heading: lower case; letters, digits, `-` and `_`
/// kept; spaces become `-`; everything else (punctuation, backticks) goes.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every anchor the headings of a Markdown file define (a repeated heading
/// gets `-1`, `-2`, … as on GitHub).
fn anchors(markdown: &str) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut anchors = BTreeSet::new();
    let mut in_fence = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_fence = !in_fence;
            continue;
        }
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        if in_fence || !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let base = slug(&line[hashes..]);
        let n = seen.entry(base.clone()).or_insert(0);
        anchors.insert(if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        });
        *n += 1;
    }
    anchors
}

/// The targets of the `[text](target)` links in a Markdown file.
fn link_targets(markdown: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for line in prose_lines(markdown) {
        let mut rest = line.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            targets.push(after[..end].trim().to_string());
            rest = &after[end..];
        }
    }
    targets
}

fn documents() -> Vec<PathBuf> {
    let mut docs = vec![PathBuf::from("README.md")];
    let mut in_docs: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("docs"))
        .expect("docs/")
        .map(|e| e.expect("docs/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| Path::new("docs").join(p.file_name().unwrap()))
        .collect();
    in_docs.sort();
    docs.extend(in_docs);
    docs
}

#[test]
fn markdown_links_and_anchors_resolve() {
    let mut broken = Vec::new();
    for doc in documents() {
        let text = read(doc.to_str().unwrap());
        for target in link_targets(&text) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (file, anchor) = match target.split_once('#') {
                Some((file, anchor)) => (file, Some(anchor)),
                None => (target.as_str(), None),
            };
            let linked = if file.is_empty() {
                doc.clone()
            } else {
                doc.parent().unwrap().join(file)
            };
            let on_disk = Path::new(ROOT).join(&linked);
            if !on_disk.exists() {
                broken.push(format!(
                    "{}: `{target}`: {} does not exist",
                    doc.display(),
                    linked.display()
                ));
                continue;
            }
            let Some(anchor) = anchor else { continue };
            if on_disk.extension().is_none_or(|e| e != "md") {
                broken.push(format!(
                    "{}: `{target}`: an anchor into a file that is not Markdown",
                    doc.display()
                ));
                continue;
            }
            let linked_text = std::fs::read_to_string(&on_disk).unwrap();
            if !anchors(&linked_text).contains(anchor) {
                broken.push(format!(
                    "{}: `{target}`: no heading with the anchor `#{anchor}`",
                    doc.display()
                ));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_rule_reference_is_a_heading_of_the_language_reference() {
    let anchors = anchors(&read("docs/language.md"));
    for rule in Rule::ALL {
        assert!(
            anchors.contains(rule.reference_anchor()),
            "{}: docs/language.md has no heading `#{}`",
            rule.name(),
            rule.reference_anchor()
        );
    }
}

#[test]
fn slugs_follow_github() {
    assert_eq!(
        slug(" Configuration: `briefc.yaml`"),
        "configuration-briefcyaml"
    );
    assert_eq!(slug("Sign-off entries"), "sign-off-entries");
    assert_eq!(slug("Did you mean"), "did-you-mean");
    let doc = "# A\n## B c\n```\n## Not\n```\n## B c\n";
    let found: Vec<String> = anchors(doc).into_iter().collect();
    assert_eq!(found, ["a", "b-c", "b-c-1"]);
    assert_eq!(
        link_targets("[a](x.md#y) `[no](z)` [b](#c)"),
        ["x.md#y", "#c"]
    );
}

#[test]
fn no_tracked_file_points_outside_the_repository() {
    let listed = std::process::Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(ROOT)
        .output();
    let files = match listed {
        Ok(out) if out.status.success() => out.stdout,
        _ if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: `git ls-files` does not run here (not a git checkout?)");
            return;
        }
        _ => panic!("`git ls-files` failed"),
    };
    // Spelt in pieces so that this file does not match itself.
    let needles = [format!("..{}shared", '/'), format!("shared{}spec", '/')];
    let mut offenders = Vec::new();
    for name in files.split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        let Ok(bytes) = std::fs::read(Path::new(ROOT).join(&name)) else {
            continue; // deleted in the working tree
        };
        for needle in &needles {
            if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                offenders.push(format!("{name} mentions `{needle}`"));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "the repository must stand on its own:\n{}",
        offenders.join("\n")
    );
}

// ---------------------------------------------------------------------------
// The language reference

#[test]
fn language_reference_names_every_keyword() {
    let doc = read("docs/language.md");
    let mut missing = Vec::new();
    let mut want = |word: &str| {
        if !doc.contains(&format!("`{word}`")) {
            missing.push(word.to_string());
        }
    };
    for key in FieldKey::ALL {
        want(key.name());
    }
    for section in SectionKind::ALL {
        for name in section.names() {
            want(name);
        }
    }
    for field in SceneFieldKind::ALL {
        want(field.name());
    }
    for alias in ["VO", "On-screen", "Onscreen"] {
        assert!(SceneFieldKind::parse_key(alias).is_some(), "{alias}");
        want(alias);
    }
    for stage in Stage::ALL {
        want(stage.name());
    }
    for status in Status::ALL {
        want(status.name());
    }
    assert!(
        missing.is_empty(),
        "docs/language.md does not mention (in backticks): {missing:?}"
    );
}

/// The body of the section under `heading` (a whole heading line), up to
/// the next heading of any level outside a code block.
fn section(doc: &str, heading: &str) -> String {
    let mut lines = doc.lines().skip_while(|l| *l != heading);
    assert!(
        lines.next().is_some(),
        "docs/language.md has no `{heading}`"
    );
    let mut body = String::new();
    let mut in_fence = false;
    for line in lines {
        if line.starts_with("```") {
            in_fence = !in_fence;
        } else if !in_fence && line.starts_with('#') {
            break;
        }
        body.push_str(line);
        body.push('\n');
    }
    body
}

/// The rows of the Markdown tables in `text` whose first cell is code, as
/// the cells' text without backticks.
fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().trim_matches('`').to_string())
                .collect()
        })
        .collect()
}

fn today() -> Date {
    Date::parse("2026-11-24").unwrap()
}

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    briefc::check_text(text, &Config::default(), today()).1
}

fn fenced_blocks(text: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => current = Some(String::new()),
            }
        } else if let Some(block) = &mut current {
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
}

#[test]
fn language_reference_example_checks_clean_and_is_formatted() {
    let doc = read("docs/language.md");
    let example = &fenced_blocks(&section(&doc, "## At a glance"))[0];
    let found = diagnostics(example);
    assert!(found.is_empty(), "the example is not clean: {found:#?}");
    assert_eq!(
        &briefc::format::format(example),
        example,
        "the example is not formatted"
    );
}

#[test]
fn language_reference_fixes_are_the_ones_briefc_gives() {
    let doc = read("docs/language.md");
    let cases = [("## Durations", "length"), ("## Dates", "due")];
    for (heading, key) in cases {
        let table = rows(&section(&doc, heading));
        assert!(table.len() >= 5, "{heading}: {table:?}");
        for row in table.iter().filter(|r| r.len() == 2) {
            let (written, help) = (&row[0], &row[1]);
            let help = if help.starts_with(&format!("{key}:")) {
                help.clone()
            } else {
                format!("{key}: {help}")
            };
            let found = diagnostics(&format!("# T\n{key}: {written}\n"));
            let fix = found
                .iter()
                .find(|d| d.rule == Rule::InvalidValue)
                .unwrap_or_else(|| panic!("{heading}: `{written}` gives no invalid-value"));
            assert_eq!(
                fix.help.as_deref(),
                Some(format!("write `{help}`").as_str()),
                "{heading}: `{written}`"
            );
        }
    }
}

#[test]
fn language_reference_synonyms_are_read_as_documented() {
    let doc = read("docs/language.md");
    /// A brief in which `written` stands where the table says.
    type Brief = fn(&str) -> String;
    let cases: [(&str, Brief); 3] = [
        ("### Header keys", |w| format!("# T\n{w}: x\n")),
        ("### Section names", |w| format!("# T\n## {w}\n")),
        ("### Scene field names", |w| {
            format!("# T\n## Scenes\n### 0:00-0:10 A\n{w}: x\n")
        }),
    ];
    for (heading, brief) in cases {
        let table = rows(&section(&doc, heading));
        assert!(table.len() >= 10, "{heading}: {table:?}");
        for row in &table {
            let (written, meant) = (&row[0], &row[1]);
            let found = diagnostics(&brief(written));
            let said = found
                .iter()
                .filter_map(|d| d.help.as_deref())
                .any(|h| h.starts_with(&format!("did you mean `{meant}`?")));
            assert!(
                said,
                "{heading}: `{written}` is not read as `{meant}`: {found:#?}"
            );
        }
    }
}

/// The examples table of "How voiceover time is counted" is what briefc
/// says and counts (language 1.1).
#[test]
fn voiceover_counting_table_is_what_briefc_counts() {
    let doc = read("docs/language.md");
    let start = doc
        .find("### How voiceover time is counted")
        .expect("the section");
    let table = &doc[start..];
    let table = &table[table
        .find("| written | said as | words |")
        .expect("the table")..];
    let mut rows = 0;
    for line in table.lines().skip(2) {
        let Some(row) = line.strip_prefix("| ") else {
            break;
        };
        let cells: Vec<&str> = row.trim_end_matches(" |").split(" | ").collect();
        let [written, said, words] = cells[..] else {
            panic!("a row of three cells: {line}");
        };
        let written = written.trim_matches('`');
        assert_eq!(briefc::model::say(written), said, "{written}");
        let counted = briefc::model::spoken(written);
        let shown = match (counted.spoken_words, counted.unspaced_chars) {
            (w, 0) => w.to_string(),
            (0, c) => format!("{c} characters"),
            (w, c) => format!("{w} words + {c} characters"),
        };
        assert_eq!(shown, words, "{written}");
        rows += 1;
    }
    assert!(rows >= 14, "only {rows} rows read");
}
