//! # claimtrack-cli
//!
//! The library behind the `claimtrack` binary: the CSV row of the contract,
//! reading article collections, extraction runs, corpus reports, evaluation.

pub mod eval;
pub mod extract;
pub mod report;
pub mod row;
