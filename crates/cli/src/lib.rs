//! # claimtrack-cli
//!
//! The library behind the `claimtrack` binary: the CSV row of the contract,
//! reading article collections, extraction runs, corpus reports, evaluation.
//!
//! The data flows one way:
//!
//! 1. [`input`]: files, directories, JSON Lines, CSV, stdin -> articles;
//! 2. [`pipeline`]: articles -> claims CSV rows ([`row::ClaimRow`]), in
//!    parallel batches, handed in input order to a [`pipeline::RowSink`];
//! 3. sinks: the claims CSV ([`output`]), the [`speakers`] and [`denials`]
//!    reports, all written through [`cells`], which keeps spreadsheets from
//!    reading article text as formulas.

pub mod cells;
pub mod denials;
pub mod eval;
pub mod extract;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod report;
pub mod row;
pub mod speakers;
