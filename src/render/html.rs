//! HTML output: one standalone page (CSS inline, no scripts, no fetches).
//!
//! The brief is turned into a plain view model (strings and lists only), and
//! the Tera templates in `templates/` render it with autoescaping on, so user
//! text is always data, never template code. Teams may override the
//! templates (`brief.html`, `style.css`); the built-ins stay reachable as
//! `base/brief.html` and `base/style.css` for `{% extends %}`.

use super::{RenderOptions, VERSION};
use crate::labels::Labels;
use crate::model::{Brief, Content, FieldKey, SceneFieldKind, Section};
use base64::Engine as _;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The built-in templates, embedded in the binary.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("brief.html", include_str!("../../templates/brief.html")),
    ("style.css", include_str!("../../templates/style.css")),
];

/// The accent colour when the config sets none.
pub const DEFAULT_COLOR: &str = "#0A5FFF";

/// A template that could not be loaded or rendered.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct TemplateError {
    /// The template file, for overrides.
    pub path: Option<PathBuf>,
    /// Tera's message (with line and column where it has them).
    pub message: String,
}

/// A set of templates: the built-ins, possibly with a team's overrides.
pub struct Templates {
    tera: tera::Tera,
    /// The overrides folder, named in render errors.
    dir: Option<PathBuf>,
}

impl Templates {
    /// The built-in templates (parsed once per process).
    pub fn builtin() -> &'static Templates {
        static BUILTIN: OnceLock<Templates> = OnceLock::new();
        BUILTIN.get_or_init(|| Templates::load(None).expect("the built-in templates are valid"))
    }

    /// The built-ins with `overrides` replacing their namesakes: each is a
    /// built-in template name (see [`BUILTIN_TEMPLATES`]), the file it was
    /// read from (named in errors) and its text. `dir` is the overrides
    /// folder, named in render errors. The CLI reads the files; rendering
    /// does no I/O.
    pub fn with_overrides(
        dir: &Path,
        overrides: &[(&str, PathBuf, String)],
    ) -> Result<Templates, TemplateError> {
        let mut tera = Templates::builtin_tera()?;
        for (name, path, text) in overrides {
            tera.add_raw_template(name, text)
                .map_err(|e| TemplateError {
                    path: Some(path.clone()),
                    message: error_chain(&e),
                })?;
        }
        Ok(Templates {
            tera,
            dir: Some(dir.to_path_buf()),
        })
    }

    fn load(dir: Option<&Path>) -> Result<Templates, TemplateError> {
        Ok(Templates {
            tera: Templates::builtin_tera()?,
            dir: dir.map(Path::to_path_buf),
        })
    }

    fn builtin_tera() -> Result<tera::Tera, TemplateError> {
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html"]);
        let builtins = BUILTIN_TEMPLATES
            .iter()
            .flat_map(|(name, text)| [(name.to_string(), *text), (format!("base/{name}"), *text)]);
        tera.add_raw_templates(builtins)
            .map_err(|e| TemplateError {
                path: None,
                message: error_chain(&e),
            })?;
        Ok(tera)
    }

    /// Renders `brief` to a complete HTML document.
    pub fn render(&self, brief: &Brief, options: &RenderOptions) -> Result<String, TemplateError> {
        let labels = options.labels_for(brief);
        let view = Page::new(brief, options, &labels);
        let context = tera::Context::from_serialize(&view).map_err(|e| TemplateError {
            path: None,
            message: error_chain(&e),
        })?;
        let page = self
            .tera
            .render("brief.html", &context)
            .map_err(|e| TemplateError {
                path: self.dir.clone(),
                message: error_chain(&e),
            })?;
        Ok(with_content_security_policy(
            &with_safe_links(&page),
            OwnScripts::None,
        ))
    }
}

/// `page` with `rel="noopener noreferrer"` on every `<a` tag that has no
/// `rel` of its own, so that links in a team's template override get it as
/// the built-in template's do: the opened page cannot reach back to this
/// one, nor learn where it was opened from. Values are autoescaped, so every
/// `<a` in the page comes from a template, never from a brief.
pub(crate) fn with_safe_links(page: &str) -> String {
    const REL: &str = " rel=\"noopener noreferrer\"";
    // ASCII lowercasing keeps every byte offset: `<A HREF` is found too.
    let lower = page.to_ascii_lowercase();
    let mut out = String::with_capacity(page.len());
    let mut done = 0;
    let mut from = 0;
    while let Some(found) = lower[from..].find("<a") {
        let name_end = from + found + 2;
        from = name_end;
        let is_anchor =
            lower[name_end..].starts_with(|c: char| c.is_ascii_whitespace() || c == '>');
        let Some(close) = lower[name_end..].find('>').filter(|_| is_anchor) else {
            continue;
        };
        let tag = &lower[name_end..name_end + close];
        if tag.contains("rel=") {
            continue;
        }
        // Before a self-closing slash, if any.
        let at = name_end + tag.trim_end_matches('/').len();
        out.push_str(&page[done..at]);
        out.push_str(REL);
        done = at;
    }
    out.push_str(&page[done..]);
    out
}

