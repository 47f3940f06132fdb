//! Every rule briefc knows: its name, default severity and explanation.
//!
//! The explanation is the text `briefc explain RULE` prints and the source of
//! `docs/rules.md`, so it lives here, once, beside the rule's name.

use super::Severity;
use serde::{Serialize, Serializer};
use std::fmt;

macro_rules! rules {
    ($( $variant:ident = $name:literal, $sev:ident, $structural:literal, $summary:literal, $why:literal, $example:literal; )*) => {
        /// A check briefc runs. The kebab-case name is the stable identifier
        /// used in output, configuration and `briefc explain`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule { $( #[doc = $summary] $variant, )* }

        impl Rule {
            /// Every rule, in the spec's order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The stable kebab-case name, e.g. `too-many-items`.
            pub const fn name(self) -> &'static str {
                match self { $(Rule::$variant => $name,)* }
            }

            /// The severity used unless the configuration changes it.
            pub const fn default_severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$sev,)* }
            }

            /// Structural rules always stay errors: configuration cannot change them.
            pub const fn is_structural(self) -> bool {
                match self { $(Rule::$variant => $structural,)* }
            }

            /// One line: what makes the rule fire.
            pub const fn summary(self) -> &'static str {
                match self { $(Rule::$variant => $summary,)* }
            }

            /// Why the rule exists.
            pub const fn rationale(self) -> &'static str {
                match self { $(Rule::$variant => $why,)* }
            }

            /// A brief fragment that makes the rule fire.
            pub const fn example(self) -> &'static str {
                match self { $(Rule::$variant => $example,)* }
            }
        }
    };
}

