//! Plural categories of whole numbers (CLDR cardinal rules), for the few
//! labels that hold a count ("5 scenes", «5 сцен»).

use crate::model::Lang;

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// `zero` (not used by the built-in languages; for `labels:` forms).
    Zero,
    /// `one`.
    One,
    /// `two` (not used by the built-in languages).
    Two,
    /// `few`.
    Few,
    /// `many`.
    Many,
    /// `other`: every language has it; the form used when a label has no
    /// form for a number's category.
    Other,
}

impl Category {
    /// Every category, in CLDR's order.
    pub const ALL: &'static [Category] = &[
        Category::Zero,
        Category::One,
        Category::Two,
        Category::Few,
        Category::Many,
        Category::Other,
    ];

    /// The CLDR name (`few`).
    pub const fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    /// Reads a CLDR name.
    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.name() == name)
    }
}

/// The category of the whole number `n` in `lang` (CLDR 46 cardinal rules,
/// integers only). A language without built-in labels follows the English
/// rule: `one` for 1, `other` for the rest.
pub fn category(lang: Option<Lang>, n: u64) -> Category {
    let million = n != 0 && n % 1_000_000 == 0;
    match lang {
        None | Some(Lang::En | Lang::De) => {
            if n == 1 {
                Category::One
            } else {
                Category::Other
            }
        }
        // French and Portuguese count 0 and 1 as `one`; they, and Spanish,
        // use `many` for whole millions ("1 000 000 de scènes").
        Some(Lang::Fr | Lang::Pt) if n <= 1 => Category::One,
        Some(Lang::Es) if n == 1 => Category::One,
        Some(Lang::Fr | Lang::Pt | Lang::Es) if million => Category::Many,
        Some(Lang::Fr | Lang::Pt | Lang::Es) => Category::Other,
        Some(Lang::Uk) => {
            let (ten, hundred) = (n % 10, n % 100);
            if ten == 1 && hundred != 11 {
                Category::One
            } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
                Category::Few
            } else {
                Category::Many
            }
        }
        Some(Lang::Ja | Lang::Zh) => Category::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(lang: Option<Lang>, numbers: &[u64]) -> Vec<&'static str> {
        numbers.iter().map(|&n| category(lang, n).name()).collect()
    }

    #[test]
    fn ukrainian_one_few_many() {
        let uk = Some(Lang::Uk);
        assert_eq!(names(uk, &[1, 21, 101, 1001]), ["one", "one", "one", "one"]);
        assert_eq!(
            names(uk, &[2, 3, 4, 22, 34, 102]),
            ["few", "few", "few", "few", "few", "few"]
        );
        assert_eq!(
            names(uk, &[0, 5, 9, 11, 12, 13, 14, 15, 20, 111, 112, 1000]),
            ["many"; 12]
        );
    }

    #[test]
    fn the_other_built_in_languages() {
        assert_eq!(names(Some(Lang::En), &[0, 1, 2]), ["other", "one", "other"]);
        assert_eq!(names(Some(Lang::De), &[0, 1, 2]), ["other", "one", "other"]);
        assert_eq!(
            names(Some(Lang::Fr), &[0, 1, 2, 1_000_000, 2_000_000, 1_000_001]),
            ["one", "one", "other", "many", "many", "other"]
        );
        assert_eq!(
            names(Some(Lang::Pt), &[0, 1, 2, 1_000_000]),
            ["one", "one", "other", "many"]
        );
        assert_eq!(
            names(Some(Lang::Es), &[0, 1, 2, 1_000_000]),
            ["other", "one", "other", "many"]
        );
        assert_eq!(names(Some(Lang::Ja), &[0, 1, 2]), ["other"; 3]);
        assert_eq!(names(Some(Lang::Zh), &[1]), ["other"]);
        assert_eq!(names(None, &[1, 5]), ["one", "other"]);
    }
}
