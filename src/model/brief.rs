//! The typed brief: what a brief says, with the span of every piece.
//!
//! Built from the syntax tree by [`super::lower`]; read by the rules and the
//! renderers; serialisable for `export`.

use super::{Date, Duration, LanguageTag, Length};
use crate::syntax::{Span, Spanned};
use schemars::JsonSchema;
use serde::Serialize;

/// A whole brief.
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
pub struct Brief {
    /// The title (empty when `missing-title` fired).
    #[schemars(
        description = "The title: the `# ` line. Never empty (a brief without one has errors and is not exported).",
        length(min = 1)
    )]
    pub title: Spanned<String>,
    /// The span diagnostics about missing things point at: the title line, or
    /// the start of the file when there is no title.
    #[serde(skip)]
    pub anchor: Span,
    /// The header fields.
    pub header: Header,
    /// The known sections, each once, in canonical order.
    pub sections: Vec<Section>,
}

impl Brief {
    /// Whether the brief holds nothing but blank lines and comments. Then
    /// `missing-title` says "the brief is empty", and the checks for missing
    /// fields and sections stay quiet rather than list everything.
    pub fn is_blank(&self) -> bool {
        // The anchor is the first line that is not blank or a comment, and
        // such a line is never empty; it stays `0..0` only when there is none.
        self.anchor.is_empty()
    }

    /// The section of `kind`, if the brief has it.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// The scenes, or none.
    pub fn scenes(&self) -> &[Scene] {
        match self.section(SectionKind::Scenes).map(|s| &s.content) {
            Some(Content::Scenes(scenes)) => scenes,
            _ => &[],
        }
    }

    /// The status, `draft` when not given.
    pub fn status(&self) -> Status {
        self.header
            .status
            .as_ref()
            .map_or(Status::Draft, |s| s.value)
    }

    /// Whether the brief is for the convert stage but names no `sales`
    /// owner: what `missing-sales-owner` reports.
    pub fn lacks_sales_owner(&self) -> bool {
        let header = &self.header;
        header
            .stage
            .as_ref()
            .is_some_and(|s| s.value == Stage::Convert)
            && header.sales.is_none()
    }

    /// Whether the brief was due before `today` and is not approved: what
    /// `due-in-past` reports.
    pub fn is_past_due(&self, today: Date) -> bool {
        self.header
            .due
            .as_ref()
            .is_some_and(|due| due.value < today && self.status() != Status::Approved)
    }

    /// The `## Sign-off` entries, or none.
    pub fn sign_off_entries(&self) -> &[SignOffEntry] {
        match self.section(SectionKind::SignOff).map(|s| &s.content) {
            Some(Content::SignOff(entries)) => entries,
            _ => &[],
        }
    }

    /// How far `side` has signed the brief off: what `missing-sign-off`
    /// reads (an approved brief needs [`SignOffState::Signed`] from both).
    pub fn sign_off(&self, side: Side) -> SignOffState {
        let mut state = SignOffState::Unlisted;
        for entry in self.sign_off_entries().iter().filter(|e| e.signs_for(side)) {
            if entry.signed {
                return SignOffState::Signed;
            }
            state = SignOffState::Unsigned;
        }
        state
    }

    /// The metrics of `## Success metrics`, or none.
    pub fn metrics(&self) -> &[Metric] {
        match self
            .section(SectionKind::SuccessMetrics)
            .map(|s| &s.content)
        {
            Some(Content::Metrics(metrics)) => metrics,
            _ => &[],
        }
    }
}

/// One of the two teams a brief aligns: each has an owner in the header and
/// signs the brief off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// The marketing team (`marketing:`).
    Marketing,
    /// The sales team (`sales:`).
    Sales,
}

impl Side {
    /// Both sides, marketing first.
    pub const ALL: [Side; 2] = [Side::Marketing, Side::Sales];

    /// `marketing` or `sales`, as the header key and in messages.
    pub const fn name(self) -> &'static str {
        match self {
            Side::Marketing => "marketing",
            Side::Sales => "sales",
        }
    }
}

