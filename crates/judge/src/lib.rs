//! Languages and judging.
