//! Which host paths a toolchain needs inside the box. The box root is empty apart from `/box`,
//! `/tmp`, `/dev`, `/proc` and a minimal `/etc`, so everything a compiler or runtime touches is
//! listed here: `/usr` (binaries and shared libraries; `/bin`, `/lib`, `/lib64` are symlinks into
//! it that the sandbox recreates), the loader cache, and a toolchain's own directory when it
//! lives outside `/usr`.

use std::path::{Path, PathBuf};

use tandem_sandbox::Bind;

/// Binds every toolchain needs: `/usr` and the dynamic loader's cache.
pub(crate) fn base() -> Vec<Bind> {
    let mut binds = Vec::new();
    for path in ["/usr", "/etc/ld.so.cache"] {
        if Path::new(path).exists() {
            binds.push(Bind::same(path));
        }
    }
    binds
}

/// Adds a bind of `dir` unless an existing bind already covers it.
pub(crate) fn add(binds: &mut Vec<Bind>, dir: impl Into<PathBuf>) {
    let dir = dir.into();
    if !binds
        .iter()
        .any(|b| b.source == b.target && dir.starts_with(&b.source))
    {
        binds.push(Bind::same(dir));
    }
}

/// Adds a bind of `path` (a file or directory) when it exists on this host.
pub(crate) fn add_if_exists(binds: &mut Vec<Bind>, path: &str) {
    if Path::new(path).exists() {
        add(binds, path);
    }
}

/// The installation root of a binary that lives outside `/usr`: the parent of its `bin`
/// directory (`/opt/go/bin/go` -> `/opt/go`), or its own directory otherwise.
pub(crate) fn install_root(binary: &Path) -> PathBuf {
    let dir = binary.parent().unwrap_or(Path::new("/"));
    if dir.file_name().is_some_and(|name| name == "bin") {
        dir.parent().unwrap_or(dir).to_path_buf()
    } else {
        dir.to_path_buf()
    }
}

/// Directories outside the current binds that symlinks under `dir` point into (Debian keeps the
/// JDK's config in `/etc/java-17-openjdk` and Python's `sitecustomize.py` in `/etc/python3.11`,
/// linked from the toolchain's tree). Walks at most `depth` levels and `budget` entries so a
/// huge tree cannot slow detection down. Each result is the target's directory two levels below
/// the root (`/etc/java-17-openjdk`), so one bind covers a family of links. Only directories
/// whose name starts with `prefix` count: the JDK also links `/etc/ssl` (CA certificates a
/// box without network has no use for), which is not shown.
pub(crate) fn linked_dirs(
    dir: &Path,
    prefix: &str,
    depth: usize,
    budget: usize,
    binds: &[Bind],
) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut seen = 0usize;
    let mut stack = vec![(dir.to_path_buf(), 0usize)];
    while let Some((current, level)) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            seen += 1;
            if seen > budget {
                return found;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() && level + 1 < depth {
                stack.push((path, level + 1));
            } else if kind.is_symlink() {
                let Ok(target) = std::fs::canonicalize(&path) else {
                    continue;
                };
                if binds.iter().any(|b| target.starts_with(&b.source)) {
                    continue;
                }
                let top: PathBuf = target.components().take(3).collect();
                let named = top
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix));
                if top.components().count() == 3 && named && !found.contains(&top) {
                    found.push(top);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn install_roots() {
        assert_eq!(
            install_root(Path::new("/opt/go/bin/go")),
            PathBuf::from("/opt/go")
        );
        assert_eq!(
            install_root(Path::new("/opt/tool/tsc.js")),
            PathBuf::from("/opt/tool")
        );
    }

    #[test]
    fn covered_dirs_are_not_bound_twice() {
        let mut binds = vec![Bind::same("/usr")];
        add(&mut binds, "/usr/lib/jvm/java-17");
        add(&mut binds, "/opt/rust");
        add(&mut binds, "/opt/rust");
        assert_eq!(binds, vec![Bind::same("/usr"), Bind::same("/opt/rust")]);
    }

    #[test]
    fn links_out_of_the_tree_are_found() {
        let root = tempfile::tempdir().expect("tempdir");
        let tree = root.path().join("a/tool");
        let outside = root.path().join("b/conf");
        std::fs::create_dir_all(tree.join("lib")).expect("mkdir");
        std::fs::create_dir_all(&outside).expect("mkdir");
        std::fs::write(outside.join("x.cfg"), "x").expect("write");
        std::os::unix::fs::symlink(outside.join("x.cfg"), tree.join("lib/x.cfg")).expect("symlink");
        let binds = vec![Bind::same(root.path().join("a"))];
        // The temporary directory is the third component of the target's path.
        let name = root
            .path()
            .file_name()
            .and_then(|n| n.to_str())
            .expect("name");
        let found = linked_dirs(&tree, name, 3, 1000, &binds);
        assert_eq!(found.len(), 1);
        assert!(outside.starts_with(&found[0]), "{found:?}");
        assert!(linked_dirs(&tree, "java", 3, 1000, &binds).is_empty());
    }
}
