//! Lowering: classified lines → [`Brief`] + structural diagnostics.

use super::*;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::rules::Rule;
use crate::syntax::{Line, LineKind, Span, Spanned, SyntaxTree};

/// Builds the typed brief from the syntax tree. Never fails: what cannot be
/// placed becomes a diagnostic, and the brief holds everything that could.
pub fn lower(source: &str, tree: &SyntaxTree) -> (Brief, Vec<Diagnostic>) {
    let mut lowerer = Lowerer {
        src: source,
        brief: Brief::default(),
        diags: Vec::new(),
        state: State::BeforeTitle,
        raw_fields: Vec::new(),
        open: None,
        title_missing: None,
    };
    for line in &tree.lines {
        lowerer.line(line);
    }
    lowerer.finish()
}

enum State {
    BeforeTitle,
    Header,
    /// Inside a known section being built.
    Section,
    /// Inside an unknown or repeated section, whose content is skipped.
    Skip,
}

/// A header field as written, before its value is read.
struct RawField {
    key: FieldKey,
    line: Span,
    value: String,
    value_span: Span,
}

/// A list item as written, before it is read as a metric or sign-off.
struct RawItem {
    done: Option<bool>,
    text: String,
    span: Span,
}

/// The section being built.
struct OpenSection {
    kind: SectionKind,
    heading: Span,
    paragraphs: Vec<Spanned<String>>,
    paragraph_open: bool,
    items: Vec<RawItem>,
    scenes: Vec<Scene>,
    /// Whether a continuation line may extend the last item or scene field.
    can_continue: bool,
    /// Whether continuation lines are dropped silently (they continue a line
    /// that was already reported, such as an unknown scene field).
    swallow: bool,
    /// Whether any non-blank, non-comment line stands under the heading.
    written: bool,
}

struct Lowerer<'a> {
    src: &'a str,
    brief: Brief,
    diags: Vec<Diagnostic>,
    state: State,
    raw_fields: Vec<RawField>,
    open: Option<OpenSection>,
    /// The index in `diags` of the `missing-title` reported when the first
    /// line was not a title, until a `# Title` line turns up further down.
    title_missing: Option<usize>,
}

const SCENE_FIELDS_HELP: &str = "scene fields are `Visual:`, `Voiceover:` (or `VO:`), `On screen:`, `Audio:`, `Shot:`, `Location:` and `Outcome:`";

