//! How deeply a YAML document nests and how far its aliases expand, measured
//! before serde_yaml_ng reads it.
//!
//! serde_yaml_ng reads the whole document into events before it looks at
//! any of them, and libyaml's scanner does work proportional to the nesting
//! depth for every token: 20,000 nested `[` take seconds, 100,000 minutes.
//! Its recursion limit (128) is only checked after that. Its alias limit
//! counts jumps, not values, so a few thousand aliases of a long list still
//! expand to millions of values. So both are measured first, with the same
//! parser (`unsafe-libyaml`, which serde_yaml_ng uses), event by event,
//! stopping at the first event past a limit: the work is then bounded by
//! the limits, not by what the file would expand to.

use std::collections::HashMap;
use unsafe_libyaml as unsafe_sys;

/// How many collections (maps and lists) may nest inside each other. The
/// schema itself needs at most five (`profiles: {p: {limits: {…}}}`).
pub const MAX_DEPTH: usize = 32;

/// How many values (scalars, maps and lists) a document may hold once every
/// alias (`*name`) is replaced by what its anchor (`&name`) names. A real
/// `briefc.yaml` holds a few hundred.
pub const MAX_EXPANDED_VALUES: u64 = 100_000;

/// What is wrong with a document's shape, and where (0-based line and
/// column in characters).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// A collection nested deeper than [`MAX_DEPTH`].
    TooDeep { line: usize, column: usize },
    /// An alias that takes the expanded document past [`MAX_EXPANDED_VALUES`].
    TooManyValues { line: usize, column: usize },
}

