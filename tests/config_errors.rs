//! Every kind of mistake in `briefc.yaml`, with the report a user sees: the
//! file, line and column, what is wrong, and the help line. One snapshot, so
//! a change to any message shows in review.

use briefc::config::Config;
use std::fmt::Write;
use std::path::Path;

const CASES: &[&str] = &[
    // Unknown keys.
    "limits:\n  benfits: 3\n",
    "speking_rate_wpm: 150\n",
    "limits:\n  zzz: 3\n",
    "brand:\n  colour: \"#C00\"\n",
    "brand:\n  name: \"Café\"\n  colr: x\n",
    "profiles:\n  social:\n    lenght: {max: 60s}\n",
    "profiles:\n  social:\n    brand: {name: x}\n",
    "limits: {goal: 3, benfits: 3}\n",
    // Values of the wrong type or out of range.
    "speaking_rate_wpm: fast\n",
    "speaking_rate_wpm: 0\n",
    "speaking_rate_wpm: -3\n",
    "speaking_rate_wpm: .nan\n",
    "seconds_per_benefit: 1.5\n",
    "seconds_per_benefit: 99999999999\n",
    "limits:\n  goal: many\n",
    "limits:\n  benefits: 0\n",
    "limits: {goal: many}\n",
    "limits: 5\n",
    "profiles: [a, b]\n",
    "profiles:\n  social:\n    limits:\n      goal: -1\n",
    "templates: [x]\n",
    "brand:\n  name: [x]\n",
    "page: 3\n",
    "page: legal\n",
    "brand:\n  color: \"#C0\"\n",
    "brand:\n  color: red\n",
    // Field, section and rule names.
    "required_fields: [lenght]\n",
    "required_fields: [length, zzz]\n",
    "required_fields: length\n",
    "required_sections: [goal, audiance]\n",
    "required_sections:\n  - goal\n  - key_benefit\n",
    "required_sections: [zzz]\n",
    "rules:\n  scene-gpa: off\n",
    "rules:\n  zzzz: off\n",
    "rules:\n  scene-gap: of\n",
    "rules:\n  scene-gap: loud\n",
    "rules:\n  scene-gap: 3\n",
    "rules:\n  scene-gap: off\n  stray-text: off\n",
    "rules: {missing-title: warning}\n",
    // Durations and the length range.
    "length: {min: soon}\n",
    "length: {min: [1]}\n",
    "length: {min: -5}\n",
    "length:\n  max: 1:70\n",
    "profiles:\n  social:\n    length: {max: nope}\n",
    "length: {min: 2m, max: 1m}\n",
    "length: {min: 30m}\n",
    "length:\n  min: 30s\nprofiles:\n  social:\n    length: {max: 20s}\n",
    // Keys given twice.
    "page: a4\npage: letter\n",
    "limits:\n  goal: 3\n  goal: 4\n",
    "rules:\n  scene-gap: off\n  scene-gap: error\n",
    "rules: {scene-gap: off, scene-gap: off}\n",
    "profiles:\n  social: {}\n  social: {}\n",
    "profiles:\n  a:\n    limits: {goal: 3}\n    limits: {goal: 4}\n",
    // Not a map, not YAML.
    "- a\n- b\n",
    "just text\n",
    "limits:\n  goal: 3\n bad: x\n",
    "limits: [unclosed\n",
    "page: a4\n---\npage: letter\n",
    "limits:\n\tgoal: 3\n",
    "a: *nothing\n",
    "---\n---\n",
    "page: a4\n...\n---\npage: letter\n",
    "? [a]\n: b\n",
    "limits:\n  goal: !!str 3\n",
    "speaking_rate_wpm: 1e400\n",
    "length: {min: 1.5}\n",
    "required_fields: [length, [stage]]\n",
    "rules:\n  scene-gap:\n",
    // Fine: nulls are unset keys, aliases are followed, `#` starts a comment.
    "profiles:\n  social:\n",
    "brand:\n  color: #C00\n",
    "page: A4\ntemplates: 2024.10\n",
    "limits: &l {goal: 3}\nprofiles:\n  a: {limits: *l}\n",
];

fn report(text: &str) -> String {
    match Config::parse(Path::new("briefc.yaml"), text) {
        Ok(_) => "ok".into(),
        Err(e) => match e.help {
            Some(ref help) => format!("{e}\n  help: {help}"),
            None => e.to_string(),
        },
    }
}

#[test]
fn config_error_messages() {
    let mut out = String::new();
    for text in CASES {
        writeln!(out, "--- {text:?}\n{}", report(text)).unwrap();
    }
    insta::assert_snapshot!(out);
}

#[test]
fn empty_and_null_documents_are_the_defaults() {
    for text in [
        "",
        "\n",
        "# a comment\n",
        "---\n",
        "~\n",
        "null\n",
        "limits:\n",
    ] {
        let c = Config::parse(Path::new("briefc.yaml"), text).unwrap();
        assert_eq!(c.settings, Config::default().settings, "{text:?}");
    }
}

/// What valid files read as: pins the schema's semantics (keys, defaults,
/// profile merging, accepted spellings) apart from its messages.
#[test]
fn valid_configs_read_as() {
    const VALID: &[&str] = &[
        "",
        "limits:\nlength:\nprofiles:\nrules:\nbrand:\npage:\ntemplates:\n",
        "page: Letter\n",
        "page: LETTER\n",
        "page: A4\n",
        "rules: {scene-gap: warn, stray-text: error, voiceover-too-long: off}\n",
        "length: {min: 0, max: 90}\n",
        "length:\n  max: 1:30\n",
        "required_sections: [Key Benefits, key-benefits, success_metrics]\n",
        "required_fields: [LENGTH, Stage]\n",
        "speaking_rate_wpm: 155.5\nseconds_per_benefit: 10\n",
        "brand: {name: 2024.10, color: \"#abc\", logo: a/b.png}\ntemplates: tpl\n",
        "brand:\n  name: 'Café'\n",
        "limits: {goal: 1, metrics: 99}\n",
        "length: {min: 30s}\nlimits: {benefits: 2}\nprofiles:\n  b: {speaking_rate_wpm: 100, length: {max: 45s}}\n  a: {required_fields: [], limits: {goal: 9}}\n  c:\n",
    ];
    let mut out = String::new();
    for text in VALID {
        let config = Config::parse(Path::new("dir/briefc.yaml"), text)
            .unwrap_or_else(|e| panic!("{text:?}: {e}"));
        writeln!(
            out,
            "--- {text:?}\n{}",
            serde_json::to_string(&config).unwrap()
        )
        .unwrap();
    }
    insta::assert_snapshot!(out);
}
