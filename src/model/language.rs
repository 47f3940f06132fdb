//! The `language:` header field (since language 1.1): a BCP 47 language tag
//! (`uk`, `de-CH`, `pt-BR`, `zh-Hans`), the languages briefc has built-in
//! output labels for, and which of them a tag selects.
//!
//! The one reader of language tags: lowering, `briefc.yaml` (`labels:` per
//! language) and the renderers all go through [`LanguageTag::parse`].

use schemars::JsonSchema;
use serde::{Serialize, Serializer};
use std::fmt;

/// A well-formed BCP 47 language tag in its conventional case: the
/// language lower case, a script in title case, a region upper case
/// (`pt-br` → `pt-BR`, `ZH-HANS` → `zh-Hans`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LanguageTag(String);

/// Why a text is not a language tag, with the tag meant when there is
/// exactly one reading (`pt_BR`, `Ukrainian`, `Deutsch`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagError {
    /// The tag meant, if it is clear.
    pub meant: Option<LanguageTag>,
}

impl LanguageTag {
    /// Reads a tag: a primary language subtag of two or three letters,
    /// then optionally extended language subtags, a script (four letters), a
    /// region (two letters or three digits), variants, extensions and a
    /// private-use part, separated by `-` (RFC 5646, section 2.1). Case does
    /// not matter.
    pub fn parse(text: &str) -> Result<LanguageTag, TagError> {
        let text = text.trim();
        if let Some(tag) = well_formed(text) {
            return Ok(tag);
        }
        Err(TagError { meant: meant(text) })
    }

    /// The tag as written in conventional case.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag, lower case (`de` for `de-CH`).
    pub fn language(&self) -> &str {
        self.0.split('-').next().unwrap_or_default()
    }

    /// The subtags after the language, as written in conventional case.
    fn rest(&self) -> impl Iterator<Item = &str> {
        self.0.split('-').skip(1)
    }

    /// The built-in labels this tag selects: by its language (`de-CH` → de,
    /// `zh-CN` → zh, `pt-BR` → pt). Chinese in the traditional script
    /// (`zh-Hant`, or `zh-TW`, `zh-HK`, `zh-MO` without a script) has none:
    /// the built-in Chinese labels are in simplified characters.
    pub fn builtin(&self) -> Option<Lang> {
        let lang = Lang::from_code(self.language())?;
        if lang == Lang::Zh && self.is_traditional_chinese() {
            return None;
        }
        Some(lang)
    }

    fn is_traditional_chinese(&self) -> bool {
        let mut script = None;
        let mut region = None;
        for sub in self.rest() {
            if sub.len() == 4 && sub.bytes().all(|b| b.is_ascii_alphabetic()) {
                script = script.or(Some(sub));
            } else if sub.len() == 2 {
                region = region.or(Some(sub));
            }
        }
        match script {
            Some(s) => s == "Hant",
            None => matches!(region, Some("TW" | "HK" | "MO")),
        }
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for LanguageTag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A string holding a BCP 47 tag, as [`Serialize`] writes it.
impl JsonSchema for LanguageTag {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LanguageTag".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A BCP 47 language tag in conventional case (`uk`, `de-CH`, `pt-BR`, `zh-Hans`).",
            "type": "string",
            "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
        })
    }
}

