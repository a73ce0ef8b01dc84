//! Reading the files a run is made of, each under a named size limit, so that a huge or endless
//! file is refused with a message instead of exhausting memory.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};
use tandem_judge::Language;

/// Largest source file accepted.
pub const SOURCE_LIMIT: u64 = 1 << 20;
/// Largest standard input accepted.
pub const STDIN_LIMIT: u64 = 64 << 20;
/// Largest SQLite database accepted.
pub const DATABASE_LIMIT: u64 = 256 << 20;

/// Reads `path` (what = "source file", ...), refusing more than `limit` bytes. `-` reads this
/// process's standard input when `allow_dash` holds.
pub fn read_limited(path: &Path, what: &str, limit: u64, allow_dash: bool) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if allow_dash && path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read the {what} from standard input"))?;
    } else {
        if path.is_dir() {
            bail!(
                "cannot read the {what} {}: it is a directory",
                path.display()
            );
        }
        let file = File::open(path)
            .with_context(|| format!("cannot read the {what} {}", path.display()))?;
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read the {what} {}", path.display()))?;
    }
    if bytes.len() as u64 > limit {
        bail!(
            "the {what} {} is larger than the {} limit",
            path.display(),
            human_size(limit)
        );
    }
    Ok(bytes)
}

/// The language given with --lang, or the one the file's extension names.
pub fn language_of(lang: Option<Language>, source: &Path) -> Result<Language> {
    match lang {
        Some(language) => Ok(language),
        None => Language::from_path(source).with_context(|| {
            format!(
                "cannot tell the language of {} from its extension; give it with --lang",
                source.display()
            )
        }),
    }
}

/// `1 MiB`, `64 MiB`, `10 KiB`, `100 bytes`.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 30 && b % (1 << 30) == 0 => format!("{} GiB", b >> 30),
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_named_in_the_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("big.py");
        std::fs::write(&path, vec![b'#'; 11]).expect("write");
        assert_eq!(
            read_limited(&path, "source file", 11, false)
                .expect("read")
                .len(),
            11
        );
        let err = read_limited(&path, "source file", 10, false).expect_err("too big");
        assert!(
            err.to_string()
                .ends_with("is larger than the 10 bytes limit"),
            "{err}"
        );
        let err = read_limited(&dir.path().join("missing"), "source file", 10, false)
            .expect_err("missing");
        assert!(format!("{err:#}").contains("No such file"), "{err:#}");
        assert!(read_limited(dir.path(), "source file", 10, false).is_err());
    }

    #[test]
    fn human_sizes() {
        assert_eq!(human_size(1 << 20), "1 MiB");
        assert_eq!(human_size(64 << 20), "64 MiB");
        assert_eq!(human_size(1536), "1536 bytes");
        assert_eq!(human_size(3 << 30), "3 GiB");
    }
}
