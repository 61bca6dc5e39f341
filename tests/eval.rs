//! End-to-end tests of `claimtrack eval`.
