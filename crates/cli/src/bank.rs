//! Where problems come from: a package directory given on the command line, or the built-in
//! bank (`problems/` of the source tree, or the directories in `TANDEM_BANK`).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use tandem_problems::{Problem, load_package};

/// Bank directories in the order they are searched.
pub fn bank_dirs() -> Vec<PathBuf> {
    if let Some(dirs) = std::env::var_os("TANDEM_BANK") {
        return std::env::split_paths(&dirs).collect();
    }
    let mut dirs = Vec::new();
    // A binary built in the source tree (target/<profile>/tandem) finds the tree's bank.
    if let Ok(exe) = std::env::current_exe()
        && let Some(root) = exe.ancestors().nth(3)
    {
        dirs.push(root.join("problems"));
    }
    dirs.push(PathBuf::from("problems"));
    dirs.retain(|d| d.is_dir());
    // The same directory reached two ways (absolute and relative) is one bank.
    let mut dirs: Vec<PathBuf> = dirs
        .into_iter()
        .map(|d| std::fs::canonicalize(&d).unwrap_or(d))
        .collect();
    dirs.dedup();
    dirs
}

/// Finds and loads a problem: `DIR_OR_SLUG` is a package directory or a slug in the bank.
pub fn find(dir_or_slug: &str) -> Result<Problem> {
    let direct = Path::new(dir_or_slug);
    let dir = if direct.join("problem.toml").is_file() {
        direct.to_path_buf()
    } else {
        let is_slug = dir_or_slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        let found = is_slug.then(|| {
            bank_dirs()
                .into_iter()
                .map(|d| d.join(dir_or_slug))
                .find(|d| d.join("problem.toml").is_file())
        });
        match found.flatten() {
            Some(dir) => dir,
            None => bail!(
                "no problem {dir_or_slug:?}: not a package directory, nor a slug in the bank ({})",
                describe(&bank_dirs())
            ),
        }
    };
    load_package(&dir).with_context(|| format!("cannot load {}", dir.display()))
}

/// Package directories under `roots`: each root is a package or a directory of packages.
pub fn packages(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for root in roots {
        if root.join("problem.toml").is_file() {
            found.push(root.clone());
            continue;
        }
        let Ok(entries) = std::fs::read_dir(root) else {
            continue;
        };
        let mut dirs: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("problem.toml").is_file())
            .collect();
        dirs.sort();
        found.extend(dirs);
    }
    found
}

fn describe(dirs: &[PathBuf]) -> String {
    if dirs.is_empty() {
        "no bank directory found; set TANDEM_BANK".into()
    } else {
        dirs.iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
