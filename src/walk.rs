//! Finding briefs: explicit files, and `*.brief` under folders (recursively,
//! honouring `.gitignore` also outside a git repository).

use std::path::{Path, PathBuf};

/// Why a path given on the command line could not be used.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    /// The path does not exist or cannot be read.
    #[error("cannot read `{path}`: {reason}")]
    Unreadable {
        /// The path as given.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A folder given explicitly holds no briefs.
    #[error("no `*.brief` files found in `{0}`")]
    NoBriefs(PathBuf),
}

/// Every brief under `paths`, sorted (folder by folder, names in byte order)
/// and without duplicates. A file given
/// explicitly is taken whatever its extension.
pub fn find_briefs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, WalkError> {
    let mut found = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| WalkError::Unreadable {
            path: path.clone(),
            reason: crate::io_reason(&e),
        })?;
        if meta.is_file() {
            found.push(path.clone());
            continue;
        }
        if !meta.is_dir() {
            // A FIFO or device would block or never end; it is no brief.
            return Err(WalkError::Unreadable {
                path: path.clone(),
                reason: "not a regular file".into(),
            });
        }
        let before = found.len();
        walk_dir(path, &mut found)?;
        if found.len() == before {
            return Err(WalkError::NoBriefs(path.clone()));
        }
    }
    // One folder walk is already in order (see `walk_dir`); sorting 10,000
    // paths component by component is not free, so only merge when needed.
    if paths.len() > 1 {
        found.sort();
        found.dedup();
    }
    Ok(found)
}

fn walk_dir(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), WalkError> {
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .follow_links(true)
        .sort_by_file_name(std::cmp::Ord::cmp)
        .build();
    for entry in walker {
        let entry = entry.map_err(|e| WalkError::Unreadable {
            path: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
        let path = entry.path();
        if entry.file_type().is_some_and(|t| t.is_file())
            && path.extension().is_some_and(|e| e == "brief")
        {
            // `./a.brief` reads better as `a.brief`.
            let path = path.strip_prefix("./").unwrap_or(path);
            found.push(path.to_path_buf());
        }
    }
    Ok(())
}