/// Where one side stands in a brief's `## Sign-off`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SignOffState {
    /// An entry for the side has a date.
    Signed,
    /// The side is listed, but no entry for it has a date yet.
    Unsigned,
    /// No entry signs for the side.
    Unlisted,
}

/// The header fields, each optional; `given` lists the keys that appeared
/// (also those whose value was invalid).
#[derive(Clone, Debug, Default, Serialize, JsonSchema)]
#[schemars(
    description = "The header fields. `status` is always there (`draft` when the brief gives none); the others are left out when the brief does not give them."
)]
pub struct Header {
    /// Intended video length: one duration or (since 1.1) a range.
    #[serde(flatten)]
    pub length: Option<Spanned<Length>>,
    /// The shorter versions cut from this video (since 1.1).
    #[serde(rename = "cutdowns_seconds")]
    #[schemars(
        description = "The shorter versions cut from this video, in seconds (`cutdowns: 30s, 15s` → `[30, 15]`). Since language 1.1."
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cutdowns: Option<Spanned<Vec<Duration>>>,
    /// Buying-journey stage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<Spanned<Stage>>,
    /// The client.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client: Option<Spanned<String>>,
    /// The product.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product: Option<Spanned<String>>,
    /// The brief's version, free text such as `v3` (since 1.1).
    #[schemars(description = "The brief's version, free text such as `v3`. Since language 1.1.")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<Spanned<String>>,
    /// The language the brief is written in, which its outputs' labels
    /// follow (since 1.1).
    #[schemars(
        description = "The language the brief is written in, a BCP 47 tag in conventional case (`uk`, `de-CH`); the outputs' labels follow it. Since language 1.1."
    )]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Spanned<LanguageTag>>,
    /// A profile name from `briefc.yaml`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<Spanned<String>>,
    /// Aspect ratios to deliver.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formats: Option<Spanned<Vec<AspectRatio>>>,
    /// Where the video is shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channels: Option<Spanned<Vec<String>>>,
    /// Delivery date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<Spanned<Date>>,
    /// Shoot date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shoot: Option<Spanned<Date>>,
    /// Budget, free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<Spanned<String>>,
    /// Owner on the marketing side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marketing: Option<Spanned<String>>,
    /// Owner on the sales side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sales: Option<Spanned<String>>,
    /// Approval status (`draft` when absent).
    #[schemars(description = "Approval status; `draft` when the brief gives none.")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Spanned<Status>>,
    /// Every key that appeared, valid value or not, with the span of its line.
    #[serde(skip)]
    pub given: Vec<(FieldKey, Span)>,
}

impl Header {
    /// Whether `key` appeared in the header.
    pub fn has(&self, key: FieldKey) -> bool {
        self.given.iter().any(|(k, _)| *k == key)
    }
}

macro_rules! keyword_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
        #[serde(rename_all = "kebab-case")]
        // No doc per variant: the export schema then lists the values as a
        // plain `enum` rather than a `oneOf` of documented constants.
        pub enum $name { $($variant),* }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The keyword as written in a brief.
            pub const fn name(self) -> &'static str {
                match self { $($name::$variant => $text),* }
            }

            /// Parses the keyword, ignoring case.
            pub fn parse(text: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.name().eq_ignore_ascii_case(text.trim()))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

keyword_enum! {
    /// Where in the buying journey the video is used.
    Stage { Awareness = "awareness", Engage = "engage", Convert = "convert", Retain = "retain" }
}

keyword_enum! {
    /// How far the brief is through approval.
    Status { Draft = "draft", Review = "review", Approved = "approved" }
}

keyword_enum! {
    /// A header key.
    FieldKey {
        Client = "client", Product = "product", Stage = "stage", Profile = "profile",
        Length = "length", Formats = "formats", Channels = "channels", Due = "due",
        Shoot = "shoot", Budget = "budget", Marketing = "marketing", Sales = "sales",
        Status = "status", Version = "version", Cutdowns = "cutdowns",
        Language = "language",
    }
}

