//! Accounts' building blocks: password hashing, input rules, rate limits and the sign-in
//! backoff, the client's address, and the CSRF check. The routes live in `routes/auth.rs`,
//! `routes/account.rs` and `routes/admin.rs`.

pub mod backoff;
pub mod client_ip;
pub mod csrf;
pub mod magic;
pub mod mailer;
pub mod passkey;
pub mod password;
pub mod rate;
pub mod sign_in;
pub mod validate;
