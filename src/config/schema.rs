//! The `briefc.yaml` schema: raw serde types, value checks, profile merging.

use super::{Brand, Config, ConfigError, Limits, PageSize, RuleLevel, Settings};
use crate::diagnostic::Rule;
use crate::diagnostic::{Severity, did_you_mean};
use crate::model::{DURATION_FORMS, Duration, FieldKey, SectionKind};
use serde::Deserialize;
use serde::de::{self, Deserializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    speaking_rate_wpm: Option<Rate>,
    seconds_per_benefit: Option<Positive>,
    required_fields: Option<Vec<FieldName>>,
    required_sections: Option<Vec<SectionName>>,
    limits: Option<RawLimits>,
    length: Option<RawLength>,
    profiles: Option<UniqueMap<String, RawProfile>>,
    rules: Option<UniqueMap<RuleName, Level>>,
    brand: Option<RawBrand>,
    page: Option<PageSize>,
    templates: Option<PathBuf>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawProfile {
    speaking_rate_wpm: Option<Rate>,
    seconds_per_benefit: Option<Positive>,
    required_fields: Option<Vec<FieldName>>,
    required_sections: Option<Vec<SectionName>>,
    limits: Option<RawLimits>,
    length: Option<RawLength>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLimits {
    goal: Option<Positive>,
    audience: Option<Positive>,
    key_message: Option<Positive>,
    call_to_action: Option<Positive>,
    benefit: Option<Positive>,
    benefits: Option<Positive>,
    metrics: Option<Positive>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLength {
    min: Option<ConfigDuration>,
    max: Option<ConfigDuration>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawBrand {
    name: Option<String>,
    color: Option<Color>,
    logo: Option<PathBuf>,
}

/// Implements `Deserialize` through `FromStr`-like parsing so that serde_yaml_ng
/// attaches the position of the offending value to the error.
macro_rules! parsed_string {
    ($(#[$m:meta])* $name:ident($inner:ty), $parse:expr) => {
        $(#[$m])*
        struct $name($inner);
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                let parse: fn(&str) -> Result<$inner, String> = $parse;
                parse(&text).map($name).map_err(de::Error::custom)
            }
        }
    };
}

parsed_string!(FieldName(FieldKey), |t| {
    FieldKey::parse(t).ok_or_else(|| {
        let hint = did_you_mean(t, FieldKey::ALL.iter().map(|k| k.name()))
            .map(|k| format!(" (did you mean `{k}`?)"))
            .unwrap_or_default();
        format!("unknown header field `{t}`{hint}")
    })
});

parsed_string!(SectionName(SectionKind), |t| {
    SectionKind::parse(t).ok_or_else(|| {
        let keys: Vec<String> = SectionKind::ALL.iter().map(|k| k.config_key()).collect();
        let hint = did_you_mean(&t.replace(' ', "_"), keys.iter().map(String::as_str))
            .map(|k| format!(" (did you mean `{k}`?)"))
            .unwrap_or_default();
        format!("unknown section `{t}`{hint}")
    })
});

parsed_string!(
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    RuleName(Rule),
    |t| {
        Rule::from_name(t).ok_or_else(|| {
            let hint = did_you_mean(t, Rule::ALL.iter().map(|r| r.name()))
                .map(|r| format!(" (did you mean `{r}`?)"))
                .unwrap_or_else(|| " (`briefc explain --list` lists them)".into());
            format!("unknown rule `{t}`{hint}")
        })
    }
);

parsed_string!(Level(RuleLevel), |t| match t {
    "off" => Ok(RuleLevel::Off),
    "warning" | "warn" => Ok(RuleLevel::Is(Severity::Warning)),
    "error" => Ok(RuleLevel::Is(Severity::Error)),
    _ => Err(format!(
        "`{t}` is not a rule level: use `off`, `warning` or `error`{}",
        did_you_mean(t, ["off", "warning", "error"])
            .map(|l| format!(" (did you mean `{l}`?)"))
            .unwrap_or_default()
    )),
});

parsed_string!(Color(String), |t| {
    super::parse_color(t).map(super::color_hex).ok_or_else(|| {
        format!("`{t}` is not a colour: write it as \"#RRGGBB\" (quoted), e.g. \"#0A5FFF\"")
    })
});

/// A map that rejects a key given twice (serde's maps silently keep the last).
struct UniqueMap<K, V>(BTreeMap<K, V>);

/// How a map key is named in the "given twice" error.
trait KeyText {
    fn key_text(&self) -> String;
}

impl KeyText for String {
    fn key_text(&self) -> String {
        self.clone()
    }
}

impl KeyText for RuleName {
    fn key_text(&self) -> String {
        self.0.name().to_string()
    }
}

impl<'de, K, V> Deserialize<'de> for UniqueMap<K, V>
where
    K: Deserialize<'de> + Ord + KeyText,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<K, V>(std::marker::PhantomData<(K, V)>);
        impl<'de, K, V> de::Visitor<'de> for Visitor<K, V>
        where
            K: Deserialize<'de> + Ord + KeyText,
            V: Deserialize<'de>,
        {
            type Value = UniqueMap<K, V>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map of `key: value` lines")
            }

            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(key) = map.next_key::<K>()? {
                    let text = key.key_text();
                    let value = map.next_value::<V>()?;
                    if out.insert(key, value).is_some() {
                        // The wording serde_yaml_ng uses, so `yaml_error` finds the key.
                        return Err(de::Error::custom(format!(
                            "duplicate entry with key \"{text}\""
                        )));
                    }
                }
                Ok(UniqueMap(out))
            }
        }
        d.deserialize_map(Visitor(std::marker::PhantomData))
    }
}

