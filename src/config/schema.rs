//! The `briefc.yaml` schema: the raw tables, the value checks, profile merging.
//!
//! Each value is checked inside its visitor, while serde_yaml_ng still knows
//! where the value is, so the error carries its line and column;
//! `serde_path_to_error` adds the key path. A failed check leaves a
//! [`Problem`] (what is wrong, how to fix it) for [`parse`] to report.

use super::{Brand, Config, ConfigError, Limits, PageSize, RuleLevel, Settings};
use crate::diagnostic::{Rule, Severity, did_you_mean};
use crate::model::{DURATION_FORMS, Duration, FieldKey, SectionKind};
use serde::Deserialize;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor,
};
use serde_path_to_error::Segment;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

mod labels;

/// What is wrong with a value or key, and how to fix it.
struct Problem {
    message: String,
    help: Option<String>,
    /// About a key: the path shown stops at its map.
    on_key: bool,
}

thread_local! {
    /// The problem behind the error being returned: serde errors carry only
    /// text, so a failed check leaves its problem here for [`parse`].
    static PROBLEM: Cell<Option<Problem>> = const { Cell::new(None) };
}

impl Problem {
    fn new(message: String, help: Option<String>) -> Problem {
        Problem {
            message,
            help,
            on_key: false,
        }
    }

    /// "expected a duration, found `-5`".
    fn expected(what: &str, found: Found<'_>, help: String) -> Problem {
        Problem::new(format!("expected {what}, found {found}"), Some(help))
    }

    /// An unknown name, with the nearest known one or else all of them.
    fn unknown<'a>(what: &str, name: &str, known: impl IntoIterator<Item = &'a str>) -> Problem {
        let known: Vec<&str> = known.into_iter().collect();
        let help = match did_you_mean(name, known.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the {what}s allowed here are: {}", known.join(", ")),
        };
        Problem::new(format!("unknown {what} `{name}`"), Some(help))
    }

    /// The serde error that stops the reading; [`parse`] takes the problem back.
    fn raise<E: de::Error>(self) -> E {
        let error = E::custom(&self.message);
        PROBLEM.set(Some(self));
        error
    }
}

/// A scalar as YAML gives it.
#[derive(Clone, Copy)]
enum Found<'a> {
    Text(&'a str),
    Int(i128),
    Float(f64),
}

impl fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Text(t) => write!(f, "the text `{t}`"),
            Found::Int(i) => write!(f, "`{i}`"),
            Found::Float(x) => write!(f, "`{x}`"),
        }
    }
}

