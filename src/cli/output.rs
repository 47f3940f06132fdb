//! Atomic file writing: a temporary file in the target folder, then a rename,
//! so an output is complete or absent, never half-written.

use std::fs::Permissions;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` atomically, as a new ordinary file (mode 0644 on
/// Unix). A symbolic link at `path` is replaced, not followed: this is for
/// outputs. On error the previous file, if any, is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_with(path, bytes, None)
}

/// Writes each `(path, bytes)` atomically, as [`write_atomic`] does, and
/// all of them or none: every output is written to its temporary file
/// first, and only when all are written are they renamed into place
/// (renaming needs no space, so a full disk stops the outputs before any is
/// replaced). On error, the path it concerns and the error; every temporary
/// file is removed, and no earlier output is touched — except that a rename
/// failing after others succeeded (which takes a file system failing between
/// two renames in one folder) leaves those already renamed.
pub fn write_all_atomic(outputs: &[(PathBuf, Vec<u8>)]) -> Result<(), (PathBuf, std::io::Error)> {
    let mut staged = Vec::with_capacity(outputs.len());
    for (path, bytes) in outputs {
        // Renaming a file over a folder fails only after the bytes are
        // written; say so before.
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
            let err =
                std::io::Error::new(std::io::ErrorKind::IsADirectory, "a folder is in the way");
            return Err((path.clone(), err));
        }
        let tmp = temp_with(path, bytes, None).map_err(|e| (path.clone(), e))?;
        staged.push((path, tmp));
    }
    for (path, tmp) in staged {
        tmp.persist(path).map_err(|e| (path.clone(), e.error))?;
    }
    Ok(())
}

/// Replaces the contents of the existing file `path` atomically, as an
/// editor saving it would: a symbolic link is followed (the link stays, and
/// its target gets the new bytes) and the file's permissions are kept. This
/// is for rewriting the user's own files (`briefc fmt`). On error the file is
/// untouched.
pub fn rewrite(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let permissions = std::fs::metadata(&target)?.permissions();
    write_with(&target, bytes, Some(permissions))
}

/// Writes `bytes` to `path` atomically as a new file (mode 0644 on Unix),
/// never replacing anything already there — not even a file created by
/// someone else after the caller looked: the rename refuses to replace
/// (error kind `AlreadyExists`), and the temporary file is removed.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temp_with(path, bytes, None)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

fn write_with(path: &Path, bytes: &[u8], permissions: Option<Permissions>) -> std::io::Result<()> {
    let tmp = temp_with(path, bytes, permissions)?;
    // No fsync: like other compilers, briefc leaves durability to the file
    // system. The rename alone makes the swap atomic for every reader, and
    // two fsyncs would double the time of a one-brief build.
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A temporary file in `path`'s folder holding `bytes`, with `permissions`
/// (default: 0644 on Unix).
fn temp_with(
    path: &Path,
    bytes: &[u8],
    permissions: Option<Permissions>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".briefc-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // Temporary files are created private (0600); outputs are ordinary files.
    #[cfg(unix)]
    let permissions = Some(permissions.unwrap_or_else(|| {
        use std::os::unix::fs::PermissionsExt;
        Permissions::from_mode(0o644)
    }));
    if let Some(permissions) = permissions {
        tmp.as_file().set_permissions(permissions)?;
    }
    Ok(tmp)
}

#[cfg(test)]
mod tests {
    use super::{rewrite, write_all_atomic, write_atomic, write_new};

    #[test]
    fn a_folder_in_the_way_stops_every_output() {
        let dir = tempfile::tempdir().unwrap();
        let html = dir.path().join("a.html");
        let pdf = dir.path().join("a.pdf");
        std::fs::write(&html, "old").unwrap();
        std::fs::create_dir(&pdf).unwrap();
        let (path, err) = write_all_atomic(&[
            (html.clone(), b"new".to_vec()),
            (pdf.clone(), b"x".to_vec()),
        ])
        .unwrap_err();
        assert_eq!((path, err.kind()), (pdf, std::io::ErrorKind::IsADirectory));
        assert_eq!(std::fs::read(&html).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn replaces_whole_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.html");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.html"]);
    }

    #[test]
    fn a_failed_write_touches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-folder").join("a.html");
        assert!(write_atomic(&path, b"x").is_err());
        assert!(!dir.path().join("missing-folder").exists());
    }

    #[cfg(unix)]
    #[test]
    fn rewrite_follows_links_and_keeps_the_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.brief");
        let link = dir.path().join("l.brief");
        std::fs::write(&target, "old").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::os::unix::fs::symlink("t.brief", &link).unwrap();
        rewrite(&link, b"new").unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let mode = target.metadata().unwrap().permissions().mode();
        assert_eq!(mode & 0o7777, 0o600);
    }

    #[test]
    fn write_new_never_replaces_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.brief");
        write_new(&path, b"first").unwrap();
        let err = write_new(&path, b"second").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