/// A duration given as a string (`5s`, `20m`, `1:30`) or a number of seconds.
struct ConfigDuration(Duration);

impl<'de> Deserialize<'de> for ConfigDuration {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Secs(u32),
            Text(String),
        }
        match Raw::deserialize(d).map_err(|_| {
            de::Error::custom(format!("expected a duration such as {DURATION_FORMS}"))
        })? {
            Raw::Secs(s) => Ok(ConfigDuration(Duration::from_secs(s))),
            Raw::Text(t) => Duration::parse(&t).map(ConfigDuration).ok_or_else(|| {
                de::Error::custom(format!("`{t}` is not a duration: write {DURATION_FORMS}"))
            }),
        }
    }
}

/// A number greater than zero (words per minute).
struct Rate(f64);

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        if v.is_finite() && v > 0.0 {
            Ok(Rate(v))
        } else {
            Err(de::Error::custom("expected a number greater than 0"))
        }
    }
}

/// A whole number greater than zero.
struct Positive(u32);

impl<'de> Deserialize<'de> for Positive {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = u32::deserialize(d)?;
        if v > 0 {
            Ok(Positive(v))
        } else {
            Err(de::Error::custom("expected a whole number greater than 0"))
        }
    }
}

pub(super) fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    let raw: Option<RawConfig> =
        serde_yaml_ng::from_str(text).map_err(|e| yaml_error(path, text, &e))?;
    let raw = raw.unwrap_or_default();
    let base_dir = path.parent().unwrap_or(Path::new("."));

    let mut settings = Settings::default();
    let top = LengthKeys::of(raw.length.as_ref());
    apply(
        &mut settings,
        raw.speaking_rate_wpm,
        raw.seconds_per_benefit,
        raw.required_fields,
        raw.required_sections,
        raw.limits,
        raw.length,
    );
    check_length_range(path, text, None, top, LengthKeys::NONE, &settings)?;

    let mut profiles = BTreeMap::new();
    for (name, p) in raw.profiles.map(|m| m.0).unwrap_or_default() {
        let mut merged = settings.clone();
        let sets = LengthKeys::of(p.length.as_ref());
        apply(
            &mut merged,
            p.speaking_rate_wpm,
            p.seconds_per_benefit,
            p.required_fields,
            p.required_sections,
            p.limits,
            p.length,
        );
        check_length_range(path, text, Some(&name), sets, top, &merged)?;
        profiles.insert(name, merged);
    }

    let mut rules = BTreeMap::new();
    for (RuleName(rule), Level(level)) in raw.rules.map(|m| m.0).unwrap_or_default() {
        if rule.is_structural() && level != RuleLevel::Is(Severity::Error) {
            let offset = find_key(text, rule.name()).unwrap_or(0);
            return Err(ConfigError::at(
                path,
                text,
                offset,
                format!("`{rule}` is a structural rule and always stays an error"),
                Some("remove this line: only the rules from `too-long` on can be changed".into()),
            ));
        }
        rules.insert(rule, level);
    }

    let brand = raw.brand.unwrap_or_default();
    Ok(Config {
        path: Some(path.to_path_buf()),
        settings,
        profiles,
        rules,
        brand: Brand {
            name: brand.name,
            color: brand.color.map(|c| c.0),
            logo: brand.logo.map(|l| base_dir.join(l)),
        },
        page: raw.page.unwrap_or_default(),
        templates: raw.templates.map(|t| base_dir.join(t)),
    })
}

