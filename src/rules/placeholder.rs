//! Placeholders of the starter brief (`briefc new`) left unchanged.

use super::{Context, Rule};
use crate::diagnostic::Diagnostic;
use crate::model::placeholder::find_placeholders;
use crate::syntax::Span;

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let source = cx.source;
    for (range, placeholder) in find_placeholders(source) {
        // A comment never reaches the outputs: a placeholder there is a note.
        let line_start = source[..range.start].rfind('\n').map_or(0, |i| i + 1);
        if source[line_start..].trim_start().starts_with("//") {
            continue;
        }
        out.push(
            Diagnostic::new(
                Rule::Placeholder,
                Span::new(range.start, range.end),
                format!(
                    "`{}` is a placeholder from `briefc new`, not yet filled in",
                    placeholder.text
                ),
            )
            .with_help(format!("replace it with {}", placeholder.replace_with)),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::model::Date;

    fn placeholders(src: &str) -> Vec<(String, String)> {
        let (_, diags) =
            crate::check_text(src, &Config::default(), Date::parse("2026-11-24").unwrap());
        diags
            .into_iter()
            .filter(|d| d.rule.name() == "placeholder")
            .map(|d| (d.span.text(src).to_string(), d.help.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn one_diagnostic_per_placeholder_at_its_text() {
        let src = "# T\nclient: [Client name]\nlength: 30s\n// client: [Client name]\n## Goal\nOurs. [What the video must achieve, in one or two sentences]\n  // [Client name]\n## Sign-off\n- [Marketing owner] (marketing)\n";
        let found = placeholders(src);
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "[Client name]",
                "[What the video must achieve, in one or two sentences]",
                "[Marketing owner]"
            ]
        );
        assert_eq!(
            found[0].1,
            "replace it with the client's name, e.g. `Acme Corp`"
        );
    }

    #[test]
    fn real_briefs_have_none() {
        let src = "# T\nclient: [Acme] Corp\nlength: 30s\n## Checklist\n- [ ] Script approved\n- [x] Goal agreed\n## References\n- [The demo](https://a.example)\n";
        assert!(placeholders(src).is_empty());
    }
}
