//! Required fields and sections, and the profile a brief names.

use super::{Context, Rule};
use crate::config::{Config, Settings};
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::model::{Brief, FieldKey, Lang, Stage};

/// The settings for `brief`: its profile's, or the base ones. A profile the
/// config lacks is an `invalid-value`.
pub(super) fn profile<'c>(
    brief: &Brief,
    config: &'c Config,
    out: &mut Vec<Diagnostic>,
) -> (&'c Settings, Option<&'c str>) {
    if let Some((key, settings)) = config.profile_for(brief) {
        return (settings, Some(key));
    }
    let Some(name) = &brief.header.profile else {
        return (&config.settings, None);
    };
    let help = if config.profiles.is_empty() {
        match &config.path {
            Some(path) => format!("{} defines no profiles; add one under `profiles:` or remove `profile:`", path.display()),
            None => "no briefc.yaml was found for this brief; create one with a `profiles:` section, or remove `profile:`".to_string(),
        }
    } else {
        let names = config.profiles.keys().map(String::as_str);
        match did_you_mean(&name.value, names) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!(
                "the profiles are: {}",
                config
                    .profiles
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    };
    out.push(
        Diagnostic::new(
            Rule::InvalidValue,
            name.span,
            format!("the profile `{}` is not defined in the config", name.value),
        )
        .with_help(help),
    );
    (&config.settings, None)
}

/// `language-without-labels`: a well-formed tag (a malformed one is
/// `invalid-value`) whose language has neither built-in labels nor
/// `labels:` for it in `briefc.yaml`.
fn language_without_labels(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(tag) = &cx.brief.header.language else {
        return;
    };
    if tag.value.builtin().is_some() || cx.config.labels.has_language(&tag.value) {
        return;
    }
    let languages = format!("the languages with built-in labels are {}", Lang::list());
    let (message, help) = match tag.value.language() {
        // UA is Ukraine's country code; the language is `uk`.
        "ua" => (
            "`ua` is no language: Ukrainian is `uk` (UA is the country)".to_string(),
            "write `language: uk`".to_string(),
        ),
        "zh" => (
            format!(
                "there are no built-in labels for `{}`: the Chinese labels are in simplified characters",
                tag.value
            ),
            format!(
                "write `language: zh-Hans` for them, or give labels for `{}` under `labels:` in briefc.yaml (docs/labels.md)",
                tag.value
            ),
        ),
        _ => (
            format!(
                "there are no built-in labels for `{}`: the outputs print English labels",
                tag.value
            ),
            format!(
                "give labels for `{}` under `labels:` in briefc.yaml (docs/labels.md); {languages}",
                tag.value
            ),
        ),
    };
    out.push(Diagnostic::new(Rule::LanguageWithoutLabels, tag.span, message).with_help(help));
}

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    language_without_labels(cx, out);
    let brief = cx.brief;
    if brief.is_blank() {
        // `missing-title` already says the brief is empty; listing every
        // missing field and section on top would bury that.
        return;
    }
    let convert = brief
        .header
        .stage
        .as_ref()
        .is_some_and(|s| s.value == Stage::Convert);
    for &key in &cx.settings.required_fields {
        // A convert brief without `sales` gets `missing-sales-owner`, which
        // says why; a second diagnostic would repeat it.
        if key == FieldKey::Sales && convert {
            continue;
        }
        if !brief.header.has(key) {
            // A misspelt key (`lenght:`) was read as the field it means, so
            // a field missing here is really missing.
            let help = format!(
                "add a line such as `{key}: {}` below the title",
                example_value(key)
            );
            out.push(
                Diagnostic::new(
                    Rule::MissingField,
                    brief.anchor,
                    format!("the required field `{key}` is missing"),
                )
                .with_help(help),
            );
        }
    }
    for &kind in &cx.settings.required_sections {
        match brief.section(kind) {
            None => out.push(
                Diagnostic::new(
                    Rule::MissingSection,
                    brief.anchor,
                    format!("the required section `{}` is missing", kind.name()),
                )
                .with_help(format!("add a `## {}` section", kind.name())),
            ),
            Some(section) if section.content.is_empty() && !section.written => out.push(
                Diagnostic::new(
                    Rule::EmptySection,
                    section.heading,
                    format!("the required section `{}` is empty", kind.name()),
                )
                .with_help(format!(
                    "write the {} under its heading",
                    kind.name().to_lowercase()
                )),
            ),
            Some(_) => {}
        }
    }
}

/// A value to show in the help for a missing field.
fn example_value(key: FieldKey) -> &'static str {
    match key {
        FieldKey::Length => "90s",
        FieldKey::Stage => "convert",
        FieldKey::Due | FieldKey::Shoot => "2027-02-14",
        FieldKey::Formats => "16:9, 1:1",
        FieldKey::Status => "draft",
        FieldKey::Marketing | FieldKey::Sales => "Firstname Lastname",
        _ => "…",
    }
}
