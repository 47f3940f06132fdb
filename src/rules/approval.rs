//! Alignment and approval: sales on convert briefs, approved means approved,
//! and deadlines.

use super::{Context, Rule};
use crate::diagnostic::Diagnostic;
use crate::model::{Content, SectionKind, Side, SignOffState, Status};

pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let brief = cx.brief;
    let header = &brief.header;
    if let Some(stage) = &header.stage {
        if brief.lacks_sales_owner() {
            out.push(
                Diagnostic::new(
                    Rule::MissingSalesOwner,
                    stage.span,
                    "`stage: convert` but the brief has no `sales` owner",
                )
                .with_help("add `sales: NAME`: content for the close must be made with sales"),
            );
        }
    }

    let status = brief.status();
    if let Some(due) = &header.due {
        if brief.is_past_due(cx.today) {
            out.push(
                Diagnostic::new(
                    Rule::DueInPast,
                    due.span,
                    format!(
                        "the brief was due on {}, before today ({})",
                        due.value, cx.today
                    ),
                )
                .with_help(
                    "move `due` to a new date, or set `status: approved` if the video is done",
                ),
            );
        }
    }
    milestones(cx, out);
    if status != Status::Approved {
        return;
    }

    if let Some(Content::List(questions)) = brief
        .section(SectionKind::OpenQuestions)
        .map(|s| &s.content)
    {
        for question in questions {
            out.push(
                Diagnostic::new(
                    Rule::OpenQuestion,
                    question.span,
                    format!(
                        "`status: approved` but the question \"{}\" is still open",
                        question.value
                    ),
                )
                .with_help("answer it in the brief and remove it from `## Open questions`, or set `status: review`"),
            );
        }
    }

    if let Some(Content::Checklist(items)) =
        brief.section(SectionKind::Checklist).map(|s| &s.content)
    {
        for item in items.iter().filter(|i| !i.done) {
            out.push(
                Diagnostic::new(
                    Rule::UncheckedItem,
                    item.text.span,
                    format!(
                        "`status: approved` but the checklist item \"{}\" is still open",
                        item.text.value
                    ),
                )
                .with_help("tick it (`- [x]`) once it is done, or set `status: review`"),
            );
        }
    }

    let section = brief.section(SectionKind::SignOff);
    let entries = brief.sign_off_entries();
    let missing: Vec<Side> = Side::ALL
        .into_iter()
        .filter(|&side| brief.sign_off(side) != SignOffState::Signed)
        .collect();
    if missing.is_empty() {
        return;
    }
    // Name exactly who has not signed, as a sentence a person can act on.
    let mut unsigned = Vec::new();
    let mut unlisted = Vec::new();
    for &side in &missing {
        let listed: Vec<String> = entries
            .iter()
            .filter(|e| e.signs_for(side))
            .filter(|e| !unsigned.contains(&format!("{} ({})", e.name, e.role)))
            .map(|e| format!("{} ({})", e.name, e.role))
            .collect();
        if brief.sign_off(side) == SignOffState::Unlisted {
            let owner = match side {
                Side::Sales => &header.sales,
                Side::Marketing => &header.marketing,
            };
            let name = owner.as_ref().map_or("NAME", |o| o.value.as_str());
            unlisted.push(format!("`- {name} ({}) YYYY-MM-DD`", side.name()));
        }
        unsigned.extend(listed);
    }
    let mut help = Vec::new();
    if !unsigned.is_empty() {
        let verb = if unsigned.len() == 1 { "has" } else { "have" };
        help.push(format!(
            "{} {verb} not signed: add the date (YYYY-MM-DD) after the entry once they have",
            english_list(&unsigned)
        ));
    }
    if !unlisted.is_empty() {
        help.push(format!(
            "add {} under `## Sign-off` once they have signed",
            english_list(&unlisted)
        ));
    }
    let help = help.join("; ");
    let span = section.map_or(brief.anchor, |s| s.heading);
    out.push(
        Diagnostic::new(
            Rule::MissingSignOff,
            span,
            format!(
                "`status: approved` but there is no dated sign-off from {}",
                missing
                    .iter()
                    .map(|side| side.name())
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
        )
        .with_help(help),
    );
}

/// Milestones (since 1.1): each after the one above it, none after `due`.
fn milestones(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(Content::Milestones(milestones)) = cx
        .brief
        .section(SectionKind::Milestones)
        .map(|s| &s.content)
    else {
        return;
    };
    let due = cx.brief.header.due.as_ref();
    let mut latest: Option<&crate::model::Milestone> = None;
    for milestone in milestones {
        match latest {
            Some(before) if milestone.date < before.date => out.push(
                Diagnostic::new(
                    Rule::MilestonesOutOfOrder,
                    milestone.span,
                    format!(
                        "the milestone on {} comes after one on {}",
                        milestone.date, before.date
                    ),
                )
                .with_help("list milestones in date order, or check the date")
                .with_related(before.span, "the later milestone above it"),
            ),
            _ => latest = Some(milestone),
        }
        if let Some(due) = due.filter(|due| milestone.date > due.value) {
            out.push(
                Diagnostic::new(
                    Rule::MilestoneAfterDue,
                    milestone.span,
                    format!(
                        "the milestone on {} is after the due date, {}",
                        milestone.date, due.value
                    ),
                )
                .with_help("move the milestone before `due`, or move `due`")
                .with_related(due.span, "the due date"),
            );
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn english_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
