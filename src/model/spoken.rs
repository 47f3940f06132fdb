//! How long a voiceover takes to say: its words as spoken, for
//! `voiceover-too-long`.
//!
//! [`word_count`] counts written words; a voiceover artist reads `$4,999.99`
//! as eleven. [`spoken`] counts the words as said, [`say`] gives the text as
//! said (what the tests and the documentation table compare). The rules
//! (American English, numbers without "and"):
//!
//! - A word with no digit and no symbol counts as [`word_count`] counts it:
//!   one, whatever its punctuation. A token of punctuation alone (`—`, `…`)
//!   is not said. A number written out with a hyphen counts each number word
//!   (`twenty-five` is two), like the digits it stands for, so counting
//!   [`say`]'s text gives the same count.
//! - Numbers: `1,200` "one thousand two hundred", `3.5` "three point five",
//!   decimals digit by digit; `10k`/`2M`/`1bn` add the scale word, `2.5x`
//!   "times", `25%` "percent", `-5` "minus", `1st` "first", `10-20`
//!   "ten to twenty", `3:1` "three to one", `24/7` "twenty-four seven",
//!   `1/2` "one half". A leading zero (`007`) or more than 15 digits: digit
//!   by digit.
//! - Years: four digits alone from 1100 to 2099 (`2027` "twenty
//!   twenty-seven", `2005` "two thousand five", `1900` "nineteen hundred",
//!   `1905` "nineteen oh five"); decades `1990s`, `'90s`. Dates
//!   `2024-05-12` "May twelfth twenty twenty-four"; `12/05/2024` "twelve
//!   five twenty twenty-four" (day and month cannot be told apart).
//! - Money: `$` `€` `£` `¥` `₹` before the amount: `$4,999.99` "… dollars
//!   and ninety-nine cents", `$0.99` "ninety-nine cents", `$2.5M` "two point
//!   five million dollars", `$49/mo` "forty-nine dollars per month".
//! - Times: `9:30` "nine thirty", `9:05` "nine oh five", `9:00` "nine
//!   o'clock", `10am`, `9:30 pm`, `9 p.m.` add "a m" / "p m".
//! - Phone numbers: digit groups joined by `-`, `.`, spaces or parentheses,
//!   7 to 15 digits, with a leading `+`, parentheses, three groups or more,
//!   or `555-0199`: each digit a word ("zero" for 0), `+` "plus".
//! - URLs and e-mail addresses: the scheme (`https://`) is not said, `www`
//!   is "w w w"; each part between `.` `/` `-` `_` `@` `:` … is a word and
//!   each separator is said ("dot", "slash", "dash", "underscore", "at",
//!   "colon"); a trailing separator is not. A bare domain is a word with a
//!   dot whose last label before any `/` is two or more lower-case letters
//!   (`acme.example/demo`, `Acme.com`, but not `e.g.` or `U.S.`).
//! - Symbols: `&` "and", `+` "plus", `=` "equals", `%` "percent", `@x` "at
//!   x", `#1` "number one", `#tag` "hashtag tag"; `R&D` "R and D";
//!   `and/or` "and or". Other symbols are not said.
//!
//! Scripts written without spaces are counted by character, not by word,
//! in [`Spoken::unspaced_chars`]: each Chinese or Japanese ideograph and
//! each kana is one, CJK punctuation none; Thai counts one per two letters
//! (vowel and tone marks above and below the line not counted), about one
//! per syllable. Korean is written with spaces and counted by words.
//! Digits and Latin words within such text are counted as above.
//! [`CHARS_PER_WORD`] turns those characters into time.
//!
//! [`spoken`] is one pass over the text, without allocation unless the
//! text holds `://` (then linkify finds the URLs).

use std::ops::Range;

use super::{find_urls, month_name, word_count};

/// Characters of unspaced scripts said in the time of one English word.
///
/// Mandarin is said at about 224 ms a character (Lee & Chan, "Chinese
/// speaking times", International Journal of Industrial Ergonomics 31(5),
/// 2003), 4.5 characters a second, 250–270 a minute on China National
/// Radio's news; English voiceover at 150 words a minute is 2.5 words a
/// second: 4.5 / 2.5 = 1.8. Japanese news is written at 300 characters a
/// minute (the NHK guideline; 350 on commercial television), 2.0 at 150
/// words a minute: 1.8 errs on the long side. A Thai syllable counts as
/// one character.
pub const CHARS_PER_WORD: f64 = 1.8;

/// What a voiceover takes to say: its written words, its spoken words
/// (numbers, URLs… as said), and characters of scripts written without spaces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spoken {
    /// The words as written: [`word_count`] of the text.
    pub written_words: usize,
    /// The words as said, without the unspaced characters.
    pub spoken_words: usize,
    /// Chinese and Japanese characters, Thai syllables (letters / 2).
    pub unspaced_chars: usize,
}

impl Spoken {
    /// Spoken words plus the unspaced characters in English words'
    /// time: `unspaced_chars / CHARS_PER_WORD`.
    pub fn word_equivalents(&self) -> f64 {
        self.spoken_words as f64 + self.unspaced_chars as f64 / CHARS_PER_WORD
    }

    /// Seconds to say it at `rate` words per minute; unspaced characters at
    /// `CHARS_PER_WORD` characters per word-equivalent.
    pub fn seconds(&self, rate: f64) -> f64 {
        self.word_equivalents() * 60.0 / rate
    }

    /// Whether counting as said differs from counting what is written.
    pub fn differs(&self) -> bool {
        self.unspaced_chars > 0 || self.spoken_words != self.written_words
    }

    /// For messages: `12 words`; `12 words, 18 as spoken`; `129 characters`;
    /// `3 words and 40 characters`.
    pub fn describe(&self) -> String {
        let n = |count: usize, what: &str| {
            format!("{count} {what}{}", if count == 1 { "" } else { "s" })
        };
        match (self.spoken_words, self.unspaced_chars) {
            (_, 0) if self.spoken_words == self.written_words => n(self.written_words, "word"),
            (spoken, 0) => format!("{}, {spoken} as spoken", n(self.written_words, "word")),
            (0, chars) => n(chars, "character"),
            (spoken, chars) => {
                format!("{} and {}", n(spoken, "spoken word"), n(chars, "character"))
            }
        }
    }
}

/// Counts `text` as said: see the [module](self) for the rules.
pub fn spoken(text: &str) -> Spoken {
    let mut count = Count::default();
    Speaker::new(text, &mut count).run();
    Spoken {
        written_words: word_count(text),
        spoken_words: count.words,
        unspaced_chars: count.chars + count.thai.div_ceil(2),
    }
}