/// The tag `text` is, when it is well-formed, in conventional case.
fn well_formed(text: &str) -> Option<LanguageTag> {
    let subtags: Vec<&str> = text.split('-').collect();
    let alpha = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    let alnum = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    let mut out: Vec<String> = Vec::with_capacity(subtags.len());
    let mut rest = subtags.iter().copied().peekable();
    let language = rest.next()?;
    if !alpha(language, 2..=3) {
        return None;
    }
    out.push(language.to_ascii_lowercase());
    // Up to three extended language subtags, each three letters.
    let mut extlangs = 0;
    while extlangs < 3 && rest.peek().is_some_and(|s| alpha(s, 3..=3)) {
        out.push(rest.next()?.to_ascii_lowercase());
        extlangs += 1;
    }
    if let Some(script) = rest.next_if(|s| alpha(s, 4..=4)) {
        let lower = script.to_ascii_lowercase();
        out.push(lower[..1].to_ascii_uppercase() + &lower[1..]);
    }
    if let Some(region) =
        rest.next_if(|s| alpha(s, 2..=2) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit())))
    {
        out.push(region.to_ascii_uppercase());
    }
    let variant = |s: &str| {
        alnum(s, 5..=8) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit() && alnum(s, 4..=4))
    };
    while let Some(v) = rest.next_if(|s| variant(s)) {
        out.push(v.to_ascii_lowercase());
    }
    // Extensions: a singleton other than `x`, then subtags of 2–8; last, a
    // private use part: `x`, then subtags of 1–8. Each needs a subtag.
    while let Some(single) = rest.next_if(|s| alnum(s, 1..=1) && !s.eq_ignore_ascii_case("x")) {
        if !singleton_part(single, 2..=8, &mut rest, &mut out) {
            return None;
        }
    }
    if let Some(x) = rest.next_if(|s| s.eq_ignore_ascii_case("x")) {
        if !singleton_part(x, 1..=8, &mut rest, &mut out) {
            return None;
        }
    }
    if rest.next().is_some() {
        return None;
    }
    Some(LanguageTag(out.join("-")))
}

/// Pushes the singleton `single` and the subtags of `len` characters that
/// follow it onto `out`; `false` when none follows.
fn singleton_part<'a>(
    single: &str,
    len: std::ops::RangeInclusive<usize>,
    rest: &mut std::iter::Peekable<impl Iterator<Item = &'a str>>,
    out: &mut Vec<String>,
) -> bool {
    out.push(single.to_ascii_lowercase());
    let before = out.len();
    while let Some(s) =
        rest.next_if(|s| len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        out.push(s.to_ascii_lowercase());
    }
    out.len() > before
}

/// The tag meant by a text that is not one: `_` for `-` (`pt_BR`, as
/// locales are written on Unix), or the name of a built-in language in
/// English or in itself (`Ukrainian`, `Deutsch`, `日本語`).
fn meant(text: &str) -> Option<LanguageTag> {
    if text.contains('_') {
        if let Some(tag) = well_formed(&text.replace('_', "-")) {
            return Some(tag);
        }
    }
    let lang = Lang::ALL.iter().copied().find(|l| {
        l.names()
            .iter()
            .any(|n| n.to_lowercase() == text.to_lowercase())
    })?;
    Some(LanguageTag(lang.code().to_string()))
}

/// A language briefc has built-in output labels for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English (the default).
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Portuguese (Brazilian wording).
    Pt,
    /// Ukrainian.
    Uk,
    /// Japanese.
    Ja,
    /// Chinese, simplified characters.
    Zh,
}

