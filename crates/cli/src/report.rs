//! `claimtrack speakers` and `claimtrack denials`: corpus reports.

use std::process::ExitCode;

/// Options shared by the report subcommands.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// Articles to extract from first.
    pub inputs: Vec<std::path::PathBuf>,
}

/// Runs `claimtrack speakers`.
pub fn run_speakers(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    Ok(ExitCode::SUCCESS)
}

/// Runs `claimtrack denials`.
pub fn run_denials(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    Ok(ExitCode::SUCCESS)
}
