//! End-to-end tests of the `claimtrack` binary.
