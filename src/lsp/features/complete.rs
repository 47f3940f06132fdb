//! Completion: header keys not yet given, section names not yet present,
//! scene field names inside a scene, values of `stage`, `status` and
//! `profile`, and today's date after `due:` and `shoot:` and at the end of a
//! sign-off entry.

use crate::lsp::document::{Analysis, Document};
use crate::lsp::text::Encoding;
use briefc::model::{FieldKey, Lang, SceneFieldKind, SectionKind, Stage, Status};
use briefc::syntax::{LineKind, Span};
use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, Position, TextEdit};

/// Where a line stands in the brief's structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    BeforeTitle,
    Header,
    /// In a section (`None`: an unknown one), and whether inside a scene.
    Section(Option<SectionKind>, bool),
}

/// The place of the line starting at byte `line_start`, from the lines above it.
pub fn place_of(text: &str, line_start: usize) -> Place {
    let tree = briefc::syntax::parse(text);
    let mut place = Place::BeforeTitle;
    for line in tree.lines.iter().take_while(|l| l.span.start < line_start) {
        place = match (line.kind, place) {
            (LineKind::Heading { level: 1, .. }, Place::BeforeTitle) => Place::Header,
            (LineKind::Heading { level: 2, text: t }, _) => {
                Place::Section(SectionKind::parse(t.text(text)), false)
            }
            (LineKind::Heading { level: 3, .. }, Place::Section(Some(SectionKind::Scenes), _)) => {
                Place::Section(Some(SectionKind::Scenes), true)
            }
            (LineKind::Field { .. }, Place::BeforeTitle) => Place::Header,
            (_, place) => place,
        };
    }
    place
}

pub fn complete(
    doc: &Document,
    analysis: &Analysis,
    pos: Position,
    enc: Encoding,
    today: briefc::model::Date,
) -> Vec<CompletionItem> {
    let text = &*doc.text;
    let (Some(line), Some(cursor)) = (
        doc.index.line_span(text, pos.line as usize),
        doc.index.offset_strict(text, pos, enc),
    ) else {
        return Vec::new();
    };
    let before = &text[line.start..cursor];
    let place = place_of(text, line.start);
    let brief = &analysis.checked.brief;
    let range = |start: usize| doc.index.range(text, Span::new(start, cursor), enc);
    let item =
        |label: &str, insert: String, start: usize, kind, detail: Option<String>| CompletionItem {
            label: label.to_string(),
            kind: Some(kind),
            detail,
            filter_text: Some(insert.clone()),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range: range(start),
                new_text: insert,
            })),
            ..Default::default()
        };

    // `## …`: the sections not yet there.
    if let Some(rest) = before.strip_prefix("##")
        && !rest.starts_with('#')
    {
        return SectionKind::ALL
            .iter()
            .filter(|k| brief.section(**k).is_none())
            .map(|k| {
                item(
                    k.name(),
                    format!("## {}", k.name()),
                    line.start,
                    CompletionItemKind::MODULE,
                    k.since_1_1().then(|| "since language 1.1".into()),
                )
            })
            .collect();
    }

    // `- NAME (ROLE)` at the end of a `## Sign-off` entry: today's date, to sign it.
    if place == Place::Section(Some(SectionKind::SignOff), false)
        && before.trim_end().ends_with(')')
        && before.trim_start().starts_with(['-', '*', '•', '+'])
        && text[cursor..line.end].trim().is_empty()
    {
        let space = if before.ends_with(' ') { "" } else { " " };
        let date = today.to_string();
        return vec![item(
            &date,
            format!("{space}{date}"),
            cursor,
            CompletionItemKind::VALUE,
            Some("today: signed".into()),
        )];
    }

    // `- ` starting a `## Milestones` entry: today's date and the colon.
    if place == Place::Section(Some(SectionKind::Milestones), false)
        && matches!(before.trim_end(), "-" | "*" | "•" | "+")
        && text[cursor..line.end].trim().is_empty()
    {
        let space = if before.ends_with(' ') { "" } else { " " };
        let date = today.to_string();
        return vec![item(
            &date,
            format!("{space}{date}: "),
            cursor,
            CompletionItemKind::VALUE,
            Some("today".into()),
        )];
    }

    // `key: …`: a value.
    if let Some((key, value)) = before.split_once(':') {
        if !matches!(place, Place::Header | Place::BeforeTitle) {
            return Vec::new();
        }
        let Some(key) = FieldKey::parse(key) else {
            return Vec::new();
        };
        let value_start = cursor - value.trim_start().len();
        let space = if value.is_empty() { " " } else { "" };
        let values: Vec<(String, Option<String>)> = match key {
            FieldKey::Stage => Stage::ALL
                .iter()
                .map(|s| (s.name().to_string(), None))
                .collect(),
            FieldKey::Status => Status::ALL
                .iter()
                .map(|s| (s.name().to_string(), None))
                .collect(),
            FieldKey::Profile => analysis
                .config
                .profiles
                .keys()
                .map(|p| (p.clone(), Some("profile in briefc.yaml".to_string())))
                .collect(),
            FieldKey::Due | FieldKey::Shoot => vec![(today.to_string(), Some("today".into()))],
            FieldKey::Language => Lang::ALL
                .iter()
                .map(|l| {
                    let name = match (l.english_name(), l.native_name()) {
                        (en, native) if en == native => en.to_string(),
                        (en, native) => format!("{en} ({native})"),
                    };
                    (
                        l.code().to_string(),
                        Some(format!("{name}: built-in labels")),
                    )
                })
                .collect(),
            _ => Vec::new(),
        };
        return values
            .into_iter()
            .map(|(value, detail)| {
                item(
                    &value,
                    format!("{space}{value}"),
                    value_start,
                    CompletionItemKind::VALUE,
                    detail,
                )
            })
            .collect();
    }

    // A key being typed at the start of a line.
    let word = before.trim_start();
    if word.len() != before.len() || !word.chars().all(|c| c.is_alphanumeric() || c == ' ') {
        return Vec::new();
    }
    match place {
        Place::Header => FieldKey::ALL
            .iter()
            .filter(|k| !brief.header.has(**k))
            .map(|k| {
                let since = matches!(
                    k,
                    FieldKey::Version | FieldKey::Cutdowns | FieldKey::Language
                );
                item(
                    k.name(),
                    format!("{}: ", k.name()),
                    line.start,
                    CompletionItemKind::PROPERTY,
                    since.then(|| "since language 1.1".into()),
                )
            })
            .collect(),
        Place::Section(Some(SectionKind::Scenes), true) => SceneFieldKind::ALL
            .iter()
            .map(|k| {
                item(
                    k.name(),
                    format!("{}: ", k.name()),
                    line.start,
                    CompletionItemKind::FIELD,
                    None,
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}
