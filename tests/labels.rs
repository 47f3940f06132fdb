//! Labels in the brief's language, end to end through the real binary: the
//! `language:` field picks the built-in labels of the HTML and the PDF,
//! `labels:` in `briefc.yaml` overrides them, and mistakes in either are
//! reported.

mod support;

use briefc::labels::{KEYS, Labels};
use briefc::model::Lang;
use scraper::{Html, Selector};
use std::collections::BTreeSet;
use support::{Brief, TODAY, pdftotext};

/// A Ukrainian brief that prints nearly every label: every header field, a
/// length range, a checklist, metrics (one deadline not in the text), three
/// scenes with a gap, an overrun and a too-long voiceover, milestones and a
/// sign-off with one entry signed and one not.
const UKRAINIAN: &str = "\
# Хмара Синк — ролик для відділу продажів

client: ТОВ «Дніпро Хмара»
product: Хмара Синк
version: в3
stage: convert
length: 20-25s
cutdowns: 15s, 6s
formats: 16:9, 1:1
channels: сайт, розсилка
due: 2027-01-20
shoot: 2026-12-08
budget: 12 000 €
marketing: Олена Коваль
sales: Дмитро Бондар
status: draft
language: uk

## Goal
Менеджери надсилають відео після першої зустрічі.

## Audience
ІТ-директори середніх компаній у Києві.

## Key message
Ваші файли всюди.

## Key benefits
- Встановлення за хвилини

## Success metrics
- Записи на демо: 30 на місяць by 2027-04-30 (source: CRM)

## Scenes
### 0:00-0:08 Гачок
Visual: Екран, повний помилок.
Voiceover: Знову понеділок, знову помилка синхронізації, знову дзвінки від усіх відділів компанії одночасно, і знову ніхто не знає, яка версія файлу правильна, а яка застаріла ще вчора ввечері.

### 0:10-0:20 Рішення
Visual: Запис екрана.
On screen: Хмара Синк

### 0:20-0:28 Заклик
Audio: Музика.
Outcome: Глядач записується на демо.

## Milestones
- 2026-12-01: Сценарій погоджено

## Checklist
- [x] Сценарій
- [ ] Монтаж

## Sign-off
- Олена Коваль (маркетинг) 2026-11-20
- Дмитро Бондар (продажі)
";

/// The same brief in German words, `language: de-CH`.
fn german() -> String {
    UKRAINIAN
        .replace("language: uk", "language: de-CH")
        .replace("stage: convert", "stage: awareness")
}

/// The timing problems of [`UKRAINIAN`] are there to draw the timeline's
/// marks; they are not what these tests check.
const QUIET: &str = "rules: {scene-gap: off, scenes-exceed-length: off, voiceover-too-long: off}\n";

/// Builds `a.brief` holding `text` to HTML and PDF, with [`QUIET`] and
/// `config` as its `briefc.yaml`; returns the HTML, the PDF's text (`None`
/// without pdftotext) and the folder.
fn build(text: &str, config: &str) -> (String, Option<String>, Brief) {
    let b = Brief::new()
        .file("a.brief", text)
        .file("briefc.yaml", format!("{QUIET}{config}"));
    let b = b
        .args(["build", "a.brief", "--today", TODAY])
        .env("SOURCE_DATE_EPOCH", support::EPOCH);
    let out = b.run();
    out.code(0);
    let html = std::fs::read_to_string(b.path("a.html")).expect("the HTML is written");
    let pdf = pdftotext(&b.path("a.pdf"));
    (html, pdf, b)
}

/// Every text a reader of the page meets: text nodes, the `<title>`, and
/// the attributes read aloud or shown (`aria-label`, `alt`, `data-label`).
fn page_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let body = Selector::parse("body").unwrap();
    let mut out: Vec<String> = doc
        .select(&body)
        .flat_map(|b| b.text().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let sel = Selector::parse("[aria-label], [alt], [data-label]").unwrap();
    for e in doc.select(&sel) {
        for a in ["aria-label", "alt", "data-label"] {
            out.extend(e.value().attr(a).map(str::to_string));
        }
    }
    out.join("\n")
}

