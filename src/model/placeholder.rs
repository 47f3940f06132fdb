//! The placeholder texts `briefc new` writes, defined once: the starter brief
//! is built from these constants and the `placeholder` rule looks for exactly
//! these texts, so the two cannot drift apart.
//!
//! Every placeholder is a short instruction in square brackets, such as
//! `[Client name]`: the convention of document templates, which a marketer
//! recognises as "write something here". The rule matches the texts exactly
//! (brackets and case included), so a real brief never trips it by chance.

use std::ops::Range;

/// A placeholder of the starter brief.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placeholder {
    /// The text as `briefc new` writes it, brackets included.
    pub text: &'static str,
    /// What to write instead: completes "replace it with …".
    pub replace_with: &'static str,
}

macro_rules! placeholders {
    ($( $(#[$doc:meta])* $name:ident = $text:literal, $replace_with:literal; )*) => {
        $(
            $(#[$doc])*
            pub const $name: Placeholder = Placeholder { text: $text, replace_with: $replace_with };
        )*
        /// Every placeholder `briefc new` can write.
        pub const ALL: &[Placeholder] = &[$($name),*];
    };
}

placeholders! {
    /// The title, when none can be made from the file name.
    TITLE = "[Video title]", "the video's name, e.g. `Acme Sync — 90-second overview`";
    /// `client:`.
    CLIENT = "[Client name]", "the client's name, e.g. `Acme Corp`";
    /// `product:`.
    PRODUCT = "[Product name]", "the product's name, e.g. `Acme Sync`";
    /// `channels:`.
    CHANNELS = "[Where the video runs]", "where the video runs, e.g. `product page, LinkedIn`, or remove the line";
    /// `marketing:` and the marketing sign-off.
    MARKETING_OWNER = "[Marketing owner]", "the marketing owner's name, e.g. `Priya Shah`";
    /// `sales:` and the sales sign-off.
    SALES_OWNER = "[Sales owner]", "the sales owner's name, e.g. `Tom Becker`";
    /// `## Goal`.
    GOAL = "[What the video must achieve, in one or two sentences]",
        "the goal, e.g. `Turn trial users into customers by showing set-up in minutes`";
    /// `## Audience`.
    AUDIENCE = "[Who watches it, what they already know, and their top objection]",
        "the audience, e.g. `IT managers at companies of 200 to 2,000 seats who fear a long roll-out`";
    /// `## Key message`.
    KEY_MESSAGE = "[The one sentence the viewer should remember]",
        "the key message, e.g. `Your files, everywhere, set up in minutes`";
    /// The first key benefit.
    BENEFIT_1 = "[First benefit, in a few words]", "a benefit in a few words, e.g. `Set up in minutes, not days`";
    /// The second key benefit (videos of 30 s and more).
    BENEFIT_2 = "[Second benefit]", "a second benefit, or remove the line";
    /// The third key benefit (videos of 45 s and more).
    BENEFIT_3 = "[Third benefit]", "a third benefit, or remove the line";
    /// `## Call to action`.
    CALL_TO_ACTION = "[What the viewer does next]", "the call to action, e.g. `Book a demo at acme.example/demo`";
    /// A success metric's name.
    METRIC_NAME = "[What you measure]", "what you measure, e.g. `Demo bookings`";
    /// A success metric's target.
    METRIC_TARGET = "[Target with a number, e.g. 25 per month]",
        "a target with a number, e.g. `25 per month by 2027-04-30 (source: CRM)`";
    /// The hook scene's `Visual:`.
    HOOK_VISUAL = "[What grabs the viewer in the first seconds]",
        "what the viewer sees first, e.g. `Sync-error pop-ups pile up on a laptop`";
    /// The body scene's `Visual:`.
    BODY_VISUAL = "[How the video shows each benefit]", "what the viewer sees, e.g. `The set-up, start to finish, in real time`";
    /// The body scene's `Voiceover:`.
    VOICEOVER = "[What the viewer hears]", "the words spoken over the scene, or remove the line";
    /// The call-to-action scene's `Visual:`.
    END_CARD = "[End card with the call to action]", "the end card, e.g. `Logo, URL and Book a demo`";
    /// `## Look and feel`.
    LOOK_AND_FEEL = "[Tone, pace, music and visual style]",
        "the look and feel, e.g. `Calm and bright; real offices, no stock footage`, or remove the section";
    /// `## Mandatory`.
    MANDATORY = "[What must appear, e.g. logo or legal line]",
        "what must appear, e.g. `Logo in the last 3 seconds`, or remove the section";
    /// `## Deliverables`.
    DELIVERABLE = "[Each file to deliver, e.g. 16:9 master with subtitles]",
        "a file to deliver, e.g. `16:9 master with burnt-in subtitles`, or remove the section";
    /// `## References`.
    REFERENCE = "[A video you like and why, e.g. https://example.com/video]",
        "a link to a video and what to take from it, e.g. `Pace and tone: https://vimeo.com/…`, or remove the section";
    /// `## Notes`.
    NOTES = "[Anything else the team should know]", "the notes, or remove the section";
}

/// Every placeholder in `text`, with its byte range, in order. Placeholders
/// all start with `[`, so one pass over the brackets finds them all.
pub fn find_placeholders(
    text: &str,
) -> impl Iterator<Item = (Range<usize>, &'static Placeholder)> + '_ {
    text.match_indices('[').filter_map(move |(at, _)| {
        let rest = &text[at..];
        ALL.iter()
            .find(|p| rest.starts_with(p.text))
            .map(|p| (at..at + p.text.len(), p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_distinct_bracketed_and_one_line() {
        for (i, p) in ALL.iter().enumerate() {
            assert!(p.text.starts_with('[') && p.text.ends_with(']'), "{p:?}");
            assert!(!p.text[1..].contains('['), "{p:?}");
            assert!(!p.text.contains('\n'), "{p:?}");
            assert!(!p.replace_with.is_empty(), "{p:?}");
            assert!(ALL[..i].iter().all(|q| q.text != p.text), "{p:?}");
        }
    }

    #[test]
    fn finds_exactly_the_placeholders() {
        let text = "client: [Client name]\n- [What you measure]: [Target with a number, e.g. 25 per month]\n";
        let found: Vec<_> = find_placeholders(text)
            .map(|(r, p)| (&text[r], p.text))
            .collect();
        assert_eq!(
            found,
            [
                ("[Client name]", "[Client name]"),
                ("[What you measure]", "[What you measure]"),
                (
                    "[Target with a number, e.g. 25 per month]",
                    "[Target with a number, e.g. 25 per month]"
                ),
            ]
        );
        // Other brackets, other case, a filled-in text: nothing.
        for text in [
            "- [ ] Script approved",
            "[client name]",
            "[Client name",
            "See [the demo](https://a.example)",
            "Acme Corp",
        ] {
            assert_eq!(find_placeholders(text).count(), 0, "{text}");
        }
    }
}
