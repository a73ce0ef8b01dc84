//! A username for an account made through a provider: from `preferred_username`, else the
//! email's local part, else `sub`, cut to the username rules; then `name2`, `name3` ... until
//! one is free (the store says which are taken).

use rand::Rng;

use super::Verified;
use crate::auth::validate;

/// Room left for a numeric or random suffix within `validate::USERNAME_MAX`.
const BASE_MAX: usize = validate::USERNAME_MAX - 6;

/// The first valid name the claims give, or `user`.
pub fn base(identity: &Verified) -> String {
    let local_part = identity
        .email
        .as_deref()
        .and_then(|email| email.split('@').next());
    [
        identity.preferred_username.as_deref(),
        local_part,
        Some(identity.subject.as_str()),
    ]
    .into_iter()
    .flatten()
    .map(cleaned)
    .find(|name| validate::username(name).is_ok())
    .unwrap_or_else(|| "user".to_string())
}

/// Lower-case, other characters dropped (`.` and spaces become `-`), starting with a letter.
fn cleaned(raw: &str) -> String {
    let mapped: String = raw
        .trim()
        .to_ascii_lowercase()
        .chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' | '_' | '-' => Some(c),
            '.' | ' ' | '+' => Some('-'),
            _ => None,
        })
        .skip_while(|c| !c.is_ascii_lowercase())
        .take(BASE_MAX)
        .collect();
    mapped.trim_end_matches(['-', '_']).to_string()
}

/// The `attempt`-th name to try (0: the base itself).
pub fn candidate(base: &str, attempt: u32) -> String {
    match attempt {
        0 => base.to_string(),
        1..=9 => format!("{base}{}", attempt + 1),
        // Many people with one name: a random suffix finds a free one quickly.
        _ => format!("{base}-{:04x}", rand::rng().random::<u16>()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verified(preferred: Option<&str>, email: Option<&str>, subject: &str) -> Verified {
        Verified {
            subject: subject.into(),
            email: email.map(String::from),
            preferred_username: preferred.map(String::from),
        }
    }

    #[test]
    fn names_come_from_the_claims_in_order() {
        assert_eq!(
            base(&verified(Some("Ada.Lovelace"), Some("x@y"), "s")),
            "ada-lovelace"
        );
        assert_eq!(
            base(&verified(None, Some("grace+cs@navy.mil"), "s")),
            "grace-cs"
        );
        assert_eq!(base(&verified(Some("é"), None, "abc123")), "abc123");
        // Reserved, too short or no letter anywhere: the next source, then `user`.
        assert_eq!(base(&verified(Some("admin"), Some("bo@x"), "1234")), "user");
        assert_eq!(base(&verified(Some("123"), None, "42-kim")), "kim");
        let long = base(&verified(Some(&"z".repeat(80)), None, "s"));
        assert_eq!(long.len(), BASE_MAX);
    }

    #[test]
    fn candidates_stay_valid() {
        let name = "z".repeat(BASE_MAX);
        for attempt in [0, 1, 9, 10, 30] {
            let candidate = candidate(&name, attempt);
            assert!(validate::username(&candidate).is_ok(), "{candidate}");
        }
        assert_eq!(super::candidate("ada", 1), "ada2");
    }
}