/// `page` with a Content-Security-Policy that allows nothing but its own
/// inline style blocks (by their SHA-256, not `unsafe-inline`) and `data:`
/// images (the embedded logo): nothing is fetched and no form posts
/// anywhere. Scripts run only when `own_scripts` is [`OwnScripts::ByHash`]
/// (the pipeline report, whose templates are built in): then each inline
/// `<script>` block is named by its hash. A brief's page passes
/// [`OwnScripts::None`], so no script runs there, not even one a team's
/// template override holds. The policy goes first in `<head>`, before
/// anything it governs.
pub(crate) fn with_content_security_policy(page: &str, own_scripts: OwnScripts) -> String {
    let style = block_hashes(page, "<style>", "</style>");
    // No `script-src` when no script may run (or the page has none):
    // `default-src 'none'` then forbids every script.
    let script = match own_scripts {
        OwnScripts::ByHash => Some(block_hashes(page, "<script>", "</script>")),
        OwnScripts::None => None,
    }
    .filter(|sources| sources != "'none'")
    .map_or(String::new(), |sources| format!(" script-src {sources};"));
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {style};{script} img-src data:; base-uri 'none'; form-action 'none'\">\n"
    );
    // After `<meta charset>` (which must come first), else right after `<head>`.
    let anchor = ["<meta charset=\"utf-8\">", "<head>"]
        .iter()
        .find_map(|tag| page.find(tag).map(|at| at + tag.len()));
    match anchor {
        Some(at) => {
            let newline = usize::from(page[at..].starts_with('\n'));
            let mut out = String::with_capacity(page.len() + meta.len());
            out.push_str(&page[..at + newline]);
            out.push_str(&meta);
            out.push_str(&page[at + newline..]);
            out
        }
        None => page.to_string(),
    }
}

/// Whether a page's own inline scripts may run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OwnScripts {
    /// No script runs (`default-src 'none'` and no `script-src`).
    None,
    /// Each inline `<script>` block of the page, named by its SHA-256.
    ByHash,
}

/// The CSP source list naming every `open`…`close` block of `page` by its
/// SHA-256 (`'sha256-…' 'sha256-…'`), or `'none'` when there is none.
fn block_hashes(page: &str, open: &str, close: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let mut hashes = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find(open) {
        let body = &rest[at + open.len()..];
        let Some(end) = body.find(close) else {
            break;
        };
        let digest = sha2::Sha256::digest(&body.as_bytes()[..end]);
        hashes.push(format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        ));
        rest = &body[end..];
    }
    if hashes.is_empty() {
        "'none'".to_string()
    } else {
        hashes.join(" ")
    }
}

#[cfg(test)]
mod link_tests {
    use super::with_safe_links;

    #[test]
    fn every_anchor_gets_rel_unless_it_has_one() {
        assert_eq!(
            with_safe_links(
                "<p><a href=\"https://a.b\">x</a><abbr>y</abbr><a\nhref=\"h\" rel=\"me\">z</a><a></a></p>"
            ),
            "<p><a href=\"https://a.b\" rel=\"noopener noreferrer\">x</a><abbr>y</abbr><a\nhref=\"h\" rel=\"me\">z</a><a rel=\"noopener noreferrer\"></a></p>"
        );
        assert_eq!(with_safe_links("no links <a"), "no links <a");
        assert_eq!(
            with_safe_links("<A HREF=\"h\">É</A><a href=h/>"),
            "<A HREF=\"h\" rel=\"noopener noreferrer\">É</A><a href=h rel=\"noopener noreferrer\"/>"
        );
    }
}

/// Renders `brief` with the built-in templates.
pub fn render(brief: &Brief, options: &RenderOptions) -> Result<String, TemplateError> {
    Templates::builtin().render(brief, options)
}

pub(crate) fn error_chain(err: &dyn std::error::Error) -> String {
    let mut message = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = s.source();
    }
    message
}

/// The view model the templates see. Every printed word comes from the
/// brief's labels: `labels` holds them all by key (a count's `other`
/// form), and the texts that combine labels with numbers are made here
/// (`status_label`, `footer`, a section's `note`).
#[derive(Serialize)]
struct Page<'a> {
    lang: &'a str,
    title: String,
    version: &'static str,
    date: String,
    status: &'static str,
    /// The status as the badge shows it (lower case; the CSS sets capitals).
    status_label: String,
    brand: BrandView,
    fields: Vec<FieldView>,
    sections: Vec<SectionView>,
    labels: std::collections::BTreeMap<&'static str, &'a str>,
    footer: String,
}