fn apply(
    s: &mut Settings,
    rate: Option<Rate>,
    per_benefit: Option<Positive>,
    fields: Option<Vec<FieldName>>,
    sections: Option<Vec<SectionName>>,
    limits: Option<RawLimits>,
    length: Option<RawLength>,
) {
    if let Some(Rate(r)) = rate {
        s.speaking_rate_wpm = r;
    }
    if let Some(Positive(p)) = per_benefit {
        s.seconds_per_benefit = p;
    }
    if let Some(f) = fields {
        s.required_fields = f.into_iter().map(|f| f.0).collect();
    }
    if let Some(sec) = sections {
        s.required_sections = sec.into_iter().map(|s| s.0).collect();
    }
    if let Some(l) = limits {
        let t: &mut Limits = &mut s.limits;
        let set = |slot: &mut usize, v: Option<Positive>| *slot = v.map_or(*slot, |p| p.0 as usize);
        set(&mut t.goal, l.goal);
        set(&mut t.audience, l.audience);
        set(&mut t.key_message, l.key_message);
        set(&mut t.call_to_action, l.call_to_action);
        set(&mut t.benefit, l.benefit);
        set(&mut t.benefits, l.benefits);
        set(&mut t.metrics, l.metrics);
    }
    if let Some(len) = length {
        if let Some(ConfigDuration(min)) = len.min {
            s.length_min = min;
        }
        if let Some(ConfigDuration(max)) = len.max {
            s.length_max = max;
        }
    }
}

/// Which of `min` and `max` a `length` map sets itself.
#[derive(Clone, Copy)]
struct LengthKeys {
    min: bool,
    max: bool,
}

impl LengthKeys {
    const NONE: LengthKeys = LengthKeys {
        min: false,
        max: false,
    };

    fn of(length: Option<&RawLength>) -> LengthKeys {
        LengthKeys {
            min: length.is_some_and(|l| l.min.is_some()),
            max: length.is_some_and(|l| l.max.is_some()),
        }
    }
}

