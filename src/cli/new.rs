//! `briefc new FILE`: a skeleton brief that checks clean, to fill in.

use super::args::NewArgs;
use super::{CliError, EXIT_OK};

/// The skeleton; `{title}` is replaced by a title made from the file name.
const SKELETON: &str = include_str!("new.brief.txt");

pub(super) fn run(args: NewArgs) -> Result<u8, CliError> {
    let path = &args.file;
    if path.extension().is_none_or(|e| e != "brief") {
        return Err(CliError::new(
            format!("`{}` does not end in `.brief`", path.display()),
            "name the file like `spring-promo.brief`, so `briefc check` finds it",
        ));
    }
    // `symlink_metadata`: a dangling symbolic link is there too. This check
    // only gives the message early; the write below refuses to replace
    // anything all the same (a file may appear in between).
    if path.symlink_metadata().is_ok() {
        return Err(already_exists(path));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            CliError::new(
                format!(
                    "cannot create `{}`: {}",
                    dir.display(),
                    briefc::source::io_reason(&e)
                ),
                "choose a folder you can write to",
            )
        })?;
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let title: String = stem
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(briefc::model::capitalise)
        .collect::<Vec<_>>()
        .join(" ");
    let text = SKELETON.replace("{title}", &title);
    crate::cli::output::write_new(path, text.as_bytes()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            return already_exists(path);
        }
        CliError::new(
            format!(
                "cannot write `{}`: {}",
                path.display(),
                briefc::source::io_reason(&e)
            ),
            "choose a folder you can write to",
        )
    })?;
    println!(
        "wrote {} — fill it in, then run `briefc check {}`",
        path.display(),
        shell_quote(&path.to_string_lossy())
    );
    Ok(EXIT_OK)
}

fn already_exists(path: &std::path::Path) -> CliError {
    CliError::new(
        format!("`{}` already exists", path.display()),
        "choose another name; `briefc new` never overwrites a file",
    )
}

/// `path` as a shell word that can be pasted into a POSIX shell: as is when
/// it holds only safe characters, else in single quotes. A leading `-`
/// gets `./` so it is not read as a flag.
fn shell_quote(path: &str) -> String {
    let path = if path.starts_with('-') {
        format!("./{path}")
    } else {
        path.to_string()
    };
    let safe = |c: char| c.is_alphanumeric() || "_-./+,:@".contains(c);
    if !path.is_empty() && path.chars().all(safe) {
        return path;
    }
    format!("'{}'", path.replace('\'', "'\\''"))
}

#[cfg(test)]
mod tests {
    use super::shell_quote;

    #[test]
    fn quotes_only_when_needed() {
        assert_eq!(
            shell_quote("briefs/spring-promo.brief"),
            "briefs/spring-promo.brief"
        );
        assert_eq!(shell_quote("Київ.brief"), "Київ.brief");
        assert_eq!(shell_quote("my brief.brief"), "'my brief.brief'");
        assert_eq!(shell_quote("it's.brief"), "'it'\\''s.brief'");
        assert_eq!(shell_quote("$HOME.brief"), "'$HOME.brief'");
        assert_eq!(shell_quote("-x.brief"), "./-x.brief");
    }
}
