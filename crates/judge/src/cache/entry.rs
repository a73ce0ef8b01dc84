//! The on-disk form of one cache entry and the checks every artifact path passes.
//!
//! Layout: `MAGIC`, a postcard-encoded [`Entry`], then the SHA-256 of everything before it. The
//! checksum catches entries cut short by a crash or a full disk (the rename that publishes an
//! entry is atomic, but the data behind it is not synced).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tandem_sandbox::FileOut;

use crate::error::CacheError;

const MAGIC: &[u8; 8] = b"TNDMCC01";
const DIGEST_LEN: usize = 32;

/// What a successful compile left behind: the artifacts and the compiler's own output (its
/// warnings are shown again on a cache hit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub files: Vec<FileOut>,
    pub stdout: String,
    pub stderr: String,
}

/// A relative path with plain components only: not empty, no leading `/`, no `.` or `..`, no
/// empty components, no NUL. Artifacts come from a compiler that ran untrusted input, so their
/// names are checked before the host trusts them anywhere.
pub fn validate_path(path: &str) -> Result<(), CacheError> {
    let plain = !path.is_empty()
        && path.len() <= 1024
        && !path.contains('\0')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..");
    if plain {
        Ok(())
    } else {
        Err(CacheError::BadArtifactPath {
            path: path.to_owned(),
        })
    }
}

pub fn encode(entry: &Entry) -> Result<Vec<u8>, String> {
    for file in &entry.files {
        validate_path(&file.path).map_err(|e| e.to_string())?;
    }
    let mut bytes = MAGIC.to_vec();
    let body = postcard::to_stdvec(entry).map_err(|e| e.to_string())?;
    bytes.extend_from_slice(&body);
    let digest = Sha256::digest(&bytes);
    bytes.extend_from_slice(&digest);
    Ok(bytes)
}

pub fn decode(bytes: &[u8]) -> Result<Entry, String> {
    let Some(body_end) = bytes.len().checked_sub(DIGEST_LEN) else {
        return Err("too short".into());
    };
    if body_end < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err("unknown format".into());
    }
    if Sha256::digest(&bytes[..body_end]).as_slice() != &bytes[body_end..] {
        return Err("checksum mismatch".into());
    }
    let entry: Entry =
        postcard::from_bytes(&bytes[MAGIC.len()..body_end]).map_err(|e| e.to_string())?;
    for file in &entry.files {
        validate_path(&file.path).map_err(|e| e.to_string())?;
    }
    Ok(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(paths: &[&str]) -> Entry {
        Entry {
            files: paths
                .iter()
                .map(|p| FileOut {
                    path: p.to_string(),
                    contents: p.as_bytes().to_vec(),
                    executable: true,
                })
                .collect(),
            stdout: String::new(),
            stderr: "warning: x".into(),
        }
    }

    #[test]
    fn artifact_paths_are_checked() {
        for good in [
            "main",
            "out/Main.class",
            "out/a/b/C$1.class",
            "a..b",
            ".hidden",
        ] {
            assert!(validate_path(good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "out/../../x",
            "out//x",
            "out/",
            "./main",
            "a/./b",
            "a\0b",
            "..",
        ] {
            assert!(validate_path(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn entries_round_trip() {
        let original = entry(&["main", "out/Main.class"]);
        let bytes = encode(&original).expect("encode");
        assert_eq!(decode(&bytes), Ok(original));
    }

    #[test]
    fn damage_is_detected() {
        let bytes = encode(&entry(&["main"])).expect("encode");
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
        assert!(decode(&bytes[..10]).is_err());
        assert!(decode(b"").is_err());
        let mut flipped = bytes.clone();
        flipped[12] ^= 1;
        assert!(decode(&flipped).is_err());
    }

    #[test]
    fn bad_paths_are_neither_written_nor_read() {
        assert!(encode(&entry(&["../escape"])).is_err());
    }
}