impl<'a> Lowerer<'a> {
    fn text(&self, span: Span) -> &'a str {
        span.text(self.src)
    }

    fn report(&mut self, diag: Diagnostic) {
        self.diags.push(diag);
    }

    fn stray(&mut self, line: &Line, what: &str, help: &str) {
        let span = content_span(self.src, line);
        let text = span.text(self.src);
        // `##Goal` is a heading with its space forgotten, not stray text.
        let hashes = text.bytes().take_while(|&b| b == b'#').count();
        let (message, help) = if (1..=3).contains(&hashes) && text.len() > hashes {
            let marker = &text[..hashes];
            (
                format!("`{text}` is not a heading: a heading needs a space after `{marker}`"),
                format!(
                    "write `{marker} {}`",
                    text[hashes..].trim_start_matches('#')
                ),
            )
        } else {
            (format!("{what} is not allowed here"), help.to_string())
        };
        self.report(Diagnostic::new(Rule::StrayText, span, message).with_help(help));
    }

    fn line(&mut self, line: &Line) {
        if let LineKind::Comment { .. } = line.kind {
            return;
        }
        // Also blank: a line of other white space (a lone `\r`, a no-break
        // space), which looks blank to whoever reads the brief.
        if line.kind == LineKind::Blank || line.span.text(self.src).trim().is_empty() {
            if let Some(open) = &mut self.open {
                open.paragraph_open = false;
            }
            return;
        }
        match self.state {
            State::BeforeTitle => self.before_title(line),
            State::Header => self.header_line(line),
            State::Section | State::Skip => self.section_line(line),
        }
    }

    fn before_title(&mut self, line: &Line) {
        self.state = State::Header;
        if let LineKind::Heading { level: 1, text } = line.kind {
            self.brief.anchor = line.span;
            if text.is_empty() {
                self.report(
                    Diagnostic::new(Rule::MissingTitle, line.span, "the title is empty")
                        .with_help("write the video's name after `# `, e.g. `# Acme Sync — 90-second overview`"),
                );
            }
            self.brief.title = Spanned::new(self.text(text).to_string(), text);
            return;
        }
        self.brief.anchor = line.span;
        let text = self.text(content_span(self.src, line));
        let help = if text.starts_with('#') && !text.starts_with("##") {
            format!(
                "put a space after the `#`: `# {}`",
                text.trim_start_matches('#').trim()
            )
        } else {
            "add a first line such as `# Acme Sync — 90-second overview`".to_string()
        };
        self.title_missing = Some(self.diags.len());
        self.report(
            Diagnostic::new(
                Rule::MissingTitle,
                line.span,
                "the brief does not start with a `# Title` line",
            )
            .with_help(help),
        );
        // A field or section is read as usual; any other line is what
        // `missing-title` points at, so it is not reported twice.
        if matches!(
            line.kind,
            LineKind::Field { .. } | LineKind::Heading { level: 2, .. }
        ) {
            self.header_line(line);
        }
    }

    /// A `# Title` line below the first line, when the first was not one:
    /// `missing-title` (already reported) now says where the title is.
    fn late_title(&mut self, line: &Line, text: Span) -> bool {
        let Some(index) = self.title_missing.take() else {
            return false;
        };
        let number = line_number(self.src, line.span.start);
        self.diags[index].help = Some(format!(
            "move the title on line {number} to the top, above the header fields"
        ));
        self.brief.title = Spanned::new(self.text(text).to_string(), text);
        // Diagnostics about missing things point at the title line.
        self.brief.anchor = line.span;
        true
    }

    fn header_line(&mut self, line: &Line) {
        match line.kind {
            LineKind::Field { key, value } => self.header_field(line, key, value),
            LineKind::Heading { level: 2, text } => self.start_section(line, text),
            LineKind::Continuation { text } if !self.raw_fields.is_empty() => {
                // A long header value may wrap onto indented lines.
                let last = self.raw_fields.last_mut().expect("checked non-empty");
                if !last.value.is_empty() {
                    last.value.push(' ');
                }
                last.value.push_str(text.text(self.src));
                last.value_span = last.value_span.to(text);
            }
            LineKind::Heading { level: 1, text } => {
                if !self.late_title(line, text) {
                    self.stray(
                        line,
                        "a second title",
                        "a brief has one `# Title`; use `## Notes` for more text",
                    )
                }
            }
            _ => self.stray(
                line,
                "text between the header fields",
                "the header holds only `key: value` lines; put text into a section such as `## Notes`",
            ),
        }
    }

    fn header_field(&mut self, line: &Line, key_span: Span, value: Span) {
        let key_text = self.text(key_span);
        let Some(key) = FieldKey::parse(key_text) else {
            let help = if let Some(section) = SectionKind::parse(key_text) {
                Some(format!(
                    "`{}` is a section: write `## {}` on a line of its own",
                    key_text,
                    section.name()
                ))
            } else {
                did_you_mean(key_text, FieldKey::ALL.iter().map(|k| k.name()))
                    .map(|k| format!("did you mean `{k}`?"))
            };
            let help = help.unwrap_or_else(|| {
                let keys: Vec<&str> = FieldKey::ALL.iter().map(|k| k.name()).collect();
                format!("the header fields are: {}", keys.join(", "))
            });
            self.report(
                Diagnostic::new(
                    Rule::UnknownField,
                    key_span,
                    format!("unknown header field `{key_text}`"),
                )
                .with_help(help),
            );
            let line_no = line_number(self.src, line.span.start);
            self.brief
                .unknown_fields
                .push((key_text.to_string(), line_no));
            return;
        };
        if let Some(first) = self.raw_fields.iter().find(|f| f.key == key) {
            let first_line = line_number(self.src, first.line.start);
            self.report(
                Diagnostic::new(
                    Rule::DuplicateField,
                    key_span,
                    format!("`{key}` is given twice"),
                )
                .with_help(format!(
                    "keep one `{key}:` line; the first is on line {first_line}"
                )),
            );
            return;
        }
        self.raw_fields.push(RawField {
            key,
            line: line.span,
            value: self.text(value).to_string(),
            value_span: value,
        });
    }

    /// Reads every header field's value; called when the header ends.
    fn read_header(&mut self) {
        for raw in std::mem::take(&mut self.raw_fields) {
            self.brief.header.given.push((raw.key, raw.line));
            let span = if raw.value_span.is_empty() {
                raw.line
            } else {
                raw.value_span
            };
            let value = raw.value.trim();
            if value.is_empty() {
                self.report(
                    Diagnostic::new(
                        Rule::InvalidValue,
                        span,
                        format!("`{}` has no value", raw.key),
                    )
                    .with_help(format!(
                        "give a value after `{}:`, or remove the line",
                        raw.key
                    )),
                );
                continue;
            }
            if let Err((message, help)) = self.read_field(raw.key, value, span) {
                self.report(Diagnostic::new(Rule::InvalidValue, span, message).with_help(help));
            }
        }
    }

    fn read_field(
        &mut self,
        key: FieldKey,
        value: &str,
        span: Span,
    ) -> Result<(), (String, String)> {
        let h = &mut self.brief.header;
        let text = || Some(Spanned::new(value.to_string(), span));
        match key {
            FieldKey::Length => {
                let d = Duration::parse(value).ok_or_else(|| {
                    (
                        format!("`{value}` is not a length"),
                        format!("write the length as {DURATION_FORMS}"),
                    )
                })?;
                h.length = Some(Spanned::new(d, span));
            }
            FieldKey::Stage => {
                h.stage = Some(Spanned::new(
                    keyword(value, "stage", Stage::parse, Stage::ALL)?,
                    span,
                ))
            }
            FieldKey::Status => {
                h.status = Some(Spanned::new(
                    keyword(value, "status", Status::parse, Status::ALL)?,
                    span,
                ))
            }
            FieldKey::Due | FieldKey::Shoot => {
                let date = Date::parse(value).ok_or_else(|| {
                    (
                        format!("`{value}` is not a date"),
                        "write dates as YYYY-MM-DD, e.g. `2027-02-14`".to_string(),
                    )
                })?;
                let slot = if key == FieldKey::Due {
                    &mut h.due
                } else {
                    &mut h.shoot
                };
                *slot = Some(Spanned::new(date, span));
            }
            FieldKey::Formats => {
                let formats = value
                    .split(',')
                    .map(|f| parse_aspect_ratio(f.trim()).ok_or(f.trim()))
                    .collect::<Result<Vec<_>, _>>()
                    .map_err(|bad| {
                        (
                            if bad.is_empty() {
                                "`formats` has an empty entry between commas".to_string()
                            } else {
                                format!("`{bad}` is not an aspect ratio")
                            },
                            "write formats as a comma list of W:H ratios, e.g. `16:9, 9:16, 1:1, 4:5`".to_string(),
                        )
                    })?;
                h.formats = Some(Spanned::new(formats, span));
            }
            FieldKey::Channels => {
                let channels: Vec<String> = value
                    .split(',')
                    .map(str::trim)
                    .filter(|c| !c.is_empty())
                    .map(String::from)
                    .collect();
                h.channels = Some(Spanned::new(channels, span));
            }
            FieldKey::Client => h.client = text(),
            FieldKey::Product => h.product = text(),
            FieldKey::Profile => h.profile = text(),
            FieldKey::Budget => h.budget = text(),
            FieldKey::Marketing => h.marketing = text(),
            FieldKey::Sales => h.sales = text(),
        }
        Ok(())
    }

    fn start_section(&mut self, line: &Line, name_span: Span) {
        self.close_section();
        if matches!(self.state, State::Header | State::BeforeTitle) {
            self.read_header();
        }
        let name = self.text(name_span);
        let Some(kind) = SectionKind::parse(name) else {
            let names = SectionKind::ALL
                .iter()
                .flat_map(|k| k.names().iter().copied());
            let help = did_you_mean(name, names)
                .map(|n| format!("did you mean `{n}`?"))
                .unwrap_or_else(|| {
                    let all: Vec<&str> = SectionKind::ALL.iter().map(|k| k.name()).collect();
                    format!("the sections are: {}", all.join(", "))
                });
            let span = if name_span.is_empty() {
                line.span
            } else {
                name_span
            };
            self.report(
                Diagnostic::new(
                    Rule::UnknownSection,
                    span,
                    format!("unknown section `{name}`"),
                )
                .with_help(help),
            );
            let line_no = line_number(self.src, line.span.start);
            self.brief
                .unknown_sections
                .push((name.to_string(), line_no));
            self.state = State::Skip;
            return;
        };
        if let Some(first) = self.brief.section(kind) {
            let first_line = line_number(self.src, first.heading.start);
            self.report(
                Diagnostic::new(
                    Rule::DuplicateSection,
                    line.span,
                    format!("the section `{}` is given twice", kind.name()),
                )
                .with_help(format!(
                    "merge it into the first `## {}` on line {first_line}",
                    kind.name()
                )),
            );
            self.state = State::Skip;
            return;
        }
        // Register the section now so duplicates are found; content comes at close.
        self.brief.sections.push(Section {
            kind,
            heading: line.span,
            content: Content::empty(kind.form()),
            written: false,
        });
        self.open = Some(OpenSection {
            kind,
            heading: line.span,
            paragraphs: Vec::new(),
            paragraph_open: false,
            items: Vec::new(),
            scenes: Vec::new(),
            can_continue: false,
            swallow: false,
            written: false,
        });
        self.state = State::Section;
    }

    fn section_line(&mut self, line: &Line) {
        if let LineKind::Heading { level: 2, text } = line.kind {
            return self.start_section(line, text);
        }
        if let LineKind::Heading { level: 1, .. } = line.kind {
            return self.stray(
                line,
                "a second title",
                "a brief has one `# Title`; sections start with `## `",
            );
        }
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.written = true;
        match open.kind.form() {
            ContentForm::Prose => self.prose_line(line),
            ContentForm::Scenes => self.scene_line(line),
            form => self.item_line(line, form),
        }
    }

    fn prose_line(&mut self, line: &Line) {
        if let LineKind::Heading { level: 3, .. } = line.kind {
            return self.stray(
                line,
                "a scene heading",
                "scene headings (`### 0:00-0:10 Title`) belong under `## Scenes`",
            );
        }
        let span = content_span(self.src, line);
        let text = self.text(span);
        let open = self.open.as_mut().expect("in a section");
        // Each list item starts a paragraph of its own, so bullets stay apart.
        let starts_item = matches!(
            line.kind,
            LineKind::ListItem { .. } | LineKind::CheckItem { .. }
        );
        match open.paragraphs.last_mut() {
            Some(p) if open.paragraph_open && !starts_item => {
                p.value.push(' ');
                p.value.push_str(text);
                p.span = p.span.to(span);
            }
            _ => open.paragraphs.push(Spanned::new(text.to_string(), span)),
        }
        open.paragraph_open = true;
    }

    fn item_line(&mut self, line: &Line, form: ContentForm) {
        let open = self.open.as_mut().expect("in a section");
        match line.kind {
            LineKind::ListItem { text } if form != ContentForm::Checklist => {
                open.items.push(RawItem {
                    done: None,
                    text: text.text(self.src).to_string(),
                    span: content_span(self.src, line),
                });
                open.can_continue = true;
            }
            LineKind::CheckItem { done, text } if form == ContentForm::Checklist => {
                open.items.push(RawItem {
                    done: Some(done),
                    text: text.text(self.src).to_string(),
                    span: content_span(self.src, line),
                });
                open.can_continue = true;
            }
            LineKind::Continuation { text } if open.can_continue => {
                let item = open.items.last_mut().expect("can_continue implies an item");
                item.text.push(' ');
                item.text.push_str(text.text(self.src));
                item.span = item.span.to(text);
            }
            LineKind::ListItem { .. } => self.stray(
                line,
                "a list item without a box",
                "checklist items are `- [ ] text` (open) or `- [x] text` (done)",
            ),
            LineKind::CheckItem { .. } => self.stray(
                line,
                "a checklist item",
                "boxes belong under `## Checklist`; here write a plain `- item`",
            ),
            _ => {
                let name = open.kind.name();
                self.stray(
                    line,
                    &format!("text inside the list `{name}`"),
                    "start each item with `- `; indent a line by two spaces to continue the item above",
                )
            }
        }
    }

    fn scene_line(&mut self, line: &Line) {
        let open = self.open.as_mut().expect("in a section");
        let swallow = std::mem::take(&mut open.swallow);
        match line.kind {
            LineKind::Heading { level: 3, text } => {
                let (time, title) = match parse_scene_heading(text.text(self.src)) {
                    Ok(parsed) => parsed,
                    Err((message, help)) => {
                        self.report(
                            Diagnostic::new(Rule::SceneTimecode, text, message).with_help(help),
                        );
                        let title = text.text(self.src).to_string();
                        (None, title)
                    }
                };
                let open = self.open.as_mut().expect("in a section");
                open.scenes.push(Scene {
                    time,
                    title,
                    fields: Vec::new(),
                    heading: line.span,
                });
                open.can_continue = false;
            }
            LineKind::Field { key, value } if !open.scenes.is_empty() => {
                let key_text = key.text(self.src);
                match SceneFieldKind::parse_key(key_text) {
                    Some(kind) => {
                        let text = Spanned::new(
                            value.text(self.src).to_string(),
                            if value.is_empty() { key } else { value },
                        );
                        open.scenes
                            .last_mut()
                            .expect("checked")
                            .fields
                            .push(SceneField { kind, text });
                        open.can_continue = true;
                    }
                    None => {
                        open.can_continue = false;
                        open.swallow = true;
                        let names = SceneFieldKind::ALL.iter().map(|k| k.name()).chain(["VO"]);
                        let help = did_you_mean(key_text, names)
                            .map(|k| format!("did you mean `{k}`?"))
                            .unwrap_or_else(|| SCENE_FIELDS_HELP.to_string());
                        self.report(
                            Diagnostic::new(
                                Rule::UnknownField,
                                key,
                                format!("unknown scene field `{key_text}`"),
                            )
                            .with_help(help),
                        );
                    }
                }
            }
            LineKind::Continuation { text } if open.can_continue => {
                let field = open
                    .scenes
                    .last_mut()
                    .and_then(|s| s.fields.last_mut())
                    .expect("can_continue implies a field");
                if !field.text.value.is_empty() {
                    field.text.value.push(' ');
                }
                field.text.value.push_str(text.text(self.src));
                field.text.span = field.text.span.to(text);
            }
            // The continuation of an unknown field was reported with it.
            LineKind::Continuation { .. } if swallow => open.swallow = true,
            _ if open.scenes.is_empty() => self.stray(
                line,
                "text before the first scene",
                "start each scene with a heading such as `### 0:00-0:10 Hook`",
            ),
            _ => self.stray(
                line,
                "text inside a scene",
                &format!("start the line with a field: {SCENE_FIELDS_HELP}"),
            ),
        }
    }

    /// Turns the open section's lines into its content.
    fn close_section(&mut self) {
        let Some(mut open) = self.open.take() else {
            return;
        };
        // An item with no text says nothing: report it rather than count it.
        let (items, empty): (Vec<RawItem>, Vec<RawItem>) = std::mem::take(&mut open.items)
            .into_iter()
            .partition(|i| !i.text.trim().is_empty());
        open.items = items;
        for item in empty {
            self.report(
                Diagnostic::new(
                    Rule::InvalidValue,
                    item.span,
                    format!("an empty item in `{}`", open.kind.name()),
                )
                .with_help("write the item's text after the bullet, or remove the line"),
            );
        }
        let content = match open.kind.form() {
            ContentForm::Prose => Content::Prose(open.paragraphs),
            ContentForm::Scenes => Content::Scenes(open.scenes),
            ContentForm::List => Content::List(
                open.items
                    .into_iter()
                    .map(|i| Spanned::new(i.text, i.span))
                    .collect(),
            ),
            ContentForm::Checklist => Content::Checklist(
                open.items
                    .into_iter()
                    .map(|i| CheckItem {
                        done: i.done.unwrap_or(false),
                        text: Spanned::new(i.text, i.span),
                    })
                    .collect(),
            ),
            ContentForm::Metrics => Content::Metrics(
                open.items
                    .into_iter()
                    .filter_map(|i| self.read_metric(i))
                    .collect(),
            ),
            ContentForm::SignOff => Content::SignOff(
                open.items
                    .into_iter()
                    .filter_map(|i| self.read_sign_off(i))
                    .collect(),
            ),
        };
        if let Some(section) = self
            .brief
            .sections
            .iter_mut()
            .find(|s| s.heading == open.heading)
        {
            section.content = content;
            section.written = open.written;
        }
    }

    fn read_metric(&mut self, item: RawItem) -> Option<Metric> {
        let text = item.text.trim();
        let split = text.char_indices().find(|&(i, c)| {
            c == ':' && text[i + 1..].chars().next().is_none_or(char::is_whitespace)
        });
        let (name, rest) = match split {
            Some((i, _)) => (text[..i].trim(), text[i + 1..].trim()),
            None => ("", ""),
        };
        if name.is_empty() || rest.is_empty() {
            let what = if split.is_none() {
                "has no `NAME: TARGET` form"
            } else if name.is_empty() {
                "has no name before the `:`"
            } else {
                "has no target after the `:`"
            };
            self.report(
                Diagnostic::new(Rule::MalformedMetric, item.span, format!("the metric `{text}` {what}"))
                    .with_help("write it as `NAME: TARGET`, e.g. `Demo bookings: 25 per month by 2027-04-30 (source: CRM)`"),
            );
            return None;
        }
        let (target, source) = split_source(rest);
        let mut deadline = None;
        let words: Vec<&str> = target.split_whitespace().collect();
        for pair in words.windows(2) {
            if pair[0].eq_ignore_ascii_case("by")
                && pair[1].starts_with(|c: char| c.is_ascii_digit())
                && pair[1].contains('-')
            {
                let candidate = pair[1].trim_end_matches([',', ';', '.', ')']);
                match Date::parse(candidate) {
                    Some(date) => deadline = Some(date),
                    None => self.report(
                        Diagnostic::new(
                            Rule::InvalidValue,
                            item.span,
                            format!("the deadline `{candidate}` is not a date"),
                        )
                        .with_help("write deadlines as `by YYYY-MM-DD`, e.g. `by 2027-04-30`"),
                    ),
                }
            }
        }
        Some(Metric {
            name: name.to_string(),
            target: target.to_string(),
            deadline,
            source,
            span: item.span,
        })
    }

    fn read_sign_off(&mut self, item: RawItem) -> Option<SignOffEntry> {
        let text = item.text.trim();
        let help = "write sign-off entries as `- NAME (ROLE)`, followed by the date YYYY-MM-DD once signed";
        let parsed = text.rfind(')').and_then(|close| {
            let open = text[..close].rfind('(')?;
            Some((
                text[..open].trim(),
                text[open + 1..close].trim(),
                text[close + 1..].trim(),
            ))
        });
        let Some((name, role, after)) = parsed.filter(|(n, r, _)| !n.is_empty() && !r.is_empty())
        else {
            self.report(
                Diagnostic::new(
                    Rule::InvalidValue,
                    item.span,
                    format!("the sign-off entry `{text}` has no `NAME (ROLE)`"),
                )
                .with_help(help),
            );
            return None;
        };
        let date = if after.is_empty() {
            None
        } else {
            match Date::parse(after) {
                Some(date) => Some(date),
                None => {
                    self.report(
                        Diagnostic::new(
                            Rule::InvalidValue,
                            item.span,
                            format!("`{after}` is not a date"),
                        )
                        .with_help(help),
                    );
                    None
                }
            }
        };
        Some(SignOffEntry {
            name: name.to_string(),
            role: role.to_string(),
            date,
            span: item.span,
        })
    }

    fn finish(mut self) -> (Brief, Vec<Diagnostic>) {
        match self.state {
            State::BeforeTitle => self.report(
                Diagnostic::new(
                    Rule::MissingTitle,
                    Span::new(0, 0),
                    "the brief is empty: it has no `# Title` line",
                )
                .with_help(
                    "start the brief with a line such as `# Acme Sync — 90-second overview`",
                ),
            ),
            State::Header => self.read_header(),
            _ => {}
        }
        self.close_section();
        self.brief.sections.sort_by_key(|s| s.kind);
        // `status` defaults to draft; the model says so, so every output does.
        if self.brief.header.status.is_none() && !self.brief.header.has(FieldKey::Status) {
            let at = Span::new(self.brief.anchor.start, self.brief.anchor.start);
            self.brief.header.status = Some(Spanned::new(Status::Draft, at));
        }
        (self.brief, self.diags)
    }
}