rules! {
    InvalidEncoding = "invalid-encoding", Error, true,
        "The file is not valid UTF-8 text (or holds a NUL byte, as binary files do).",
        "Briefs are plain text that every editor, diff and reviewer can read; bytes that are not UTF-8 would turn into garbage in the outputs.",
        "A file saved as Latin-1 or UTF-16 by an old editor. Re-save it as UTF-8.";
    MissingTitle = "missing-title", Error, true,
        "The first line that is not blank or a comment is not `# Title`.",
        "The title names the video everywhere: in the HTML, the PDF and every report.",
        "client: Acme Corp      <- the brief starts with a field, not `# Title`";
    StrayText = "stray-text", Error, true,
        "Text stands where the structure allows none (between header fields, inside a list, in a scene before its first field).",
        "Text outside the structure would be silently lost or misplaced in the outputs; briefc refuses to guess.",
        "## Key benefits\n- Fast set-up\nAlso it is cheap.      <- not a list item";
    UnknownField = "unknown-field", Error, true,
        "A header key or a scene field that the language does not define.",
        "A misspelt key (`lenght:`) would otherwise be ignored, and the checks that depend on it would not run.",
        "lenght: 90s";
    DuplicateField = "duplicate-field", Error, true,
        "A header key is given twice.",
        "Two values for one field leave the reader to guess which one holds.",
        "length: 90s\nlength: 2m";
    InvalidValue = "invalid-value", Error, true,
        "A value has the wrong form (a length, date, stage, status, aspect ratio, sign-off entry or profile name), or is empty.",
        "Checks such as scene timing and due dates need values they can read.",
        "length: ninety seconds      <- write 90s";
    MissingField = "missing-field", Error, true,
        "A required header field is absent (by default only `length`; `required_fields` in briefc.yaml adds others).",
        "Without a length nothing can be timed: not the scenes, the voiceover or the number of benefits. A team that wants a stage or an owner on each side before anyone shoots lists those fields too.",
        "# Title\nstage: convert      <- no `length:`";
    UnknownSection = "unknown-section", Error, true,
        "A `## ` heading names no known section.",
        "A misspelt section (`## Audiance`) would be skipped by the checks and the outputs.",
        "## Audiance";
    DuplicateSection = "duplicate-section", Error, true,
        "A section is given twice (aliases count: `## Goal` and `## Objective` are the same section).",
        "Two versions of one section mean two briefs in one file.",
        "## Goal\n...\n## Objective\n...";
    MissingSection = "missing-section", Error, true,
        "A required section is absent (by default Goal, Audience, Key benefits and Success metrics).",
        "These are the sections marketing and sales must agree on before anyone shoots.",
        "# Title\nlength: 90s\n## Goal\n...      <- no `## Audience`";
    EmptySection = "empty-section", Error, true,
        "A required section is present but has no content.",
        "An empty heading looks agreed but says nothing.",
        "## Audience\n\n## Key benefits";
    TooLong = "too-long", Error, false,
        "A text is over its word limit (Goal 60, Audience 80, Key message 25, Call to action 25, each benefit 15).",
        "A brief is read in a minute; a goal that needs 200 words is not agreed yet.",
        "## Key message\n(a 40-word sentence)";
    TooManyItems = "too-many-items", Error, false,
        "A list has more items than its limit (Key benefits 3, Success metrics 5).",
        "A 90-second video carries three benefits at most; more means nobody chose.",
        "## Key benefits\n- a\n- b\n- c\n- d";
    LengthOutOfRange = "length-out-of-range", Error, false,
        "`length` is outside the profile's minimum and maximum (default 5 s to 20 min).",
        "Profiles encode channel limits, e.g. social cuts of at most 60 seconds.",
        "profile: social\nlength: 2m      <- social allows at most 60 s";
    BenefitsPerLength = "benefits-per-length", Warning, false,
        "More key benefits than the length can carry: max(1, floor(length / seconds_per_benefit)), 15 s per benefit by default.",
        "Each benefit needs screen time; a 30-second video carries at most two.",
        "length: 30s\n## Key benefits\n- a\n- b\n- c";
    MalformedMetric = "malformed-metric", Error, false,
        "A success metric is not of the form `NAME: TARGET`.",
        "A metric needs a name and a target to be measured against.",
        "## Success metrics\n- More demos";
    UnmeasurableMetric = "unmeasurable-metric", Warning, false,
        "A metric's target has no number in it (a deadline and the source do not count).",
        "\"Grow awareness\" cannot be measured; \"25 demos per month\" can.",
        "- Awareness: grow awareness (source: survey)";
    SceneTimecode = "scene-timecode", Error, false,
        "A scene heading has a bad timecode, or its end is not after its start.",
        "Timecodes drive every timing check and the scene table.",
        "### 0:10-0:05 Hook";
    SceneOverlap = "scene-overlap", Error, false,
        "A scene starts before the previous one ends.",
        "Overlapping scenes make the cut longer than the plan.",
        "### 0:00-0:10 A\n### 0:08-0:20 B";
    SceneGap = "scene-gap", Warning, false,
        "A scene starts after the previous one ends.",
        "A gap is time nobody planned for.",
        "### 0:00-0:10 A\n### 0:12-0:20 B";
    ScenesExceedLength = "scenes-exceed-length", Error, false,
        "The last scene ends after `length`.",
        "The scenes promise a longer video than the brief agreed.",
        "length: 30s\n### 0:20-0:40 End";
    ScenesShortOfLength = "scenes-short-of-length", Warning, false,
        "The last scene ends before `length`.",
        "The remaining seconds are not planned.",
        "length: 30s\n### 0:00-0:20 All";
    VoiceoverTooLong = "voiceover-too-long", Warning, false,
        "A scene's voiceover needs longer than the scene at the speaking rate (150 words per minute by default).",
        "A voiceover that cannot fit gets cut in the edit, usually the part that mattered.",
        "### 0:00-0:05 Hook\nVoiceover: (30 words)";
    MissingSalesOwner = "missing-sales-owner", Error, false,
        "`stage: convert` without a `sales` owner.",
        "Content for the close must be made with sales, or reps will not use it.",
        "stage: convert      <- and no `sales:` field";
    UncheckedItem = "unchecked-item", Error, false,
        "`status: approved` while a checklist item is still open.",
        "An approved brief with open items is not approved.",
        "status: approved\n## Checklist\n- [ ] Script approved";
    MissingSignOff = "missing-sign-off", Error, false,
        "`status: approved` without a dated sign-off from both a marketing and a sales role.",
        "The brief exists so that marketing AND sales agree; approval needs both names and dates.",
        "status: approved\n## Sign-off\n- Priya Shah (marketing) 2026-11-20";
    DueInPast = "due-in-past", Warning, false,
        "`due` is before today and the status is not `approved`.",
        "A missed deadline should be moved on purpose, not discovered.",
        "due: 2020-01-01";
    OpenQuestion = "open-question", Error, false,
        "`status: approved` while `## Open questions` still lists a question (since 1.1).",
        "A brief is approved when nothing is left to decide; an open question means the video may still change.",
        "status: approved\n## Open questions\n- Do we show the price?";
    MilestoneAfterDue = "milestone-after-due", Warning, false,
        "A milestone in `## Milestones` is dated after `due` (since 1.1).",
        "A step planned after the delivery date cannot happen before the video ships: the plan or the due date is wrong.",
        "due: 2027-02-14\n## Milestones\n- 2027-03-01: Final cut approved";
    MilestonesOutOfOrder = "milestones-out-of-order", Warning, false,
        "A milestone is dated before the one listed above it (since 1.1).",
        "Milestones are read top to bottom as a schedule; one out of order is usually a typo in its date.",
        "## Milestones\n- 2027-01-20: Script approved\n- 2027-01-10: Kick-off";
    InvalidUrl = "invalid-url", Error, false,
        "A reference item holds no `http://` or `https://` URL.",
        "A reference the videographer cannot open is no reference.",
        "## References\n- that video we liked";
    InlineMarkup = "inline-markup", Warning, false,
        "Markdown emphasis (`**word**`, `__word__`) or a Markdown link (`[text](url)`) in the brief's text.",
        "A brief is plain text: the HTML and the PDF show the asterisks and brackets exactly as typed. Write the word plainly, and write a URL out in full: it becomes a link in the outputs. (Section and field names set in bold, such as `**Visual:**`, are recognised and need no fix: `briefc fmt` removes the asterisks.)",
        "## Key message\nYour files, **everywhere**.";
    Placeholder = "placeholder", Warning, false,
        "A placeholder that `briefc new` wrote, such as `[Client name]`, is still in the brief.",
        "A starter brief checks clean apart from its placeholders, so this is what says it was never filled in: `check --deny-warnings` fails in CI, and `build` warns before it prints `[Client name]` into the PDF. Only the exact texts `briefc new` writes count; other square brackets are left alone.",
        "client: [Client name]      <- write the client's name";
    LanguageWithoutLabels = "language-without-labels", Warning, false,
        "`language:` names a language briefc has no built-in labels for, and `briefc.yaml` gives none for it under `labels:` (since 1.1).",
        "The outputs would print their labels in English around text in another language, which is seldom what was meant: a typo (`ua` for Ukrainian `uk`) or a language that needs its labels written once, in `briefc.yaml`.",
        "language: ua      <- Ukrainian is `uk`; UA is the country";
    MissingGlyph = "missing-glyph", Warning, false,
        "`briefc build` only: no font has a glyph for a character — not the PDF's built-in DejaVu Sans, not the `fonts:` folder of `briefc.yaml`, not the fonts installed on the machine.",
        "The PDF draws Latin, Greek and Cyrillic with its built-in DejaVu Sans. For other scripts (Chinese, Japanese, Korean, Arabic, Devanagari, Thai…) it looks for a font that has the character: first in the folder `fonts:` names in `briefc.yaml`, then among the machine's fonts (Noto's fonts cover nearly every script: on Debian or Ubuntu, `fonts-noto-cjk` and `fonts-noto-core`). A character no font has would show as a box in the PDF; the HTML still shows it. One warning per line, at the first such character.",
        "## Notes\n漢字      <- on a machine without a CJK font";
}

