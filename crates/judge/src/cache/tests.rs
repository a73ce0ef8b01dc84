use std::time::{Duration, SystemTime};

use tandem_sandbox::FileOut;

use super::*;
use crate::language::Language;

fn key(n: usize) -> CacheKey {
    CacheKey::new(Language::C, "gcc test", &[], n.to_string().as_bytes())
}

fn entry(size: usize, fill: u8) -> Entry {
    Entry {
        files: vec![FileOut {
            path: "main".into(),
            contents: vec![fill; size],
            executable: true,
        }],
        stdout: String::new(),
        stderr: String::new(),
    }
}

fn cache(max: u64) -> (tempfile::TempDir, CompileCache) {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = CompileCache::open(dir.path().join("compile"), max).expect("open");
    (dir, cache)
}

fn entry_files(cache: &CompileCache) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(cache.dir())
        .expect("read_dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn miss_then_hit() {
    let (_dir, cache) = cache(DEFAULT_MAX_BYTES);
    assert_eq!(cache.get(&key(1)).expect("get"), None);
    cache.put(&key(1), &entry(100, 7)).expect("put");
    assert_eq!(cache.get(&key(1)).expect("get"), Some(entry(100, 7)));
    assert_eq!(cache.get(&key(2)).expect("get"), None);
}

#[test]
fn concurrent_writers_and_readers_never_see_partial_entries() {
    let (_dir, cache) = cache(DEFAULT_MAX_BYTES);
    std::thread::scope(|scope| {
        for writer in 0..4u8 {
            let cache = &cache;
            scope.spawn(move || {
                for round in 0..50 {
                    // Every writer writes the same keys with different (but whole) contents.
                    cache
                        .put(&key(round % 5), &entry(64 << 10, writer))
                        .expect("put");
                }
            });
        }
        for _ in 0..4 {
            let cache = &cache;
            scope.spawn(move || {
                for round in 0..200 {
                    if let Some(found) = cache.get(&key(round % 5)).expect("get never sees damage")
                    {
                        let contents = &found.files[0].contents;
                        assert_eq!(contents.len(), 64 << 10);
                        assert!(contents.iter().all(|b| *b == contents[0]), "mixed entry");
                    }
                }
            });
        }
    });
    // No temporary files remain, only the five entries.
    assert_eq!(entry_files(&cache).len(), 5);
}

#[test]
fn eviction_keeps_the_total_under_the_bound_and_drops_the_least_recently_used() {
    let (_dir, cache) = cache(100 << 10);
    for n in 0..4 {
        cache.put(&key(n), &entry(20 << 10, 1)).expect("put");
    }
    // Give the entries distinct ages (file times are too coarse to rely on write order), then
    // use entry 0 so it becomes the most recent.
    let base = SystemTime::now() - Duration::from_secs(3600);
    for (n, path) in (0..4).map(|n| (n, cache.entry_path(&key(n)))) {
        let file = File::options().write(true).open(path).expect("open");
        file.set_modified(base + Duration::from_secs(n as u64))
            .expect("set mtime");
    }
    assert!(cache.get(&key(0)).expect("get").is_some());
    // 4 x 20 KiB fit; two more force out the two least recently used (1 and 2).
    cache.put(&key(4), &entry(20 << 10, 1)).expect("put");
    cache.put(&key(5), &entry(20 << 10, 1)).expect("put");
    let total: u64 = entry_files(&cache)
        .iter()
        .map(|p| fs::metadata(p).expect("meta").len())
        .sum();
    assert!(total <= 100 << 10, "total {total}");
    let kept: Vec<bool> = (0..6)
        .map(|n| cache.get(&key(n)).expect("get").is_some())
        .collect();
    assert_eq!(kept, [true, false, false, true, true, true]);
}

#[test]
fn an_entry_larger_than_the_cache_is_not_stored() {
    let (_dir, cache) = cache(10 << 10);
    cache.put(&key(1), &entry(20 << 10, 1)).expect("put");
    assert_eq!(cache.get(&key(1)).expect("get"), None);
}

#[test]
fn damaged_entries_are_removed_and_reported() {
    let (_dir, cache) = cache(DEFAULT_MAX_BYTES);
    cache.put(&key(1), &entry(100, 1)).expect("put");
    let path = cache.entry_path(&key(1));
    let mut bytes = fs::read(&path).expect("read");
    bytes.truncate(bytes.len() / 2);
    fs::write(&path, bytes).expect("write");
    assert!(matches!(
        cache.get(&key(1)),
        Err(CacheError::Damaged { .. })
    ));
    assert_eq!(cache.get(&key(1)).expect("get"), None);
}

#[test]
fn symlinked_entries_are_not_followed() {
    let (dir, cache) = cache(DEFAULT_MAX_BYTES);
    let elsewhere = dir.path().join("elsewhere");
    fs::write(&elsewhere, encode_for_test()).expect("write");
    std::os::unix::fs::symlink(&elsewhere, cache.entry_path(&key(1))).expect("symlink");
    assert!(matches!(cache.get(&key(1)), Err(CacheError::Entry { .. })));
}

#[test]
fn a_symlinked_cache_directory_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("real");
    fs::create_dir(&real).expect("mkdir");
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    assert!(matches!(
        CompileCache::open(&link, 1 << 20),
        Err(CacheError::NotADirectory { .. })
    ));
}

#[test]
fn stale_temporary_files_are_cleaned_up() {
    let (_dir, cache) = cache(DEFAULT_MAX_BYTES);
    let temp = cache.dir().join(".tmp-1-2-3");
    fs::write(&temp, b"half").expect("write");
    let file = File::options().write(true).open(&temp).expect("open");
    file.set_modified(SystemTime::now() - Duration::from_secs(3600))
        .expect("set mtime");
    cache.evict().expect("evict");
    assert!(!temp.exists());
}

fn encode_for_test() -> Vec<u8> {
    entry::encode(&entry(10, 1)).expect("encode")
}
