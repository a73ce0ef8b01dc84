//! Size and range limits of a package: a package can come from a user (import, generation), so
//! nothing in it is read without a bound.

pub const MAX_MANIFEST_BYTES: u64 = 64 << 10;
pub const MAX_STATEMENT_BYTES: u64 = 256 << 10;
pub const MAX_HINTS_BYTES: u64 = 64 << 10;
pub const MAX_TESTS_FILE_BYTES: u64 = 64 << 20;
pub const MAX_SOLUTION_BYTES: u64 = 1 << 20;
pub const MAX_TESTS: usize = 1000;
pub const MAX_SLUG_CHARS: usize = 64;
pub const MAX_TITLE_CHARS: usize = 120;
pub const TIME_MS: std::ops::RangeInclusive<i64> = 50..=20_000;
pub const MEMORY_MIB: std::ops::RangeInclusive<i64> = 16..=2048;
pub const ESTIMATE_MINUTES: std::ops::RangeInclusive<i64> = 1..=240;
pub const DEFAULT_TIME_MS: u64 = 2000;
pub const DEFAULT_MEMORY_MIB: u64 = 256;
pub const DEFAULT_FLOAT_ABS: f64 = 1e-6;
pub const DEFAULT_FLOAT_REL: f64 = 1e-6;
