//! Finding briefs: explicit files, and `*.brief` under folders (recursively,
//! honouring `.gitignore` also outside a git repository).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Why a path could not be used.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    /// The path does not exist or cannot be read.
    #[error("cannot read `{path}`: {reason}")]
    Unreadable {
        /// The path as given or found.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A symbolic link whose target does not exist.
    #[error(
        "cannot read `{path}`: the symbolic link points to `{target}`, a file that does not exist"
    )]
    DanglingLink {
        /// The link, as given or found.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// A file over [`briefc::source::MAX_BRIEF_BYTES`].
    #[error("cannot read `{path}`: {reason}")]
    TooLarge {
        /// The path as given or found.
        path: PathBuf,
        /// The size, said as people say it.
        reason: String,
    },
    /// A symbolic link that leads back to itself through other links.
    #[error("cannot read `{0}`: the symbolic link leads back to itself (a loop of links)")]
    LinkLoop(PathBuf),
    /// A folder given explicitly holds no briefs.
    #[error("no `*.brief` files found in `{0}`")]
    NoBriefs(PathBuf),
}

impl WalkError {
    /// The error for `path` failing with `err`: a dangling symbolic link is
    /// named as such rather than as "no such file".
    pub fn io(path: &Path, err: &std::io::Error) -> WalkError {
        if err.kind() == std::io::ErrorKind::NotFound {
            if let Ok(target) = std::fs::read_link(path) {
                return WalkError::DanglingLink {
                    path: path.to_path_buf(),
                    target,
                };
            }
        }
        if err.raw_os_error() == Some(ELOOP) && std::fs::read_link(path).is_ok() {
            return WalkError::LinkLoop(path.to_path_buf());
        }
        WalkError::Unreadable {
            path: path.to_path_buf(),
            reason: briefc::source::io_reason(err),
        }
    }
}

/// `ELOOP`: too many levels of symbolic links.
#[cfg(any(target_os = "macos", target_os = "ios", target_os = "freebsd"))]
const ELOOP: i32 = 62;
/// `ELOOP`: too many levels of symbolic links.
#[cfg(not(any(target_os = "macos", target_os = "ios", target_os = "freebsd")))]
const ELOOP: i32 = 40;

/// Reads the brief at `path`, refusing a file over
/// [`briefc::source::MAX_BRIEF_BYTES`] without reading it (and reading at
/// most one byte more than the limit, should the file grow meanwhile).
pub fn read_brief(path: &Path) -> Result<Vec<u8>, WalkError> {
    use std::io::Read;
    let io = |e: std::io::Error| WalkError::io(path, &e);
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    let too_large = |size: Option<u64>| WalkError::TooLarge {
        path: path.to_path_buf(),
        reason: briefc::source::over_limit(size, briefc::source::MAX_BRIEF_BYTES, "briefs"),
    };
    if briefc::source::brief_too_large(size).is_some() {
        return Err(too_large(Some(size)));
    }
    let limit = briefc::source::MAX_BRIEF_BYTES as u64;
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(None));
    }
    Ok(bytes)
}

/// What [`find_briefs`] found.
#[derive(Debug, Default)]
pub struct Found {
    /// Every brief, sorted (folder by folder, names in byte order), each
    /// file once.
    pub briefs: Vec<PathBuf>,
    /// What could not be read inside the folders given: a brief that is a
    /// dangling symbolic link, a subfolder without permission. The briefs
    /// are still checked; the command reports these after them.
    pub unreadable: Vec<WalkError>,
    /// The files named on the command line.
    given: HashSet<PathBuf>,
}

impl Found {
    /// Whether `path` was named on the command line (rather than found in a
    /// folder).
    pub fn is_given(&self, path: &Path) -> bool {
        self.given.contains(path)
    }
}

/// Every brief under `paths`. A file given explicitly is taken whatever its
/// extension. A path given that cannot be used is an error; what cannot be
/// read inside a folder is listed in [`Found::unreadable`]. One file reached
/// by two spellings (`a.brief ./a.brief`) is taken once, under the spelling
/// seen first.
pub fn find_briefs(paths: &[PathBuf]) -> Result<Found, WalkError> {
    let mut found = Found::default();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| WalkError::io(path, &e))?;
        if meta.is_file() {
            found.briefs.push(path.clone());
            found.given.insert(path.clone());
            continue;
        }
        if !meta.is_dir() {
            // A FIFO or device would block or never end; it is no brief.
            return Err(WalkError::Unreadable {
                path: path.clone(),
                reason: "not a regular file".into(),
            });
        }
        let (before, unreadable) = (found.briefs.len(), found.unreadable.len());
        walk_dir(path, &mut found)?;
        if found.briefs.len() == before && found.unreadable.len() == unreadable {
            return Err(WalkError::NoBriefs(path.clone()));
        }
    }
    // One folder walk is already in order (see `walk_dir`) and holds each
    // file once; sorting 10,000 paths component by component and resolving
    // each is not free, so only merge when there are several paths.
    if paths.len() > 1 {
        let mut seen = HashSet::new();
        found
            .briefs
            .retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
        found.briefs.sort();
    }
    Ok(found)
}

fn walk_dir(dir: &Path, found: &mut Found) -> Result<(), WalkError> {
    let walker = ignore::WalkBuilder::new(dir)
        .require_git(false)
        .follow_links(true)
        .sort_by_file_name(std::cmp::Ord::cmp)
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                found.unreadable.extend(walk_problem(dir, &err));
                continue;
            }
        };
        let path = entry.path();
        if entry.file_type().is_some_and(|t| t.is_file())
            && path.extension().is_some_and(|e| e == "brief")
        {
            found.briefs.push(tidy(path).to_path_buf());
        }
    }
    Ok(())
}

/// `./a.brief` reads better as `a.brief`.
fn tidy(path: &Path) -> &Path {
    path.strip_prefix("./").unwrap_or(path)
}

/// What to report for an error met while walking `dir`, if anything.
fn walk_problem(dir: &Path, err: &ignore::Error) -> Option<WalkError> {
    fn path_of(err: &ignore::Error) -> Option<&Path> {
        match err {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                path_of(err)
            }
            _ => None,
        }
    }
    fn is_loop(err: &ignore::Error) -> bool {
        match err {
            ignore::Error::Loop { .. } => true,
            ignore::Error::WithPath { err, .. }
            | ignore::Error::WithDepth { err, .. }
            | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
            _ => false,
        }
    }
    // A link back to a folder above: its briefs are found through that folder.
    if is_loop(err) {
        return None;
    }
    let Some(path) = path_of(err) else {
        return Some(WalkError::Unreadable {
            path: dir.to_path_buf(),
            reason: err.to_string(),
        });
    };
    let path = tidy(path);
    // The walker's own I/O errors read "io error for operation on PATH: …";
    // looking again gives the operating system's error, said plainly.
    let problem = match (std::fs::metadata(path).err(), err.io_error()) {
        (Some(io), _) => WalkError::io(path, &io),
        (None, Some(io)) => WalkError::io(path, io),
        (None, None) => WalkError::Unreadable {
            path: path.to_path_buf(),
            reason: err.to_string(),
        },
    };
    // A dangling link, or a loop of links, not named like a brief is not
    // one: skip it, as the walk skips every other file that is not a brief.
    if matches!(
        problem,
        WalkError::DanglingLink { .. } | WalkError::LinkLoop(_)
    ) && path.extension().is_none_or(|e| e != "brief")
    {
        return None;
    }
    Some(problem)
}
