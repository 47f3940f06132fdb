//! Lowering: classified lines → [`Brief`] + structural diagnostics.

use super::*;
use crate::diagnostic::Rule;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::syntax::{Line, LineKind, Span, Spanned, SyntaxTree};

/// A known section name written as something other than a `## ` heading:
/// `# Audience`, `### Audience`, `#Audience`, `##Audience`, `**Audience**`,
/// `**Audience:**` or a bare `Audience:` line. Returns the section and its
/// name as written. Lowering reads such a line (after the title) as that
/// section's heading, and `fmt` follows it, so both agree on what the lines
/// below it are.
pub fn misplaced_section<'a>(src: &'a str, line: &Line) -> Option<(SectionKind, &'a str)> {
    let name = match line.kind {
        LineKind::Heading { level: 1 | 3, text } => text.text(src),
        LineKind::Text { text } => {
            let text = text.text(src);
            if let Some(bold) = text.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
                bold.trim_end_matches(':')
            } else if text.starts_with('#') {
                let name = text.trim_start_matches('#');
                if text.len() - name.len() > 3 {
                    return None;
                }
                name
            } else {
                return None;
            }
        }
        // `**Audience:**` (read as a field by the syntax) or a bare
        // `Audience:` on a line of its own.
        LineKind::Field { key, value } if value.is_empty() => key.text(src),
        _ => return None,
    };
    let name = name.trim();
    SectionKind::parse(name).map(|kind| (kind, name))
}

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
        header_swallow: false,
        adopted_fields: Vec::new(),
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
    /// Whether continuation lines in the header are dropped: they continue
    /// a line that was already reported (an unknown or repeated key), and
    /// must not be glued to the valid field above it.
    header_swallow: bool,
    /// Unknown header keys that are plainly a misspelling or a synonym of a
    /// known one (`lenght:`, `deadline:`): reported once, then read as that
    /// field if the brief does not give it, so nothing else cascades.
    adopted_fields: Vec<RawField>,
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
        let space_missing = text[hashes..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace());
        let (message, help) = if (1..=3).contains(&hashes) && space_missing {
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

    /// Reports Markdown emphasis or a Markdown link in accepted text: the
    /// outputs show it exactly as typed, which is rarely what the writer meant.
    fn markup(&mut self, span: Span) {
        let text = self.text(span);
        let Some((range, plain)) = find_inline_markup(text) else {
            return;
        };
        let written = &text[range.clone()];
        let at = Span::new(span.start + range.start, span.start + range.end);
        let (message, help) = if written.starts_with('[') {
            (
                format!(
                    "`{written}` is a Markdown link: the outputs show it as typed, brackets and all"
                ),
                format!("write `{plain}`: a URL written out becomes a link in the outputs"),
            )
        } else {
            (
                format!(
                    "`{written}` is Markdown emphasis: the outputs show it as typed, with its `{}`",
                    &written[..2]
                ),
                format!("write `{plain}`: a brief is plain text"),
            )
        };
        self.report(Diagnostic::new(Rule::InlineMarkup, at, message).with_help(help));
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
        if !matches!(self.state, State::BeforeTitle) {
            if let Some((kind, name)) = self.misplaced_section(line) {
                return self.misplaced_heading(line, kind, name);
            }
        }
        match self.state {
            State::BeforeTitle => self.before_title(line),
            State::Header => self.header_line(line),
            State::Section | State::Skip => self.section_line(line),
        }
    }

    fn misplaced_section(&self, line: &Line) -> Option<(SectionKind, &'a str)> {
        misplaced_section(self.src, line)
    }

    /// Reports a misplaced section heading once, then reads it as the section
    /// it names, so what follows is checked as the writer meant.
    fn misplaced_heading(&mut self, line: &Line, kind: SectionKind, name: &str) {
        let span = content_span(self.src, line);
        let written = self.text(span);
        let message = if let Some(after) = written.strip_prefix("##") {
            if after.starts_with('#') {
                format!("`{written}` is not a section heading: sections start with `## `")
            } else {
                format!("`{written}` is not a heading: a heading needs a space after `##`")
            }
        } else {
            format!("`{written}` is not a section heading: sections start with `## `")
        };
        self.report(
            Diagnostic::new(Rule::StrayText, span, message).with_help(format!("write `## {name}`")),
        );
        self.open_section(line, kind);
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
            self.markup(text);
            self.brief.title = Spanned::new(self.text(text).to_string(), text);
            return;
        }
        self.brief.anchor = line.span;
        // `## Title` or `#Title`: the title with the wrong marker. Say so, and
        // read the rest of the brief as if it were right.
        let content = content_span(self.src, line);
        let written = self.text(content);
        let title_text = match line.kind {
            LineKind::Heading { level: 2 | 3, text }
                if SectionKind::parse(self.text(text)).is_none() && !text.is_empty() =>
            {
                Some(text)
            }
            LineKind::Text { .. } if written.starts_with('#') && !written.starts_with("##") => {
                // From the trimmed content: the text may start with white
                // space that is not ASCII (`\u{a0}# Title`).
                let name = trim_span(self.src, Span::new(content.start + 1, content.end));
                (!name.is_empty()).then_some(name)
            }
            _ => None,
        };
        if let Some(text) = title_text {
            let title = self.text(text);
            self.report(
                Diagnostic::new(
                    Rule::MissingTitle,
                    line.span,
                    format!(
                        "the first heading must be the title, written `# Title`; found `{written}`"
                    ),
                )
                .with_help(format!("write `# {title}`")),
            );
            self.brief.title = Spanned::new(title.to_string(), text);
            return;
        }
        self.title_missing = Some(self.diags.len());
        self.report(
            Diagnostic::new(
                Rule::MissingTitle,
                line.span,
                "the brief does not start with a `# Title` line",
            )
            .with_help("add a first line such as `# Acme Sync — 90-second overview`"),
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
        let diag = &mut self.diags[index];
        diag.help = Some("move it to the top, above the header fields".to_string());
        diag.related = Some((line.span, "the title".to_string()));
        self.brief.title = Spanned::new(self.text(text).to_string(), text);
        // Diagnostics about missing things point at the title line.
        self.brief.anchor = line.span;
        true
    }

    fn header_line(&mut self, line: &Line) {
        match line.kind {
            LineKind::Field { key, value } => self.header_field(line, key, value),
            LineKind::Heading { level: 2, text } => self.start_section(line, text),
            LineKind::Continuation { .. } if self.header_swallow => {}
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
        self.header_swallow = true;
        let Some(key) = FieldKey::parse(key_text) else {
            let meant = field_meant(key_text);
            let help = if let Some(key) = meant {
                Some(format!("did you mean `{key}`? write `{key}: …`"))
            } else if let Some(section) = section_meant(key_text) {
                Some(format!(
                    "`{key_text}` belongs in a section: write `## {}` on a line of its own, with the text below it",
                    section.name()
                ))
            } else if is_people_key(key_text) {
                Some(format!(
                    "briefc has no `{}` field: put people and contacts under `## Notes`",
                    key_text.to_lowercase()
                ))
            } else {
                None
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
            if let Some(key) = meant {
                self.adopted_fields.push(RawField {
                    key,
                    line: line.span,
                    value: self.text(value).to_string(),
                    value_span: value,
                });
            }
            return;
        };
        if let Some(first) = self.raw_fields.iter().find(|f| f.key == key) {
            let first = first.line;
            self.report(
                Diagnostic::new(
                    Rule::DuplicateField,
                    key_span,
                    format!("`{key}` is given twice"),
                )
                .with_help(format!("keep one `{key}:` line"))
                .with_related(first, "the first"),
            );
            return;
        }
        self.header_swallow = false;
        self.raw_fields.push(RawField {
            key,
            line: line.span,
            value: self.text(value).to_string(),
            value_span: value,
        });
    }

    /// Reads every header field's value; called when the header ends.
    fn read_header(&mut self) {
        let mut raws = std::mem::take(&mut self.raw_fields);
        // A misspelt key stands in for the field it meant, unless the brief
        // also gives that field: its value is read, and nothing reports the
        // field as missing on top of the misspelling.
        for adopted in std::mem::take(&mut self.adopted_fields) {
            if !raws.iter().any(|f| f.key == adopted.key) {
                raws.push(adopted);
            }
        }
        for raw in raws {
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
            match self.read_field(raw.key, value, span) {
                Ok(()) => self.markup(span),
                Err((message, help)) => {
                    self.report(Diagnostic::new(Rule::InvalidValue, span, message).with_help(help))
                }
            }
        }
        self.check_cutdowns();
    }

    /// Each cut-down must be shorter than the video (the lower bound of a
    /// length range): one diagnostic naming every one that is not.
    fn check_cutdowns(&mut self) {
        let h = &self.brief.header;
        let (Some(cutdowns), Some(length)) = (&h.cutdowns, &h.length) else {
            return;
        };
        let shortest = length.value.min;
        let long: Vec<String> = cutdowns
            .value
            .iter()
            .filter(|c| **c >= shortest)
            .map(|c| c.spelling())
            .collect();
        if long.is_empty() {
            return;
        }
        let what = if length.value.is_range() {
            format!("the shortest length of the video, {shortest}")
        } else {
            format!("the video's length of {shortest}")
        };
        let (them, are) = if long.len() == 1 {
            (format!("cutdown `{}`", long[0]), "is")
        } else {
            (format!("cutdowns `{}`", long.join("`, `")), "are")
        };
        let span = cutdowns.span;
        self.report(
            Diagnostic::new(
                Rule::InvalidValue,
                span,
                format!("the {them} {are} not shorter than {what}"),
            )
            .with_help("a cutdown is a shorter version cut from this video: list only durations below `length`"),
        );
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
            FieldKey::Length => match Length::parse(value) {
                Ok(length) => h.length = Some(Spanned::new(length, span)),
                Err(LengthError::Reversed { low, high }) => {
                    // Read as the range meant, so nothing that depends on the
                    // length cascades.
                    let meant = Length {
                        min: high,
                        max: low,
                    };
                    h.length = Some(Spanned::new(meant, span));
                    return Err((
                        format!(
                            "the length range `{value}` starts at {low}, above its end at {high}"
                        ),
                        format!(
                            "write the shorter length first: `length: {}`",
                            meant.spelling()
                        ),
                    ));
                }
                Err(LengthError::NotALength) => {
                    // The one length meant (`1.5 minutes`, `90 sec.`, `60`) is
                    // used, so nothing that depends on the length cascades.
                    let meant = Duration::suggest(value);
                    h.length = meant.map(|d| Spanned::new(Length::exact(d), span));
                    return Err((
                        format!("`{value}` is not a length"),
                        match meant {
                            Some(d) => format!("write `length: {}`", d.spelling()),
                            None => format!("write the length as {LENGTH_FORMS}"),
                        },
                    ));
                }
            },
            FieldKey::Cutdowns => {
                let cutdowns = parse_cutdowns(value).map_err(|bad| {
                    (
                        if bad.is_empty() {
                            "`cutdowns` has an empty entry between commas".to_string()
                        } else {
                            format!("`{bad}` is not a duration")
                        },
                        format!("write cutdowns as a comma list of durations, e.g. `cutdowns: 30s, 15s, 6s`; each is written as {DURATION_FORMS}"),
                    )
                })?;
                h.cutdowns = Some(Spanned::new(cutdowns, span));
            }
            FieldKey::Version => h.version = text(),
            FieldKey::Language => match LanguageTag::parse(value) {
                Ok(tag) => h.language = Some(Spanned::new(tag, span)),
                Err(TagError { meant }) => {
                    // The language meant (`pt_BR`, `Ukrainian`) is used, so
                    // the outputs still follow it.
                    h.language = meant.clone().map(|t| Spanned::new(t, span));
                    return Err((
                        format!("`{value}` is not a language tag"),
                        match meant {
                            Some(tag) => format!("write `language: {tag}`"),
                            None => format!(
                                "write a BCP 47 language tag such as `uk`, `de-CH` or `pt-BR`; the languages with built-in labels are {}",
                                Lang::list()
                            ),
                        },
                    ));
                }
            },
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
                let slot = if key == FieldKey::Due {
                    &mut h.due
                } else {
                    &mut h.shoot
                };
                match Date::parse(value) {
                    Some(date) => *slot = Some(Spanned::new(date, span)),
                    None => {
                        let (message, help, meant) = date_problem(value, |d| format!("{key}: {d}"));
                        *slot = meant.map(|d| Spanned::new(d, span));
                        return Err((message, help));
                    }
                }
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
        let name = self.text(name_span);
        if let Some(kind) = SectionKind::parse(name) {
            return self.open_section(line, kind);
        }
        let meant = section_meant(name);
        let help = match meant {
            Some(kind) => format!("did you mean `{}`? write `## {}`", kind.name(), kind.name()),
            None => {
                let all: Vec<&str> = SectionKind::ALL.iter().map(|k| k.name()).collect();
                format!("the sections are: {}", all.join(", "))
            }
        };
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
        match meant {
            // A misspelt or synonymous name is read as the section it
            // means (unless that one is there too), so its content is
            // checked and it is not also reported missing.
            Some(kind) if self.brief.section(kind).is_none() => self.open_section(line, kind),
            _ => {
                self.close_section();
                if matches!(self.state, State::Header | State::BeforeTitle) {
                    self.read_header();
                }
                self.state = State::Skip;
            }
        }
    }

    /// Starts the section `kind` at `line` (or reports it repeated).
    fn open_section(&mut self, line: &Line, kind: SectionKind) {
        self.close_section();
        if matches!(self.state, State::Header | State::BeforeTitle) {
            self.read_header();
        }
        if let Some(first) = self.brief.section(kind) {
            let first = first.heading;
            self.report(
                Diagnostic::new(
                    Rule::DuplicateSection,
                    line.span,
                    format!("the section `{}` is given twice", kind.name()),
                )
                .with_help(format!(
                    "merge the two `## {}` sections into one",
                    kind.name()
                ))
                .with_related(first, "the first"),
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
        self.markup(span);
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
                self.markup(text);
            }
            LineKind::CheckItem { done, text } if form == ContentForm::Checklist => {
                open.items.push(RawItem {
                    done: Some(done),
                    text: text.text(self.src).to_string(),
                    span: content_span(self.src, line),
                });
                open.can_continue = true;
                self.markup(text);
            }
            LineKind::Continuation { text } if open.can_continue => {
                let item = open.items.last_mut().expect("can_continue implies an item");
                item.text.push(' ');
                item.text.push_str(text.text(self.src));
                item.span = item.span.to(text);
                self.markup(text);
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
            _ if open.items.is_empty() => {
                let name = open.kind.name();
                self.stray(
                    line,
                    &format!("text inside the list `{name}`"),
                    "start each item with `- `",
                )
            }
            _ => {
                let name = open.kind.name();
                self.stray(
                    line,
                    &format!("text inside the list `{name}`"),
                    "indent it by two spaces to continue the item above, or start a new item with `- `",
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
                    Ok(heading) => {
                        let at = heading.title.as_ptr() as usize - self.src.as_ptr() as usize;
                        self.markup(Span::new(at, at + heading.title.len()));
                        (Some(heading.time), heading.title.to_string())
                    }
                    Err(e) => {
                        self.report(
                            Diagnostic::new(Rule::SceneTimecode, text, e.message).with_help(e.help),
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
                let known = SceneFieldKind::parse_key(key_text);
                let kind = known.or_else(|| {
                    let meant = scene_field_meant(key_text);
                    let help = match meant {
                        Some(kind) => format!("did you mean `{kind}`? write `{kind}: …`"),
                        None => SCENE_FIELDS_HELP.to_string(),
                    };
                    self.report(
                        Diagnostic::new(
                            Rule::UnknownField,
                            key,
                            format!("unknown scene field `{key_text}`"),
                        )
                        .with_help(help),
                    );
                    meant
                });
                let open = self.open.as_mut().expect("in a section");
                match kind {
                    // A misspelt or synonymous field is read as the one it
                    // means, so its voiceover is timed and its lines continue.
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
                        if known.is_some() {
                            self.markup(value);
                        }
                    }
                    None => {
                        open.can_continue = false;
                        open.swallow = true;
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
                self.markup(text);
            }
            // The continuation of an unknown field was reported with it.
            LineKind::Continuation { .. } if swallow => open.swallow = true,
            _ if open.scenes.is_empty() => self.stray(
                line,
                "text before the first scene",
                "start each scene with a heading such as `### 0:00-0:10 Hook`",
            ),
            _ => {
                let help = match open.scenes.last().and_then(|s| s.fields.last()) {
                    Some(field) => format!(
                        "indent it by two spaces to continue `{}:`, or start it with a field such as `Visual:`",
                        field.kind
                    ),
                    None => format!("start the line with a field: {SCENE_FIELDS_HELP}"),
                };
                self.stray(line, "text inside a scene", &help)
            }
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
            ContentForm::Milestones => Content::Milestones(
                open.items
                    .into_iter()
                    .filter_map(|i| self.read_milestone(i))
                    .collect(),
            ),
        };
        if let Content::List(items) = &content
            && open.kind == SectionKind::Assets
        {
            for item in items {
                self.read_item_deadlines(&item.value, item.span);
            }
        }
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
        // One reader of `by DATE` for every stage (see `model::deadline`).
        let deadline = self.read_item_deadlines(target, item.span);
        Some(Metric {
            name: name.to_string(),
            target: target.to_string(),
            deadline,
            source,
            span: item.span,
        })
    }

    /// Reports every `by DATE` in `text` whose date cannot be read; returns
    /// the first that can.
    fn read_item_deadlines(&mut self, text: &str, span: Span) -> Option<Date> {
        let mut deadline = None;
        for found in find_deadlines(text) {
            let written = &text[found.date_text.clone()];
            if found.date.is_err() {
                let (message, help, _) = date_problem(written, |d| format!("by {d}"));
                self.report(
                    Diagnostic::new(Rule::InvalidValue, span, format!("the deadline {message}"))
                        .with_help(help),
                );
            }
            deadline = deadline.or(found.resolved());
        }
        deadline
    }

    /// `YYYY-MM-DD: text` (also `YYYY-MM-DD — text` or `YYYY-MM-DD text`).
    fn read_milestone(&mut self, item: RawItem) -> Option<Milestone> {
        let text = item.text.trim();
        // `2027-01-15 Client review: final cut`: a first word that is a date
        // is the date, whatever the text after it holds.
        let first = text
            .split(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_end_matches(':');
        if let Some(date) = Date::parse(first) {
            let rest = text[first.len()..]
                .trim_start()
                .trim_start_matches([':', '—', '–'])
                .trim()
                .to_string();
            return Some(Milestone {
                date,
                text: rest,
                span: item.span,
            });
        }
        // Otherwise the date runs to the first `: ` (or ` — `, ` – `), else
        // to the first blank: `Jan 15, 2027: Script` is one (badly written)
        // date.
        let colon = text
            .char_indices()
            .find(|&(i, c)| {
                c == ':' && text[i + 1..].chars().next().is_none_or(char::is_whitespace)
            })
            .map(|(i, _)| (i, 1));
        let dash = [" — ", " – "]
            .iter()
            .filter_map(|d| text.find(d).map(|i| (i, d.len())))
            .min();
        let blank = text.find(char::is_whitespace).map(|i| (i, 0));
        let (at, skip) = colon.or(dash).or(blank).unwrap_or((text.len(), 0));
        let date_text = text[..at].trim();
        let rest = text[at + skip..].trim().to_string();
        if let Some(date) = Date::parse(date_text) {
            return Some(Milestone {
                date,
                text: rest,
                span: item.span,
            });
        }
        let shown = if rest.is_empty() {
            "…"
        } else {
            rest.as_str()
        };
        let (message, help, meant) = if !date_text.contains(|c: char| c.is_ascii_digit()) {
            (
                format!("the milestone `{text}` does not start with a date"),
                "write milestones as `- YYYY-MM-DD: what happens`, e.g. `- 2027-01-15: Script approved`".to_string(),
                None,
            )
        } else {
            let (message, help, meant) = date_problem(date_text, |d| format!("- {d}: {shown}"));
            (format!("the milestone's date {message}"), help, meant)
        };
        self.report(Diagnostic::new(Rule::InvalidValue, item.span, message).with_help(help));
        // The one date meant is used, so the order checks do not cascade.
        meant.map(|date| Milestone {
            date,
            text: rest,
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
                    let (message, help, meant) =
                        date_problem(after, |d| format!("- {name} ({role}) {d}"));
                    self.report(
                        Diagnostic::new(Rule::InvalidValue, item.span, message).with_help(help),
                    );
                    meant
                }
            }
        };
        let header = &self.brief.header;
        fn owner(o: &Option<Spanned<String>>) -> Option<&str> {
            o.as_ref().map(|o| o.value.as_str())
        }
        let (for_marketing, for_sales) =
            SignOffEntry::sides(name, role, owner(&header.marketing), owner(&header.sales));
        Some(SignOffEntry {
            name: name.to_string(),
            role: role.to_string(),
            date,
            // A date was written, readable or not: the entry is signed.
            // Counting it as unsigned would report the one mistake twice.
            signed: !after.is_empty(),
            span: item.span,
            for_marketing,
            for_sales,
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

/// What is wrong with a date that is not `YYYY-MM-DD`: message, help (with
/// `write_as` showing the corrected text when one date is meant), and that
/// date.
fn date_problem(
    written: &str,
    write_as: impl Fn(Date) -> String,
) -> (String, String, Option<Date>) {
    let fix = Date::suggest(written);
    match fix {
        DateFix::Fix(date) => (
            format!("`{written}` is not written YYYY-MM-DD"),
            format!("write `{}`", write_as(date)),
            Some(date),
        ),
        DateFix::Ambiguous { .. } => (
            format!("`{written}` is not written YYYY-MM-DD"),
            fix.help(written),
            None,
        ),
        DateFix::NoSuchDay { .. } | DateFix::NotADate => (
            format!("`{written}` is not a date"),
            fix.help(written),
            None,
        ),
    }
}

/// `span` with leading and trailing blanks removed.
fn trim_span(source: &str, span: Span) -> Span {
    let text = span.text(source);
    let start = span.start + (text.len() - text.trim_start().len());
    Span::new(start, start + text.trim().len())
}

/// The header field an unknown key means: a misspelling (`lenght`) or a
/// word from the trade (`deadline` → `due`).
fn field_meant(key: &str) -> Option<FieldKey> {
    const SYNONYMS: &[(&str, FieldKey)] = &[
        ("deadline", FieldKey::Due),
        ("due date", FieldKey::Due),
        ("delivery", FieldKey::Due),
        ("delivery date", FieldKey::Due),
        ("duration", FieldKey::Length),
        ("runtime", FieldKey::Length),
        ("run time", FieldKey::Length),
        ("running time", FieldKey::Length),
        ("shoot date", FieldKey::Shoot),
        ("shooting date", FieldKey::Shoot),
        ("aspect ratio", FieldKey::Formats),
        ("aspect ratios", FieldKey::Formats),
        ("format", FieldKey::Formats),
        ("platforms", FieldKey::Channels),
        ("channel", FieldKey::Channels),
        ("brand", FieldKey::Client),
        ("customer", FieldKey::Client),
        ("funnel stage", FieldKey::Stage),
        ("lang", FieldKey::Language),
        ("locale", FieldKey::Language),
    ];
    synonym(key, SYNONYMS).or_else(|| {
        let names = FieldKey::ALL.iter().map(|k| k.name());
        did_you_mean(key, names).and_then(FieldKey::parse)
    })
}

/// Header keys naming people other than the two owners.
fn is_people_key(key: &str) -> bool {
    [
        "director",
        "agency",
        "producer",
        "videographer",
        "contact",
        "contacts",
        "editor",
        "writer",
        "owner",
        "team",
    ]
    .iter()
    .any(|k| k.eq_ignore_ascii_case(key.trim()))
}

/// The section an unknown name means: a misspelling (`Audiance`) or a word
/// from the trade (`Target audience`, `Storyboard`).
fn section_meant(name: &str) -> Option<SectionKind> {
    const SYNONYMS: &[(&str, SectionKind)] = &[
        ("target audience", SectionKind::Audience),
        ("target audiences", SectionKind::Audience),
        ("target group", SectionKind::Audience),
        ("who it is for", SectionKind::Audience),
        ("storyboard", SectionKind::Scenes),
        ("script", SectionKind::Scenes),
        ("shots", SectionKind::Scenes),
        ("shotlist", SectionKind::Scenes),
        ("objectives", SectionKind::Goal),
        ("purpose", SectionKind::Goal),
        ("message", SectionKind::KeyMessage),
        ("core message", SectionKind::KeyMessage),
        ("main message", SectionKind::KeyMessage),
        ("kpi", SectionKind::SuccessMetrics),
        ("success criteria", SectionKind::SuccessMetrics),
        ("measurement", SectionKind::SuccessMetrics),
        ("look & feel", SectionKind::LookAndFeel),
        ("style", SectionKind::LookAndFeel),
        ("visual style", SectionKind::LookAndFeel),
        ("mandatories", SectionKind::Mandatory),
        ("must haves", SectionKind::Mandatory),
        ("must-haves", SectionKind::Mandatory),
        ("approval", SectionKind::SignOff),
        ("signoff", SectionKind::SignOff),
        ("sign off", SectionKind::SignOff),
        ("sign-offs", SectionKind::SignOff),
        ("next steps", SectionKind::Checklist),
        ("context", SectionKind::Background),
        ("situation", SectionKind::Background),
        ("business problem", SectionKind::Background),
        ("don't", SectionKind::Avoid),
        ("don’t", SectionKind::Avoid),
        ("dont", SectionKind::Avoid),
        ("do not", SectionKind::Avoid),
        ("no-gos", SectionKind::Avoid),
        ("no gos", SectionKind::Avoid),
        ("client assets", SectionKind::Assets),
        ("provided assets", SectionKind::Assets),
        ("materials", SectionKind::Assets),
        ("questions", SectionKind::OpenQuestions),
        ("open issues", SectionKind::OpenQuestions),
        ("open points", SectionKind::OpenQuestions),
    ];
    synonym(name, SYNONYMS).or_else(|| {
        let names = SectionKind::ALL
            .iter()
            .flat_map(|k| k.names().iter().copied());
        did_you_mean(name, names).and_then(SectionKind::parse)
    })
}

/// The scene field an unknown key means: a misspelling (`Visuals`) or the
/// word a production uses for it (`Camera` → `Shot`, `Music` → `Audio`).
fn scene_field_meant(key: &str) -> Option<SceneFieldKind> {
    const SYNONYMS: &[(&str, SceneFieldKind)] = &[
        ("camera", SceneFieldKind::Shot),
        ("framing", SceneFieldKind::Shot),
        ("angle", SceneFieldKind::Shot),
        ("music", SceneFieldKind::Audio),
        ("sfx", SceneFieldKind::Audio),
        ("sound", SceneFieldKind::Audio),
        ("sound effects", SceneFieldKind::Audio),
        ("super", SceneFieldKind::OnScreen),
        ("supers", SceneFieldKind::OnScreen),
        ("graphics", SceneFieldKind::OnScreen),
        ("text on screen", SceneFieldKind::OnScreen),
        ("on-screen text", SceneFieldKind::OnScreen),
        ("onscreen text", SceneFieldKind::OnScreen),
        ("caption", SceneFieldKind::OnScreen),
        ("captions", SceneFieldKind::OnScreen),
        ("title card", SceneFieldKind::OnScreen),
        ("narration", SceneFieldKind::Voiceover),
        ("narrator", SceneFieldKind::Voiceover),
        ("voice over", SceneFieldKind::Voiceover),
        ("voice-over", SceneFieldKind::Voiceover),
        ("dialogue", SceneFieldKind::Voiceover),
        ("picture", SceneFieldKind::Visual),
        ("video", SceneFieldKind::Visual),
        ("action", SceneFieldKind::Visual),
        ("setting", SceneFieldKind::Location),
        ("place", SceneFieldKind::Location),
        ("result", SceneFieldKind::Outcome),
        ("purpose", SceneFieldKind::Outcome),
    ];
    synonym(key, SYNONYMS).or_else(|| {
        let names = SceneFieldKind::ALL.iter().map(|k| k.name()).chain(["VO"]);
        did_you_mean(key, names).and_then(SceneFieldKind::parse_key)
    })
}

fn synonym<T: Copy>(word: &str, table: &[(&str, T)]) -> Option<T> {
    let word = word.trim();
    table
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, t)| t)
}

/// The first Markdown emphasis (`**word**`, `__word__`) or link
/// (`[text](url)`) in `text`: its byte range and the plain text to write
/// instead.
fn find_inline_markup(text: &str) -> Option<(std::ops::Range<usize>, String)> {
    let mut best: Option<(std::ops::Range<usize>, String)> = None;
    for marker in ["**", "__"] {
        let mut from = 0;
        while let Some(open) = text[from..].find(marker).map(|i| from + i) {
            let inner_start = open + 2;
            let Some(close) = text[inner_start..].find(marker).map(|i| inner_start + i) else {
                break;
            };
            let inner = &text[inner_start..close];
            let emphasis = !inner.is_empty()
                && !inner.starts_with(char::is_whitespace)
                && !inner.ends_with(char::is_whitespace);
            if emphasis {
                if best.as_ref().is_none_or(|(r, _)| open < r.start) {
                    best = Some((open..close + 2, inner.to_string()));
                }
                break;
            }
            from = close;
        }
    }
    let mut from = 0;
    while let Some(open) = text[from..].find('[').map(|i| from + i) {
        let Some(mid) = text[open..].find("](").map(|i| open + i) else {
            break;
        };
        let label = &text[open + 1..mid];
        let target_start = mid + 2;
        let Some(close) = text[target_start..].find(')').map(|i| target_start + i) else {
            break;
        };
        let target = &text[target_start..close];
        if !label.is_empty() && !target.is_empty() && !target.contains(char::is_whitespace) {
            if best.as_ref().is_none_or(|(r, _)| open < r.start) {
                best = Some((open..close + 1, format!("{label} {target}")));
            }
            break;
        }
        from = open + 1;
    }
    best
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
        assert_eq!(brief.header.length.as_ref().unwrap().value.min.seconds, 90);
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
            Some("move it to the top, above the header fields")
        );
        assert_eq!(d[0].related, Some((Span::new(6, 9), "the title".into())));
        assert_eq!(brief.title.value, "T");
        assert!(brief.header.length.is_some());
        let (brief, d) = lowered("#T\n");
        assert_eq!(d[0].help.as_deref(), Some("write `# T`"));
        assert_eq!(brief.title.value, "T");
    }

    #[test]
    fn did_you_mean_help() {
        let (_, d) = lowered("# T\nlenght: 90s\n## Audiance\n");
        assert_eq!(
            d[0].help.as_deref(),
            Some("did you mean `length`? write `length: …`")
        );
        assert_eq!(
            d[1].help.as_deref(),
            Some("did you mean `Audience`? write `## Audience`")
        );
    }
}