/// The words of the English labels that `lang`'s labels do not also use.
fn english_only_words(lang: Lang) -> BTreeSet<String> {
    let words = |labels: &Labels| -> BTreeSet<String> {
        KEYS.iter()
            .flat_map(|k| {
                let text = labels.get(k.name).unwrap();
                text.forms()
                    .flat_map(|(_, t)| {
                        t.split(|c: char| !c.is_alphabetic())
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            // Placeholder names are not printed.
            .filter(|w| {
                w.chars().count() >= 3 && !KEYS.iter().any(|k| k.placeholders.contains(&w.as_str()))
            })
            .collect()
    };
    let english = words(&Labels::default());
    let other = words(&Labels::builtin(lang));
    english.difference(&other).cloned().collect()
}

/// The English label words found in `text` as whole words.
fn english_in(text: &str, lang: Lang) -> Vec<String> {
    let present: BTreeSet<&str> = text.split(|c: char| !c.is_alphabetic()).collect();
    english_only_words(lang)
        .into_iter()
        .filter(|w| present.contains(w.as_str()))
        .collect()
}

/// Builds `text` and checks that the HTML (with `lang="{tag}"`) holds
/// `in_html` and the PDF `in_pdf`, and that neither holds a word of the
/// English labels that `lang`'s labels do not share.
fn labels_are(text: &str, tag: &str, lang: Lang, in_html: &[&str], in_pdf: &[&str]) {
    let (html, pdf, _dir) = build(text, "");
    assert!(html.contains(&format!("<html lang=\"{tag}\">")), "{html}");
    let text = page_text(&html);
    for want in in_html {
        assert!(text.contains(want), "{want:?} not in the HTML:\n{text}");
    }
    assert_eq!(english_in(&text, lang), Vec::<String>::new(), "{text}");
    let Some(pdf) = pdf else { return };
    for want in in_pdf {
        assert!(pdf.contains(want), "{want:?} not in the PDF:\n{pdf}");
    }
    // The metric's own text says `by` (the keyword stays English, see
    // docs/language.md): that is the brief's text, not a label.
    let labels_only = pdf.replace("by 2027-04-30", "");
    assert_eq!(
        english_in(&labels_only, lang),
        Vec::<String>::new(),
        "{pdf}"
    );
}

#[test]
fn a_ukrainian_brief_prints_ukrainian_labels_and_no_english_ones() {
    labels_are(
        UKRAINIAN,
        "uk",
        Lang::Uk,
        &[
            "Відеобриф",
            "чернетка",
            "Клієнт",
            "Тривалість",
            "20–25 с",
            "15 с, 6 с",
            "Конверсія",
            "Мета",
            "Ключові переваги",
            "Показник",
            "Сцени",
            "3 сцени, разом 26 с",
            "Відеоряд",
            "Закадровий текст",
            "На екрані",
            "Виконано 1 з 2",
            "Контрольна точка",
            "Ще не підписано",
            "Створено briefc",
            "проміжок 2 с",
            "+3 с понад",
            "Текст +",
            "мін. 0:20",
            "Часова шкала сцен до 0:28",
        ],
        &[
            "ВІДЕОБРИФ",
            "ЧЕРНЕТКА",
            "Клієнт",
            "Статус",
            "Чернетка",
            "3 сцени, разом 26 с",
            "Час",
            "Зображення",
            "Звук",
            "джерело: CRM",
            "підписано 2026-11-20",
            "ще не підписано",
            "створено briefc",
            "Сторінка 1 з",
        ],
    );
}

#[test]
fn a_german_brief_prints_german_labels_and_no_english_ones() {
    labels_are(
        &german(),
        "de-CH",
        Lang::De,
        &[
            "Video-Briefing",
            "entwurf",
            "Kunde",
            "Aufmerksamkeit",
            "20–25 Sek.",
            "3 Szenen, insgesamt 26 Sek.",
            "Noch nicht unterzeichnet",
            "1 von 2 erledigt",
            "Erstellt mit briefc",
        ],
        &[
            "VIDEO-BRIEFING",
            "ENTWURF",
            "Seite 1 von",
            "noch nicht unterzeichnet",
        ],
    );
}

#[test]
fn japanese_and_chinese_labels_in_the_html_and_a_pdf_is_built() {
    for (tag, kind, scenes) in [
        ("ja", "動画ブリーフ", "3シーン、合計26秒"),
        ("zh-Hans", "视频简报", "3 个场景，共 26秒"),
    ] {
        let text = UKRAINIAN.replace("language: uk", &format!("language: {tag}"));
        let (html, _, dir) = build(&text, "");
        assert!(html.contains(&format!("<html lang=\"{tag}\">")), "{tag}");
        let text = page_text(&html);
        assert!(
            text.contains(kind) && text.contains(scenes),
            "{tag}: {text}"
        );
        // Until the PDF finds CJK fonts, its labels are drawn as boxes; the
        // file is still a complete PDF.
        if let Some(info) = support::pdfinfo(&dir.path("a.pdf")) {
            assert!(info.pages >= 2, "{tag}: {info:?}");
        }
    }
}

#[test]
fn english_briefs_are_unchanged_and_en_is_the_default() {
    let english = UKRAINIAN.replace("language: uk\n", "");
    let (without, _, _d1) = build(&english, "");
    let (with_en, _, _d2) = build(
        &english.replace("status: draft", "status: draft\nlanguage: en-GB"),
        "",
    );
    assert!(without.contains("<html lang=\"en\">"));
    assert_eq!(
        with_en.replace("<html lang=\"en-GB\">", "<html lang=\"en\">"),
        without
    );
    for want in [
        "Client",
        "Not signed yet",
        "3 scenes, 26 s in all",
        "1 of 2 done",
    ] {
        assert!(without.contains(want), "{want}");
    }
}

#[test]
fn labels_in_briefc_yaml_override_for_every_brief_and_per_language() {
    let config = "labels:\n  client: Customer\n  page: \"p. {n}/{total}\"\n  uk:\n    client: Замовник\n    scene_count:\n      one: \"{n} кадр\"\n      few: \"{n} кадри\"\n      many: \"{n} кадрів\"\n      other: \"{n} кадру\"\n";
    let (html, pdf, _d) = build(UKRAINIAN, config);
    let text = page_text(&html);
    assert!(
        text.contains("Замовник") && !text.contains("Клієнт"),
        "{text}"
    );
    assert!(text.contains("3 кадри, разом 26 с"), "{text}");
    if let Some(pdf) = pdf {
        assert!(pdf.contains("Замовник") && pdf.contains("3 кадри"), "{pdf}");
        assert!(pdf.contains("p. 1/"), "{pdf}");
    }
    let english = UKRAINIAN.replace("language: uk\n", "");
    let (html, pdf, _d) = build(&english, config);
    assert!(page_text(&html).contains("Customer"), "{html}");
    if let Some(pdf) = pdf {
        assert!(pdf.contains("Customer") && pdf.contains("p. 1/"), "{pdf}");
    }
}

/// `check --format json` of `text`: its diagnostics as (rule, line, message, help).
fn diagnostics(text: &str) -> Vec<(String, u64, String, String)> {
    let out = Brief::new()
        .file("a.brief", text)
        .file("briefc.yaml", QUIET)
        .args(["check", "--format", "json", "--today", TODAY, "a.brief"])
        .run();
    out.no_panic();
    out.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (
                s("rule"),
                d["line"].as_u64().unwrap(),
                s("message"),
                s("help"),
            )
        })
        .collect()
}

#[test]
fn a_bad_language_is_an_invalid_value_with_the_tag_meant_or_the_languages() {
    let with = |value: &str| UKRAINIAN.replace("language: uk", &format!("language: {value}"));
    let only = |value: &str| {
        let d = diagnostics(&with(value));
        assert_eq!(d.len(), 1, "{value}: {d:?}");
        d.into_iter().next().unwrap()
    };
    let (rule, line, message, help) = only("Ukrainian");
    assert_eq!((rule.as_str(), line), ("invalid-value", 17));
    assert_eq!(message, "`Ukrainian` is not a language tag");
    assert_eq!(help, "write `language: uk`");
    assert_eq!(only("pt_BR").3, "write `language: pt-BR`");
    let (_, _, message, help) = only("ukr ainian");
    assert_eq!(message, "`ukr ainian` is not a language tag");
    assert!(
        help.contains("`uk`, `de-CH` or `pt-BR`")
            && help.contains("`ja` (Japanese), `zh` (Chinese)"),
        "{help}"
    );
    // Well-formed tags of built-in languages are taken as they are.
    for fine in ["uk-UA", "DE-ch", "zh-Hans-SG", "en-GB"] {
        assert_eq!(diagnostics(&with(fine)), [], "{fine}");
    }
}

#[test]
fn a_language_without_labels_warns_unless_briefc_yaml_gives_them() {
    let with = |value: &str| UKRAINIAN.replace("language: uk", &format!("language: {value}"));
    let check = |value: &str, config: &str| {
        let out = Brief::new()
            .file("a.brief", with(value))
            .file("briefc.yaml", format!("{QUIET}{config}"))
            .args(["check", "--format", "json", "--today", TODAY, "a.brief"])
            .run();
        out.diagnostics()
            .into_iter()
            .map(|(rule, line, _)| (rule, line))
            .collect::<Vec<_>>()
    };
    let warned = vec![("language-without-labels".to_string(), 17)];
    assert_eq!(check("it", ""), warned);
    assert_eq!(check("zh-TW", ""), warned);
    assert_eq!(check("ua", ""), warned);
    assert_eq!(check("it-CH", "labels:\n  it: {client: Cliente}\n"), []);
    assert_eq!(check("it", "labels:\n  it-CH: {client: Cliente}\n"), warned);
    let (_, _, message, help) = diagnostics(&with("ua")).remove(0);
    assert_eq!(
        message,
        "`ua` is no language: Ukrainian is `uk` (UA is the country)"
    );
    assert_eq!(help, "write `language: uk`");
    let (_, _, message, help) = diagnostics(&with("pl")).remove(0);
    assert_eq!(
        message,
        "there are no built-in labels for `pl`: the outputs print English labels"
    );
    assert!(
        help.starts_with("give labels for `pl` under `labels:` in briefc.yaml"),
        "{help}"
    );
}

#[test]
fn mistakes_in_labels_stop_the_command_and_name_the_key() {
    for (config, want) in [
        (
            "labels:\n  clinet: Customer\n",
            &[
                "briefc.yaml:2:3",
                "unknown label `clinet`",
                "did you mean `client`?",
            ][..],
        ),
        (
            "labels:\n  uk:\n    sign_of: Погодження\n",
            &[
                "briefc.yaml:3:5",
                "`labels.uk`: unknown label `sign_of`",
                "did you mean `sign_off`?",
            ],
        ),
        (
            "labels: {page: \"Seite {page} / {total}\"}\n",
            &[
                "`labels.page`: unknown placeholder `{page}`",
                "`page` takes `{n}`, `{total}`",
            ],
        ),
        (
            "labels: {client: \"{name}\"}\n",
            &[
                "unknown placeholder `{name}`",
                "`client` takes no placeholders",
            ],
        ),
        (
            "labels:\n  scene_count: {one: \"{n} shot\"}\n",
            &["`labels.scene_count`", "has no `other` form"],
        ),
        (
            "labels:\n  scene_count: {single: \"{n} shot\", other: \"{n} shots\"}\n",
            &[
                "unknown plural form `single`",
                "the forms are zero, one, two, few, many, other",
            ],
        ),
        (
            "labels:\n  client: {one: a, other: b}\n",
            &["`client` is one text, not a map"],
        ),
        (
            "labels:\n  dur: Termin\n",
            &["unknown label `dur`", "did you mean `due`?"],
        ),
    ] {
        let out = Brief::new()
            .file("a.brief", support::CLEAN)
            .file("briefc.yaml", config)
            .args(["check", "a.brief"])
            .run();
        out.code(2);
        for w in want {
            out.stderr_has(w);
        }
    }
}

#[test]
fn export_gives_the_language_in_its_usual_case() {
    let out = Brief::new()
        .file(
            "a.brief",
            UKRAINIAN.replace("language: uk", "language: PT-br"),
        )
        .file("briefc.yaml", QUIET)
        .args(["export", "a.brief", "--today", TODAY])
        .run();
    out.code(0);
    assert_eq!(out.json()["brief"]["header"]["language"], "pt-BR");
}