/// Checks a scalar inside the visitor. Other kinds of value (a list where a
/// name goes) get serde's "invalid type" error, which says what was expected.
struct Check<T> {
    what: &'static str,
    check: fn(Found<'_>) -> Result<T, Problem>,
}

impl<T> Check<T> {
    fn run<E: de::Error>(self, found: Found<'_>) -> Result<T, E> {
        (self.check)(found).map_err(Problem::raise)
    }
}

impl<'de, T> Visitor<'de> for Check<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        self.run(Found::Int(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        self.run(Found::Int(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        self.run(Found::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        self.run(Found::Text(v))
    }
}

/// A value read by `deserialize_method` (which sets the YAML types taken,
/// as serde's own types do) and checked by `check`.
macro_rules! checked {
    ($(#[$m:meta])* $name:ident($inner:ty) by $method:ident as $what:literal, $check:expr) => {
        $(#[$m])*
        struct $name($inner);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.$method(Check { what: $what, check: $check }).map($name)
            }
        }
    };
}

checked!(
    /// Words per minute.
    Rate(f64) by deserialize_f64 as "a number greater than 0", |found| match found {
        Found::Float(x) if x.is_finite() && x > 0.0 => Ok(x),
        _ => Err(Problem::expected(
            "a number greater than 0",
            found,
            "write the words per minute, e.g. `150`".into(),
        )),
    }
);

checked!(
    /// A whole number greater than zero.
    Positive(u32) by deserialize_u32 as "a whole number greater than 0", |found| match found {
        Found::Int(i) if i > u32::MAX.into() => Err(Problem::new(
            format!("`{i}` is too large"),
            Some(format!("write a whole number up to {}", u32::MAX)),
        )),
        Found::Int(i) if i > 0 => Ok(i as u32),
        _ => Err(Problem::expected(
            "a whole number greater than 0",
            found,
            "write a whole number, e.g. `3`".into(),
        )),
    }
);

checked!(
    /// A duration given as text (`5s`, `20m`, `1:30`) or a number of seconds.
    ConfigDuration(Duration) by deserialize_any as "a duration such as `90s`, `2m` or `1:30`", |found| {
        let help = format!("write {DURATION_FORMS}, or a number of seconds");
        match found {
            Found::Int(i) => match u32::try_from(i) {
                Ok(s) => Ok(Duration::from_secs(s)),
                Err(_) => Err(Problem::expected("a duration", found, help)),
            },
            Found::Text(t) => Duration::parse(t)
                .ok_or_else(|| Problem::new(format!("`{t}` is not a duration"), Some(help))),
            Found::Float(_) => Err(Problem::expected("a duration", found, help)),
        }
    }
);

checked!(FieldName(FieldKey) by deserialize_str as "a header field name", |found| {
    let t = text(found)?;
    FieldKey::parse(t)
        .ok_or_else(|| Problem::unknown("header field", t, FieldKey::ALL.iter().map(|k| k.name())))
});

checked!(SectionName(SectionKind) by deserialize_str as "a section name", |found| {
    let t = text(found)?;
    SectionKind::parse(t).ok_or_else(|| {
        let keys: Vec<String> = SectionKind::ALL.iter().map(|k| k.config_key()).collect();
        // `key benefits` and `key_benefits` are one name.
        let underscored = t.replace(' ', "_");
        let problem = Problem::unknown("section", &underscored, keys.iter().map(String::as_str));
        Problem {
            message: format!("unknown section `{t}`"),
            ..problem
        }
    })
});

checked!(Level(RuleLevel) by deserialize_str as "`off`, `warning` or `error`", |found| {
    match text(found)? {
        "off" => Ok(RuleLevel::Off),
        "warning" | "warn" => Ok(RuleLevel::Is(Severity::Warning)),
        "error" => Ok(RuleLevel::Is(Severity::Error)),
        "" => Err(Problem::new(
            "the rule level is missing: use `off`, `warning` or `error`".into(),
            None,
        )),
        t => Err(Problem::new(
            format!("`{t}` is not a rule level: use `off`, `warning` or `error`"),
            did_you_mean(t, ["off", "warning", "error"]).map(|l| format!("did you mean `{l}`?")),
        )),
    }
});

checked!(
    /// A brand colour, kept as `#RRGGBB`.
    Color(String) by deserialize_str as "a colour such as \"#0A5FFF\"", |found| {
        let t = text(found)?;
        super::parse_color(t).map(super::color_hex).ok_or_else(|| {
            let help = "write it as \"#RRGGBB\" or \"#RGB\" (quoted: `#` starts a YAML comment), \
                        e.g. \"#0A5FFF\"";
            Problem::new(format!("`{t}` is not a colour"), Some(help.into()))
        })
    }
);

checked!(Page(PageSize) by deserialize_str as "`a4` or `letter`", |found| match text(found)? {
    "a4" | "A4" => Ok(PageSize::A4),
    "letter" | "Letter" | "LETTER" => Ok(PageSize::Letter),
    t => Err(Problem::new(
        format!("`{t}` is not a page size"),
        Some(match did_you_mean(t, ["a4", "letter"]) {
            Some(size) => format!("did you mean `{size}`?"),
            None => "write `a4` or `letter`".into(),
        }),
    )),
});

checked!(Text(String) by deserialize_str as "a name", |found| Ok(text(found)?.into()));

checked!(FilePath(PathBuf) by deserialize_str as "a path", |found| Ok(text(found)?.into()));

/// The text of a scalar read by `deserialize_str`, which gives every scalar as text.
fn text(found: Found<'_>) -> Result<&str, Problem> {
    match found {
        Found::Text(t) => Ok(t),
        _ => Err(Problem::new(format!("expected text, found {found}"), None)),
    }
}

/// A map read key by key: each key is checked, and a key given twice is an
/// error at its second occurrence (serde's maps would keep the last).
trait Keyed: Default {
    type Key;

    fn key(text: &str) -> Result<Self::Key, Problem>;

    /// Reads the value of `key`.
    fn value<'de, A: MapAccess<'de>>(
        &mut self,
        key: Self::Key,
        map: &mut A,
    ) -> Result<(), A::Error>;
}

struct MapVisitor<T>(PhantomData<T>);

impl<'de, T: Keyed> Visitor<'de> for MapVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of `key: value` lines")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut out = T::default();
        let mut seen = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed::<T>(&mut seen, PhantomData))? {
            out.value(key, &mut map)?;
        }
        Ok(out)
    }
}

/// Reads one key of a [`Keyed`] map; `.0` holds the keys read so far.
struct KeySeed<'s, T>(&'s mut Vec<String>, PhantomData<T>);