/// Checks `length.min <= length.max` after the top-level `length`
/// (`profile` `None`) or a profile's is applied. `sets` says which keys that
/// `length` has, `inherited` which the top-level one has (for a profile);
/// the rest are defaults. The error points at the `min` (or else `max`) key
/// of that `length`.
fn check_length_range(
    path: &Path,
    text: &str,
    profile: Option<&str>,
    sets: LengthKeys,
    inherited: LengthKeys,
    s: &Settings,
) -> Result<(), ConfigError> {
    if s.length_min <= s.length_max {
        return Ok(());
    }
    let (min, max) = (s.length_min.spelling(), s.length_max.spelling());
    let mut key_path: Vec<&str> = match profile {
        Some(name) => vec!["profiles", name, "length"],
        None => vec!["length"],
    };
    let shown = key_path.join(".");
    let origin = |inherited: bool, what: &str, value: &str| {
        if inherited {
            format!("the {what} `{value}` set in the top-level `length`")
        } else {
            format!("the default {what} `{value}`")
        }
    };
    let (message, help) = match (sets.min, sets.max) {
        (true, false) => (
            format!(
                "`{shown}`: the minimum `{min}` is above {}",
                origin(inherited.max, "maximum", &max)
            ),
            format!(
                "make this `min` at most `{max}`, e.g. `min: {max}`, or add `max: {min}` (or more) to this `length`"
            ),
        ),
        (false, true) => (
            format!(
                "`{shown}`: the maximum `{max}` is below {}",
                origin(inherited.min, "minimum", &min)
            ),
            format!(
                "make this `max` at least `{min}`, e.g. `max: {min}`, or add `min: {max}` (or less) to this `length`"
            ),
        ),
        _ => (
            format!("`{shown}`: the minimum `{min}` is above the maximum `{max}`"),
            format!(
                "make `min` at most `max`; to swap them, write `length: {{min: {max}, max: {min}}}`"
            ),
        ),
    };
    key_path.push(if sets.min || !sets.max { "min" } else { "max" });
    let offset = locate_key(text, &key_path)
        .or_else(|| find_key(text, profile.unwrap_or("length")))
        .unwrap_or(0);
    Err(ConfigError::at(path, text, offset, message, Some(help)))
}

/// The byte offset of the key at the end of `path` (`["profiles", "social",
/// "length", "min"]`), in block or flow style, or `None` when the file does
/// not have it. The YAML is read again and stopped at that key; the error
/// carries the start of the map holding the key, and the key is the first
/// one of that name from there (right for maps without nested maps, such as
/// `length`).
fn locate_key(text: &str, path: &[&str]) -> Option<usize> {
    const FOUND: &str = "briefc: key located";

    struct Probe<'a>(&'a [&'a str]);
    impl<'de> de::DeserializeSeed<'de> for Probe<'_> {
        type Value = ();
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
            match self.0.split_first() {
                None => Err(de::Error::custom(FOUND)),
                Some((key, rest)) => d.deserialize_any(Walk(key, rest)),
            }
        }
    }
    struct Walk<'a>(&'a str, &'a [&'a str]);
    impl<'de> de::Visitor<'de> for Walk<'_> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == self.0 {
                    map.next_value_seed(Probe(self.1))?;
                } else {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
            Ok(())
        }
    }

    let key = path.last()?;
    let err =
        de::DeserializeSeed::deserialize(Probe(path), serde_yaml_ng::Deserializer::from_str(text))
            .err()?;
    if !err.to_string().contains(FOUND) {
        return None;
    }
    let map_start = err.location()?.index().min(text.len());
    text[map_start..]
        .match_indices(key)
        .map(|(i, _)| map_start + i)
        .find(|&at| {
            let before = text[..at].chars().next_back();
            let starts = at == map_start
                || before.is_some_and(|c| c.is_whitespace() || matches!(c, '{' | ',' | '"' | '\''));
            let after = text[at + key.len()..].trim_start_matches(['"', '\'']);
            starts && after.trim_start_matches([' ', '\t']).starts_with(':')
        })
        .map(|at| {
            // On an opening quote, point at the quote.
            match text[..at].chars().next_back() {
                Some(q @ ('"' | '\'')) => at - q.len_utf8(),
                _ => at,
            }
        })
}

/// The byte offset of the first line whose key is `key` (`  key:`).
fn find_key(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let bare = trimmed.trim_start_matches(['"', '\'']);
        if bare.starts_with(key)
            && bare[key.len()..]
                .trim_start_matches(['"', '\''])
                .trim_start()
                .starts_with(':')
        {
            return Some(offset + line.len() - trimmed.len());
        }
        offset += line.len();
    }
    None
}

