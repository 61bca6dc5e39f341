//! End-to-end tests of `claimtrack speakers` and `claimtrack denials`.