impl<'de, T: Keyed> DeserializeSeed<'de> for KeySeed<'_, T> {
    type Value = T::Key;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T::Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, T: Keyed> Visitor<'de> for KeySeed<'_, T> {
    type Value = T::Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<T::Key, E> {
        let checked = if self.0.iter().any(|k| k == key) {
            Err(Problem::new(
                format!("`{key}` is given twice"),
                Some("keep one of them: only the last would count".into()),
            ))
        } else {
            T::key(key)
        };
        self.0.push(key.to_string());
        checked.map_err(|p| Problem { on_key: true, ..p }.raise())
    }
}

/// Declares a table, a map with a fixed set of keys: a struct of optional
/// values (an empty value is the same as no key).
macro_rules! table {
    ($(#[$m:meta])* struct $name:ident { $($key:ident: $ty:ty,)* }) => {
        $(#[$m])*
        #[derive(Default)]
        struct $name { $($key: Option<$ty>,)* }

        impl Keyed for $name {
            type Key = &'static str;

            fn key(text: &str) -> Result<&'static str, Problem> {
                const KEYS: &[&str] = &[$(stringify!($key)),*];
                let known = KEYS.iter().find(|k| **k == text).copied();
                known.ok_or_else(|| Problem::unknown("key", text, KEYS.iter().copied()))
            }

            fn value<'de, A: MapAccess<'de>>(&mut self, key: &'static str, map: &mut A) -> Result<(), A::Error> {
                match key {
                    $(stringify!($key) => self.$key = map.next_value()?,)*
                    _ => unreachable!("`{key}` was checked"),
                }
                Ok(())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_map(MapVisitor(PhantomData))
            }
        }
    };
}

table! {
    /// The whole file.
    struct RawConfig {
        speaking_rate_wpm: Rate,
        seconds_per_benefit: Positive,
        required_fields: Vec<FieldName>,
        required_sections: Vec<SectionName>,
        limits: RawLimits,
        length: RawLength,
        profiles: Entries<String, RawProfile>,
        rules: Entries<Rule, Level>,
        brand: RawBrand,
        page: Page,
        templates: FilePath,
        fonts: FilePath,
        labels: labels::RawLabels,
    }
}

table! {
    /// A profile: the settings it changes.
    struct RawProfile {
        speaking_rate_wpm: Rate,
        seconds_per_benefit: Positive,
        required_fields: Vec<FieldName>,
        required_sections: Vec<SectionName>,
        limits: RawLimits,
        length: RawLength,
    }
}

table! {
    struct RawLimits {
        goal: Positive,
        audience: Positive,
        key_message: Positive,
        call_to_action: Positive,
        benefit: Positive,
        benefits: Positive,
        metrics: Positive,
    }
}

table! {
    struct RawLength {
        min: ConfigDuration,
        max: ConfigDuration,
    }
}

table! {
    struct RawBrand {
        name: Text,
        color: Color,
        logo: FilePath,
    }
}

/// A map whose keys the user names (profiles, rules), in the file's order.
struct Entries<K, V>(Vec<(K, V)>);

impl<K, V> Default for Entries<K, V> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

/// Checks the keys of [`Entries`].
trait EntryKey: Sized {
    fn parse(key: &str) -> Result<Self, Problem>;
}

impl EntryKey for String {
    fn parse(key: &str) -> Result<Self, Problem> {
        Ok(key.to_string())
    }
}

impl EntryKey for Rule {
    fn parse(key: &str) -> Result<Self, Problem> {
        Rule::from_name(key).ok_or_else(|| {
            let help = match did_you_mean(key, Rule::ALL.iter().map(|r| r.name())) {
                Some(rule) => format!("did you mean `{rule}`?"),
                None => "`briefc explain --list` lists the rules".into(),
            };
            Problem::new(format!("unknown rule `{key}`"), Some(help))
        })
    }
}

impl<K: EntryKey, V: DeserializeOwned> Keyed for Entries<K, V> {
    type Key = K;

    fn key(text: &str) -> Result<K, Problem> {
        K::parse(text)
    }

    fn value<'de, A: MapAccess<'de>>(&mut self, key: K, map: &mut A) -> Result<(), A::Error> {
        self.0.push((key, map.next_value()?));
        Ok(())
    }
}

impl<'de, K: EntryKey, V: DeserializeOwned> Deserialize<'de> for Entries<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(MapVisitor(PhantomData))
    }
}