fn yaml_error(path: &Path, text: &str, err: &serde_yaml_ng::Error) -> ConfigError {
    let mut message = err.to_string();
    // The location is shown separately; drop serde_yaml_ng's " at line L column C".
    if let Some(pos) = message.rfind(" at line ") {
        message.truncate(pos);
    }
    let mut offset = err.location().map_or(0, |l| l.index());
    // Duplicate keys are reported at 1:1; point at the second occurrence instead.
    let duplicate = message
        .split("duplicate entry with key \"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .or_else(|| {
            message
                .split("duplicate field `")
                .nth(1)
                .and_then(|r| r.split('`').next())
        });
    if let Some(key) = duplicate {
        let first = find_key(text, key).unwrap_or(0);
        // Search on after the first key (a char boundary: the key matched there).
        let after = (first + key.len()).min(text.len());
        offset = find_key(&text[after..], key).map_or(first, |o| after + o);
    }
    let help = unknown_field_help(&message).or_else(|| {
        message.contains("invalid type").then(|| {
            "check the value's type against the example in the README's config section".to_string()
        })
    });
    // Custom messages already carry their hint in brackets; lift it into the help line.
    let (message, help) = match (message.find(" (did you mean"), help) {
        (Some(pos), None) => {
            let hint = message[pos + 2..].trim_end_matches(')').to_string();
            (
                message[..pos].to_string()
                    + &message[message.rfind(')').map_or(message.len(), |e| e + 1)..],
                Some(hint),
            )
        }
        (_, help) => (message, help),
    };
    let message = with_key_path(text, offset, &plain_types(&message));
    ConfigError::at(path, text, offset, message, help)
}

/// serde's type names in words: `expected usize` → `expected a whole number`.
/// The list of allowed keys after an unknown field goes: the help line has it.
fn plain_types(message: &str) -> String {
    let mut out = message.to_string();
    if out.contains("unknown field `") {
        if let Some(pos) = out.find(", expected one of") {
            out.truncate(pos);
        }
        if let Some(pos) = out.find(", there are no fields") {
            out.truncate(pos);
        }
    }
    if let Some(pos) = out.find("expected struct ") {
        let end = out[pos + "expected struct ".len()..]
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .map_or(out.len(), |e| pos + "expected struct ".len() + e);
        out.replace_range(pos..end, "expected a map of `key: value` lines");
    }
    for (rust, words) in [
        ("expected usize", "expected a whole number"),
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected path string", "expected a path"),
        ("expected a borrowed string", "expected a string"),
    ] {
        if let Some(rest) = out.strip_suffix(rust) {
            out = format!("{rest}{words}");
        }
    }
    out
}

/// Puts the dotted key path of the value at `offset` in front of a message
/// about that value (`limits.goal: invalid type …`), in place of serde's own
/// path, which stops at the enclosing map (and is missing at the top level).
fn with_key_path(text: &str, offset: usize, message: &str) -> String {
    // Messages about keys and syntax name their place already, or have no key.
    let (serde_path, rest) = match message.split_once(": ") {
        Some((p, r))
            if !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || "._-[]".contains(c)) =>
        {
            (Some(p), r)
        }
        _ => (None, message),
    };
    let about_value = ![
        "unknown",
        "duplicate",
        "did not find",
        "found",
        "mapping values",
    ]
    .iter()
    .any(|s| rest.starts_with(s))
        && !rest.contains("while parsing")
        && !rest.contains("while scanning");
    let Some(path) = key_path(text, offset).filter(|_| about_value) else {
        return message.to_string();
    };
    match serde_path {
        // serde's path is at least as precise (a flow map on one line).
        Some(p) if !path.starts_with(&format!("{p}.")) => message.to_string(),
        _ => format!("{path}: {rest}"),
    }
}

