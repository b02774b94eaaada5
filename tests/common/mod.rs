//! Helpers shared by the integration tests (each test file that needs them has `mod common;`).
#![allow(dead_code)]

pub mod contract;