/// `text` as said: numbers, symbols and URLs in words (`25%` → `twenty-five
/// percent`), white space, punctuation around words and unspaced scripts
/// kept. [`spoken`] of it counts the same `spoken_words`.
pub fn say(text: &str) -> String {
    let mut sink = Text {
        out: String::with_capacity(text.len() + text.len() / 2),
        word: false,
    };
    Speaker::new(text, &mut sink).run();
    sink.out
}

/// Where the speaker's words go: a count or a text.
trait Sink {
    /// A word said, counted as `n` words.
    fn words(&mut self, w: &str, n: usize);
    /// A number word joined to the previous by a hyphen (`five` of `twenty-five`).
    fn hyphen(&mut self, w: &str);
    /// Text that is not said: white space, punctuation.
    fn raw(&mut self, s: &str);
    /// Unspaced script: `chars` ideographs and kana, `thai` Thai letters.
    fn unspaced(&mut self, s: &str, chars: usize, thai: usize);
    fn word(&mut self, w: &str) {
        self.words(w, 1);
    }
}

#[derive(Default)]
struct Count {
    words: usize,
    chars: usize,
    thai: usize,
}

impl Sink for Count {
    fn words(&mut self, _: &str, n: usize) {
        self.words += n;
    }
    fn hyphen(&mut self, _: &str) {
        self.words += 1;
    }
    fn raw(&mut self, _: &str) {}
    fn unspaced(&mut self, _: &str, chars: usize, thai: usize) {
        self.chars += chars;
        self.thai += thai;
    }
}

struct Text {
    out: String,
    /// The last thing written was a word: the next word needs a space.
    word: bool,
}

impl Sink for Text {
    fn words(&mut self, w: &str, _: usize) {
        if self.word {
            self.out.push(' ');
        }
        self.out.push_str(w);
        self.word = true;
    }
    fn hyphen(&mut self, w: &str) {
        self.out.push('-');
        self.out.push_str(w);
    }
    fn raw(&mut self, s: &str) {
        if !s.is_empty() {
            self.out.push_str(s);
            self.word = false;
        }
    }
    fn unspaced(&mut self, s: &str, _: usize, _: usize) {
        self.raw(s);
    }
}

/// The white-space separated tokens of a text, as `word_count` sees them.
#[derive(Clone)]
struct Tokens<'t> {
    text: &'t str,
    pos: usize,
}

impl Iterator for Tokens<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let start = self.pos + self.text[self.pos..].find(|c: char| !c.is_whitespace())?;
        let end = self.text[start..]
            .find(char::is_whitespace)
            .map_or(self.text.len(), |i| start + i);
        self.pos = end;
        Some((start, end))
    }
}

struct Speaker<'t, 's, S> {
    text: &'t str,
    sink: &'s mut S,
    tokens: Tokens<'t>,
    /// End of the last token read.
    end: usize,
    urls: Vec<Range<usize>>,
    url: usize,
    /// The core being said ends its token: a number may take `am`/`pm`
    /// from the next.
    peek: bool,
    /// The closing punctuation of the token an `am`/`pm` was taken from.
    pending: &'t str,
}

impl<'t, 's, S: Sink> Speaker<'t, 's, S> {
    fn new(text: &'t str, sink: &'s mut S) -> Self {
        let urls = if text.contains("://") {
            find_urls(text)
        } else {
            Vec::new()
        };
        Speaker {
            text,
            sink,
            tokens: Tokens { text, pos: 0 },
            end: 0,
            urls,
            url: 0,
            peek: false,
            pending: "",
        }
    }

    fn run(mut self) {
        while let Some((start, end)) = self.tokens.next() {
            self.sink.raw(&self.text[self.end..start]);
            self.end = end;
            self.token(start, end);
        }
        self.sink.raw(&self.text[self.end..]);
    }

    fn token(&mut self, start: usize, end: usize) {
        let text = self.text;
        // URLs with a scheme, as linkify finds them.
        let mut at = start;
        while let Some(url) = self.urls.get(self.url) {
            if url.end <= at {
                self.url += 1;
                continue;
            }
            if url.start >= end {
                break;
            }
            let (from, to) = (url.start.max(at), url.end.min(end));
            self.piece(&text[at..from], false);
            self.url(strip_scheme(&text[from..to]));
            at = to;
            self.url += 1;
        }
        if at > start {
            self.piece(&text[at..end], false);
            return;
        }
        let token = &text[start..end];
        if !self.phone(token) {
            self.piece(token, true);
        }
    }

