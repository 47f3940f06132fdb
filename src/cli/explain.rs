//! `briefc explain RULE`: the rule's documentation, from the rule catalogue
//! ([`briefc::diagnostic::Rule`]).
//! Without a rule (or with `--list`): every rule, one a line.

use super::args::ExplainArgs;
use super::{CliError, EXIT_OK};
use briefc::diagnostic::Rule;
use briefc::diagnostic::did_you_mean;

pub(super) fn run(args: ExplainArgs) -> Result<u8, CliError> {
    // `--list` conflicts with a rule, so no rule means: list them all.
    let Some(name) = args.rule else {
        for rule in Rule::ALL {
            println!(
                "{:<24} {:<8} {}",
                rule.name(),
                rule.default_severity().to_string(),
                rule.summary()
            );
        }
        return Ok(EXIT_OK);
    };
    let Some(rule) = Rule::from_name(&name) else {
        let help = match did_you_mean(&name, Rule::ALL.iter().map(|r| r.name())) {
            Some(best) => {
                format!("did you mean `{best}`? `briefc explain --list` lists every rule")
            }
            None => "`briefc explain --list` lists every rule".to_string(),
        };
        return Err(CliError::new(format!("unknown rule `{name}`"), help));
    };
    print!("{}", rule.explanation());
    Ok(EXIT_OK)
}
