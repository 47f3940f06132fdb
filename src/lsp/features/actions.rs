//! Quick fixes. Each candidate is applied to a copy of the text and checked
//! again; only those that leave the brief with fewer diagnostics are
//! offered. Fixes: the "did you mean" of an unknown field or section, a
//! valid `stage` or `status`, a missing required section inserted in
//! canonical order with placeholder text from `briefc new`'s skeleton; and,
//! without a diagnostic, a section alias or `VO:` spelt canonically.

use super::complete::{Place, place_of};
use crate::lsp::document::{Analysis, Document};
use crate::lsp::text::Encoding;
use briefc::config::Config;
use briefc::diagnostic::{Diagnostic, Rule};
use briefc::model::{FieldKey, SceneFieldKind, SectionKind, Stage, Status};
use briefc::syntax::{LineKind, Span};
use lsp_types::{CodeAction, CodeActionKind, Range, TextEdit, WorkspaceEdit};
use std::collections::HashMap;

/// Guiding text for inserted sections: real sentences, not `briefc new`'s
/// `[placeholders]`, so an inserted section does not trade one diagnostic for
/// another.
const SKELETON: &str = include_str!("section-skeleton.brief.txt");

/// One candidate: a title and a single edit (bytes of the current text).
struct Fix {
    title: String,
    span: Span,
    new_text: String,
    preferred: bool,
}

pub fn actions(
    doc: &Document,
    analysis: &Analysis,
    range: Range,
    enc: Encoding,
    today: briefc::model::Date,
) -> Vec<CodeAction> {
    let text = &*doc.text;
    let start = doc.index.offset(text, range.start, enc);
    let end = doc.index.offset(text, range.end, enc);
    let (Some(start), Some(end)) = (start, end) else {
        return Vec::new();
    };
    let before = analysis.diagnostics().len();
    let mut out = Vec::new();
    for d in analysis.diagnostics() {
        // The diagnostics under the cursor or selection.
        if d.span.end < start || d.span.start > end {
            continue;
        }
        let lsp = super::super::diagnostics::to_lsp_one(analysis, doc, d, enc);
        for fix in fixes_for(text, analysis, d) {
            let fixed = apply(text, &fix);
            let after = recheck(&fixed, &analysis.config, today);
            if after >= before {
                continue;
            }
            out.push(action(doc, fix, Some(lsp.clone()), enc));
        }
    }
    out.extend(
        canonical_spellings(text, start, end)
            .into_iter()
            .map(|fix| action(doc, fix, None, enc)),
    );
    out
}

fn action(
    doc: &Document,
    fix: Fix,
    diagnostic: Option<lsp_types::Diagnostic>,
    enc: Encoding,
) -> CodeAction {
    let edit = TextEdit {
        range: doc.index.range(&doc.text, fix.span, enc),
        new_text: fix.new_text,
    };
    CodeAction {
        title: fix.title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(doc.uri.clone(), vec![edit])])),
            ..Default::default()
        }),
        is_preferred: fix.preferred.then_some(true),
        ..Default::default()
    }
}

fn apply(text: &str, fix: &Fix) -> String {
    let mut out = text.to_string();
    out.replace_range(fix.span.start..fix.span.end, &fix.new_text);
    out
}

fn recheck(text: &str, config: &Config, today: briefc::model::Date) -> usize {
    briefc::check_text(text, config, today).1.len()
}

/// `X` from a help line that says "did you mean `X`?".
fn did_you_mean(help: Option<&str>) -> Option<&str> {
    let rest = help?.split_once("did you mean `")?.1;
    Some(rest.split_once('`')?.0)
}

fn fixes_for(text: &str, analysis: &Analysis, d: &Diagnostic) -> Vec<Fix> {
    let written = d.span.text(text);
    match d.rule {
        Rule::UnknownField | Rule::UnknownSection => did_you_mean(d.help.as_deref())
            .map(|meant| Fix {
                title: format!("Change `{written}` to `{meant}`"),
                span: d.span,
                new_text: meant.to_string(),
                preferred: true,
            })
            .into_iter()
            .collect(),
        Rule::InvalidValue => {
            let Some(key) = field_key_of_line(text, d.span) else {
                return Vec::new();
            };
            let values: Vec<&str> = match key {
                FieldKey::Stage => Stage::ALL.iter().map(|s| s.name()).collect(),
                FieldKey::Status => Status::ALL.iter().map(|s| s.name()).collect(),
                _ => return Vec::new(),
            };
            let best = did_you_mean(d.help.as_deref())
                .or_else(|| briefc::diagnostic::did_you_mean(written, values.iter().copied()));
            // The value's own span (an empty value points at the line).
            let line_value = value_span(text, d.span);
            let mut fixes: Vec<Fix> = values
                .iter()
                .map(|v| Fix {
                    title: format!("Set `{key}` to `{v}`"),
                    span: line_value,
                    new_text: if line_value.is_empty() && !text[..line_value.start].ends_with(' ') {
                        format!(" {v}")
                    } else {
                        v.to_string()
                    },
                    preferred: Some(*v) == best,
                })
                .collect();
            fixes.sort_by_key(|f| !f.preferred);
            fixes
        }
        Rule::SceneGap | Rule::SceneOverlap => move_scene_start(text, d).into_iter().collect(),
        Rule::MissingSection => {
            let name = d.message.split('`').nth(1).unwrap_or_default();
            SectionKind::parse(name)
                .and_then(|kind| insert_section(text, analysis, kind))
                .into_iter()
                .collect()
        }
        _ => Vec::new(),
    }
}

