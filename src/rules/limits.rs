//! Word and item limits, the length range, and benefits per second of video.

use super::{Context, Rule, profile_note};
use crate::diagnostic::Diagnostic;
use crate::model::{Content, SectionKind, word_count};
use crate::syntax::Span;

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let limits = cx.settings.limits;
    for (kind, limit) in [
        (SectionKind::Goal, limits.goal),
        (SectionKind::Audience, limits.audience),
        (SectionKind::KeyMessage, limits.key_message),
        (SectionKind::CallToAction, limits.call_to_action),
    ] {
        let Some(Content::Prose(paragraphs)) = cx.brief.section(kind).map(|s| &s.content) else {
            continue;
        };
        let words: usize = paragraphs.iter().map(|p| word_count(&p.value)).sum();
        if words > limit {
            let span = paragraphs[0].span.to(paragraphs[paragraphs.len() - 1].span);
            out.push(too_long(
                cx,
                span,
                &format!("{} has {words} words", kind.name()),
                limit,
            ));
        }
    }

    if let Some(Content::List(benefits)) = cx
        .brief
        .section(SectionKind::KeyBenefits)
        .map(|s| &s.content)
    {
        for (i, benefit) in benefits.iter().enumerate() {
            let words = word_count(&benefit.value);
            if words > limits.benefit {
                out.push(too_long(
                    cx,
                    benefit.span,
                    &format!("Key benefit {} has {words} words", i + 1),
                    limits.benefit,
                ));
            }
        }
        too_many(
            cx,
            "Key benefits",
            benefits.iter().map(|b| b.span).collect(),
            limits.benefits,
            out,
        );
        benefits_per_length(cx, benefits.iter().map(|b| b.span).collect(), out);
    }
    if let Some(Content::Metrics(metrics)) = cx
        .brief
        .section(SectionKind::SuccessMetrics)
        .map(|s| &s.content)
    {
        too_many(
            cx,
            "Success metrics",
            metrics.iter().map(|m| m.span).collect(),
            limits.metrics,
            out,
        );
    }

    if let Some(length) = &cx.brief.header.length {
        let (min, max) = (cx.settings.length_min, cx.settings.length_max);
        // A range (since 1.1) must lie inside the limits at both ends.
        let (side, bound) = if length.value.min < min {
            ("minimum", min)
        } else if length.value.max > max {
            ("maximum", max)
        } else {
            return;
        };
        out.push(
            Diagnostic::new(
                Rule::LengthOutOfRange,
                length.span,
                format!(
                    "the length is {}; the {side} is {bound}{}",
                    length.value,
                    profile_note(cx)
                ),
            )
            .with_help(format!(
                "make the video between {min} and {max} long, or choose another profile"
            )),
        );
    }
}

fn too_long(cx: &Context<'_>, span: Span, what: &str, limit: usize) -> Diagnostic {
    Diagnostic::new(
        Rule::TooLong,
        span,
        format!("{what}; the limit is {limit}{}", profile_note(cx)),
    )
    .with_help(format!(
        "cut it to {limit} words or fewer: a brief is read in a minute"
    ))
}

fn too_many(
    cx: &Context<'_>,
    name: &str,
    spans: Vec<Span>,
    limit: usize,
    out: &mut Vec<Diagnostic>,
) {
    if spans.len() > limit {
        out.push(
            Diagnostic::new(
                Rule::TooManyItems,
                spans[limit],
                format!(
                    "{name} has {} items; the limit is {limit}{}",
                    spans.len(),
                    profile_note(cx)
                ),
            )
            .with_help(if limit == 1 {
                "keep the one that matters most; the rest belong in another video".to_string()
            } else {
                format!("keep the {limit} that matter most; the rest belong in another video")
            }),
        );
    }
}

fn benefits_per_length(cx: &Context<'_>, spans: Vec<Span>, out: &mut Vec<Diagnostic>) {
    let Some(length) = &cx.brief.header.length else {
        return;
    };
    let per = cx.settings.seconds_per_benefit;
    // A range is held to its lower bound: the shortest cut must carry them.
    let allowed = (length.value.min.seconds / per).max(1) as usize;
    if spans.len() > allowed {
        out.push(
            Diagnostic::new(
                Rule::BenefitsPerLength,
                spans[allowed],
                format!(
                    "Key benefits has {} items; a {} video carries at most {allowed} ({per} s per benefit)",
                    spans.len(),
                    length.value.min
                ),
            )
            .with_help(format!("keep {allowed} benefit{} or make the video longer", if allowed == 1 { "" } else { "s" })),
        );
    }
}