impl Rule {
    /// Looks a rule up by its kebab-case name.
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.name() == name)
    }

    /// The full explanation `briefc explain` prints.
    pub fn explanation(self) -> String {
        let severity = if self.is_structural() {
            "error (structural: always an error)".to_string()
        } else {
            format!(
                "{} by default (configurable in briefc.yaml under `rules:`)",
                self.default_severity()
            )
        };
        let example: String = self
            .example()
            .lines()
            .map(|l| format!("    {l}\n"))
            .collect();
        format!(
            "{name}\n\nWhat it does\n    {summary}\n\nWhy\n    {why}\n\nSeverity\n    {severity}\n\nExample\n{example}\nReference\n    docs/language.md#{anchor}\n",
            name = self.name(),
            summary = self.summary(),
            why = self.rationale(),
            anchor = self.reference_anchor(),
        )
    }

    /// The heading of `docs/language.md` that describes what the rule
    /// checks, as a GitHub anchor (`timecodes`). `tests/docs.rs` checks that
    /// each one exists.
    pub const fn reference_anchor(self) -> &'static str {
        match self {
            Rule::InvalidEncoding => "encoding",
            Rule::MissingTitle => "title",
            Rule::StrayText => "structure",
            Rule::UnknownField | Rule::DuplicateField | Rule::InvalidValue => "header-fields",
            Rule::MissingField => "required-fields",
            Rule::UnknownSection | Rule::DuplicateSection => "sections",
            Rule::MissingSection | Rule::EmptySection => "required-sections",
            Rule::TooLong
            | Rule::TooManyItems
            | Rule::LengthOutOfRange
            | Rule::BenefitsPerLength => "limits",
            Rule::MalformedMetric | Rule::UnmeasurableMetric => "metrics",
            Rule::SceneTimecode => "timecodes",
            Rule::SceneOverlap
            | Rule::SceneGap
            | Rule::ScenesExceedLength
            | Rule::ScenesShortOfLength => "scenes",
            Rule::VoiceoverTooLong => "scene-fields",
            Rule::MissingSalesOwner
            | Rule::UncheckedItem
            | Rule::MissingSignOff
            | Rule::DueInPast
            | Rule::OpenQuestion => "approval",
            Rule::MilestoneAfterDue | Rule::MilestonesOutOfOrder => "milestones",
            Rule::InvalidUrl => "lists",
            Rule::InlineMarkup | Rule::MissingGlyph => "plain-text",
            Rule::Placeholder => "placeholders",
            Rule::LanguageWithoutLabels => "language-and-labels",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_structural_rules_are_errors() {
        assert_eq!(Rule::ALL.len(), 35);
        for rule in Rule::ALL {
            assert_eq!(Rule::from_name(rule.name()), Some(*rule));
            if rule.is_structural() {
                assert_eq!(rule.default_severity(), Severity::Error);
            }
        }
    }
}
