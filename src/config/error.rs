//! Errors in `briefc.yaml`, with the file, position and a help line.

use std::path::{Path, PathBuf};

/// A configuration file that cannot be used. The command stops with exit 2.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}: {message}", location(path, *line, *column))]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// Its text, when it could be read (for a source snippet).
    pub text: Option<String>,
    /// 1-based line, 0 when the error is about the whole file.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Byte offset of the error in `text`.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

fn location(path: &Path, line: usize, column: usize) -> String {
    if line == 0 {
        path.display().to_string()
    } else {
        format!("{}:{line}:{column}", path.display())
    }
}

impl ConfigError {
    /// The file could not be read.
    pub fn io(path: &Path, err: &std::io::Error) -> Self {
        ConfigError::whole_file(
            path,
            format!(
                "cannot read the config file: {}",
                crate::source::io_reason(err)
            ),
            "check that the file exists and is readable",
        )
    }

    /// The file is larger than [`super::MAX_CONFIG_BYTES`] (`size`, when known).
    pub fn too_large(path: &Path, size: Option<u64>) -> Self {
        ConfigError::whole_file(
            path,
            crate::source::over_limit(size, super::MAX_CONFIG_BYTES, "config files").replacen(
                "the file",
                "the config file",
                1,
            ),
            "a `briefc.yaml` holds a few settings; check that this is the file you meant",
        )
    }

    /// An error about the file as a whole (no line to point at).
    fn whole_file(path: &Path, message: String, help: &str) -> Self {
        ConfigError {
            path: path.to_path_buf(),
            text: None,
            line: 0,
            column: 0,
            offset: 0,
            message,
            help: Some(help.into()),
        }
    }

    /// An error at byte `offset` of `text`.
    pub fn at(
        path: &Path,
        text: &str,
        offset: usize,
        message: String,
        help: Option<String>,
    ) -> Self {
        let offset = offset.min(text.len());
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ConfigError {
            path: path.to_path_buf(),
            text: Some(text.to_string()),
            line,
            column,
            offset,
            message,
            help,
        }
    }
}