    /// A phone number starting with `token`, perhaps continued by the next
    /// tokens (`+1 800 555 0199`): said digit by digit.
    fn phone(&mut self, token: &str) -> bool {
        if !token.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '(') {
            return false;
        }
        let body = trim_close(token);
        let mut first = Phone::default();
        if !first.feed(body, true) {
            return false;
        }
        let mut upto = first.is_phone().then_some(self.end);
        if upto.is_none() && body.len() == token.len() {
            // Groups of two digits or more in the next tokens, up to the
            // longest phone number.
            let mut all = first;
            all.multi = true;
            for (start, end) in self.tokens.clone() {
                let next = &self.text[start..end];
                let body = trim_close(next);
                let mut more = all;
                if !body.starts_with(|c: char| c.is_ascii_digit() || c == '(')
                    || body
                        .split(|c: char| !c.is_ascii_digit())
                        .any(|g| g.len() == 1)
                    || !more.feed(body, false)
                    || more.digits > 15
                {
                    break;
                }
                all = more;
                if all.is_phone() {
                    upto = Some(end);
                }
                if body.len() < next.len() {
                    break;
                }
            }
        }
        let Some(upto) = upto else {
            return false;
        };
        self.digits_of(body);
        let mut close = &token[body.len()..];
        while self.end < upto {
            let Some((start, end)) = self.tokens.next() else {
                break;
            };
            let next = &self.text[start..end];
            let body = trim_close(next);
            self.digits_of(body);
            close = &next[body.len()..];
            self.end = end;
        }
        self.sink.raw(close);
        true
    }

    fn digits_of(&mut self, s: &str) {
        for b in s.bytes() {
            match b {
                b'+' => self.sink.word("plus"),
                b'0'..=b'9' => self.sink.word(ONES[usize::from(b - b'0')]),
                _ => {}
            }
        }
    }

    /// A token or part of one: unspaced scripts split off, then `plain`.
    fn piece(&mut self, token: &str, peek: bool) {
        if token.is_ascii() || !token.chars().any(|c| unspaced(c).is_some()) {
            self.plain(token, peek);
            return;
        }
        let mut rest = token;
        while let Some(c) = rest.chars().next() {
            let is_unspaced = unspaced(c).is_some();
            let end = rest
                .find(|c: char| unspaced(c).is_some() != is_unspaced)
                .unwrap_or(rest.len());
            let (run, after) = rest.split_at(end);
            if is_unspaced {
                let (mut chars, mut thai) = (0, 0);
                for c in run.chars() {
                    match unspaced(c) {
                        Some(Unspaced::Char) => chars += 1,
                        Some(Unspaced::Thai) => thai += 1,
                        _ => {}
                    }
                }
                self.sink.unspaced(run, chars, thai);
            } else {
                self.plain(run, false);
            }
            rest = after;
        }
    }

    /// Punctuation around the token kept unsaid, the core said.
    fn plain(&mut self, token: &str, peek: bool) {
        let rest = token.trim_start_matches(is_open);
        let open = &token[..token.len() - rest.len()];
        let core = rest.trim_end_matches(is_close);
        let close = &rest[core.len()..];
        self.sink.raw(open);
        if !core.is_empty() {
            let mut phone = Phone::default();
            if core.starts_with(|c: char| c.is_ascii_digit() || c == '+')
                && phone.feed(core, true)
                && phone.is_phone()
            {
                self.digits_of(core);
            } else {
                self.peek = peek && close.is_empty();
                self.core(core);
                self.peek = false;
                let pending = std::mem::take(&mut self.pending);
                self.sink.raw(pending);
            }
        }
        self.sink.raw(close);
    }

    fn core(&mut self, s: &str) {
        let interesting = s.bytes().any(|b| {
            b.is_ascii_digit()
                || matches!(
                    b,
                    b'&' | b'+' | b'=' | b'#' | b'@' | b'%' | b'/' | b'.' | b'$'
                )
        }) || (!s.is_ascii()
            && s.chars()
                .any(|c| matches!(c, '€' | '£' | '¥' | '₹' | '×' | '−')));
        if !interesting {
            self.ordinary(s);
            return;
        }
        for scheme in ["https://", "http://"] {
            if s.len() > scheme.len()
                && s.get(..scheme.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(scheme))
            {
                self.url(&s[scheme.len()..]);
                return;
            }
        }
        if s.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www.")) || is_domain(s) || is_email(s)
        {
            self.url(s);
            return;
        }
        let mut chars = s.chars();
        let prefix = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_alphanumeric() => {
                if let Some(w) = said_symbol(c) {
                    self.sink.word(w);
                }
                return;
            }
            (Some('#'), Some(c)) if c.is_ascii_digit() => "number",
            (Some('#'), Some(c)) if c.is_alphabetic() => "hashtag",
            (Some('@'), Some(c)) if c.is_alphanumeric() => "at",
            _ => return self.mixed(s, true),
        };
        self.sink.word(prefix);
        self.mixed(&s[1..], false);
    }

    /// A word as written: one, or two for a number written out (`twenty-five`).
    fn ordinary(&mut self, w: &str) {
        if !w.is_empty() {
            self.sink
                .words(w, if is_compound_number(w) { 2 } else { 1 });
        }
    }

    /// Words, numbers and symbols in one core (`COVID-19`, `R&D`, `$10-20`).
    fn mixed(&mut self, s: &str, mut first: bool) {
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            if c.is_ascii_digit() || (starts_amount(rest, first)) {
                rest = self.number(rest, first);
            } else if let Some(w) = said_symbol(c) {
                self.sink.word(w);
                rest = &rest[c.len_utf8()..];
            } else if c.is_alphanumeric() {
                let end = rest
                    .char_indices()
                    .find(|&(i, c)| {
                        c.is_ascii_digit()
                            || c == '/'
                            || said_symbol(c).is_some()
                            || starts_amount(&rest[i..], false)
                    })
                    .map_or(rest.len(), |(i, _)| i);
                self.ordinary(rest[..end].trim_end_matches(|c: char| !c.is_alphanumeric()));
                rest = &rest[end..];
            } else {
                rest = &rest[c.len_utf8()..];
            }
            first = false;
        }
    }

    /// A number at the start of `s` and what goes with it; the rest.
    fn number<'a>(&mut self, s: &'a str, first: bool) -> &'a str {
        if first {
            if let Some(rest) = self.date(s) {
                return rest;
            }
        }
        let Some((mut a, rest)) = amount(s, first) else {
            // A currency sign or a sign not before a number.
            let c = s.chars().next().map_or(0, char::len_utf8);
            return &s[c..];
        };
        // 9:30, 3:1
        if let Some(r) = rest.strip_prefix(':') {
            let minutes = r.bytes().take_while(u8::is_ascii_digit).count();
            if minutes > 0 {
                let hour = value(a.int);
                if a.is_plain()
                    && a.int.len() <= 2
                    && hour <= 24
                    && minutes == 2
                    && value(&r[..2]) < 60
                {
                    let (ampm, rest) = self.ampm(&r[2..], hour);
                    self.time(hour, value(&r[..2]), ampm);
                    return rest;
                }
                if let Some((b, rest)) = amount(r, false) {
                    self.amount(&a, Form::Cardinal);
                    self.sink.word("to");
                    self.amount(&b, Form::Cardinal);
                    return rest;
                }
            }
        }
        // 10-20, $10-20, 2019–2024
        if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('–')) {
            if let Some((mut b, rest)) = amount(r, false) {
                if b.currency.is_none() {
                    b.currency = a.currency;
                    if a.frac.len() != 2 {
                        a.currency = None;
                    }
                }
                self.amount(&a, Form::Cardinal);
                self.sink.word("to");
                self.amount(&b, Form::Cardinal);
                return rest;
            }
        }
        if let Some(r) = rest.strip_prefix('/') {
            // 24/7, 1/2
            if let Some((b, rest)) = amount(r, false) {
                let (x, y) = (value(a.int), value(b.int));
                if a.is_plain() && b.is_plain() && (2..=4).contains(&y) && (1..y).contains(&x) {
                    self.amount(&a, Form::Cardinal);
                    let (one, many) = [
                        ("half", "halves"),
                        ("third", "thirds"),
                        ("quarter", "quarters"),
                    ][(y - 2) as usize];
                    self.sink.word(if x == 1 { one } else { many });
                } else {
                    self.amount(&a, Form::Cardinal);
                    self.amount(&b, Form::Cardinal);
                }
                return rest;
            }
            // $49/mo
            let unit = r.bytes().take_while(u8::is_ascii_alphabetic).count();
            if unit > 0 {
                self.amount(&a, Form::Cardinal);
                self.sink.word("per");
                self.sink.word(per_unit(&r[..unit]));
                return &r[unit..];
            }
        }
        let hour = value(a.int);
        if a.is_plain() && (1..=12).contains(&hour) {
            let (ampm, rest) = self.ampm(rest, hour);
            if let Some(ampm) = ampm {
                self.amount(&a, Form::Cardinal);
                self.letters(ampm);
                return rest;
            }
        }
        self.amount(&a, Form::Cardinal);
        rest
    }

    /// `am` or `pm` right after a time, or as the next token: `"a"`, `"p"`.
    fn ampm<'a>(&mut self, rest: &'a str, hour: u64) -> (Option<&'static str>, &'a str) {
        if hour > 12 {
            return (None, rest);
        }
        if let Some(found) = ampm(rest) {
            return (Some(found.0), found.1);
        }
        if rest.is_empty() && self.peek {
            let mut tokens = self.tokens.clone();
            if let Some((start, end)) = tokens.next() {
                if let Some((ap, after)) = ampm(&self.text[start..end]) {
                    if after.chars().all(is_close) {
                        self.tokens = tokens;
                        self.end = end;
                        self.peek = false;
                        self.pending = after;
                        return (Some(ap), rest);
                    }
                }
            }
        }
        (None, rest)
    }

    /// `a` → "a m", `p` → "p m".
    fn letters(&mut self, ampm: &str) {
        self.sink.word(ampm);
        self.sink.word("m");
    }

    fn time(&mut self, hour: u64, minutes: u64, ampm: Option<&str>) {
        let mut num = Num::default();
        num.below_100(hour);
        match minutes {
            0 if ampm.is_none() => num.push("o'clock"),
            0 => {}
            1..=9 => {
                num.push("oh");
                num.push(ONES[minutes as usize]);
            }
            _ => num.below_100(minutes),
        }
        num.emit(self.sink, Form::Cardinal);
        if let Some(ampm) = ampm {
            self.letters(ampm);
        }
    }

    /// `2024-05-12`, `12/05/2024`, `5.12.2024`.
    fn date<'a>(&mut self, s: &'a str) -> Option<&'a str> {
        let b = s.as_bytes();
        let run = |from: usize| {
            b[from.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count()
        };
        let n1 = run(0);
        let sep = *b.get(n1)?;
        if !matches!(sep, b'-' | b'/' | b'.') {
            return None;
        }
        let n2 = run(n1 + 1);
        if b.get(n1 + 1 + n2) != Some(&sep) {
            return None;
        }
        let n3 = run(n1 + n2 + 2);
        let end = n1 + n2 + n3 + 2;
        if s[end..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let (x, y, z) = (
            value(&s[..n1]),
            value(&s[n1 + 1..n1 + 1 + n2]),
            value(&s[n1 + n2 + 2..end]),
        );
        if n1 == 4
            && n2 == 2
            && n3 == 2
            && sep == b'-'
            && (1..=12).contains(&y)
            && (1..=31).contains(&z)
        {
            self.sink.word(month_name(y as u8));
            let mut num = Num::default();
            num.cardinal(z);
            num.emit(self.sink, Form::Ordinal);
            self.year(x);
        } else if (1..=2).contains(&n1) && (1..=2).contains(&n2) && n3 == 4 {
            let mut num = Num::default();
            num.cardinal(x);
            num.cardinal(y);
            num.emit(self.sink, Form::Cardinal);
            self.year(z);
        } else {
            return None;
        }
        Some(&s[end..])
    }

    fn year(&mut self, y: u64) {
        let mut num = Num::default();
        if (1100..=2099).contains(&y) {
            num.year(y);
        } else {
            num.cardinal(y);
        }
        num.emit(self.sink, Form::Cardinal);
    }

    fn amount(&mut self, a: &Amount<'_>, form: Form) {
        if let Some(sign) = a.sign {
            self.sink.word(sign);
        }
        let form = match a.unit {
            Unit::Ordinal => Form::Ordinal,
            Unit::Decade => Form::Plural,
            _ => form,
        };
        match (a.currency, a.currency.and_then(|c| c.minor)) {
            (Some(c), Some((cent, cents))) if a.scale.is_none() && a.frac.len() == 2 => {
                let (major, minor) = (value(a.int), value(a.frac));
                let mut num = Num::default();
                if major > 0 || minor == 0 {
                    self.integer(a.int, form, false);
                    self.sink.word(if major == 1 { c.one } else { c.many });
                    if minor == 0 {
                        return;
                    }
                    num.push("and");
                }
                num.cardinal(minor);
                num.push(if minor == 1 { cent } else { cents });
                num.emit(self.sink, Form::Cardinal);
            }
            (currency, _) => {
                let year = a.sign.is_none()
                    && currency.is_none()
                    && a.frac.is_empty()
                    && a.scale.is_none()
                    && matches!(a.unit, Unit::None | Unit::Decade)
                    && a.int.len() == 4;
                self.integer(a.int, form, year);
                if !a.frac.is_empty() {
                    self.sink.word("point");
                    self.digits_of(a.frac);
                }
                if let Some(scale) = a.scale {
                    self.sink.word(scale);
                }
                if let Some(c) = currency {
                    let one = a.int == "1" && a.frac.is_empty() && a.scale.is_none();
                    self.sink.word(if one { c.one } else { c.many });
                }
                match a.unit {
                    Unit::Percent => self.sink.word("percent"),
                    Unit::Times => self.sink.word("times"),
                    _ => {}
                }
            }
        }
    }

    /// Digits (commas allowed) as a number, a year if `year` and in range.
    fn integer(&mut self, int: &str, form: Form, year: bool) {
        let digits = int.bytes().filter(u8::is_ascii_digit).count();
        if digits > 15 || (int.len() > 1 && int.starts_with('0')) {
            self.digits_of(int);
            return;
        }
        let n = value(int);
        let mut num = Num::default();
        if year && (1100..=2099).contains(&n) {
            num.year(n);
        } else {
            num.cardinal(n);
        }
        num.emit(self.sink, form);
    }

    /// A URL without its scheme, or an e-mail address, part by part.
    fn url(&mut self, s: &str) {
        let mut rest = s.trim_end_matches(|c| url_separator(c).is_some());
        while let Some(c) = rest.chars().next() {
            if let Some(words) = url_separator(c) {
                for w in words {
                    self.sink.word(w);
                }
                rest = &rest[1..];
                continue;
            }
            let end = rest
                .find(|c| url_separator(c).is_some())
                .unwrap_or(rest.len());
            let part = &rest[..end];
            if part.eq_ignore_ascii_case("www") {
                for w in ["w", "w", "w"] {
                    self.sink.word(w);
                }
            } else if part.bytes().all(|b| b.is_ascii_digit()) {
                self.integer(part, Form::Cardinal, true);
            } else {
                self.sink.word(part);
            }
            rest = &rest[end..];
        }
    }
}

