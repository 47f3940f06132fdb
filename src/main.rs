//! The `briefc` binary: the command-line front-end. All the work is in the
//! library (`briefc`); the front-end parses flags, reads and writes files,
//! prints, and turns the result into an exit code.

mod cli;
mod lsp;

fn main() -> std::process::ExitCode {
    cli::run()
}
