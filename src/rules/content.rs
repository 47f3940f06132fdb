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
            if !metric.is_measurable() {
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

#[cfg(test)]
mod tests {
    use crate::model::Metric;

    fn measurable(target: &str) -> bool {
        Metric {
            name: "m".into(),
            target: target.into(),
            deadline: None,
            source: None,
            span: crate::syntax::Span::default(),
        }
        .is_measurable()
    }

    #[test]
    fn numbers_in_targets() {
        assert!(measurable("25 per month by 2027-04-30"));
        assert!(measurable("45%"));
        assert!(!measurable("grow awareness by 2027-04-30"));
        assert!(!measurable("grow awareness By 2027-04-30."));
        assert!(!measurable("grow awareness by 30/04/2027"));
        assert!(!measurable("grow awareness by April 30, 2027"));
        assert!(!measurable("grow awareness by 2027-02-30"));
        assert!(measurable("grow by 20% by 2027-04-30"));
        assert!(measurable("by 2027-04-30: 25 a month"));
        assert!(measurable("grow by 10-15%"));
        assert!(!measurable("more"));
    }
}
