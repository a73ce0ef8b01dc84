//! placeholder
pub const DENIED_SYSCALLS: &[&str] = &[];