#[derive(Serialize)]
struct BrandView {
    name: Option<String>,
    color: String,
    logo: Option<String>,
}

#[derive(Serialize)]
struct FieldView {
    label: String,
    value: String,
}

/// A run of text, a link when `url` is set.
#[derive(Serialize)]
struct Segment {
    text: String,
    url: Option<String>,
}

#[derive(Serialize, Default)]
struct SectionView {
    id: String,
    name: String,
    form: &'static str,
    paragraphs: Vec<Vec<Segment>>,
    items: Vec<Vec<Segment>>,
    checklist: Vec<CheckView>,
    checklist_done: usize,
    /// Under a checklist: "2 of 3 done"; above the scenes: "5 scenes,
    /// 1 min 30 s in all".
    note: Option<String>,
    metrics: Vec<MetricView>,
    scenes: Vec<SceneView>,
    scenes_total: Option<String>,
    sign_off: Vec<SignOffView>,
    milestones: Vec<MilestoneView>,
    timeline: Option<timeline_svg::TimelineView>,
}

#[derive(Serialize)]
struct MilestoneView {
    date: String,
    text: Vec<Segment>,
}

#[derive(Serialize)]
struct CheckView {
    done: bool,
    text: Vec<Segment>,
}

#[derive(Serialize)]
struct MetricView {
    name: String,
    target: Vec<Segment>,
    deadline: Option<String>,
    source: Option<Vec<Segment>>,
}

#[derive(Serialize)]
struct SceneView {
    start: String,
    end: String,
    duration: String,
    title: String,
    fields: Vec<SceneFieldView>,
}

#[derive(Serialize)]
struct SceneFieldView {
    id: String,
    label: String,
    text: Vec<Segment>,
}

#[derive(Serialize)]
struct SignOffView {
    name: String,
    role: String,
    date: Option<String>,
}

impl<'a> Page<'a> {
    fn new(brief: &'a Brief, options: &RenderOptions, labels: &'a Labels) -> Page<'a> {
        let logo = options.logo.as_ref().map(|l| {
            format!(
                "data:{};base64,{}",
                l.mime,
                base64::engine::general_purpose::STANDARD.encode(&l.bytes)
            )
        });
        let date = options.date().to_string();
        let footer = match &options.brand.name {
            Some(brand) => {
                labels
                    .footer_brand
                    .fill(&[("version", VERSION), ("date", &date), ("brand", brand)])
            }
            None => labels.footer.fill(&[("version", VERSION), ("date", &date)]),
        };
        Page {
            lang: RenderOptions::lang_of(brief),
            title: brief.title.value.clone(),
            version: VERSION,
            date,
            status: brief.status().name(),
            status_label: labels.status_name(brief.status()).to_lowercase(),
            brand: BrandView {
                name: options.brand.name.clone(),
                color: options
                    .brand
                    .color
                    .as_deref()
                    .and_then(crate::config::parse_color)
                    .map_or_else(|| DEFAULT_COLOR.to_string(), crate::config::color_hex),
                logo,
            },
            fields: header_fields(brief, labels),
            sections: brief
                .sections
                .iter()
                .map(|s| section_view(s, labels))
                .collect(),
            labels: labels.to_map(),
            footer,
        }
        .with_timeline(brief, options, labels)
    }

    /// The scene timeline, at the top of the (first) Scenes section.
    fn with_timeline(mut self, brief: &Brief, options: &RenderOptions, labels: &Labels) -> Self {
        let view = super::timeline::Timeline::of(brief, options.speaking_rate_wpm)
            .map(|t| timeline_svg::TimelineView::new(&t, labels));
        if let Some(section) = self.sections.iter_mut().find(|s| s.form == "scenes") {
            section.timeline = view;
        }
        self
    }
}

mod timeline_svg;

/// The header fields but `Status`, which the badge shows.
fn header_fields(brief: &Brief, labels: &Labels) -> Vec<FieldView> {
    super::header_fields(brief, labels)
        .into_iter()
        .filter(|(key, _, _)| *key != FieldKey::Status)
        .map(|(_, label, value)| FieldView { label, value })
        .collect()
}

fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    for range in crate::model::find_urls(text) {
        if range.start > at {
            out.push(Segment {
                text: text[at..range.start].to_string(),
                url: None,
            });
        }
        let url = text[range.clone()].to_string();
        out.push(Segment {
            text: url.clone(),
            url: Some(url),
        });
        at = range.end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Segment {
            text: text[at..].to_string(),
            url: None,
        });
    }
    out
}