keyword_enum! {
    /// A field of a scene.
    SceneFieldKind {
        Visual = "Visual", Voiceover = "Voiceover", OnScreen = "On screen", Audio = "Audio",
        Shot = "Shot", Location = "Location", Outcome = "Outcome",
    }
}

impl SceneFieldKind {
    /// Parses a scene field key, with the aliases `VO` and `On-screen`/`Onscreen`.
    pub fn parse_key(key: &str) -> Option<SceneFieldKind> {
        let key = key.trim();
        if key.eq_ignore_ascii_case("vo") {
            return Some(SceneFieldKind::Voiceover);
        }
        if key.eq_ignore_ascii_case("on-screen") || key.eq_ignore_ascii_case("onscreen") {
            return Some(SceneFieldKind::OnScreen);
        }
        Self::parse(key)
    }
}

/// An aspect ratio `W:H`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct AspectRatio {
    /// Width part.
    pub width: u32,
    /// Height part.
    pub height: u32,
}

impl std::fmt::Display for AspectRatio {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.width, self.height)
    }
}

/// The sections the language knows, in canonical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// `## Goal` (alias `Objective`).
    Goal,
    /// `## Background`: why now, the business problem (since 1.1).
    Background,
    /// `## Audience`.
    Audience,
    /// `## Key message`.
    KeyMessage,
    /// `## Key benefits` (alias `Benefits`).
    KeyBenefits,
    /// `## Call to action` (alias `CTA`).
    CallToAction,
    /// `## Success metrics` (aliases `Metrics`, `KPIs`).
    SuccessMetrics,
    /// `## Scenes` (alias `Shot list`).
    Scenes,
    /// `## Look and feel` (alias `Tone`).
    LookAndFeel,
    /// `## Avoid` (alias `Don'ts`): what the video must not use (since 1.1).
    Avoid,
    /// `## Mandatory` (alias `Mandatories`).
    Mandatory,
    /// `## Deliverables`.
    Deliverables,
    /// `## Assets`: what the client provides, each optionally `by DATE` (since 1.1).
    Assets,
    /// `## References`.
    References,
    /// `## Milestones`: `YYYY-MM-DD: text` entries (since 1.1).
    Milestones,
    /// `## Open questions` (since 1.1).
    OpenQuestions,
    /// `## Checklist`.
    Checklist,
    /// `## Sign-off` (alias `Approvals`).
    SignOff,
    /// `## Notes`.
    Notes,
}

/// The kind of content a section holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentForm {
    /// Paragraphs of text.
    Prose,
    /// A bulleted list.
    List,
    /// A list of `- [ ]` items.
    Checklist,
    /// A list of `NAME: TARGET` metrics.
    Metrics,
    /// `### START-END Title` scene blocks.
    Scenes,
    /// A list of `NAME (ROLE) DATE` entries.
    SignOff,
    /// A list of `YYYY-MM-DD: text` entries.
    Milestones,
}

