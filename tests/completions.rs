//! `briefc completions SHELL` and `briefc man`: generated from the clap
//! definitions, so they name every subcommand, flag, format and rule.
//! Bash completion is exercised for real; the manual page is rendered with
//! `groff -man -ww` when it is installed (`.ci/run` installs groff-base, so
//! under CI it must be).

mod support;

use briefc::diagnostic::Rule;
use std::process::Command;
use support::briefc;

const SUBCOMMANDS: &[&str] = &[
    "check",
    "build",
    "explain",
    "fmt",
    "export",
    "report",
    "new",
    "completions",
    "man",
];

/// Runs a system tool, or `None` when it is not installed (outside CI).
fn tool(program: &str, args: &[&str], stdin: Option<&str>) -> Option<std::process::Output> {
    use std::io::Write;
    let mut cmd = Command::new(program);
    cmd.args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = match cmd.spawn() {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            assert!(
                std::env::var_os("CI").is_none(),
                "{program} is required in CI: .ci/run installs it"
            );
            eprintln!("skipping the {program} check: {program} is not installed");
            return None;
        }
        Err(e) => panic!("could not run {program}: {e}"),
    };
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    Some(child.wait_with_output().unwrap())
}

#[test]
fn bash_script_names_every_subcommand_and_format() {
    let out = briefc(["completions", "bash"]);
    out.code(0);
    for sub in SUBCOMMANDS {
        out.stdout_has(&format!("briefc,{sub})"));
    }
    out.stdout_has("human json github sarif");
    out.stdout_has("--deny-warnings");
    out.stdout_has("complete -F _briefc");
}

/// Sources the script in a real bash and asks `_briefc` (as bash's
/// `complete -F` would, with the command, the current and the previous
/// word) what completes `words`.
fn bash_complete(words: &[&str]) -> Option<Vec<String>> {
    let script = briefc(["completions", "bash"]).code(0).stdout.clone();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let program = format!(
        "{script}\nCOMP_WORDS=({words}); COMP_CWORD={cword}; \
         _briefc briefc '{cur}' '{prev}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        words = quoted.join(" "),
        cur = words[cword],
        prev = words[cword - 1],
    );
    let out = tool("bash", &["--norc", "--noprofile", "-s"], Some(&program))?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect(),
    )
}

#[test]
fn bash_completes_rule_names_formats_and_subcommands() {
    let Some(rules) = bash_complete(&["briefc", "explain", "missing-s"]) else {
        return;
    };
    let expected: Vec<&str> = Rule::ALL
        .iter()
        .map(|r| r.name())
        .filter(|n| n.starts_with("missing-s"))
        .collect();
    assert!(expected.contains(&"missing-section"), "{expected:?}");
    assert_eq!(rules, expected);

    let every_rule = bash_complete(&["briefc", "explain", ""]).unwrap();
    for rule in Rule::ALL {
        assert!(
            every_rule.iter().any(|w| w == rule.name()),
            "{every_rule:?}"
        );
    }

    let formats = bash_complete(&["briefc", "check", "--format", ""]).unwrap();
    assert_eq!(formats, ["human", "json", "github", "sarif"]);

    let subcommands = bash_complete(&["briefc", ""]).unwrap();
    for sub in SUBCOMMANDS {
        assert!(subcommands.iter().any(|w| w == sub), "{subcommands:?}");
    }

    let shells = bash_complete(&["briefc", "completions", ""]).unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        assert!(shells.iter().any(|w| w == shell), "{shells:?}");
    }
}

#[test]
fn zsh_fish_powershell_and_elvish_scripts_generate() {
    let zsh = briefc(["completions", "zsh"]);
    zsh.code(0)
        .stdout_has("#compdef briefc")
        .stdout_has("sarif")
        .stdout_has("missing-section");
    let fish = briefc(["completions", "fish"]);
    fish.code(0)
        .stdout_has("complete -c briefc")
        .stdout_has("sarif");
    let powershell = briefc(["completions", "powershell"]);
    powershell.code(0).stdout_has("Register-ArgumentCompleter");
    let elvish = briefc(["completions", "elvish"]);
    elvish
        .code(0)
        .stdout_has("edit:completion:arg-completer[briefc]");
    // Every shell offers every rule to `briefc explain` (clap_complete's
    // fish, PowerShell and elvish scripts get them added by briefc).
    for rule in briefc::diagnostic::Rule::ALL {
        let name = rule.name();
        fish.stdout_has(&format!(
            "__fish_briefc_using_subcommand explain\" -f -a \"{name}\""
        ));
        powershell.stdout_has(&format!("[CompletionResult]::new('{name}', '{name}'"));
        elvish.stdout_has(&format!("cand {name} '"));
        zsh.stdout_has(name);
    }
    // In elvish and PowerShell, inside the `explain` entry.
    let after = |script: &str, header: &str| -> String {
        let at = script.find(header).expect("the explain entry");
        script[at..].lines().nth(1).unwrap_or("").to_string()
    };
    assert!(
        after(&elvish.stdout, "&'briefc;explain'= {").contains("cand invalid-encoding"),
        "{}",
        elvish.stdout
    );
    assert!(
        after(&powershell.stdout, "'briefc;explain' {").contains("'invalid-encoding'"),
        "{}",
        powershell.stdout
    );
    briefc(["completions", "tcsh"])
        .code(2)
        .stderr_has("invalid value 'tcsh'");
}

#[test]
fn unknown_rule_still_suggests_the_nearest_one() {
    briefc(["explain", "scene-gpa"])
        .code(2)
        .stderr_has("unknown rule `scene-gpa`")
        .stderr_has("did you mean `scene-gap`?");
}

#[test]
fn man_page_has_every_command_exit_status_and_files() {
    let out = briefc(["man"]);
    out.code(0).stderr_empty();
    let page = &out.stdout;
    assert!(page.is_ascii(), "roff should be plain ASCII");
    assert!(page.contains(".TH BRIEFC 1"), "{page}");
    for sub in SUBCOMMANDS {
        assert!(page.contains(&format!(".SS \"briefc {sub}\"")), "{sub}");
    }
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH COMMANDS",
        ".SH \"EXIT STATUS\"",
        ".SH FILES",
    ] {
        assert!(page.contains(section), "{section}");
    }
    assert!(page.contains("briefc.yaml"));
    assert!(page.contains("\\-\\-deny\\-warnings"));
    assert!(page.contains("sarif"));
}

#[test]
fn man_page_renders_with_groff_without_warnings() {
    let page = briefc(["man"]).code(0).stdout.clone();
    let Some(out) = tool("groff", &["-man", "-ww", "-Tutf8"], Some(&page)) else {
        return;
    };
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warned");
    let text = String::from_utf8_lossy(&out.stdout);
    // Bold is overstruck in groff's terminal output (`E\bE`): keep the last
    // letter of each.
    let mut plain = String::new();
    for c in text.chars() {
        if c == '\u{8}' {
            plain.pop();
        } else {
            plain.push(c);
        }
    }
    assert!(plain.contains("EXIT STATUS"), "{plain}");
}
