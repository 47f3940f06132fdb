//! The words the outputs print around a brief's own text — "Client",
//! "Not signed yet", "Page 1 of 2", the timeline's legend — in the brief's
//! language.
//!
//! Every label is declared once, in [`labels!`] below: its key (what
//! `labels:` in `briefc.yaml` calls it), the placeholders it may hold and
//! where it is printed. Each built-in language is a [`Table`] in a file of
//! its own, which must give every key (a missing one does not compile).
//! [`Labels::resolve`] picks the table for a brief's `language:` tag and
//! lays a project's [`Overrides`] over it; the renderers read nothing else.
//! Counts follow the language's plural rules ([`plural`]), durations its
//! unit words, decimals its decimal mark.
//!
//! Layer: beside `model` (reads its language tags and durations); read by
//! `config` (to check `labels:` keys) and `render`.

mod de;
mod en;
mod es;
mod fr;
mod ja;
pub mod plural;
mod pt;
mod uk;
mod zh;

use crate::model::{
    Duration, FieldKey, Lang, LanguageTag, Length, SceneFieldKind, SectionKind, Stage, Status,
};
use plural::Category;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// One label's text: a single text, or for a count one form per plural
/// category (always with `other`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The forms, by category; the last is `other`.
    forms: Vec<(Category, String)>,
}

impl Text {
    /// A label with one form.
    pub fn plain(text: impl Into<String>) -> Text {
        Text {
            forms: vec![(Category::Other, text.into())],
        }
    }

    /// A label with a form per category. `None` without an `other` form.
    pub fn plural(forms: Vec<(Category, String)>) -> Option<Text> {
        let mut forms = forms;
        forms.sort_by_key(|(c, _)| *c);
        forms.dedup_by_key(|(c, _)| *c);
        (forms.last()?.0 == Category::Other).then_some(Text { forms })
    }

    /// A table entry: plain text, or for a plural key the forms written
    /// `one {n} scene|other {n} scenes`.
    fn from_table(text: &'static str, plural: bool) -> Text {
        if !plural {
            return Text::plain(text);
        }
        let forms = text
            .split('|')
            .map(|form| {
                let (name, text) = form.split_once(' ').unwrap_or((form, ""));
                let category = Category::parse(name).expect("a plural category in a label table");
                (category, text.to_string())
            })
            .collect();
        Text::plural(forms).expect("a plural label has an `other` form")
    }

    /// The text (the `other` form of a count).
    pub fn as_str(&self) -> &str {
        &self.forms[self.forms.len() - 1].1
    }

    /// Every form with its category.
    pub fn forms(&self) -> impl Iterator<Item = (Category, &str)> {
        self.forms.iter().map(|(c, t)| (*c, t.as_str()))
    }

    /// The form for `category`, else `other`.
    fn form(&self, category: Category) -> &str {
        self.forms
            .iter()
            .find(|(c, _)| *c == category)
            .map_or_else(|| self.as_str(), |(_, t)| t.as_str())
    }

    /// The text with each `{name}` of `args` replaced by its value.
    pub fn fill(&self, args: &[(&str, &str)]) -> String {
        fill(self.as_str(), args)
    }
}