impl SectionKind {
    /// Every section, in canonical order.
    pub const ALL: &'static [SectionKind] = &[
        SectionKind::Goal,
        SectionKind::Background,
        SectionKind::Audience,
        SectionKind::KeyMessage,
        SectionKind::KeyBenefits,
        SectionKind::CallToAction,
        SectionKind::SuccessMetrics,
        SectionKind::Scenes,
        SectionKind::LookAndFeel,
        SectionKind::Avoid,
        SectionKind::Mandatory,
        SectionKind::Deliverables,
        SectionKind::Assets,
        SectionKind::References,
        SectionKind::Milestones,
        SectionKind::OpenQuestions,
        SectionKind::Checklist,
        SectionKind::SignOff,
        SectionKind::Notes,
    ];

    /// The canonical heading, e.g. `Key benefits`.
    pub const fn name(self) -> &'static str {
        self.names()[0]
    }

    /// The canonical name followed by its aliases.
    pub const fn names(self) -> &'static [&'static str] {
        match self {
            SectionKind::Goal => &["Goal", "Objective"],
            SectionKind::Background => &["Background"],
            SectionKind::Audience => &["Audience"],
            SectionKind::KeyMessage => &["Key message"],
            SectionKind::KeyBenefits => &["Key benefits", "Benefits"],
            SectionKind::CallToAction => &["Call to action", "CTA"],
            SectionKind::SuccessMetrics => &["Success metrics", "Metrics", "KPIs"],
            SectionKind::Scenes => &["Scenes", "Shot list"],
            SectionKind::LookAndFeel => &["Look and feel", "Tone"],
            SectionKind::Avoid => &["Avoid", "Don'ts", "Don’ts", "Donts"],
            SectionKind::Mandatory => &["Mandatory", "Mandatories"],
            SectionKind::Deliverables => &["Deliverables"],
            SectionKind::Assets => &["Assets"],
            SectionKind::References => &["References"],
            SectionKind::Milestones => &["Milestones"],
            SectionKind::OpenQuestions => &["Open questions"],
            SectionKind::Checklist => &["Checklist"],
            SectionKind::SignOff => &["Sign-off", "Approvals"],
            SectionKind::Notes => &["Notes"],
        }
    }

    /// The key used in `briefc.yaml` (`key_benefits`), also for `required_sections`.
    pub fn config_key(self) -> String {
        self.name().to_lowercase().replace([' ', '-'], "_")
    }

    /// Whether the section is new in language 1.1 (docs and completion say so).
    pub const fn since_1_1(self) -> bool {
        matches!(
            self,
            SectionKind::Background
                | SectionKind::Avoid
                | SectionKind::Assets
                | SectionKind::Milestones
                | SectionKind::OpenQuestions
        )
    }

    /// Parses a heading or config name: canonical names and aliases, any case;
    /// spaces, `-` and `_` are interchangeable (`key_benefits` = `Key benefits`).
    pub fn parse(name: &str) -> Option<SectionKind> {
        let name = name.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|k| k.names().iter().any(|n| same_name(n, name)))
    }

    /// What kind of content the section holds.
    pub const fn form(self) -> ContentForm {
        match self {
            SectionKind::KeyBenefits
            | SectionKind::Mandatory
            | SectionKind::Deliverables
            | SectionKind::References
            | SectionKind::Avoid
            | SectionKind::Assets
            | SectionKind::OpenQuestions => ContentForm::List,
            SectionKind::Milestones => ContentForm::Milestones,
            SectionKind::SuccessMetrics => ContentForm::Metrics,
            SectionKind::Scenes => ContentForm::Scenes,
            SectionKind::Checklist => ContentForm::Checklist,
            SectionKind::SignOff => ContentForm::SignOff,
            _ => ContentForm::Prose,
        }
    }
}

/// Compares names ignoring ASCII case and treating ` `, `-` and `_` alike,
/// without allocating (headings are compared on every keystroke).
fn same_name(a: &str, b: &str) -> bool {
    let fold = |c: char| match c {
        '-' | '_' => ' ',
        c => c.to_ascii_lowercase(),
    };
    a.len() == b.len() && a.chars().map(fold).eq(b.chars().map(fold))
}

/// One section of a brief.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Section {
    /// Which section.
    pub kind: SectionKind,
    /// The `## Name` heading line.
    #[serde(skip)]
    pub heading: Span,
    /// What it holds.
    pub content: Content,
    /// Whether anything but blank lines and comments stands under the
    /// heading, including lines that could not be read (a malformed metric,
    /// stray text): those have diagnostics of their own, so the section is
    /// not also reported as empty.
    #[serde(skip)]
    pub written: bool,
}

/// A section's content, by form.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case", tag = "form", content = "items")]
pub enum Content {
    /// Paragraphs, each with its lines joined by single spaces.
    Prose(Vec<Spanned<String>>),
    /// List items, continuation lines joined.
    List(Vec<Spanned<String>>),
    /// Checklist items.
    Checklist(Vec<CheckItem>),
    /// Success metrics.
    Metrics(Vec<Metric>),
    /// Scenes in source order.
    Scenes(Vec<Scene>),
    /// Sign-off entries.
    SignOff(Vec<SignOffEntry>),
    /// Milestones in source order (since 1.1).
    Milestones(Vec<Milestone>),
}

