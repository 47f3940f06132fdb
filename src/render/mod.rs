//! Stage 5: compiling a clean brief into outputs.