impl Lang {
    /// Every built-in language, English first.
    pub const ALL: &'static [Lang] = &[
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::Pt,
        Lang::Uk,
        Lang::Ja,
        Lang::Zh,
    ];

    /// The language subtag (`uk`).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Pt => "pt",
            Lang::Uk => "uk",
            Lang::Ja => "ja",
            Lang::Zh => "zh",
        }
    }

    /// The language's name in English (`Ukrainian`).
    pub const fn english_name(self) -> &'static str {
        self.names()[0]
    }

    /// The language's name in itself (`українська`).
    pub const fn native_name(self) -> &'static str {
        self.names()[1]
    }

    /// The names a writer might give instead of the code: in English, in
    /// the language itself, and other common ones.
    const fn names(self) -> &'static [&'static str] {
        match self {
            Lang::En => &["English", "English"],
            Lang::De => &["German", "Deutsch"],
            Lang::Fr => &["French", "français", "francais"],
            Lang::Es => &["Spanish", "español", "espanol", "castellano"],
            Lang::Pt => &["Portuguese", "português", "portugues"],
            Lang::Uk => &["Ukrainian", "українська", "украинский"],
            Lang::Ja => &["Japanese", "日本語"],
            Lang::Zh => &["Chinese", "中文", "简体中文", "汉语", "Mandarin"],
        }
    }

    /// The built-in language with this language subtag, any case.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .iter()
            .copied()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// `en (English), de (German), …`, for help lines.
    pub fn list() -> String {
        Lang::ALL
            .iter()
            .map(|l| format!("`{}` ({})", l.code(), l.english_name()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> Option<String> {
        LanguageTag::parse(text).ok().map(|t| t.0)
    }

    #[test]
    fn well_formed_tags_in_conventional_case() {
        for (text, canonical) in [
            ("uk", "uk"),
            ("DE", "de"),
            ("de-ch", "de-CH"),
            ("pt-br", "pt-BR"),
            ("zh-hans", "zh-Hans"),
            ("zh-Hant-TW", "zh-Hant-TW"),
            ("es-419", "es-419"),
            ("sr-Latn-RS", "sr-Latn-RS"),
            ("de-CH-1996", "de-CH-1996"),
            ("zh-yue-HK", "zh-yue-HK"),
            ("en-US-u-ca-gregory", "en-US-u-ca-gregory"),
            ("en-x-acme", "en-x-acme"),
            (" fr ", "fr"),
        ] {
            assert_eq!(tag(text).as_deref(), Some(canonical), "{text}");
        }
    }

    #[test]
    fn malformed_tags_and_what_they_mean() {
        for bad in [
            "",
            "u",
            "deutsch",
            "de-",
            "-de",
            "de--CH",
            "de CH",
            "12",
            "de-CH-x",
            "en-u",
            "日本",
            "de-Latin-CH-",
        ] {
            assert_eq!(tag(bad), None, "{bad}");
        }
        let meant = |t: &str| {
            LanguageTag::parse(t)
                .err()
                .and_then(|e| e.meant)
                .map(|t| t.0)
        };
        assert_eq!(meant("pt_BR").as_deref(), Some("pt-BR"));
        assert_eq!(meant("Ukrainian").as_deref(), Some("uk"));
        assert_eq!(meant("Українська").as_deref(), Some("uk"));
        assert_eq!(meant("deutsch").as_deref(), Some("de"));
        assert_eq!(meant("日本語").as_deref(), Some("ja"));
        assert_eq!(meant("Klingon"), None);
    }

    #[test]
    fn tags_select_built_in_labels_by_language() {
        let lang = |t: &str| LanguageTag::parse(t).unwrap().builtin();
        assert_eq!(lang("de-CH"), Some(Lang::De));
        assert_eq!(lang("de-AT-1996"), Some(Lang::De));
        assert_eq!(lang("pt-BR"), Some(Lang::Pt));
        assert_eq!(lang("pt-PT"), Some(Lang::Pt));
        assert_eq!(lang("zh"), Some(Lang::Zh));
        assert_eq!(lang("zh-Hans"), Some(Lang::Zh));
        assert_eq!(lang("zh-CN"), Some(Lang::Zh));
        assert_eq!(lang("zh-Hans-HK"), Some(Lang::Zh));
        assert_eq!(lang("zh-Hant"), None);
        assert_eq!(lang("zh-TW"), None);
        assert_eq!(lang("uk-UA"), Some(Lang::Uk));
        assert_eq!(lang("it"), None);
        assert_eq!(
            lang("ua"),
            None,
            "UA is Ukraine's country code, not a language"
        );
        assert_eq!(LanguageTag::parse("de-CH").unwrap().language(), "de");
    }

    #[test]
    fn lowering_reads_a_misspelt_language_as_meant() {
        let text = "# T\n\nlength: 30s\nlanguage: pt_BR\n";
        let today = crate::model::Date::from_unix_seconds(0);
        let (brief, diagnostics) =
            crate::check_text(text, &crate::config::Config::default(), today);
        let tag = brief.header.language.map(|l| l.value.to_string());
        assert_eq!(tag.as_deref(), Some("pt-BR"));
        let on_line_4: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.span.start >= text.find("language").unwrap())
            .map(|d| d.rule.name())
            .collect();
        assert_eq!(on_line_4, ["invalid-value"]);
    }
}