// ---------------------------------------------------------------- the config

pub(super) fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    PROBLEM.take();
    let raw: Option<RawConfig> =
        serde_path_to_error::deserialize(serde_yaml_ng::Deserializer::from_str(text))
            .map_err(|e| yaml_error(path, text, &e))?;
    let raw = raw.unwrap_or_default();
    let base_dir = path.parent().unwrap_or(Path::new("."));

    let mut settings = Settings::default();
    let top = LengthKeys::of(raw.length.as_ref());
    apply(
        &mut settings,
        RawProfile {
            speaking_rate_wpm: raw.speaking_rate_wpm,
            seconds_per_benefit: raw.seconds_per_benefit,
            required_fields: raw.required_fields,
            required_sections: raw.required_sections,
            limits: raw.limits,
            length: raw.length,
        },
    );
    check_length_range(path, text, None, top, LengthKeys::NONE, &settings)?;

    let mut profiles = BTreeMap::new();
    for (name, profile) in raw.profiles.unwrap_or_default().0 {
        let mut merged = settings.clone();
        let sets = LengthKeys::of(profile.length.as_ref());
        apply(&mut merged, profile);
        check_length_range(path, text, Some(&name), sets, top, &merged)?;
        profiles.insert(name, merged);
    }

    let mut rules = BTreeMap::new();
    for (rule, Level(level)) in raw.rules.unwrap_or_default().0 {
        if rule.is_structural() && level != RuleLevel::Is(Severity::Error) {
            return Err(ConfigError::at(
                path,
                text,
                key_offset(text, &["rules", rule.name()]).unwrap_or(0),
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
            name: brand.name.map(|n| n.0),
            color: brand.color.map(|c| c.0),
            logo: brand.logo.map(|l| base_dir.join(l.0)),
        },
        page: raw.page.map_or_else(PageSize::default, |p| p.0),
        templates: raw.templates.map(|t| base_dir.join(t.0)),
        fonts: raw.fonts.map(|f| base_dir.join(f.0)),
        labels: raw.labels.map(|l| l.0).unwrap_or_default(),
    })
}