/// How a character of a script written without spaces counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Unspaced {
    /// A Chinese or Japanese ideograph, a kana: one character.
    Char,
    /// A Thai letter: half a syllable.
    Thai,
    /// Punctuation, a mark: nothing.
    Mark,
}

fn unspaced(c: char) -> Option<Unspaced> {
    use Unspaced::*;
    Some(match u32::from(c) {
        0x0E01..=0x0E30 | 0x0E32 | 0x0E33 | 0x0E40..=0x0E46 | 0x0E50..=0x0E59 => Thai,
        0x0E00..=0x0E7F => Mark,
        0x3005 | 0x3007 => Char,
        0x3000..=0x303F => Mark,
        0x3041..=0x3096 | 0x309D..=0x309F | 0x30A1..=0x30FA | 0x30FC..=0x30FF | 0x31F0..=0x31FF => {
            Char
        }
        0x3099..=0x309C | 0x30FB => Mark,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => Char,
        0xFF66..=0xFF9D => Char,
        // Full-width punctuation (not the full-width digits and letters).
        0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 => Mark,
        _ => return None,
    })
}

/// Punctuation before a word, not said.
fn is_open(c: char) -> bool {
    "\"'([{<“‘’«¿¡*_—–…".contains(c)
}

/// Punctuation after a word, not said.
fn is_close(c: char) -> bool {
    ".,;:!?)]}>\"'”’»…*_—–".contains(c)
}