/// `text` with each `{name}` of `args` replaced (one pass, so a value that
/// holds braces is never read as a placeholder).
fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((args.iter().find(|(k, _)| *k == &after[..close])?, close)));
        match value {
            Some(((_, v), close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{name}` placeholders in `text`, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find(['}', '{']) {
            Some(close) if after.as_bytes()[close] == b'}' => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            _ => rest = after,
        }
    }
    out
}

/// A plain text serialises as a string, a count's forms as a map.
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.forms.len() == 1 {
            return s.serialize_str(self.as_str());
        }
        s.collect_map(self.forms.iter().map(|(c, t)| (c.name(), t)))
    }
}

/// What the reference says about one label.
#[derive(Clone, Copy, Debug)]
pub struct Key {
    /// Its key in `labels:` (`not_signed_yet`).
    pub name: &'static str,
    /// The placeholders it may hold, without braces (`n`, `total`).
    pub placeholders: &'static [&'static str],
    /// Whether it holds a count and has a form per plural category.
    pub plural: bool,
    /// Where the outputs print it.
    pub shown: &'static str,
}

/// Declares every label: `key [placeholders] "where it is shown";`. A key
/// marked `plural` has a form per plural category, its count in `{n}`.
macro_rules! labels {
    ($( $key:ident [$($ph:ident),*] $($plural:ident)? $shown:literal; )*) => {
        /// Every output label, resolved for one brief: built-in texts in its
        /// language with the project's `labels:` over them.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Labels {
            /// The built-in language, whose plural rule, unit words and
            /// decimal mark apply (`None`: a language without built-in
            /// labels, which counts as English does).
            lang: Option<Lang>,
            $(
                #[doc = concat!("`", stringify!($key), "`: ", $shown, ".")]
                pub $key: Text,
            )*
        }

        /// A built-in language's labels, one text per key. For plural keys
        /// the forms are written `one {n} scene|other {n} scenes`.
        pub(crate) struct Table {
            $(pub(crate) $key: &'static str,)*
        }

        /// Every label key, in the reference's order.
        pub const KEYS: &[Key] = &[$(
            Key {
                name: stringify!($key),
                placeholders: &[$(stringify!($ph)),*],
                plural: labels!(@plural $($plural)?),
                shown: $shown,
            },
        )*];

        impl Labels {
            fn from_table(lang: Option<Lang>, t: &Table) -> Labels {
                Labels {
                    lang,
                    $($key: Text::from_table(t.$key, labels!(@plural $($plural)?)),)*
                }
            }

            /// The label named `key`.
            pub fn get(&self, key: &str) -> Option<&Text> {
                match key {
                    $(stringify!($key) => Some(&self.$key),)*
                    _ => None,
                }
            }

            fn get_mut(&mut self, key: &str) -> Option<&mut Text> {
                match key {
                    $(stringify!($key) => Some(&mut self.$key),)*
                    _ => None,
                }
            }
        }
    };
    (@plural plural) => { true };
    (@plural) => { false };
}

labels! {
    video_brief [] "the kind of document, above the title (the PDF prints it in capitals) and the PDF's subject";
    untitled [] "the title of a brief without one";
    logo [] "the logo's text alternative in the HTML, when `brand.name` is not set";
    status_draft [] "the status `draft`: the `Status` header field, the HTML badge";
    status_review [] "the status `review`: the `Status` header field, the HTML badge";
    status_approved [] "the status `approved`: the `Status` header field, the HTML badge, the PDF's running header";
    mark_draft [] "the PDF's mark on every page of a draft";
    mark_review [] "the PDF's mark on every page of a brief in review";
    client [] "header field";
    product [] "header field";
    version [] "header field";
    stage [] "header field";
    length [] "header field";
    cutdowns [] "header field";
    formats [] "header field";
    channels [] "header field";
    due [] "header field";
    shoot [] "header field";
    budget [] "header field";
    marketing [] "header field";
    sales [] "header field";
    profile [] "header field";
    status [] "header field (PDF)";
    stage_awareness [] "the stage `awareness`";
    stage_engage [] "the stage `engage`";
    stage_convert [] "the stage `convert`";
    stage_retain [] "the stage `retain`";
    goal [] "section heading";
    background [] "section heading";
    audience [] "section heading";
    key_message [] "section heading";
    key_benefits [] "section heading";
    call_to_action [] "section heading";
    success_metrics [] "section heading";
    scenes [] "section heading";
    look_and_feel [] "section heading";
    avoid [] "section heading";
    mandatory [] "section heading";
    deliverables [] "section heading";
    assets [] "section heading";
    references [] "section heading";
    milestones [] "section heading";
    open_questions [] "section heading";
    checklist [] "section heading";
    sign_off [] "section heading";
    notes [] "section heading";
    visual [] "scene field";
    voiceover [] "scene field";
    on_screen [] "scene field";
    audio [] "scene field";
    shot [] "scene field";
    location [] "scene field";
    outcome [] "scene field";
    item_done [] "a ticked checklist box, for screen readers (HTML)";
    item_open [] "an open checklist box, for screen readers (HTML)";
    checklist_progress [done, total] "under the checklist (HTML)";
    column_metric [] "column of the metrics table (HTML)";
    column_target [] "column of the metrics table (HTML)";
    column_deadline [] "column of the metrics table (HTML)";
    column_source [] "column of the metrics table (HTML)";
    metric_deadline [date] "after a metric whose deadline is not in its text (PDF)";
    metric_source [source] "under a metric (PDF)";
    scene_count [n] plural "the number of scenes, above the scene list";
    scenes_in_all [scenes, duration] "the number of scenes and their total time, above the scene list";
    column_time [] "column of the scene table (PDF)";
    column_scene [] "column of the scene table (PDF)";
    column_picture [] "column of the scene table (PDF)";
    column_sound [] "column of the scene table (PDF)";
    continued [] "where a scene's row continues on the next page (PDF)";
    column_date [] "column of the milestones table (HTML)";
    column_milestone [] "column of the milestones table (HTML)";
    column_name [] "column of the sign-off table (HTML)";
    column_role [] "column of the sign-off table (HTML)";
    column_signed [] "column of the sign-off table (HTML)";
    not_signed_yet [] "a sign-off entry without a date (HTML)";
    badge_signed [date] "a signed sign-off entry (PDF)";
    badge_not_signed [] "a sign-off entry without a date (PDF)";
    footer [version, date] "the HTML's last line";
    footer_brand [version, date, brand] "the HTML's last line when `brand.name` is set";
    pdf_footer [version, date] "the foot of every PDF page, left";
    page [n, total] "the foot of every PDF page, right";
    timeline_title [span] "the timeline described for screen readers (HTML), its start";
    timeline_length [length] "the timeline described: the brief's length";
    timeline_scene [n] "the timeline described: a scene";
    timeline_voiceover [seconds] "the timeline described: a scene's voiceover time";
    timeline_voiceover_over [seconds] "the timeline described: a voiceover longer than its scene";
    timeline_gap [duration, time] "the timeline described: a gap";
    timeline_overrun [duration] "the timeline described: scenes past the length";
    mark_gap [duration] "timeline mark under a gap";
    mark_overrun [duration] "timeline mark under scenes past the length";
    mark_voiceover [seconds] "timeline mark under a voiceover longer than its scene";
    mark_min [time] "timeline mark at the lower bound of a length range";
    mark_max [time] "timeline mark at the upper bound of a length range";
    legend_scene [] "timeline legend";
    legend_voiceover [rate] "timeline legend";
    legend_voiceover_over [] "timeline legend, when a voiceover is too long";
    legend_gap [] "timeline legend, when there is a gap";
    legend_overrun [] "timeline legend, when scenes run past the length";
    legend_range [] "timeline legend, when the length is a range";
    unit_hours [n] "hours in a duration (`1 h 5 min`)";
    unit_minutes [n] "minutes in a duration (`1 min 30 s`)";
    unit_seconds [n] "seconds in a duration (`1 min 30 s`)";
}

/// The label table of a built-in language.
fn table(lang: Lang) -> &'static Table {
    match lang {
        Lang::En => &en::TABLE,
        Lang::De => &de::TABLE,
        Lang::Fr => &fr::TABLE,
        Lang::Es => &es::TABLE,
        Lang::Pt => &pt::TABLE,
        Lang::Uk => &uk::TABLE,
        Lang::Ja => &ja::TABLE,
        Lang::Zh => &zh::TABLE,
    }
}

/// The declaration of the label `name`.
pub fn key(name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|k| k.name == name)
}

impl Default for Labels {
    /// The English labels.
    fn default() -> Self {
        Labels::builtin(Lang::En)
    }
}

impl Labels {
    /// The built-in labels of `lang`.
    pub fn builtin(lang: Lang) -> Labels {
        Labels::from_table(Some(lang), table(lang))
    }

    /// The labels for a brief in `language` (English when it gives none, or
    /// one without built-in labels), with `overrides` laid over them.
    pub fn resolve(language: Option<&LanguageTag>, overrides: &Overrides) -> Labels {
        let lang = language.map_or(Some(Lang::En), LanguageTag::builtin);
        let mut labels = Labels::from_table(lang, table(lang.unwrap_or(Lang::En)));
        for (key, text) in overrides.for_language(language) {
            if let Some(slot) = labels.get_mut(key) {
                *slot = text.clone();
            }
        }
        labels
    }

    /// `text`, a count's label, for `n`: its form for `n`'s plural category
    /// with `{n}` and `args` filled in.
    pub fn count(&self, text: &Text, n: u64, args: &[(&str, &str)]) -> String {
        let number = n.to_string();
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        fill(text.form(plural::category(self.lang, n)), &all)
    }

    /// A duration in words: `1 min 30 s`, `1 Min. 30 Sek.`, `1分30秒`.
    pub fn duration(&self, d: Duration) -> String {
        let (h, m, s) = (d.seconds / 3600, d.seconds / 60 % 60, d.seconds % 60);
        let mut parts = Vec::new();
        if h > 0 {
            parts.push(self.unit_hours.fill(&[("n", &h.to_string())]));
        }
        if m > 0 {
            parts.push(self.unit_minutes.fill(&[("n", &m.to_string())]));
        }
        if s > 0 || parts.is_empty() {
            parts.push(self.unit_seconds.fill(&[("n", &s.to_string())]));
        }
        parts.join(self.unit_gap())
    }

    /// Between the parts of a duration: nothing in Japanese and Chinese
    /// (`1分30秒`), a space elsewhere.
    fn unit_gap(&self) -> &'static str {
        match self.lang {
            Some(Lang::Ja | Lang::Zh) => "",
            _ => " ",
        }
    }

    /// A `length:` in words: one duration, or a range (`60–90 s`,
    /// `3–5 min`, `1 min 30 s – 12 min`) as [`Length`]'s `Display` writes it.
    pub fn length(&self, l: Length) -> String {
        if !l.is_range() {
            return self.duration(l.min);
        }
        let (a, b) = (l.min.seconds, l.max.seconds);
        if a % 60 == 0 && b % 60 == 0 && a > 0 {
            self.unit_minutes
                .fill(&[("n", &format!("{}–{}", a / 60, b / 60))])
        } else if b < 600 {
            self.unit_seconds.fill(&[("n", &format!("{a}–{b}"))])
        } else {
            format!("{} – {}", self.duration(l.min), self.duration(l.max))
        }
    }

    /// A number as the language writes it: `162.5`, `162,5`; whole numbers
    /// without decimals.
    pub fn number(&self, x: f64) -> String {
        let text = if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x}")
        };
        match self.lang {
            Some(Lang::De | Lang::Fr | Lang::Es | Lang::Pt | Lang::Uk) => text.replace('.', ","),
            _ => text,
        }
    }

    /// A section's heading.
    pub fn section(&self, kind: SectionKind) -> &str {
        match kind {
            SectionKind::Goal => self.goal.as_str(),
            SectionKind::Background => self.background.as_str(),
            SectionKind::Audience => self.audience.as_str(),
            SectionKind::KeyMessage => self.key_message.as_str(),
            SectionKind::KeyBenefits => self.key_benefits.as_str(),
            SectionKind::CallToAction => self.call_to_action.as_str(),
            SectionKind::SuccessMetrics => self.success_metrics.as_str(),
            SectionKind::Scenes => self.scenes.as_str(),
            SectionKind::LookAndFeel => self.look_and_feel.as_str(),
            SectionKind::Avoid => self.avoid.as_str(),
            SectionKind::Mandatory => self.mandatory.as_str(),
            SectionKind::Deliverables => self.deliverables.as_str(),
            SectionKind::Assets => self.assets.as_str(),
            SectionKind::References => self.references.as_str(),
            SectionKind::Milestones => self.milestones.as_str(),
            SectionKind::OpenQuestions => self.open_questions.as_str(),
            SectionKind::Checklist => self.checklist.as_str(),
            SectionKind::SignOff => self.sign_off.as_str(),
            SectionKind::Notes => self.notes.as_str(),
        }
    }

    /// A header field's name; `None` for `language`, which the outputs
    /// follow rather than show.
    pub fn field(&self, key: FieldKey) -> Option<&str> {
        Some(
            match key {
                FieldKey::Client => &self.client,
                FieldKey::Product => &self.product,
                FieldKey::Stage => &self.stage,
                FieldKey::Profile => &self.profile,
                FieldKey::Length => &self.length,
                FieldKey::Formats => &self.formats,
                FieldKey::Channels => &self.channels,
                FieldKey::Due => &self.due,
                FieldKey::Shoot => &self.shoot,
                FieldKey::Budget => &self.budget,
                FieldKey::Marketing => &self.marketing,
                FieldKey::Sales => &self.sales,
                FieldKey::Status => &self.status,
                FieldKey::Version => &self.version,
                FieldKey::Cutdowns => &self.cutdowns,
                FieldKey::Language => return None,
            }
            .as_str(),
        )
    }

    /// A scene field's name.
    pub fn scene_field(&self, kind: SceneFieldKind) -> &str {
        match kind {
            SceneFieldKind::Visual => self.visual.as_str(),
            SceneFieldKind::Voiceover => self.voiceover.as_str(),
            SceneFieldKind::OnScreen => self.on_screen.as_str(),
            SceneFieldKind::Audio => self.audio.as_str(),
            SceneFieldKind::Shot => self.shot.as_str(),
            SceneFieldKind::Location => self.location.as_str(),
            SceneFieldKind::Outcome => self.outcome.as_str(),
        }
    }

    /// A stage, as the header shows it.
    pub fn stage_name(&self, stage: Stage) -> &str {
        match stage {
            Stage::Awareness => self.stage_awareness.as_str(),
            Stage::Engage => self.stage_engage.as_str(),
            Stage::Convert => self.stage_convert.as_str(),
            Stage::Retain => self.stage_retain.as_str(),
        }
    }

    /// A status, as the header shows it.
    pub fn status_name(&self, status: Status) -> &str {
        match status {
            Status::Draft => self.status_draft.as_str(),
            Status::Review => self.status_review.as_str(),
            Status::Approved => self.status_approved.as_str(),
        }
    }

    /// The mark a brief at `status` carries on every PDF page, if any.
    pub fn status_mark(&self, status: Status) -> Option<&str> {
        match status {
            Status::Draft => Some(self.mark_draft.as_str()),
            Status::Review => Some(self.mark_review.as_str()),
            Status::Approved => None,
        }
    }

    /// Every label's text (a count's `other` form), by key: what a template
    /// sees as `labels`.
    pub fn to_map(&self) -> BTreeMap<&'static str, &str> {
        KEYS.iter()
            .filter_map(|k| Some((k.name, self.get(k.name)?.as_str())))
            .collect()
    }
}

/// Labels a project sets in `briefc.yaml`: for every brief, and per
/// language (applied after those for every brief, the more specific tag
/// last: `pt`, then `pt-PT`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Overrides {
    /// For every brief, whatever its language.
    pub all: Vec<(&'static str, Text)>,
    /// For briefs whose `language:` the tag covers (`de` covers `de-CH`).
    pub languages: Vec<(LanguageTag, Vec<(&'static str, Text)>)>,
}

impl Overrides {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.all.is_empty() && self.languages.is_empty()
    }

    /// Whether labels are given for briefs in `tag` specifically.
    pub fn has_language(&self, tag: &LanguageTag) -> bool {
        self.languages.iter().any(|(t, _)| covers(t, tag))
    }

    /// The overrides for a brief in `language`, in the order they apply.
    fn for_language<'a>(
        &'a self,
        language: Option<&'a LanguageTag>,
    ) -> impl Iterator<Item = &'a (&'static str, Text)> {
        let mut specific: Vec<&(LanguageTag, Vec<_>)> = self
            .languages
            .iter()
            .filter(|(t, _)| language.is_some_and(|l| covers(t, l)))
            .collect();
        specific.sort_by_key(|(t, _)| t.as_str().split('-').count());
        self.all
            .iter()
            .chain(specific.into_iter().flat_map(|(_, v)| v))
    }
}

/// Whether the range `range` covers `tag` (RFC 4647 basic filtering, any
/// case: `de` covers `de` and `de-CH`, not `den`).
fn covers(range: &LanguageTag, tag: &LanguageTag) -> bool {
    let (range, tag) = (range.as_str(), tag.as_str());
    tag.len() >= range.len()
        && tag[..range.len()].eq_ignore_ascii_case(range)
        && (tag.len() == range.len() || tag.as_bytes()[range.len()] == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(t: &str) -> LanguageTag {
        LanguageTag::parse(t).unwrap()
    }

    #[test]
    fn every_language_gives_every_label_with_the_same_placeholders() {
        for &lang in Lang::ALL {
            let labels = Labels::builtin(lang);
            for key in KEYS {
                let text = labels.get(key.name).unwrap();
                for (category, form) in text.forms() {
                    let mut used = placeholders(form);
                    used.sort_unstable();
                    used.dedup();
                    let mut want: Vec<&str> = key.placeholders.to_vec();
                    want.sort_unstable();
                    assert_eq!(
                        used,
                        want,
                        "{lang:?} `{}` ({}): {form:?}",
                        key.name,
                        category.name()
                    );
                    assert!(!form.trim().is_empty(), "{lang:?} `{}` is empty", key.name);
                    assert_eq!(form, form.trim(), "{lang:?} `{}`: spaces", key.name);
                }
                // Only counts have forms, and every count has them in
                // languages that tell numbers apart.
                let forms = text.forms().count();
                assert!(forms == 1 || key.plural, "{lang:?} {}", key.name);
                if key.plural && !matches!(lang, Lang::Ja | Lang::Zh) {
                    assert!(forms > 1, "{lang:?} {}", key.name);
                }
            }
        }
    }

    #[test]
    fn counts_take_the_plural_form() {
        let uk = Labels::builtin(Lang::Uk);
        let scenes = |n| uk.count(&uk.scene_count, n, &[]);
        assert_eq!(scenes(1), "1 сцена");
        assert_eq!(scenes(2), "2 сцени");
        assert_eq!(scenes(5), "5 сцен");
        assert_eq!(scenes(11), "11 сцен");
        assert_eq!(scenes(21), "21 сцена");
        assert_eq!(scenes(24), "24 сцени");
        let en = Labels::default();
        assert_eq!(en.count(&en.scene_count, 1, &[]), "1 scene");
        assert_eq!(en.count(&en.scene_count, 0, &[]), "0 scenes");
        let fr = Labels::builtin(Lang::Fr);
        assert_eq!(fr.count(&fr.scene_count, 0, &[]), "0 scène");
        let ja = Labels::builtin(Lang::Ja);
        assert_eq!(ja.count(&ja.scene_count, 3, &[]), "3シーン");
    }

    #[test]
    fn durations_and_numbers_in_the_language() {
        let d = Duration::from_secs(90);
        assert_eq!(Labels::default().duration(d), d.to_string());
        assert_eq!(Labels::builtin(Lang::Uk).duration(d), "1 хв 30 с");
        assert_eq!(Labels::builtin(Lang::De).duration(d), "1 Min. 30 Sek.");
        assert_eq!(Labels::builtin(Lang::Ja).duration(d), "1分30秒");
        assert_eq!(
            Labels::builtin(Lang::Zh).duration(Duration::from_secs(3725)),
            "1小时2分5秒"
        );
        for text in ["60-90s", "3-5 min", "90s-12m", "30s", "1:00-1:30"] {
            let l = Length::parse(text).unwrap();
            assert_eq!(Labels::default().length(l), l.to_string(), "{text}");
        }
        let range = Length::parse("60-90s").unwrap();
        assert_eq!(Labels::builtin(Lang::Uk).length(range), "60–90 с");
        assert_eq!(Labels::builtin(Lang::De).number(162.5), "162,5");
        assert_eq!(Labels::default().number(162.5), "162.5");
        assert_eq!(Labels::builtin(Lang::Fr).number(150.0), "150");
    }

    #[test]
    fn tags_resolve_by_language_and_overrides_apply_most_specific_last() {
        let none = Overrides::default();
        let client = |t: Option<&str>, o: &Overrides| {
            Labels::resolve(t.map(tag).as_ref(), o)
                .client
                .as_str()
                .to_string()
        };
        assert_eq!(client(None, &none), "Client");
        assert_eq!(client(Some("de-CH"), &none), "Kunde");
        assert_eq!(client(Some("uk-UA"), &none), "Клієнт");
        assert_eq!(client(Some("zh-Hans-CN"), &none), "客户");
        assert_eq!(client(Some("it"), &none), "Client");
        let o = Overrides {
            all: vec![("client", Text::plain("Customer"))],
            languages: vec![
                (tag("pt-PT"), vec![("client", Text::plain("Cliente (PT)"))]),
                (tag("pt"), vec![("client", Text::plain("Cliente!"))]),
                (tag("it"), vec![("client", Text::plain("Cliente (IT)"))]),
            ],
        };
        assert_eq!(client(None, &o), "Customer");
        assert_eq!(client(Some("de"), &o), "Customer");
        assert_eq!(client(Some("pt-BR"), &o), "Cliente!");
        assert_eq!(client(Some("pt-PT"), &o), "Cliente (PT)");
        assert_eq!(client(Some("it-CH"), &o), "Cliente (IT)");
        assert!(o.has_language(&tag("it")));
        assert!(!o.has_language(&tag("de")));
        assert!(!covers(&tag("pt"), &tag("ptx")));
    }

    #[test]
    fn fill_replaces_named_placeholders_once() {
        assert_eq!(
            fill("Page {n} of {total}", &[("n", "1"), ("total", "{n}")]),
            "Page 1 of {n}"
        );
        assert_eq!(fill("a {x} {", &[("n", "1")]), "a {x} {");
        assert_eq!(placeholders("{a} {b{c} d}"), ["a", "c"]);
    }
}