impl Content {
    /// An empty content of `form`.
    pub fn empty(form: ContentForm) -> Content {
        match form {
            ContentForm::Prose => Content::Prose(Vec::new()),
            ContentForm::List => Content::List(Vec::new()),
            ContentForm::Checklist => Content::Checklist(Vec::new()),
            ContentForm::Metrics => Content::Metrics(Vec::new()),
            ContentForm::Scenes => Content::Scenes(Vec::new()),
            ContentForm::SignOff => Content::SignOff(Vec::new()),
            ContentForm::Milestones => Content::Milestones(Vec::new()),
        }
    }

    /// Number of paragraphs, items or scenes.
    pub fn len(&self) -> usize {
        match self {
            Content::Prose(v) | Content::List(v) => v.len(),
            Content::Checklist(v) => v.len(),
            Content::Metrics(v) => v.len(),
            Content::Scenes(v) => v.len(),
            Content::SignOff(v) => v.len(),
            Content::Milestones(v) => v.len(),
        }
    }

    /// Whether there is nothing in it.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `- [ ] text` or `- [x] text`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct CheckItem {
    /// Whether the box is ticked.
    pub done: bool,
    /// The item text.
    pub text: Spanned<String>,
}

/// `NAME: TARGET [by DATE] [(source: TEXT)]`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Metric {
    /// What is measured.
    pub name: String,
    /// The target as written, without the `(source: …)` part.
    pub target: String,
    /// The `by YYYY-MM-DD` deadline, if any.
    pub deadline: Option<Date>,
    /// Where the number comes from, if given.
    pub source: Option<String>,
    /// The whole item.
    #[serde(skip)]
    pub span: Span,
}

/// `- YYYY-MM-DD: text` in `## Milestones` (since 1.1).
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Milestone {
    /// When.
    pub date: Date,
    /// What happens then (may be empty).
    pub text: String,
    /// The whole item.
    #[serde(skip)]
    pub span: Span,
}

/// `- NAME (ROLE) [DATE]`.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SignOffEntry {
    /// Who.
    pub name: String,
    /// Their role, free text.
    pub role: String,
    /// When they signed; `None` means not yet signed.
    #[schemars(description = "When they signed; `null` means not yet signed.")]
    pub date: Option<Date>,
    /// The whole entry.
    #[serde(skip)]
    pub span: Span,
    /// Whether a date follows the entry (it is signed), even one that could
    /// not be read.
    #[serde(skip)]
    pub signed: bool,
    /// Whether the entry signs for marketing: its role names marketing, or
    /// its name is the brief's `marketing:` owner.
    #[serde(skip)]
    pub for_marketing: bool,
    /// Whether the entry signs for sales: its role names sales, or its name
    /// is the brief's `sales:` owner.
    #[serde(skip)]
    pub for_sales: bool,
}

impl SignOffEntry {
    /// Reads which side an entry signs for, from its role (`VP Sales`) or
    /// from the owners the header names.
    pub fn sides(
        name: &str,
        role: &str,
        marketing: Option<&str>,
        sales: Option<&str>,
    ) -> (bool, bool) {
        let is = |owner: Option<&str>| owner.is_some_and(|o| same_person(o, name));
        (
            has_word(role, "marketing") || is(marketing),
            has_word(role, "sales") || is(sales),
        )
    }

    /// Whether the entry signs for marketing.
    pub fn is_marketing(&self) -> bool {
        self.for_marketing
    }

    /// Whether the entry signs for sales.
    pub fn is_sales(&self) -> bool {
        self.for_sales
    }

    /// Whether the entry signs for `side`.
    pub fn signs_for(&self, side: Side) -> bool {
        match side {
            Side::Marketing => self.for_marketing,
            Side::Sales => self.for_sales,
        }
    }
}

impl Metric {
    /// Whether the target can be measured: it has a number outside its
    /// `by DATE` deadlines (`25 per month by 2027-04-30` can, `grow
    /// awareness by 2027-04-30` cannot). What `unmeasurable-metric` reads.
    pub fn is_measurable(&self) -> bool {
        target_has_number(&self.target)
    }
}

