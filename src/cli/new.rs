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
    if path.exists() {
        return Err(CliError::new(
            format!("`{}` already exists", path.display()),
            "choose another name; `briefc new` never overwrites a file",
        ));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            CliError::new(
                format!(
                    "cannot create `{}`: {}",
                    dir.display(),
                    crate::io_reason(&e)
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
        .map(crate::capitalise)
        .collect::<Vec<_>>()
        .join(" ");
    let text = SKELETON.replace("{title}", &title);
    crate::output::write_atomic(path, text.as_bytes()).map_err(|e| {
        CliError::new(
            format!(
                "cannot write `{}`: {}",
                path.display(),
                crate::io_reason(&e)
            ),
            "choose a folder you can write to",
        )
    })?;
    println!(
        "wrote {} — fill it in, then run `briefc check {}`",
        path.display(),
        path.display()
    );
    Ok(EXIT_OK)
}
