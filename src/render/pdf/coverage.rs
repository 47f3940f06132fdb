//! Which characters of a brief the embedded fonts cannot show.

use super::fonts;
use crate::model::{Brief, Content};
use crate::syntax::Span;
use std::collections::HashSet;

/// Every character in the brief's text that no embedded face has a glyph
/// for, each once, with the span of the text it first appears in (in
/// document order).
pub fn unsupported_chars(brief: &Brief) -> Vec<(char, Span)> {
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    let mut check = |text: &str, span: Span| {
        for c in text.chars() {
            if !fonts::is_supported(c) && seen.insert(c) {
                found.push((c, span));
            }
        }
    };

    check(&brief.title.value, brief.title.span);
    let h = &brief.header;
    for field in [
        &h.client,
        &h.product,
        &h.profile,
        &h.budget,
        &h.marketing,
        &h.sales,
    ]
    .into_iter()
    .flatten()
    {
        check(&field.value, field.span);
    }
    if let Some(channels) = &h.channels {
        for channel in &channels.value {
            check(channel, channels.span);
        }
    }

    for section in &brief.sections {
        match &section.content {
            Content::Prose(items) | Content::List(items) => {
                for item in items {
                    check(&item.value, item.span);
                }
            }
            Content::Checklist(items) => {
                for item in items {
                    check(&item.text.value, item.text.span);
                }
            }
            Content::Metrics(metrics) => {
                for m in metrics {
                    check(&m.name, m.span);
                    check(&m.target, m.span);
                    if let Some(source) = &m.source {
                        check(source, m.span);
                    }
                }
            }
            Content::Scenes(scenes) => {
                for scene in scenes {
                    check(&scene.title, scene.heading);
                    for field in &scene.fields {
                        check(&field.text.value, field.text.span);
                    }
                }
            }
            Content::SignOff(entries) => {
                for entry in entries {
                    check(&entry.name, entry.span);
                    check(&entry.role, entry.span);
                }
            }
            Content::Milestones(milestones) => {
                for m in milestones {
                    check(&m.text, m.span);
                }
            }
        }
    }
    found
}