/// `token` without closing punctuation, but with a closing parenthesis: it
/// may belong to a phone number.
fn trim_close(token: &str) -> &str {
    token.trim_end_matches(|c| c != ')' && is_close(c))
}

/// A symbol said as a word.
fn said_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '&' => "and",
        '+' => "plus",
        '=' => "equals",
        '@' => "at",
        '%' => "percent",
        '×' => "times",
        _ => return None,
    })
}

/// A URL separator and how it is said.
fn url_separator(c: char) -> Option<&'static [&'static str]> {
    Some(match c {
        '.' => &["dot"],
        '/' => &["slash"],
        '-' => &["dash"],
        '_' => &["underscore"],
        '@' => &["at"],
        ':' => &["colon"],
        '?' => &["question", "mark"],
        '=' => &["equals"],
        '&' => &["and"],
        '#' => &["hash"],
        '~' => &["tilde"],
        '+' => &["plus"],
        '%' => &["percent"],
        _ => return None,
    })
}

fn strip_scheme(url: &str) -> &str {
    url.find("://").map_or(url, |i| &url[i + 3..])
}

/// `acme.example`, `Acme.com/x`: labels of letters, digits and `-` joined
/// by dots, the last two or more lower-case letters; then a path or a port.
fn is_domain(s: &str) -> bool {
    let host = &s[..s.find(['/', '?', '#', ':']).unwrap_or(s.len())];
    let Some(dot) = host.rfind('.') else {
        return false;
    };
    let tld = &host[dot + 1..];
    tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_lowercase())
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

fn is_email(s: &str) -> bool {
    s.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && local
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
            && !domain.contains('/')
            && is_domain(domain)
    })
}

/// `twenty-five`, `Ninety-first`: a number written out with a hyphen.
fn is_compound_number(w: &str) -> bool {
    let Some((tens, unit)) = w.split_once('-') else {
        return false;
    };
    TENS[2..].iter().any(|t| t.eq_ignore_ascii_case(tens))
        && (ONES[1..10]
            .iter()
            .chain(&ORDINAL_UNITS)
            .any(|u| u.eq_ignore_ascii_case(unit)))
}

const ORDINAL_UNITS: [&str; 9] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];

/// `mo` → `month` in `$49/mo`.
fn per_unit(unit: &str) -> &str {
    match unit {
        "mo" => "month",
        "yr" => "year",
        "wk" => "week",
        "h" | "hr" => "hour",
        "min" => "minute",
        "s" | "sec" => "second",
        _ => unit,
    }
}

/// `am`, `p.m.`… at the start of `s`, not followed by a letter.
fn ampm(s: &str) -> Option<(&'static str, &str)> {
    ["a.m.", "p.m.", "a.m", "p.m", "am", "pm"]
        .iter()
        .find_map(|form| {
            let rest = s.get(form.len()..)?;
            (s[..form.len()].eq_ignore_ascii_case(form)
                && !rest.starts_with(|c: char| c.is_alphanumeric()))
            .then(|| (if form.starts_with('a') { "a" } else { "p" }, rest))
        })
}

#[derive(Clone, Copy)]
struct Currency {
    one: &'static str,
    many: &'static str,
    minor: Option<(&'static str, &'static str)>,
}

const CURRENCIES: [(&str, Currency); 5] = [
    (
        "$",
        Currency {
            one: "dollar",
            many: "dollars",
            minor: Some(("cent", "cents")),
        },
    ),
    (
        "€",
        Currency {
            one: "euro",
            many: "euros",
            minor: Some(("cent", "cents")),
        },
    ),
    (
        "£",
        Currency {
            one: "pound",
            many: "pounds",
            minor: Some(("penny", "pence")),
        },
    ),
    (
        "¥",
        Currency {
            one: "yen",
            many: "yen",
            minor: None,
        },
    ),
    (
        "₹",
        Currency {
            one: "rupee",
            many: "rupees",
            minor: Some(("paisa", "paise")),
        },
    ),
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    None,
    Percent,
    Times,
    Ordinal,
    Decade,
}

/// `-$4,999.99`, `2.5M`, `25%`, `1st`, `1990s`.
struct Amount<'a> {
    sign: Option<&'static str>,
    currency: Option<Currency>,
    /// Digits, with thousands commas.
    int: &'a str,
    /// Digits after the point, or empty.
    frac: &'a str,
    scale: Option<&'static str>,
    unit: Unit,
}

