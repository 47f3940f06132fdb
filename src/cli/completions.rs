//! `briefc completions SHELL` and `briefc man`: a shell completion script
//! (`clap_complete`) and a roff manual page (`clap_mangen`), both generated
//! from the clap definitions in `args.rs`, so they never disagree with
//! `--help`.

use super::args::{Cli, CompletionsArgs};
use super::{CliError, EXIT_BRIEF_ERRORS, EXIT_CANNOT_RUN, EXIT_OK};
use clap::CommandFactory;
use std::io::Write;

/// Prints the completion script for `args.shell` on stdout.
pub(super) fn run(args: CompletionsArgs) -> Result<u8, CliError> {
    let mut cmd = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "briefc", &mut script);
    let script = with_rule_names(args.shell, String::from_utf8_lossy(&script).into_owned());
    write_stdout(script.as_bytes())?;
    Ok(EXIT_OK)
}

/// The script with the rule names `briefc explain` takes. clap_complete's
/// bash and zsh scripts offer a positional argument's values themselves;
/// its fish, PowerShell and elvish scripts complete only options, so the
/// rules are added to their `explain` entries here.
fn with_rule_names(shell: clap_complete::Shell, script: String) -> String {
    use briefc::diagnostic::Rule;
    use clap_complete::Shell;
    match shell {
        Shell::Fish => {
            let mut script = script;
            for rule in Rule::ALL {
                script.push_str(&format!(
                    "complete -c briefc -n \"__fish_briefc_using_subcommand explain\" -f -a \"{}\" -d '{}'\n",
                    rule.name(),
                    rule.summary().replace('\\', "\\\\").replace('\'', "\\'")
                ));
            }
            script
        }
        Shell::Elvish => with_candidates(script, "&'briefc;explain'= {", |name, summary| {
            format!("\n            cand {name} '{summary}'")
        }),
        Shell::PowerShell => with_candidates(script, "'briefc;explain' {", |name, summary| {
            format!(
                "\n            [CompletionResult]::new('{name}', '{name}', [CompletionResultType]::ParameterValue, '{summary}')"
            )
        }),
        _ => script,
    }
}

/// `script` with a candidate for every rule first in the block that opens
/// with `block` (elvish and PowerShell list a subcommand's candidates so);
/// `candidate` writes one from the rule's name and its summary, quoted for
/// a single-quoted string.
fn with_candidates(script: String, block: &str, candidate: fn(&str, &str) -> String) -> String {
    let lines: String = briefc::diagnostic::Rule::ALL
        .iter()
        .map(|rule| candidate(rule.name(), &rule.summary().replace('\'', "''")))
        .collect();
    script.replacen(block, &format!("{block}{lines}"), 1)
}

/// Prints the manual page (section 1) on stdout.
pub(super) fn man() -> Result<u8, CliError> {
    write_stdout(man_page().as_bytes())?;
    Ok(EXIT_OK)
}

/// The manual page: clap_mangen's title, name, synopsis, description and
/// global options; then each command with its own options; then EXIT STATUS
/// and FILES. Plain ASCII roff (other characters as `\[uXXXX]`), so that
/// `groff -man -ww` renders it without a warning.
fn man_page() -> String {
    let mut cmd = Cli::command();
    cmd.build();
    let version = cmd.get_version().unwrap_or_default().to_string();
    let page = clap_mangen::Man::new(cmd.clone())
        .title("BRIEFC")
        .section("1")
        .source(format!("briefc {version}"))
        .manual("briefc manual");
    let mut out = String::new();
    let part = |render: &dyn Fn(&mut Vec<u8>) -> std::io::Result<()>| {
        let mut roff = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = render(&mut roff);
        String::from_utf8_lossy(&roff).into_owned()
    };
    out += &part(&|w| page.render_title(w));
    out += &part(&|w| page.render_name_section(w));
    out += &part(&|w| page.render_synopsis_section(w));
    out += &part(&|w| page.render_description_section(w));
    out += &part(&|w| page.render_options_section(w));
    // clap_mangen's SUBCOMMANDS section points to briefc-check(1) and so
    // on, pages that do not exist: every command is described here.
    out += ".SH COMMANDS\n";
    for sub in cmd.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        let name = sub.get_name();
        if name == "help" {
            continue;
        }
        // `--color` and `--help` are listed once, under OPTIONS.
        let sub = sub
            .clone()
            .mut_arg("color", |arg| arg.hide(true))
            .mut_arg("help", |arg| arg.hide(true));
        out += &format!(".SS \"briefc {name}\"\n");
        let sub_page = clap_mangen::Man::new(sub.clone());
        out += &body(&part(&|w| sub_page.render_description_section(w)));
        if sub.get_arguments().any(|arg| !arg.is_hide_set()) {
            out += &body(&part(&|w| sub_page.render_options_section(w)));
        }
    }
    out += &format!(
        ".SH \"EXIT STATUS\"\n\
         .TP\n\\fB{EXIT_OK}\\fR\n\
         No brief has errors (warnings are allowed, unless \\fB\\-\\-deny\\-warnings\\fR).\n\
         .TP\n\\fB{EXIT_BRIEF_ERRORS}\\fR\n\
         A brief has errors (or warnings with \\fB\\-\\-deny\\-warnings\\fR): \
         \\fBbuild\\fR wrote nothing for it. \\fBfmt \\-\\-check\\fR: a brief would change.\n\
         .TP\n\\fB{EXIT_CANNOT_RUN}\\fR\n\
         The command could not run: bad usage, a path that does not exist or cannot be \
         read, a bad \\fIbriefc.yaml\\fR, a broken template, an output folder that cannot \
         be written.\n\
         .SH FILES\n\
         .TP\n\\fIbriefc.yaml\\fR\n\
         The configuration: rule severities, limits, required fields and sections, \
         profiles, brand, page size, templates. Looked up from each brief's folder upward \
         (the nearest one wins); \\fB\\-\\-config\\fR \\fIFILE\\fR overrides the lookup.\n\
         .SH \"SEE ALSO\"\n\
         \\fBbriefc explain\\fR \\fIRULE\\fR prints what a rule checks and why; \
         \\fBbriefc explain \\-\\-list\\fR lists every rule.\n"
    );
    out += &part(&|w| page.render_version_section(w));
    ascii(&out)
}

/// A rendered section without clap_mangen's preamble and `.SH` heading, to
/// go under a `.SS` of this page.
fn body(roff: &str) -> String {
    let mut lines = roff.lines().skip_while(|line| !line.starts_with(".SH"));
    lines.next();
    lines.map(|line| format!("{line}\n")).collect()
}

/// Every character outside ASCII as a groff escape (`×` → `\[u00D7]`).
fn ascii(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for c in roff.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out += &format!("\\[u{:04X}]", u32::from(c));
        }
    }
    out
}

fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`briefc man | head`) is not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(CliError::new(
            format!("cannot write to standard output: {err}"),
            "check where the output is redirected",
        )),
    }
}
