//! Atomic file writing: a temporary file in the target folder, then a rename,
//! so an output is complete or absent, never half-written.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically. On error the previous file, if any,
/// is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    // No fsync: like other compilers, briefc leaves durability to the file
    // system. The rename alone makes the swap atomic for every reader, and
    // two fsyncs would double the time of a one-brief build.
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
