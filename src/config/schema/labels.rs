//! `labels:` in `briefc.yaml`: texts that replace the outputs' built-in
//! labels. A key is a label (`client: Customer`), for every brief; or a
//! language tag holding labels for briefs in that language
//! (`uk: {client: Замовник}`). A count's label takes one text or its plural
//! forms (`scene_count: {one: "{n} shot", other: "{n} shots"}`). Keys,
//! forms and `{placeholders}` are checked here, where the YAML position is
//! still known.

use super::{Keyed, MapVisitor, Problem};
use crate::diagnostic::did_you_mean;
use crate::labels::{self, Key, Overrides, Text, plural::Category};
use crate::model::LanguageTag;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// The `labels:` table, read.
#[derive(Default)]
pub(super) struct RawLabels(pub(super) Overrides);

/// A key of `labels:` or of one language's map.
pub(super) enum LabelsKey {
    Label(&'static Key),
    Language(LanguageTag),
}

/// The help for a key that is no label: the nearest label, or what a key
/// may be.
fn unknown_label(name: &str, languages: bool) -> Problem {
    let help = match did_you_mean(name, labels::KEYS.iter().map(|k| k.name)) {
        Some(best) => format!("did you mean `{best}`?"),
        None if languages => "a key is a label (the labels are listed in docs/labels.md) or a language tag holding labels, e.g. `uk: {client: Замовник}`".into(),
        None => "the labels are listed in docs/labels.md".into(),
    };
    Problem::new(format!("unknown label `{name}`"), Some(help))
}

impl Keyed for RawLabels {
    type Key = LabelsKey;

    fn key(text: &str) -> Result<LabelsKey, Problem> {
        if let Some(key) = labels::key(text) {
            return Ok(LabelsKey::Label(key));
        }
        // A language tag is written with `-` and starts with two or three
        // letters; label keys are longer words joined by `_`.
        match LanguageTag::parse(text) {
            Ok(tag) if !text.contains('_') => Ok(LabelsKey::Language(tag)),
            _ => Err(unknown_label(text, true)),
        }
    }

    fn value<'de, A: MapAccess<'de>>(
        &mut self,
        key: LabelsKey,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            LabelsKey::Label(key) => {
                let text = map.next_value_seed(TextSeed(key))?;
                self.0.all.push((key.name, text));
            }
            LabelsKey::Language(tag) => {
                let LanguageLabels(entries) = map.next_value_seed(LanguageSeed(&tag))?;
                self.0.languages.push((tag, entries));
            }
        }
        Ok(())
    }
}

impl<'de> Deserialize<'de> for RawLabels {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(MapVisitor(PhantomData))
    }
}

/// One language's labels.
#[derive(Default)]
struct LanguageLabels(Vec<(&'static str, Text)>);

impl Keyed for LanguageLabels {
    type Key = &'static Key;

    fn key(text: &str) -> Result<&'static Key, Problem> {
        labels::key(text).ok_or_else(|| unknown_label(text, false))
    }

    fn value<'de, A: MapAccess<'de>>(
        &mut self,
        key: &'static Key,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let text = map.next_value_seed(TextSeed(key))?;
        self.0.push((key.name, text));
        Ok(())
    }
}

/// Reads the map under a language tag; a text there means the key was a
/// misspelt label that happens to look like a tag (`dur: Termin`).
struct LanguageSeed<'a>(&'a LanguageTag);

impl<'de> DeserializeSeed<'de> for LanguageSeed<'_> {
    type Value = LanguageLabels;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<LanguageLabels, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LanguageSeed<'_> {
    type Value = LanguageLabels;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a map of labels for the language `{}`", self.0)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<LanguageLabels, E> {
        let tag = self.0.as_str();
        let mut problem = unknown_label(tag, false);
        problem.on_key = true;
        Err(problem.raise())
    }

    fn visit_unit<E: de::Error>(self) -> Result<LanguageLabels, E> {
        Ok(LanguageLabels::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<LanguageLabels, A::Error> {
        MapVisitor(PhantomData).visit_map(map)
    }
}

/// Reads one label's text (or a count's forms) and checks its placeholders.
struct TextSeed(&'static Key);

impl<'de> DeserializeSeed<'de> for TextSeed {
    type Value = Text;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Text, D::Error> {
        d.deserialize_any(self)
    }
}

impl TextSeed {
    /// `text` if its placeholders are the label's.
    fn checked(&self, text: &str) -> Result<String, Problem> {
        let key = self.0;
        for name in labels::placeholders(text) {
            if key.placeholders.contains(&name) {
                continue;
            }
            let takes = if key.placeholders.is_empty() {
                format!("`{}` takes no placeholders", key.name)
            } else {
                let all: Vec<String> = key
                    .placeholders
                    .iter()
                    .map(|p| format!("`{{{p}}}`"))
                    .collect();
                format!("`{}` takes {}", key.name, all.join(", "))
            };
            let help = match did_you_mean(name, key.placeholders.iter().copied()) {
                Some(best) => format!("did you mean `{{{best}}}`? {takes}"),
                None => takes,
            };
            return Err(Problem::new(
                format!("unknown placeholder `{{{name}}}`"),
                Some(help),
            ));
        }
        Ok(text.to_string())
    }
}

impl<'de> Visitor<'de> for TextSeed {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.plural {
            f.write_str("a text, or a map of plural forms (`one`, `few`, `many`, `other`, …)")
        } else {
            f.write_str("a text")
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        self.checked(v).map(Text::plain).map_err(Problem::raise)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let key = self.0;
        if !key.plural {
            let problem = Problem::new(
                format!("`{}` is one text, not a map", key.name),
                Some(format!(
                    "write `{}: TEXT`; only counts such as `scene_count` have plural forms",
                    key.name
                )),
            );
            return Err(problem.raise());
        }
        let mut forms = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            let Some(category) = Category::parse(&name) else {
                let names: Vec<&str> = Category::ALL.iter().map(|c| c.name()).collect();
                let problem = Problem {
                    on_key: true,
                    ..Problem::new(
                        format!("unknown plural form `{name}`"),
                        Some(format!("the forms are {}", names.join(", "))),
                    )
                };
                return Err(problem.raise());
            };
            let text: String = map.next_value()?;
            let text = self.checked(&text).map_err(Problem::raise)?;
            forms.push((category, text));
        }
        Text::plural(forms).ok_or_else(|| {
            Problem::new(
                format!("`{}` has no `other` form", key.name),
                Some("give `other`: the form for every number the other forms do not cover".into()),
            )
            .raise()
        })
    }
}