/// The line's content with leading and trailing blanks removed.
fn content_span(source: &str, line: &Line) -> Span {
    let text = line.span.text(source);
    let start = line.span.start + (text.len() - text.trim_start().len());
    // `start + trimmed length`, not `trim_end`: on a line of white space
    // only, trimming from both ends would cross over.
    Span::new(start, start + text.trim().len())
}

/// 1-based line number of byte `offset`.
fn line_number(source: &str, offset: usize) -> usize {
    source[..offset].bytes().filter(|&b| b == b'\n').count() + 1
}

fn keyword<T: Copy + std::fmt::Display>(
    value: &str,
    key: &str,
    parse: fn(&str) -> Option<T>,
    all: &[T],
) -> Result<T, (String, String)> {
    parse(value).ok_or_else(|| {
        let names: Vec<String> = all.iter().map(|v| v.to_string()).collect();
        let suggestion = did_you_mean(value, names.iter().map(String::as_str));
        let help = match suggestion {
            Some(s) => format!(
                "did you mean `{s}`? `{key}` is one of: {}",
                names.join(", ")
            ),
            None => format!("`{key}` is one of: {}", names.join(", ")),
        };
        (format!("`{value}` is not a {key}"), help)
    })
}

fn parse_aspect_ratio(text: &str) -> Option<AspectRatio> {
    let (w, h) = text.split_once(':')?;
    let (width, height): (u32, u32) = (w.trim().parse().ok()?, h.trim().parse().ok()?);
    (width > 0 && height > 0).then_some(AspectRatio { width, height })
}

