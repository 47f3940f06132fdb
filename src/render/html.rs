//! HTML output (being written).
