//! Magic-link building blocks: tokens (256 random bits, only their SHA-256 stored) and the
//! username an account made from an email address gets.

use rand::RngCore;
use sha2::{Digest, Sha256};

use super::validate;

/// A fresh token as it goes into the link (64 hex digits) and its SHA-256, which is stored.
pub fn new_token() -> (String, Vec<u8>) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let hash = Sha256::digest(token.as_bytes()).to_vec();
    (token, hash)
}

/// The stored hash of a token from a link, or `None` when it cannot be one of ours (so junk
/// never reaches the database).
pub fn token_hash(token: &str) -> Option<Vec<u8>> {
    let token = token.trim();
    let ours = token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit());
    ours.then(|| Sha256::digest(token.to_ascii_lowercase().as_bytes()).to_vec())
}

/// Usernames to try, in order, for an account made from `email`: the address's local part made
/// into a valid name, then numbered variants, then random ones. Every candidate is valid.
pub fn username_candidates(email: &str) -> Vec<String> {
    let local = email.split('@').next().unwrap_or_default();
    // "ada.lovelace+tandem" is ada_lovelace: the tag after + is not part of the name.
    let local = local.split('+').next().unwrap_or_default();
    let mut base: String = local
        .chars()
        .filter_map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '_' | '-') => Some(c),
            '.' => Some('_'),
            _ => None,
        })
        .skip_while(|c| !c.is_ascii_lowercase())
        .take(validate::USERNAME_MAX - 7)
        .collect();
    if base.is_empty() {
        base = "user".into();
    } else if base.len() < validate::USERNAME_MIN {
        base.push_str("-user");
    }
    let numbered = (2..10).map(|n| format!("{base}{n}"));
    let random = (0..8).map(|_| {
        let mut bytes = [0u8; 3];
        rand::rng().fill_bytes(&mut bytes);
        format!("{base}-{}", hex::encode(bytes))
    });
    std::iter::once(base.clone())
        .chain(numbered)
        .chain(random)
        .filter_map(|name| validate::username(&name).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bits_and_only_ours_hash() {
        let (token, hash) = new_token();
        assert_eq!(token.len(), 64);
        assert_eq!(token_hash(&token), Some(hash.clone()));
        assert_eq!(token_hash(&token.to_ascii_uppercase()), Some(hash));
        assert_ne!(new_token().0, token);
        for bad in ["", "abc", &"g".repeat(64), &"a".repeat(65)] {
            assert_eq!(token_hash(bad), None, "{bad}");
        }
    }

    #[test]
    fn usernames_come_from_the_local_part() {
        assert_eq!(
            username_candidates("Ada.Lovelace+x@example.org")[0],
            "ada_lovelace"
        );
        assert_eq!(username_candidates("jo@example.org")[0], "jo-user");
        assert_eq!(username_candidates("42@example.org")[0], "user");
        assert_eq!(username_candidates("%%%@example.org")[0], "user");
        // Reserved names are skipped, numbered variants follow.
        assert_eq!(username_candidates("admin@example.org")[0], "admin2");
        let long = format!("{}@example.org", "a".repeat(80));
        let candidates = username_candidates(&long);
        assert!(candidates.len() > 10);
        assert!(
            candidates
                .iter()
                .all(|name| name.len() <= validate::USERNAME_MAX)
        );
    }
}