/// Splits a trailing `(source: TEXT)` off a metric target.
fn split_source(target: &str) -> (&str, Option<String>) {
    if target.ends_with(')') {
        if let Some(pos) = target.to_ascii_lowercase().rfind("(source:") {
            let source = target[pos + "(source:".len()..target.len() - 1].trim();
            return (target[..pos].trim_end(), Some(source.to_string()));
        }
    }
    (target, None)
}

/// Reads `START-END Title` from a scene heading.
fn parse_scene_heading(text: &str) -> Result<(Option<TimeRange>, String), (String, String)> {
    let help = "start the scene heading with its timecodes, `M:SS-M:SS` or `H:MM:SS-H:MM:SS`, e.g. `### 0:10-0:35 Set up in minutes`".to_string();
    let is_tc = |c: char| c.is_ascii_digit() || c == ':';
    let start_len = text.find(|c| !is_tc(c)).unwrap_or(text.len());
    let start_text = &text[..start_len];
    let rest = text[start_len..].trim_start();
    let Some(rest) = rest.strip_prefix(['-', '–', '—']) else {
        let found = text.split_whitespace().next().unwrap_or("");
        return Err((
            format!("the scene heading `{text}` has no START-END timecodes (found `{found}`)"),
            help,
        ));
    };
    let rest = rest.trim_start();
    let end_len = rest.find(|c| !is_tc(c)).unwrap_or(rest.len());
    let end_text = &rest[..end_len];
    let title = rest[end_len..].trim().to_string();
    let start = Duration::parse_timecode(start_text)
        .ok_or_else(|| (format!("`{start_text}` is not a timecode"), help.clone()))?;
    let end = Duration::parse_timecode(end_text)
        .ok_or_else(|| (format!("`{end_text}` is not a timecode"), help.clone()))?;
    if end <= start {
        let message = if end == start {
            format!("the scene starts and ends at {}", start.timecode())
        } else {
            format!(
                "the scene ends at {}, before it starts at {}",
                end.timecode(),
                start.timecode()
            )
        };
        return Err((
            message,
            "the END timecode must come after START".to_string(),
        ));
    }
    Ok((Some(TimeRange { start, end }), title))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    fn lowered(src: &str) -> (Brief, Vec<Diagnostic>) {
        lower(src, &parse(src))
    }

    fn rules(src: &str) -> Vec<&'static str> {
        lowered(src).1.iter().map(|d| d.rule.name()).collect()
    }

    #[test]
    fn reads_header_and_sections() {
        let src = "# T\nLength: 1m30s\nstage: Convert\nformats: 16:9, 1:1\n## objective\nA b\nc.\n\nSecond.\n## Benefits\n- one\n  more\n* two\n";
        let (brief, diags) = lowered(src);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(brief.title.value, "T");
        assert_eq!(brief.header.length.as_ref().unwrap().value.seconds, 90);
        assert_eq!(brief.header.stage.as_ref().unwrap().value, Stage::Convert);
        assert_eq!(brief.header.formats.as_ref().unwrap().value.len(), 2);
        let Content::Prose(p) = &brief.section(SectionKind::Goal).unwrap().content else {
            panic!()
        };
        assert_eq!(
            p.iter().map(|s| s.value.as_str()).collect::<Vec<_>>(),
            ["A b c.", "Second."]
        );
        let Content::List(items) = &brief.section(SectionKind::KeyBenefits).unwrap().content else {
            panic!()
        };
        assert_eq!(items[0].value, "one more");
        assert_eq!(items[1].value, "two");
    }

    #[test]
    fn scenes_metrics_sign_off() {
        let src = "# T\n## Scenes\n### 0:00 – 0:10 Hook\nVO: Hi\n  there\nOn screen: Yo\n### 0:10-0:05 Bad\n## Metrics\n- Demos: 25 by 2027-04-30 (source: CRM)\n- nothing here\n## Approvals\n- Priya (VP Marketing) 2026-11-20\n- Tom (sales)\n";
        let (brief, diags) = lowered(src);
        let names: Vec<_> = diags.iter().map(|d| d.rule.name()).collect();
        assert_eq!(names, ["scene-timecode", "malformed-metric"]);
        let scenes = brief.scenes();
        assert_eq!(scenes[0].title, "Hook");
        assert_eq!(
            scenes[0].field(SceneFieldKind::Voiceover).as_deref(),
            Some("Hi there")
        );
        assert!(scenes[1].time.is_none());
        let Content::Metrics(m) = &brief.section(SectionKind::SuccessMetrics).unwrap().content
        else {
            panic!()
        };
        assert_eq!(
            (m[0].name.as_str(), m[0].target.as_str()),
            ("Demos", "25 by 2027-04-30")
        );
        assert_eq!(m[0].source.as_deref(), Some("CRM"));
        assert_eq!(m[0].deadline.unwrap().to_string(), "2027-04-30");
        let Content::SignOff(s) = &brief.section(SectionKind::SignOff).unwrap().content else {
            panic!()
        };
        assert!(s[0].is_marketing() && s[0].date.is_some());
        assert!(s[1].is_sales() && s[1].date.is_none());
    }

    #[test]
    fn structural_errors() {
        assert_eq!(rules(""), ["missing-title"]);
        assert_eq!(rules("// only\n"), ["missing-title"]);
        assert_eq!(rules("length: 90s\n"), ["missing-title"]);
        assert_eq!(rules("# T\nlenght: 90s\n"), ["unknown-field"]);
        assert_eq!(rules("# T\nlength: 90s\nlength: 2m\n"), ["duplicate-field"]);
        assert_eq!(
            rules("# T\nlength: ninety\nstatus: done\ndue: 2027-02-30\nsales:\n"),
            ["invalid-value"; 4]
        );
        assert_eq!(rules("# T\nhello\n"), ["stray-text"]);
        assert_eq!(rules("# T\n## Audiance\nstuff\n"), ["unknown-section"]);
        assert_eq!(
            rules("# T\n## Goal\nx\n## Objective\ny\n"),
            ["duplicate-section"]
        );
        assert_eq!(rules("# T\n## Benefits\n- a\ntext\n"), ["stray-text"]);
        assert_eq!(
            rules("# T\n## Scenes\n### 0:00-0:10 A\nCamera: wide\n  more\n"),
            ["unknown-field"]
        );
    }

    #[test]
    fn white_space_lines_are_blank() {
        assert_eq!(rules("\r"), ["missing-title"]);
        assert_eq!(
            rules("# T\n\u{a0}\n\r\nlength: 90s\n## Goal\nA\n\u{3000}\nB\n"),
            [] as [&str; 0]
        );
        let (brief, _) = lowered("# T\n## Goal\nA\n \u{a0}\nB\n");
        let Content::Prose(p) = &brief.section(SectionKind::Goal).unwrap().content else {
            panic!()
        };
        assert_eq!(p.len(), 2);
    }

    #[test]
    fn text_before_the_title() {
        let (brief, d) = lowered("hello\n# T\nlength: 90s\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].rule, Rule::MissingTitle);
        assert_eq!(
            d[0].help.as_deref(),
            Some("move the title on line 2 to the top, above the header fields")
        );
        assert_eq!(brief.title.value, "T");
        assert!(brief.header.length.is_some());
        let (_, d) = lowered("#T\n");
        assert_eq!(
            d[0].help.as_deref(),
            Some("put a space after the `#`: `# T`")
        );
    }

    #[test]
    fn did_you_mean_help() {
        let (_, d) = lowered("# T\nlenght: 90s\n## Audiance\n");
        assert_eq!(d[0].help.as_deref(), Some("did you mean `length`?"));
        assert_eq!(d[1].help.as_deref(), Some("did you mean `Audience`?"));
    }
}