/// Sets over `s` what `p` sets.
fn apply(s: &mut Settings, p: RawProfile) {
    if let Some(Rate(r)) = p.speaking_rate_wpm {
        s.speaking_rate_wpm = r;
    }
    if let Some(Positive(n)) = p.seconds_per_benefit {
        s.seconds_per_benefit = n;
    }
    if let Some(f) = p.required_fields {
        s.required_fields = f.into_iter().map(|f| f.0).collect();
    }
    if let Some(sec) = p.required_sections {
        s.required_sections = sec.into_iter().map(|s| s.0).collect();
    }
    if let Some(l) = p.limits {
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
    if let Some(len) = p.length {
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
    let offset = key_offset(text, &key_path).unwrap_or(0);
    Err(ConfigError::at(path, text, offset, message, Some(help)))
}

/// The byte offset of the key at the end of `keys` (`["profiles", "social",
/// "length", "min"]`), in block or flow style: the YAML is read again and
/// stopped on that key, and serde_yaml_ng reports where.
fn key_offset(text: &str, keys: &[&str]) -> Option<usize> {
    /// Reads a map (`as_key` false) down the path `keys`, or one of its keys:
    /// `true` for the next key on the path; the last one stops the reading.
    #[derive(Clone, Copy)]
    struct Walk<'a> {
        keys: &'a [&'a str],
        as_key: bool,
        hit: &'a Cell<bool>,
    }
    impl<'de> DeserializeSeed<'de> for Walk<'_> {
        type Value = bool;
        fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
            match self.as_key {
                true => d.deserialize_str(self),
                false => d.deserialize_map(self),
            }
        }
    }
    impl<'de> Visitor<'de> for Walk<'_> {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map")
        }
        fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
            let on_path = self.keys.first() == Some(&key);
            if on_path && self.keys.len() == 1 {
                self.hit.set(true);
                return Err(E::custom("found"));
            }
            Ok(on_path)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            let as_key = Walk {
                as_key: true,
                ..self
            };
            while let Some(on_path) = map.next_key_seed(as_key)? {
                if on_path {
                    let keys = &self.keys[1..];
                    map.next_value_seed(Walk { keys, ..self })?;
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            Ok(false)
        }
    }

    let hit = Cell::new(false);
    let walk = Walk {
        keys,
        as_key: false,
        hit: &hit,
    };
    let err = walk
        .deserialize(serde_yaml_ng::Deserializer::from_str(text))
        .err()?;
    Some(err.location()?.index()).filter(|_| hit.get())
}

/// The error the reading stopped with, as the user reads it.
fn yaml_error(
    path: &Path,
    text: &str,
    err: &serde_path_to_error::Error<serde_yaml_ng::Error>,
) -> ConfigError {
    let yaml = err.inner();
    let offset = yaml.location().map_or(0, |l| l.index());
    if let Some(problem) = PROBLEM.take() {
        let key_path = shown_path(err.path(), problem.on_key);
        let message = in_path(&key_path, &problem.message);
        return ConfigError::at(path, text, offset, message, problem.help);
    }
    // Not one of the checks: the YAML reader, or serde (a key or a name
    // given as a list). The only error with no position is a second document.
    if yaml.location().is_none() {
        if let Some(offset) = second_document(text) {
            return ConfigError::at(
                path,
                text,
                offset,
                "a second YAML document starts here: `briefc.yaml` holds one".into(),
                Some("remove the `---` line above and what follows it, or merge the two".into()),
            );
        }
    }
    // serde_yaml_ng's text ends with the position, shown apart (the YAML
    // reader's may go on after it), and starts with the key path, if any.
    let mut message = yaml.to_string();
    if let Some(l) = yaml.location() {
        if let Some(at) = message.find(&format!(" at line {} column {}", l.line(), l.column())) {
            message.truncate(at);
        }
    }
    let key_path = err.path().to_string();
    let message = match message.strip_prefix(&format!("{key_path}: ")) {
        Some(rest) => in_path(&key_path, rest),
        None => message,
    };
    let help = "compare it with the example `briefc.yaml` in the README (Configuration)";
    ConfigError::at(path, text, offset, message, Some(help.into()))
}

/// `profiles.social.length` from serde_path_to_error's path; without the
/// last key for a problem about that key.
fn shown_path(path: &serde_path_to_error::Path, on_key: bool) -> String {
    let mut segments: Vec<&Segment> = path.iter().collect();
    if on_key {
        segments.pop();
    }
    let mut out = String::new();
    for segment in segments {
        if !out.is_empty() && !matches!(segment, Segment::Seq { .. }) {
            out.push('.');
        }
        out += &segment.to_string();
    }
    out
}

/// "`limits.goal`: message", or the message alone at the top level.
fn in_path(key_path: &str, message: &str) -> String {
    match key_path {
        "" | "." => message.to_string(),
        _ => format!("`{key_path}`: {message}"),
    }
}

/// The offset of the second YAML document in `text`, if it has one.
fn second_document(text: &str) -> Option<usize> {
    /// Takes no value, so the error tells where the document's value is.
    struct Nothing;
    impl Visitor<'_> for Nothing {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("nothing")
        }
    }
    let second = serde_yaml_ng::Deserializer::from_str(text).nth(1)?;
    Some(second.deserialize_any(Nothing).err()?.location()?.index())
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
