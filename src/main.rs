//! The `briefc` binary: all the work is in the library; this turns it into an exit code.

fn main() -> std::process::ExitCode {
    briefc::cli::run()
}