/// The first place where `text` nests deeper than `depth` collections or
/// expands past `values` values; `None` when it never does, or when the
/// YAML is malformed before that (serde_yaml_ng then reports the error).
pub(super) fn check(text: &str, depth: usize, values: u64) -> Option<Shape> {
    /// The parser, deleted (its buffers freed) when dropped.
    struct Parser(Box<std::mem::MaybeUninit<unsafe_sys::yaml_parser_t>>);
    impl Drop for Parser {
        fn drop(&mut self) {
            // SAFETY: only built after `yaml_parser_initialize` succeeded.
            unsafe { unsafe_sys::yaml_parser_delete(self.0.as_mut_ptr()) }
        }
    }

    /// The bytes of a C string from an event (`None` for a null pointer).
    ///
    /// SAFETY: `ptr` is null or a NUL-terminated string owned by a live event.
    unsafe fn name(ptr: *const u8) -> Option<Vec<u8>> {
        if ptr.is_null() {
            return None;
        }
        // SAFETY: see above.
        let c = unsafe { std::ffi::CStr::from_ptr(ptr.cast()) };
        Some(c.to_bytes().to_vec())
    }

    // Values counted so far (aliases count what they stand for), the open
    // collections (with their anchor and the count where they began), and
    // what each anchor stands for.
    let mut expanded: u64 = 0;
    let mut open: Vec<Option<(Vec<u8>, u64)>> = Vec::new();
    let mut anchors: HashMap<Vec<u8>, u64> = HashMap::new();

    // SAFETY: this is the sequence serde_yaml_ng's own loader uses. The
    // parser lives in a Box, so it does not move while libyaml holds
    // pointers into it; the input string outlives the parser (both end with
    // this function); an event's fields are read only when
    // `yaml_parser_parse` succeeded, only those of its type, and before the
    // event is deleted.
    unsafe {
        let mut boxed = Box::new(std::mem::MaybeUninit::<unsafe_sys::yaml_parser_t>::uninit());
        if unsafe_sys::yaml_parser_initialize(boxed.as_mut_ptr()).fail {
            return None;
        }
        let mut parser = Parser(boxed);
        let p = parser.0.as_mut_ptr();
        unsafe_sys::yaml_parser_set_encoding(p, unsafe_sys::YAML_UTF8_ENCODING);
        unsafe_sys::yaml_parser_set_input_string(p, text.as_ptr(), text.len() as u64);
        loop {
            let mut event = std::mem::MaybeUninit::<unsafe_sys::yaml_event_t>::uninit();
            if unsafe_sys::yaml_parser_parse(p, event.as_mut_ptr()).fail {
                return None;
            }
            let event = event.as_mut_ptr();
            let kind = (*event).type_;
            let mark = (*event).start_mark;
            let (line, column) = (mark.line as usize, mark.column as usize);
            let data = &(*event).data;
            let mut finished = false;
            let mut problem = None;
            match kind {
                unsafe_sys::YAML_SEQUENCE_START_EVENT | unsafe_sys::YAML_MAPPING_START_EVENT => {
                    let anchor = if kind == unsafe_sys::YAML_SEQUENCE_START_EVENT {
                        name(data.sequence_start.anchor)
                    } else {
                        name(data.mapping_start.anchor)
                    };
                    open.push(anchor.map(|a| (a, expanded)));
                    expanded += 1;
                    if open.len() > depth {
                        problem = Some(Shape::TooDeep { line, column });
                    }
                }
                unsafe_sys::YAML_SEQUENCE_END_EVENT | unsafe_sys::YAML_MAPPING_END_EVENT => {
                    if let Some(Some((anchor, start))) = open.pop() {
                        anchors.insert(anchor, expanded - start);
                    }
                }
                unsafe_sys::YAML_SCALAR_EVENT => {
                    if let Some(anchor) = name(data.scalar.anchor) {
                        anchors.insert(anchor, 1);
                    }
                    expanded += 1;
                }
                unsafe_sys::YAML_ALIAS_EVENT => {
                    // An unknown anchor is serde_yaml_ng's error to report.
                    let size = name(data.alias.anchor)
                        .and_then(|a| anchors.get(&a).copied())
                        .unwrap_or(1);
                    expanded = expanded.saturating_add(size);
                }
                unsafe_sys::YAML_STREAM_END_EVENT | unsafe_sys::YAML_NO_EVENT => finished = true,
                _ => {}
            }
            unsafe_sys::yaml_event_delete(event);
            if problem.is_none() && expanded > values {
                problem = Some(Shape::TooManyValues { line, column });
            }
            if problem.is_some() || finished {
                return problem;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Shape, check};

    fn deep(text: &str, depth: usize) -> Option<(usize, usize)> {
        match check(text, depth, u64::MAX)? {
            Shape::TooDeep { line, column } => Some((line, column)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn measures_flow_and_block_nesting() {
        assert_eq!(deep("a: [[1]]\n", 3), None);
        assert_eq!(deep("a: [[1]]\n", 2), Some((0, 4)));
        assert_eq!(deep("a:\n  b:\n    c: 1\n", 2), Some((2, 4)));
        assert_eq!(deep("a:\n  - - x\n", 2), Some((1, 4)));
        // Malformed YAML is left to the real reader.
        assert_eq!(deep("a: [unclosed\n", 2), None);
        assert_eq!(deep("", 0), None);
    }

    #[test]
    fn a_hundred_thousand_brackets_are_measured_at_once() {
        let text = format!("limits: {}", "[".repeat(100_000));
        let started = std::time::Instant::now();
        assert_eq!(deep(&text, 32), Some((0, 8 + 31)));
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }

    #[test]
    fn counts_what_aliases_stand_for() {
        // A map, a key, a list of 3 (6), then twice a key and the list (5).
        let text = "a: &x [1, 2, 3]\nb: *x\nc: *x\n";
        assert_eq!(check(text, 32, 16), None);
        assert_eq!(
            check(text, 32, 15),
            Some(Shape::TooManyValues { line: 2, column: 3 })
        );
        // A scalar anchor stands for one value.
        assert_eq!(check("a: &s v\nb: *s\n", 32, 5), None);
    }
}