/// Whether a target has a digit outside its `by DATE` deadlines.
fn target_has_number(target: &str) -> bool {
    let mut at = 0;
    let mut outside = |range: std::ops::Range<usize>| {
        let found = target[at..range.start].chars().any(char::is_numeric);
        at = range.end;
        found
    };
    super::find_deadlines(target)
        .into_iter()
        .any(|m| outside(m.phrase))
        || outside(target.len()..target.len())
}

/// Names compared as people read them: case and spacing do not matter.
fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    !a.trim().is_empty() && words(a) == words(b)
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// `### START-END Title` and its fields.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct Scene {
    /// Start and end, when the timecodes are valid.
    pub time: Option<TimeRange>,
    /// The title after the timecodes.
    pub title: String,
    /// The fields in source order.
    pub fields: Vec<SceneField>,
    /// The `###` heading line.
    #[serde(skip)]
    pub heading: Span,
}

impl Scene {
    /// The text of every field of `kind`, joined by spaces.
    pub fn field(&self, kind: SceneFieldKind) -> Option<String> {
        let parts: Vec<&str> = self
            .fields
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| f.text.value.as_str())
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    }

    /// What the voiceover (every `Voiceover:` field) takes to say: written
    /// and spoken words, and characters of scripts written without spaces;
    /// `None` when the scene has none. Counted as `voiceover-too-long`
    /// counts it (since language 1.1, numbers, URLs… as they are said).
    pub fn voiceover_spoken(&self) -> Option<super::Spoken> {
        let mut fields = self
            .fields
            .iter()
            .filter(|f| f.kind == SceneFieldKind::Voiceover)
            .peekable();
        fields.peek()?;
        Some(fields.fold(super::Spoken::default(), |sum, f| {
            let s = super::spoken(&f.text.value);
            super::Spoken {
                written_words: sum.written_words + s.written_words,
                spoken_words: sum.spoken_words + s.spoken_words,
                unspaced_chars: sum.unspaced_chars + s.unspaced_chars,
            }
        }))
    }

    /// The seconds the voiceover takes to say at `rate` words per minute,
    /// `None` when the scene has none. Timed as `voiceover-too-long` times it.
    pub fn voiceover_seconds(&self, rate: f64) -> Option<f64> {
        self.voiceover_spoken().map(|s| s.seconds(rate))
    }

    /// The voiceover that does not fit the scene at `rate` words per minute:
    /// what it says and the seconds that takes, when that is more than the
    /// scene lasts. `None` when it fits, or the scene has no voiceover or no
    /// readable timecodes. What `voiceover-too-long` reports.
    pub fn voiceover_overrun(&self, rate: f64) -> Option<(super::Spoken, f64)> {
        let duration = self.time?.duration();
        let said = self.voiceover_spoken()?;
        let needed = said.seconds(rate);
        (needed > f64::from(duration.seconds)).then_some((said, needed))
    }
}

/// The scenes' durations added up (scenes whose timecodes could not be read
/// count nothing); saturating, so absurd timecodes cannot overflow.
pub fn scene_total(scenes: &[Scene]) -> Duration {
    Duration::from_secs(
        scenes
            .iter()
            .filter_map(|s| s.time)
            .fold(0u32, |sum, t| sum.saturating_add(t.duration().seconds)),
    )
}

/// A scene's start and end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct TimeRange {
    /// Start timecode.
    #[serde(rename = "start_seconds")]
    pub start: Duration,
    /// End timecode, after `start`.
    #[schemars(description = "End timecode, after `start_seconds`.")]
    #[serde(rename = "end_seconds")]
    pub end: Duration,
}

impl TimeRange {
    /// End minus start.
    pub fn duration(self) -> Duration {
        Duration::from_secs(self.end.seconds - self.start.seconds)
    }
}

/// `Visual: …`, `Voiceover: …` and the like, continuation lines joined.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SceneField {
    /// Which field.
    pub kind: SceneFieldKind,
    /// Its text.
    pub text: Spanned<String>,
}
