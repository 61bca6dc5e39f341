//! `claimtrack extract`: articles in, claims CSV out.

use std::process::ExitCode;

/// Options of `claimtrack extract`.
#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Files, directories (read recursively) or `-` for standard input.
    pub inputs: Vec<std::path::PathBuf>,
}

/// Runs `claimtrack extract`.
pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    Ok(ExitCode::SUCCESS)
}