/// A gap or an overlap closed by starting the scene where the previous one
/// ends: the timecode the diagnostic's help names (`start it at 0:30…`).
fn move_scene_start(text: &str, d: &Diagnostic) -> Option<Fix> {
    let help = d.help.as_deref()?.strip_prefix("start it at ")?;
    let target = help.split([' ', ',']).next()?;
    let heading = d.span.text(text);
    let after_marker = heading.trim_start_matches('#').trim_start();
    let parsed = briefc::model::parse_scene_heading(after_marker).ok()?;
    // `start_text` is a slice of `heading`: its offset there.
    let start = d.span.start + (parsed.start_text.as_ptr() as usize - heading.as_ptr() as usize);
    Some(Fix {
        title: format!("Start the scene at {target}"),
        span: Span::new(start, start + parsed.start_text.len()),
        new_text: target.to_string(),
        preferred: true,
    })
}

/// The header key of the `key: value` line holding `span`.
fn field_key_of_line(text: &str, span: Span) -> Option<FieldKey> {
    let tree = briefc::syntax::parse(text);
    let line = tree
        .lines
        .iter()
        .find(|l| l.span.start <= span.start && span.start <= l.span.end)?;
    match line.kind {
        LineKind::Field { key, .. } => FieldKey::parse(key.text(text)),
        _ => None,
    }
}

/// The value span of the field line holding `span`.
fn value_span(text: &str, span: Span) -> Span {
    let tree = briefc::syntax::parse(text);
    tree.lines
        .iter()
        .find(|l| l.span.start <= span.start && span.start <= l.span.end)
        .and_then(|l| match l.kind {
            LineKind::Field { value, .. } => Some(value),
            _ => None,
        })
        .unwrap_or(span)
}

/// `## Kind` with placeholder text, inserted before the first section that
/// comes after it in canonical order (else at the end).
fn insert_section(text: &str, analysis: &Analysis, kind: SectionKind) -> Option<Fix> {
    let brief = &analysis.checked.brief;
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let body = placeholder(analysis, kind)?;
    let next = brief
        .sections
        .iter()
        .filter(|s| s.kind > kind)
        .map(|s| s.heading.start)
        .min();
    let block = format!("## {}{eol}{}{eol}", kind.name(), body.replace('\n', eol));
    let (at, new_text) = match next {
        Some(at) => (at, format!("{block}{eol}")),
        None => {
            let trimmed = text.trim_end_matches(['\n', '\r']).len();
            let at = text.len();
            let lead = if trimmed == 0 {
                ""
            } else if trimmed == text.len() {
                // No line break at the end yet.
                "\n\n"
            } else {
                "\n"
            };
            (at, format!("{}{block}", lead.replace('\n', eol)))
        }
    };
    Some(Fix {
        title: format!("Add the section `## {}`", kind.name()),
        span: Span::new(at, at),
        new_text,
        preferred: true,
    })
}

/// What an inserted section holds: the skeleton's text (one benefit only;
/// for Scenes, one scene as long as the video).
fn placeholder(analysis: &Analysis, kind: SectionKind) -> Option<String> {
    if kind == SectionKind::Scenes {
        let length = analysis.checked.brief.header.length.as_ref()?.value;
        return Some(format!(
            "### 0:00-{} Scene\nVisual: What the viewer sees.",
            length.timecode()
        ));
    }
    let heading = format!("## {}\n", kind.name());
    let start = SKELETON.find(&heading)? + heading.len();
    let rest = &SKELETON[start..];
    let body = rest[..rest.find("\n## ").unwrap_or(rest.len())].trim_end();
    Some(match kind {
        SectionKind::KeyBenefits => body.lines().next()?.to_string(),
        _ => body.to_string(),
    })
}

/// Section aliases (`## Objective`) and scene-field aliases (`VO:`) in the
/// range, spelt as `briefc fmt` spells them.
fn canonical_spellings(text: &str, start: usize, end: usize) -> Vec<Fix> {
    let tree = briefc::syntax::parse(text);
    let mut fixes = Vec::new();
    for line in &tree.lines {
        if line.span.end < start || line.span.start > end {
            continue;
        }
        match line.kind {
            LineKind::Heading { level: 2, text: t } => {
                let written = t.text(text);
                if let Some(kind) = SectionKind::parse(written)
                    && written != kind.name()
                {
                    fixes.push(Fix {
                        title: format!("Rename `## {written}` to `## {}`", kind.name()),
                        span: t,
                        new_text: kind.name().to_string(),
                        preferred: false,
                    });
                }
            }
            LineKind::Field { key, .. } => {
                let written = key.text(text);
                let in_scene = matches!(
                    place_of(text, line.span.start),
                    Place::Section(Some(SectionKind::Scenes), true)
                );
                if let Some(kind) = SceneFieldKind::parse_key(written)
                    && in_scene
                    && written != kind.name()
                {
                    fixes.push(Fix {
                        title: format!("Rename `{written}:` to `{}:`", kind.name()),
                        span: key,
                        new_text: kind.name().to_string(),
                        preferred: false,
                    });
                }
            }
            _ => {}
        }
    }
    fixes
}