/// The dotted path of the block-style key on the line holding `offset`
/// (`limits.goal`), found by walking up to less-indented keys.
fn key_path(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let key_of = |line: &str| -> Option<(usize, String)> {
        let body = line.trim_start();
        if body.starts_with('#') || body.starts_with('-') || body.starts_with('{') {
            return None;
        }
        let (key, _) = body.split_once(':')?;
        let key = key.trim().trim_matches(['"', '\'']);
        let ok = !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '));
        ok.then(|| (line.len() - body.len(), key.to_string()))
    };
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let (mut indent, key) = key_of(&text[start..end])?;
    let mut parts = vec![key];
    for line in text[..start].lines().rev() {
        if indent == 0 {
            break;
        }
        if let Some((i, k)) = key_of(line) {
            if i < indent {
                parts.push(k);
                indent = i;
            }
        }
    }
    parts.reverse();
    Some(parts.join("."))
}

/// "did you mean" for serde's "unknown field `x`, expected one of `a`, `b`".
fn unknown_field_help(message: &str) -> Option<String> {
    let rest = message.split("unknown field `").nth(1)?;
    let (field, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    match did_you_mean(field, candidates.iter().copied()) {
        Some(best) => Some(format!("did you mean `{best}`?")),
        None => Some(format!(
            "the keys allowed here are: {}",
            candidates.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Config, ConfigError> {
        parse(Path::new("briefc.yaml"), text)
    }

    #[test]
    fn parses_the_spec_example() {
        let text = r##"
speaking_rate_wpm: 150
seconds_per_benefit: 15
required_fields: [length, stage, marketing, sales]
required_sections: [goal, audience, key benefits, success metrics, scenes]
limits:
  goal: 60
  audience: 80
  key_message: 25
  call_to_action: 25
  benefit: 15
  benefits: 3
  metrics: 5
length: { min: 5s, max: 20m }
profiles:
  social:    { length: { max: 60s }, limits: { benefits: 1 } }
  explainer: { length: { min: 60s, max: 3m } }
rules:
  scene-gap: off
  voiceover-too-long: error
brand:
  name: Acme Corp
  color: "#0A5FFF"
  logo: brand/logo.png
page: a4
"##;
        let c = parse_str(text).unwrap();
        // The example asks for more than the defaults (spec tables: only
        // `length` and four sections); the rest equals the defaults.
        use crate::model::{FieldKey, SectionKind};
        let spec_example = Settings {
            required_fields: vec![
                FieldKey::Length,
                FieldKey::Stage,
                FieldKey::Marketing,
                FieldKey::Sales,
            ],
            required_sections: vec![
                SectionKind::Goal,
                SectionKind::Audience,
                SectionKind::KeyBenefits,
                SectionKind::SuccessMetrics,
                SectionKind::Scenes,
            ],
            ..Settings::default()
        };
        assert_eq!(c.settings, spec_example);
        assert_eq!(c.profiles["social"].length_max.seconds, 60);
        assert_eq!(c.profiles["social"].limits.benefits, 1);
        assert_eq!(c.profiles["explainer"].length_min.seconds, 60);
        assert_eq!(c.severity(Rule::SceneGap), None);
        assert_eq!(c.severity(Rule::VoiceoverTooLong), Some(Severity::Error));
        assert_eq!(c.brand.color.as_deref(), Some("#0A5FFF"));
    }

    #[test]
    fn short_brand_colours_are_spelled_out() {
        let c = parse_str("brand: {color: \"#c00\"}\n").unwrap();
        assert_eq!(c.brand.color.as_deref(), Some("#CC0000"));
        let e = parse_str("brand:\n  color: \"#C0\"\n").err().unwrap();
        assert_eq!(e.line, 2, "{e:?}");
    }

    #[test]
    fn a_length_range_error_in_a_profile_points_at_its_length() {
        let text =
            "profiles:\n  social:\n    limits: {benefits: 1}\n    length: {min: 2m, max: 1m}\n";
        let e = parse_str(text).err().unwrap();
        assert_eq!(
            e.to_string(),
            "briefc.yaml:4:14: `profiles.social.length`: the minimum `2m` is above the maximum `1m`"
        );
        assert_eq!(
            e.help.as_deref(),
            Some("make `min` at most `max`; to swap them, write `length: {min: 1m, max: 2m}`")
        );
        // Block style, a second profile, quotes: still the `min` of that profile.
        let text = "length: {min: 5s}\nprofiles:\n  long: {length: {min: 5m}}\n  social:\n    limits:\n      benefits: 1\n    length:\n      \"min\": 2m\n      max: 1m\n";
        let e = parse_str(text).err().unwrap();
        assert_eq!((e.line, e.column), (8, 7), "{e}");
        // Only `max` in the profile, below the top-level `min`: point at `max`.
        let text = "length:\n  min: 30s\nprofiles:\n  social:\n    length: {max: 20s}\n";
        let e = parse_str(text).err().unwrap();
        assert_eq!(
            e.to_string(),
            "briefc.yaml:5:14: `profiles.social.length`: the maximum `20s` is below the minimum `30s` set in the top-level `length`"
        );
        assert_eq!(
            e.help.as_deref(),
            Some(
                "make this `max` at least `30s`, e.g. `max: 30s`, or add `min: 20s` (or less) to this `length`"
            )
        );
        // Only `min` in the profile, above the top-level `max`.
        let text = "length: {max: 1m}\nprofiles:\n  long:\n    length:\n      min: 2m\n";
        let e = parse_str(text).err().unwrap();
        assert_eq!((e.line, e.column), (5, 7), "{e}");
        assert!(e.message.contains("set in the top-level `length`"), "{e}");
        // Against the defaults (5s to 20m).
        let e = parse_str("length: {min: 30m}\n").err().unwrap();
        assert_eq!(
            e.to_string(),
            "briefc.yaml:1:10: `length`: the minimum `30m` is above the default maximum `20m`"
        );
        assert_eq!(
            e.help.as_deref(),
            Some(
                "make this `min` at most `20m`, e.g. `min: 20m`, or add `max: 30m` (or more) to this `length`"
            )
        );
        let e = parse_str("profiles:\n  teaser: {length: {max: 3s}}\n")
            .err()
            .unwrap();
        assert_eq!(
            e.to_string(),
            "briefc.yaml:2:21: `profiles.teaser.length`: the maximum `3s` is below the default minimum `5s`"
        );
        // The top-level `length`, block style.
        let e = parse_str("page: a4\nlength:\n  min: 2m\n  max: 1m\n")
            .err()
            .unwrap();
        assert_eq!(
            e.to_string(),
            "briefc.yaml:3:3: `length`: the minimum `2m` is above the maximum `1m`"
        );
    }

    #[test]
    fn empty_file_is_defaults() {
        assert_eq!(parse_str("").unwrap().settings, Settings::default());
        assert_eq!(
            parse_str("# only a comment\n").unwrap().settings,
            Settings::default()
        );
    }

    #[test]
    fn errors_name_line_column_and_suggest() {
        let e = parse_str("limits:\n  benfits: 3\n").err().unwrap();
        assert_eq!((e.line, e.column), (2, 3));
        assert_eq!(e.help.as_deref(), Some("did you mean `benefits`?"));
        let e = parse_str("rules:\n  scene-gpa: off\n").err().unwrap();
        assert_eq!(e.line, 2);
        assert!(
            e.message.contains("unknown rule `scene-gpa`"),
            "{}",
            e.message
        );
        assert_eq!(e.help.as_deref(), Some("did you mean `scene-gap`?"));
        let e = parse_str("speaking_rate_wpm: fast\n").err().unwrap();
        assert_eq!(e.line, 1);
        let e = parse_str("rules:\n  missing-title: off\n").err().unwrap();
        assert_eq!(e.line, 2);
        let e = parse_str("length: { min: 2m, max: 1m }\n").err().unwrap();
        assert!(e.message.contains("above the maximum"));
        assert_eq!((e.line, e.column), (1, 11), "{e:?}");
        let e = parse_str("page: a4\npage: letter\n").err().unwrap();
        assert_eq!(e.line, 2, "{e:?}");
    }
}
