//! Rules for what people type into account fields. Each refusal is a 422 that says the rule.

use crate::error::ApiError;

pub const USERNAME_MIN: usize = 3;
pub const USERNAME_MAX: usize = 32;
pub const PASSWORD_MIN: usize = 8;
/// Long enough for any passphrase or manager-made password; short enough that hashing a
/// hostile input costs nothing extra.
pub const PASSWORD_MAX: usize = 256;
/// RFC 5321's longest usable address.
pub const EMAIL_MAX: usize = 254;
pub const DISPLAY_NAME_MAX: usize = 80;
pub const BIO_MAX: usize = 1000;

/// Names that would read as the site speaking, or collide with paths and words of the app.
const RESERVED: &[&str] = &[
    "admin",
    "administrator",
    "root",
    "api",
    "system",
    "support",
    "help",
    "security",
    "tandem",
    "guest",
    "me",
    "moderator",
    "staff",
    "owner",
    "null",
    "undefined",
    "anonymous",
    "signin",
    "signup",
    "signout",
    "account",
    "settings",
    "problems",
    "static",
    "assets",
];

/// A username as stored: lower-cased, then 3–32 of `a-z 0-9 _ -`, starting with a letter, not
/// reserved. Usernames are case-insensitive, so "Alice" is "alice".
pub fn username(raw: &str) -> Result<String, ApiError> {
    let name = raw.trim().to_ascii_lowercase();
    let length = name.chars().count();
    if !(USERNAME_MIN..=USERNAME_MAX).contains(&length) {
        return Err(ApiError::invalid(format!(
            "username must be {USERNAME_MIN} to {USERNAME_MAX} characters long"
        )));
    }
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err(ApiError::invalid("username must start with a letter"));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        return Err(ApiError::invalid(
            "username may hold only letters a-z, digits, _ and -",
        ));
    }
    if RESERVED.contains(&name.as_str()) {
        return Err(ApiError::invalid(format!(
            "the username {name:?} is reserved; choose another"
        )));
    }
    Ok(name)
}

/// 8–256 characters; anything else goes (spaces, any script), as NIST SP 800-63B advises.
pub fn password(password: &str) -> Result<(), ApiError> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        return Err(ApiError::invalid(format!(
            "password must be at least {PASSWORD_MIN} characters long"
        )));
    }
    if length > PASSWORD_MAX {
        return Err(ApiError::invalid(format!(
            "password must be at most {PASSWORD_MAX} characters long"
        )));
    }
    Ok(())
}

/// Optional; when given, one `@` with text on both sides and no spaces, at most 254 bytes.
/// Nothing is sent to it yet, so the check is only against typos.
pub fn email(email: Option<&str>) -> Result<Option<String>, ApiError> {
    let Some(email) = email.map(str::trim).filter(|e| !e.is_empty()) else {
        return Ok(None);
    };
    if email.len() > EMAIL_MAX {
        return Err(ApiError::invalid(format!(
            "email must be at most {EMAIL_MAX} characters long"
        )));
    }
    let well_formed = email
        .split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
        && !email.contains(char::is_whitespace)
        && email.matches('@').count() == 1;
    if !well_formed {
        return Err(ApiError::invalid("email must look like name@example.org"));
    }
    Ok(Some(email.to_string()))
}

pub fn display_name(name: &str) -> Result<String, ApiError> {
    let name = name.trim();
    if name.chars().count() > DISPLAY_NAME_MAX {
        return Err(ApiError::invalid(format!(
            "display_name must be at most {DISPLAY_NAME_MAX} characters long"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(ApiError::invalid(
            "display_name may not hold control characters",
        ));
    }
    Ok(name.to_string())
}

pub fn bio(bio: &str) -> Result<String, ApiError> {
    if bio.chars().count() > BIO_MAX {
        return Err(ApiError::invalid(format!(
            "bio must be at most {BIO_MAX} characters long"
        )));
    }
    Ok(bio.trim_end().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_follow_the_rules_and_ignore_case() {
        assert_eq!(username("Alice_99").expect("valid"), "alice_99");
        assert_eq!(username("bob-b").expect("valid"), "bob-b");
        for (bad, says) in [
            ("ab", "3 to 32"),
            (&"a".repeat(33), "3 to 32"),
            ("9lives", "start with a letter"),
            ("_under", "start with a letter"),
            ("dot.name", "only letters"),
            ("emilé", "only letters"),
            ("Admin", "reserved"),
            ("root", "reserved"),
        ] {
            let err = username(bad).expect_err(bad);
            assert!(err.message.contains(says), "{bad}: {}", err.message);
            assert_eq!(err.code, "invalid_input");
        }
    }

    #[test]
    fn passwords_are_8_to_256_characters_of_anything() {
        assert!(password("12345678").is_ok());
        assert!(password("日本語のパスワード").is_ok());
        assert!(password(&"x".repeat(256)).is_ok());
        assert!(password("1234567").is_err());
        assert!(
            password(&"x".repeat(257))
                .expect_err("long")
                .message
                .contains("256")
        );
    }

    #[test]
    fn emails_are_optional_and_roughly_checked() {
        assert_eq!(email(None).expect("none"), None);
        assert_eq!(email(Some("  ")).expect("blank"), None);
        assert_eq!(
            email(Some("a@b.org")).expect("ok").as_deref(),
            Some("a@b.org")
        );
        for bad in ["a", "a@b", "@b.org", "a b@c.org", "a@@b.org"] {
            assert!(email(Some(bad)).is_err(), "{bad}");
        }
        let long = format!("{}@b.org", "a".repeat(250));
        assert!(
            email(Some(&long))
                .expect_err("long")
                .message
                .contains("254")
        );
    }

    #[test]
    fn profile_fields_have_limits_in_characters() {
        assert_eq!(display_name("  Ada  ").expect("ok"), "Ada");
        assert!(display_name(&"é".repeat(80)).is_ok());
        assert!(
            display_name(&"é".repeat(81))
                .expect_err("long")
                .message
                .contains("80")
        );
        assert!(display_name("a\nb").is_err());
        assert!(bio(&"x".repeat(1000)).is_ok());
        assert!(
            bio(&"x".repeat(1001))
                .expect_err("long")
                .message
                .contains("1000")
        );
    }
}