impl Amount<'_> {
    /// Digits alone: `9`, `2024`.
    fn is_plain(&self) -> bool {
        self.sign.is_none()
            && self.currency.is_none()
            && self.frac.is_empty()
            && self.scale.is_none()
            && self.unit == Unit::None
            && !self.int.contains(',')
    }
}

/// Whether `s` starts an amount with a currency or a sign (`$5`, `-5`).
fn starts_amount(s: &str, sign: bool) -> bool {
    let mut rest = s;
    if sign {
        rest = rest.strip_prefix(['+', '-', '−']).unwrap_or(rest);
    }
    if let Some((_, after)) = currency_at(rest) {
        rest = after;
    }
    rest.len() < s.len() && rest.starts_with(|c: char| c.is_ascii_digit())
}

fn currency_at(s: &str) -> Option<(Currency, &str)> {
    CURRENCIES
        .iter()
        .find_map(|(symbol, c)| s.strip_prefix(symbol).map(|rest| (*c, rest)))
}

/// Not followed by a letter or digit.
fn ends(s: &str) -> bool {
    !s.starts_with(|c: char| c.is_alphanumeric())
}

fn amount(s: &str, allow_sign: bool) -> Option<(Amount<'_>, &str)> {
    let mut r = s;
    let mut sign = None;
    if allow_sign {
        if let Some(rest) = r.strip_prefix('+') {
            (sign, r) = (Some("plus"), rest);
        } else if let Some(rest) = r.strip_prefix(['-', '−']) {
            (sign, r) = (Some("minus"), rest);
        }
    }
    let mut currency = None;
    if let Some((c, rest)) = currency_at(r) {
        (currency, r) = (Some(c), rest);
    }
    let b = r.as_bytes();
    let mut end = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if end == 0 {
        return None;
    }
    if end <= 3 {
        while b.get(end) == Some(&b',')
            && b.len() >= end + 4
            && b[end + 1..end + 4].iter().all(u8::is_ascii_digit)
            && !b.get(end + 4).is_some_and(u8::is_ascii_digit)
        {
            end += 4;
        }
    }
    let int = &r[..end];
    r = &r[end..];
    let mut frac = "";
    if let Some(after) = r.strip_prefix('.') {
        let n = after.bytes().take_while(u8::is_ascii_digit).count();
        if n > 0 {
            (frac, r) = (&after[..n], &after[n..]);
        }
    }
    let mut scale = None;
    for (suffix, word, money) in [
        ("bn", "billion", false),
        ("k", "thousand", false),
        ("K", "thousand", false),
        ("M", "million", false),
        ("B", "billion", false),
        ("m", "million", true),
        ("b", "billion", true),
    ] {
        if let Some(rest) = r.strip_prefix(suffix) {
            if ends(rest) && (!money || currency.is_some()) {
                (scale, r) = (Some(word), rest);
                break;
            }
        }
    }
    let mut unit = Unit::None;
    if let Some(rest) = r.strip_prefix('%') {
        (unit, r) = (Unit::Percent, rest);
    } else if let Some(rest) = r.strip_prefix(['x', 'X', '×']).filter(|rest| ends(rest)) {
        (unit, r) = (Unit::Times, rest);
    } else if currency.is_none() && frac.is_empty() && scale.is_none() {
        let ordinal = r.get(..2).is_some_and(|p| {
            ["st", "nd", "rd", "th"]
                .iter()
                .any(|o| p.eq_ignore_ascii_case(o))
        });
        if ordinal && ends(&r[2..]) {
            (unit, r) = (Unit::Ordinal, &r[2..]);
        } else if let Some(rest) = r
            .strip_prefix("'s")
            .or_else(|| r.strip_prefix("’s"))
            .or_else(|| r.strip_prefix('s'))
        {
            let n = value(int);
            let decade = (int.len() == 2 && n % 10 == 0)
                || (int.len() == 4 && n % 10 == 0 && (1100..=2099).contains(&n));
            if decade && ends(rest) {
                (unit, r) = (Unit::Decade, rest);
            }
        }
    }
    Some((
        Amount {
            sign,
            currency,
            int,
            frac,
            scale,
            unit,
        },
        r,
    ))
}

/// The value of digits (commas skipped); at most 15 digits, else 0.
fn value(digits: &str) -> u64 {
    if digits.len() > 20 {
        return 0;
    }
    digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0u64, |n, d| {
            n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
        })
}

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const SCALES: [&str; 5] = ["", "thousand", "million", "billion", "trillion"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Cardinal,
    Ordinal,
    /// A decade: `nineties`.
    Plural,
}

