//! Metrics that can be measured and references that can be opened.

use super::{Context, Rule};
use crate::diagnostic::Diagnostic;
use crate::model::{Content, SectionKind, has_url};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(Content::Metrics(metrics)) = cx
        .brief
        .section(SectionKind::SuccessMetrics)
        .map(|s| &s.content)
    {
        for metric in metrics {
            if !target_has_number(&metric.target) {
                out.push(
                    Diagnostic::new(
                        Rule::UnmeasurableMetric,
                        metric.span,
                        format!("the target of `{}` has no number: \"{}\" cannot be measured", metric.name, metric.target),
                    )
                    .with_help("give the target a number, e.g. `25 per month`, `45%` or `3,000 views by 2027-04-30`"),
                );
            }
        }
    }
    if let Some(Content::List(references)) = cx
        .brief
        .section(SectionKind::References)
        .map(|s| &s.content)
    {
        for reference in references {
            if !has_url(&reference.value) {
                out.push(
                    Diagnostic::new(
                        Rule::InvalidUrl,
                        reference.span,
                        format!("the reference `{}` has no URL", reference.value),
                    )
                    .with_help("add the full link, starting with `https://`"),
                );
            }
        }
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
    crate::model::find_deadlines(target)
        .into_iter()
        .any(|m| outside(m.phrase))
        || outside(target.len()..target.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_targets() {
        assert!(target_has_number("25 per month by 2027-04-30"));
        assert!(target_has_number("45%"));
        assert!(!target_has_number("grow awareness by 2027-04-30"));
        assert!(!target_has_number("grow awareness By 2027-04-30."));
        assert!(!target_has_number("grow awareness by 30/04/2027"));
        assert!(!target_has_number("grow awareness by April 30, 2027"));
        assert!(!target_has_number("grow awareness by 2027-02-30"));
        assert!(target_has_number("grow by 20% by 2027-04-30"));
        assert!(target_has_number("by 2027-04-30: 25 a month"));
        assert!(target_has_number("grow by 10-15%"));
        assert!(!target_has_number("more"));
    }
}