/// The target with its `by DATE` deadline removed, since the deadline has a
/// column of its own: `25 per month By 2027-04-30.` → `25 per month.`
fn target_without_deadline(target: &str, deadline: Option<crate::model::Date>) -> String {
    let Some(found) = deadline.and_then(|date| {
        crate::model::find_deadlines(target)
            .into_iter()
            .find(|m| m.resolved() == Some(date))
    }) else {
        return target.to_string();
    };
    let before = target[..found.phrase.start].trim_end();
    let after = &target[found.phrase.end..];
    // Punctuation right after the deadline closes up to the text before it.
    let joined = if before.is_empty() {
        after.trim_start_matches([',', ';', ':', '.']).to_string()
    } else if after.starts_with(char::is_whitespace) {
        format!("{before} {after}")
    } else {
        format!("{before}{after}")
    };
    let cleaned = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        target.to_string()
    } else {
        cleaned
    }
}

fn section_view(section: &Section, labels: &Labels) -> SectionView {
    let kind = section.kind;
    let mut view = SectionView {
        id: kind.config_key().replace('_', "-"),
        name: labels.section(kind).to_string(),
        ..SectionView::default()
    };
    match &section.content {
        Content::Prose(paragraphs) => {
            view.form = "prose";
            view.paragraphs = paragraphs.iter().map(|p| segments(&p.value)).collect();
        }
        Content::List(items) => {
            view.form = "list";
            view.items = items.iter().map(|i| segments(&i.value)).collect();
        }
        Content::Checklist(items) => {
            view.form = "checklist";
            view.checklist_done = items.iter().filter(|i| i.done).count();
            view.note = Some(labels.checklist_progress.fill(&[
                ("done", &view.checklist_done.to_string()),
                ("total", &items.len().to_string()),
            ]));
            view.checklist = items
                .iter()
                .map(|i| CheckView {
                    done: i.done,
                    text: segments(&i.text.value),
                })
                .collect();
        }
        Content::Metrics(metrics) => {
            view.form = "metrics";
            view.metrics = metrics
                .iter()
                .map(|m| MetricView {
                    name: m.name.clone(),
                    target: segments(&target_without_deadline(&m.target, m.deadline)),
                    deadline: m.deadline.map(|d| d.to_string()),
                    source: m.source.as_deref().map(segments),
                })
                .collect();
        }
        Content::Scenes(scenes) => {
            view.form = "scenes";
            let total = crate::model::scene_total(scenes);
            view.scenes_total = (total.seconds > 0).then(|| labels.duration(total));
            view.note = Some(super::scenes_note(labels, scenes));
            view.scenes = scenes
                .iter()
                .map(|s| SceneView {
                    start: s.time.map(|t| t.start.timecode()).unwrap_or_default(),
                    end: s.time.map(|t| t.end.timecode()).unwrap_or_default(),
                    duration: s
                        .time
                        .map(|t| labels.duration(t.duration()))
                        .unwrap_or_default(),
                    title: s.title.clone(),
                    fields: SceneFieldKind::ALL
                        .iter()
                        .filter_map(|&k| {
                            s.field(k).map(|text| SceneFieldView {
                                id: k.name().to_lowercase().replace(' ', "-"),
                                label: labels.scene_field(k).to_string(),
                                text: segments(&text),
                            })
                        })
                        .collect(),
                })
                .collect();
        }
        Content::Milestones(milestones) => {
            view.form = "milestones";
            view.milestones = milestones
                .iter()
                .map(|m| MilestoneView {
                    date: m.date.to_string(),
                    text: segments(&m.text),
                })
                .collect();
        }
        Content::SignOff(entries) => {
            view.form = "sign_off";
            view.sign_off = entries
                .iter()
                .map(|e| SignOffView {
                    name: e.name.clone(),
                    role: e.role.clone(),
                    date: e.date.map(|d| d.to_string()),
                })
                .collect();
        }
    }
    view
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn the_deadline_leaves_the_target_once() {
        let date = Date::parse("2027-04-30");
        for (target, shown) in [
            ("25 per month by 2027-04-30", "25 per month"),
            ("25 per month By 2027-04-30", "25 per month"),
            ("25 per month BY 2027-04-30.", "25 per month."),
            (
                "3,000 views by 2027-04-30 on YouTube",
                "3,000 views on YouTube",
            ),
            ("By 2027-04-30, 25 a month", "25 a month"),
            ("3,000 views by 30/04/2027", "3,000 views"),
            ("by 2027-04-30", "by 2027-04-30"),
            ("25 by 2027-05-01", "25 by 2027-05-01"),
        ] {
            assert_eq!(target_without_deadline(target, date), shown, "{target}");
        }
        assert_eq!(
            target_without_deadline("25 by 2027-04-30", None),
            "25 by 2027-04-30"
        );
    }
}