/// The words of a number (at most 15 digits), the last one then made
/// ordinal or plural.
#[derive(Default)]
struct Num {
    words: [(&'static str, bool); 32],
    len: usize,
}

impl Num {
    fn push(&mut self, w: &'static str) {
        self.words[self.len] = (w, false);
        self.len += 1;
    }

    fn join(&mut self, w: &'static str) {
        self.words[self.len] = (w, true);
        self.len += 1;
    }

    fn below_100(&mut self, n: u64) {
        if n < 20 {
            self.push(ONES[n as usize]);
        } else {
            self.push(TENS[(n / 10) as usize]);
            if n % 10 > 0 {
                self.join(ONES[(n % 10) as usize]);
            }
        }
    }

    fn cardinal(&mut self, n: u64) {
        if n == 0 {
            self.push("zero");
            return;
        }
        for (i, scale) in SCALES.iter().enumerate().rev() {
            let group = n / 1000u64.pow(i as u32) % 1000;
            if group == 0 {
                continue;
            }
            if group >= 100 {
                self.push(ONES[(group / 100) as usize]);
                self.push("hundred");
            }
            if group % 100 > 0 {
                self.below_100(group % 100);
            }
            if i > 0 {
                self.push(scale);
            }
        }
    }

    /// 1100–2099: `twenty twenty-seven`, `two thousand five`, `nineteen hundred`.
    fn year(&mut self, y: u64) {
        if (2000..=2009).contains(&y) {
            return self.cardinal(y);
        }
        self.below_100(y / 100);
        match y % 100 {
            0 => self.push("hundred"),
            n @ 1..=9 => {
                self.push("oh");
                self.push(ONES[n as usize]);
            }
            n => self.below_100(n),
        }
    }

    fn emit<S: Sink>(&self, sink: &mut S, form: Form) {
        for (i, &(w, joined)) in self.words[..self.len].iter().enumerate() {
            let w = match form {
                _ if i + 1 < self.len => w,
                Form::Cardinal => w,
                Form::Ordinal => ordinal(w),
                Form::Plural => plural(w),
            };
            if joined {
                sink.hyphen(w);
            } else {
                sink.word(w);
            }
        }
    }
}

fn ordinal(w: &'static str) -> &'static str {
    match w {
        "zero" => "zeroth",
        "one" => "first",
        "two" => "second",
        "three" => "third",
        "four" => "fourth",
        "five" => "fifth",
        "six" => "sixth",
        "seven" => "seventh",
        "eight" => "eighth",
        "nine" => "ninth",
        "ten" => "tenth",
        "eleven" => "eleventh",
        "twelve" => "twelfth",
        "thirteen" => "thirteenth",
        "fourteen" => "fourteenth",
        "fifteen" => "fifteenth",
        "sixteen" => "sixteenth",
        "seventeen" => "seventeenth",
        "eighteen" => "eighteenth",
        "nineteen" => "nineteenth",
        "twenty" => "twentieth",
        "thirty" => "thirtieth",
        "forty" => "fortieth",
        "fifty" => "fiftieth",
        "sixty" => "sixtieth",
        "seventy" => "seventieth",
        "eighty" => "eightieth",
        "ninety" => "ninetieth",
        "hundred" => "hundredth",
        "thousand" => "thousandth",
        "million" => "millionth",
        "billion" => "billionth",
        "trillion" => "trillionth",
        _ => w,
    }
}

fn plural(w: &'static str) -> &'static str {
    match w {
        "ten" => "tens",
        "twenty" => "twenties",
        "thirty" => "thirties",
        "forty" => "forties",
        "fifty" => "fifties",
        "sixty" => "sixties",
        "seventy" => "seventies",
        "eighty" => "eighties",
        "ninety" => "nineties",
        "hundred" => "hundreds",
        "thousand" => "thousands",
        _ => w,
    }
}

/// Digit groups of a phone number, as read so far.
#[derive(Clone, Copy, Default)]
struct Phone {
    digits: usize,
    groups: usize,
    /// The lengths of the first four groups.
    lens: [usize; 4],
    longest: usize,
    plus: bool,
    paren: bool,
    /// Spread over several tokens.
    multi: bool,
}

impl Phone {
    /// Reads `s`; false if it holds anything but digits and `-.()` (and `+`
    /// first in the first token).
    fn feed(&mut self, s: &str, first: bool) -> bool {
        let mut run = 0;
        for (i, b) in s.bytes().enumerate() {
            match b {
                b'0'..=b'9' => {
                    if run == 0 {
                        self.groups += 1;
                    }
                    run += 1;
                    self.digits += 1;
                    if let Some(len) = self.lens.get_mut(self.groups - 1) {
                        *len = run;
                    }
                    self.longest = self.longest.max(run);
                }
                b'+' if first && i == 0 => self.plus = true,
                b'(' | b')' => {
                    self.paren = true;
                    run = 0;
                }
                b'-' | b'.' => run = 0,
                _ => return false,
            }
        }
        true
    }

    fn is_phone(&self) -> bool {
        let [a, b, c, _] = self.lens;
        let date =
            self.groups == 3 && ((a == 4 && b <= 2 && c <= 2) || (a <= 2 && b <= 2 && c == 4));
        (7..=15).contains(&self.digits)
            && !(self.multi && self.longest > 4)
            && (self.plus
                || self.paren
                || (self.groups >= 3 && !date)
                || (self.groups == 2 && a == 3 && b == 4))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table in docs/language.md, "How voiceover time is counted".
    const TABLE: &[(&str, &str, &str)] = &[
        ("25%", "twenty-five percent", "3"),
        (
            "$4,999.99",
            "four thousand nine hundred ninety-nine dollars and ninety-nine cents",
            "11",
        ),
        (
            "1-800-555-0199",
            "one eight zero zero five five five zero one nine nine",
            "11",
        ),
        ("acme.example/demo", "acme dot example slash demo", "5"),
        (
            "https://acme.example/demo",
            "acme dot example slash demo",
            "5",
        ),
        ("www.acme.example", "w w w dot acme dot example", "7"),
        ("hello@acme.example", "hello at acme dot example", "5"),
        ("2027", "twenty twenty-seven", "3"),
        ("2005", "two thousand five", "3"),
        ("9:30am", "nine thirty a m", "4"),
        ("1,200", "one thousand two hundred", "4"),
        ("3.5", "three point five", "3"),
        ("24/7", "twenty-four seven", "3"),
        ("10k", "ten thousand", "2"),
        ("2.5x", "two point five times", "4"),
        ("1st", "first", "1"),
        ("21st", "twenty-first", "2"),
        ("&", "and", "1"),
        ("#1", "number one", "2"),
        (
            "欢迎使用我们的新产品。",
            "欢迎使用我们的新产品。",
            "10 characters",
        ),
    ];

    /// The `words` cell: spoken words, then unspaced characters if any.
    fn cell(s: Spoken) -> String {
        match (s.spoken_words, s.unspaced_chars) {
            (n, 0) => n.to_string(),
            (0, c) => format!("{c} characters"),
            (n, c) => format!("{n} words + {c} characters"),
        }
    }

    #[test]
    fn documented_table() {
        for &(written, said, words) in TABLE {
            assert_eq!(say(written), said, "{written}");
            assert_eq!(cell(spoken(written)), words, "{written}");
            assert_eq!(spoken(written).written_words, word_count(written));
        }
    }

    /// Counting what `say` returns gives the same count.
    #[test]
    fn said_text_counts_the_same() {
        for &(written, ..) in TABLE {
            let said = say(written);
            assert_eq!(
                spoken(&said),
                Spoken {
                    written_words: word_count(&said),
                    ..spoken(written)
                },
                "{written} → {said}"
            );
        }
    }

    #[test]
    fn words_count_as_written() {
        for text in [
            "",
            "Another Monday, another sync error.",
            "Acme Sync installs in minutes, works offline and is certified.",
            "  It's a well-known (and \"simple\") fix; isn't it?\nYes!",
            "Ünïcode wörds, e.g. naïve café, U.S. style.",
            "Meet Acme: fast, safe; done.",
            "한국어는 띄어쓰기를 합니다.",
        ] {
            let s = spoken(text);
            assert_eq!(
                (s.written_words, s.spoken_words, s.unspaced_chars),
                (word_count(text), word_count(text), 0),
                "{text}"
            );
            assert_eq!(say(text), text);
        }
    }

    #[test]
    fn said() {
        for (written, said) in [
            ("It costs $5.", "It costs five dollars."),
            ("$1", "one dollar"),
            ("$0.99", "ninety-nine cents"),
            ("$1.00", "one dollar"),
            ("$0.01", "one cent"),
            ("£1.50", "one pound and fifty pence"),
            ("€12", "twelve euros"),
            ("$2.5M", "two point five million dollars"),
            ("$10-20", "ten to twenty dollars"),
            ("$49/mo", "forty-nine dollars per month"),
            ("-5%", "minus five percent"),
            ("10-20%", "ten to twenty percent"),
            ("2019-2024", "twenty nineteen to twenty twenty-four"),
            ("1900", "nineteen hundred"),
            ("1905", "nineteen oh five"),
            ("2010", "twenty ten"),
            ("1990s", "nineteen nineties"),
            ("the '90s", "the 'nineties"),
            ("the ’90s", "the ’nineties"),
            ("2024-05-12", "May twelfth twenty twenty-four"),
            ("12/05/2024", "twelve five twenty twenty-four"),
            ("9:00", "nine o'clock"),
            ("9:05 pm", "nine oh five p m"),
            ("at 10 am.", "at ten a m."),
            ("9 p.m.", "nine p m"),
            ("10am", "ten a m"),
            ("13:45", "thirteen forty-five"),
            ("16:9", "sixteen to nine"),
            ("1/2", "one half"),
            ("3/4", "three quarters"),
            ("3rd", "third"),
            ("100th", "one hundredth"),
            ("1,250,000", "one million two hundred fifty thousand"),
            ("1,000,000,000,000", "one trillion"),
            ("0", "zero"),
            ("007", "zero zero seven"),
            ("3.14", "three point one four"),
            (
                "(800) 555-0199",
                "eight zero zero five five five zero one nine nine",
            ),
            (
                "+1 800 555 0199.",
                "plus one eight zero zero five five five zero one nine nine.",
            ),
            (
                "call 555-0199 20 times",
                "call five five five zero one nine nine twenty times",
            ),
            (
                "+44 20 7946 0958",
                "plus four four two zero seven nine four six zero nine five eight",
            ),
            (
                "in 2024 1000 people",
                "in twenty twenty-four one thousand people",
            ),
            ("COVID-19", "COVID nineteen"),
            ("R&D", "R and D"),
            ("and/or", "and or"),
            ("Q3", "Q three"),
            ("5G", "five G"),
            ("v2.0", "v two point zero"),
            ("Visit Acme.com/start.", "Visit Acme dot com slash start."),
            (
                "(see https://acme.example/a_b).",
                "(see acme dot example slash a underscore b).",
            ),
            ("https://acme.example/", "acme dot example"),
            ("@acme", "at acme"),
            ("#launch", "hashtag launch"),
            ("Hello — world", "Hello — world"),
            ("A + B = C", "A plus B equals C"),
            ("我有3个", "我有three个"),
        ] {
            assert_eq!(say(written), said, "{written}");
            let count = spoken(written).spoken_words;
            assert_eq!(count, spoken(&say(written)).spoken_words, "{written}");
        }
        assert_eq!(spoken("Hello — world").spoken_words, 2);
        assert_eq!(spoken("twenty-five").spoken_words, 2);
        assert_eq!(spoken("9:05 pm").spoken_words, 5);
    }

    #[test]
    fn unspaced_scripts() {
        let ja = spoken("ありがとうございます。");
        assert_eq!((ja.spoken_words, ja.unspaced_chars), (0, 10));
        // สวัสดีครับ: 7 letters (marks not counted), 4 syllables.
        let th = spoken("สวัสดีครับ");
        assert_eq!(
            (th.written_words, th.spoken_words, th.unspaced_chars),
            (1, 0, 4)
        );
        let mixed = spoken("我们用 iPhone 15 拍摄");
        assert_eq!((mixed.spoken_words, mixed.unspaced_chars), (2, 5));
    }

    #[test]
    fn seconds() {
        let s = Spoken {
            written_words: 0,
            spoken_words: 150,
            unspaced_chars: 0,
        };
        assert_eq!(s.seconds(150.0), 60.0);
        let zh = Spoken {
            written_words: 1,
            spoken_words: 0,
            unspaced_chars: 270,
        };
        assert!((zh.seconds(150.0) - 60.0).abs() < 1e-9);
    }

    /// Random mixes of digits, symbols and scripts: no panic, and the
    /// written words are `word_count`'s.
    #[test]
    fn never_panics() {
        let alphabet: Vec<char> =
            "0123456789 $€£¥.,:;-–/+%&@#()'’\"x k M s th am p.m www https:// 欢ส\u{0E31}あ é\n"
                .chars()
                .collect();
        let mut seed = 0x2545_f491_u64;
        for _ in 0..20_000 {
            let len = (seed >> 40) as usize % 24;
            let text: String = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            let s = spoken(&text);
            assert_eq!(s.written_words, word_count(&text), "{text:?}");
            let _ = say(&text);
        }
    }

    /// Random sequences of multi-character pieces (schemes, units, ordinals)
    /// next to multi-byte characters, so every prefix and suffix test meets
    /// a character boundary that is not a byte one.
    #[test]
    fn never_panics_on_pieces() {
        let pieces = [
            "https://", "http://", "www.", "HTTPS://", "é", "€", "中", "あ", "ส", "\u{0E31}",
            "a.m.", "p.m", "am", "pm", "st", "nd", "th", "'s", "s", "k", "M", "bn", "x", "/mo",
            "mo", "$", "£", "1", "9", "12", "2027", "0199", "555", "-", "–", "/", ":", ".", ",",
            "%", "&", "#", "@", "+", "(", ")", " ", "'", "’", "today", "example", "ä", "😀",
            "\u{301}",
        ];
        let mut seed = 0x9e37_79b9_u64;
        for _ in 0..40_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 40) as usize % 12;
            let text: String = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    pieces[(seed >> 33) as usize % pieces.len()]
                })
                .collect();
            let s = spoken(&text);
            assert_eq!(s.written_words, word_count(&text), "{text:?}");
            let _ = say(&text);
        }
    }

    #[test]
    fn long_texts_take_linear_time() {
        let digits = "1 2 3 4 5 6 7 8 9 ".repeat(20_000);
        assert_eq!(spoken(&digits).spoken_words, 180_000);
        let phones = "555-0199 ".repeat(20_000);
        assert_eq!(spoken(&phones).spoken_words, 140_000);
        let long = "9".repeat(100_000);
        assert_eq!(spoken(&long).spoken_words, 100_000);
    }
}
