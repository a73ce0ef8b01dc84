//! Per-language detection. Each function finds the real binaries, reads the version and lists
//! the binds; an `Err` is the reason the language is unavailable, in words for `tandem doctor`.

use std::path::{Path, PathBuf};

use super::probe::{find_as_named, first_line, first_real, output, release_value};
use super::{Search, Toolchain, binds};
use crate::language::Language;

pub(crate) fn detect(language: Language, search: &Search) -> Result<Toolchain, String> {
    match language {
        Language::Python => python(search),
        Language::Javascript => javascript(search),
        Language::Typescript => typescript(search),
        Language::C => gcc(Language::C, "gcc", search),
        Language::Cpp => gcc(Language::Cpp, "g++", search),
        Language::Java => java(search),
        Language::Rust => rust(search),
        Language::Go => go(search),
        Language::Sql => sqlite(search),
    }
}

fn toolchain(
    language: Language,
    version: String,
    compiler: Option<PathBuf>,
    runtime: Option<PathBuf>,
) -> Toolchain {
    let mut binds = binds::base();
    for program in compiler.iter().chain(runtime.iter()) {
        binds::add(&mut binds, binds::install_root(program));
    }
    Toolchain {
        language,
        version,
        compiler,
        runtime,
        node_modules: None,
        binds,
    }
}

fn python(search: &Search) -> Result<Toolchain, String> {
    let python = first_real("python3", &search.path)?;
    let version = first_line(&output(&python, &["--version"], search.probe_timeout)?).to_owned();
    let mut toolchain = toolchain(Language::Python, version, None, Some(python.clone()));
    // Debian links sitecustomize.py from the standard library into /etc/python3.X.
    let minor = python
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("python3");
    let stdlib = binds::install_root(&python).join("lib").join(minor);
    for dir in binds::linked_dirs(&stdlib, "python", 1, 2_000, &toolchain.binds) {
        binds::add(&mut toolchain.binds, dir);
    }
    Ok(toolchain)
}

fn node_version(node: &Path, search: &Search) -> Result<String, String> {
    Ok(format!(
        "Node.js {}",
        first_line(&output(node, &["--version"], search.probe_timeout)?)
    ))
}

fn javascript(search: &Search) -> Result<Toolchain, String> {
    let node = first_real("node", &search.path)?;
    let version = node_version(&node, search)?;
    Ok(toolchain(Language::Javascript, version, None, Some(node)))
}

fn typescript(search: &Search) -> Result<Toolchain, String> {
    let node = first_real("node", &search.path)?;
    let modules = &search.node_modules;
    let tsc = modules.join("typescript/lib/tsc.js");
    if !tsc.is_file() {
        return Err(format!(
            "TypeScript is not installed ({} is missing; the set-up script installs it)",
            tsc.display()
        ));
    }
    let types = modules.join("@types/node");
    if !types.is_dir() {
        return Err(format!(
            "@types/node is not installed ({} is missing; the set-up script installs it)",
            types.display()
        ));
    }
    let package = std::fs::read_to_string(modules.join("typescript/package.json"))
        .map_err(|e| format!("cannot read TypeScript's package.json: {e}"))?;
    let ts_version = serde_json::from_str::<serde_json::Value>(&package)
        .ok()
        .and_then(|v| v.get("version").and_then(|v| v.as_str()).map(str::to_owned))
        .ok_or("TypeScript's package.json has no version")?;
    let version = format!("TypeScript {ts_version} ({})", node_version(&node, search)?);
    let mut toolchain = toolchain(Language::Typescript, version, None, Some(node));
    binds::add(&mut toolchain.binds, modules.clone());
    toolchain.compiler = Some(tsc);
    toolchain.node_modules = Some(modules.clone());
    Ok(toolchain)
}

fn gcc(language: Language, name: &str, search: &Search) -> Result<Toolchain, String> {
    let compiler = first_real(name, &search.path)?;
    let text = output(&compiler, &["--version"], search.probe_timeout)?;
    // The first word is the name it was run as (`x86_64-linux-gnu-gcc-12`); show the usual one.
    let version = match first_line(&text).split_once(' ') {
        Some((_, rest)) => format!("{name} {rest}"),
        None => first_line(&text).to_owned(),
    };
    Ok(toolchain(language, version, Some(compiler), None))
}

fn java(search: &Search) -> Result<Toolchain, String> {
    let javac = first_real("javac", &search.path)
        .map_err(|e| format!("{e} (a JDK is needed, not only a JRE)"))?;
    let bin = javac.parent().ok_or("javac has no directory")?;
    let java = bin.join("java");
    if !super::probe::is_elf_executable(&java) {
        return Err(format!(
            "{} has no java launcher next to it",
            javac.display()
        ));
    }
    let home = binds::install_root(&javac);
    // The JDK's release file is trusted and instant; starting a JVM to ask costs ~100 ms.
    let version = match std::fs::read_to_string(home.join("release")) {
        Ok(text) => match release_value(&text, "JAVA_VERSION") {
            Some(v) => format!("Java {v}"),
            None => first_line(&output(&javac, &["-version"], search.probe_timeout)?).to_owned(),
        },
        Err(_) => first_line(&output(&javac, &["-version"], search.probe_timeout)?).to_owned(),
    };
    let mut toolchain = toolchain(Language::Java, version, Some(javac), Some(java));
    // Debian's JDK links jvm.cfg and its security config from /etc/java-N-openjdk.
    for dir in binds::linked_dirs(&home, "java", 4, 20_000, &toolchain.binds) {
        binds::add(&mut toolchain.binds, dir);
    }
    Ok(toolchain)
}

fn rust(search: &Search) -> Result<Toolchain, String> {
    // `rustc` on PATH is usually rustup's proxy (a link to rustup that must be run under the
    // name `rustc`); the toolchain it picks reports its sysroot, and the real compiler is
    // `<sysroot>/bin/rustc`.
    let candidates = find_as_named("rustc", &search.path);
    let mut reasons = Vec::new();
    for candidate in candidates {
        match real_rustc(&candidate, search) {
            Ok(found) => return Ok(found),
            Err(reason) => reasons.push(reason),
        }
    }
    if reasons.is_empty() {
        let dirs: Vec<String> = search
            .path
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        reasons.push(format!("no 'rustc' executable in {}", dirs.join(":")));
    }
    Err(reasons.join("; "))
}

fn real_rustc(candidate: &Path, search: &Search) -> Result<Toolchain, String> {
    let sysroot_text = output(candidate, &["--print", "sysroot"], search.probe_timeout)?;
    let sysroot = std::fs::canonicalize(first_line(&sysroot_text)).map_err(|e| {
        format!(
            "rustc's sysroot {} is not usable: {e}",
            first_line(&sysroot_text)
        )
    })?;
    let rustc = sysroot.join("bin/rustc");
    if !super::probe::is_elf_executable(&rustc) {
        return Err(format!("no real rustc at {}", rustc.display()));
    }
    let version = first_line(&output(&rustc, &["--version"], search.probe_timeout)?).to_owned();
    let mut toolchain = toolchain(Language::Rust, version, Some(rustc), None);
    binds::add(&mut toolchain.binds, sysroot);
    // rustc links through `cc`, which Debian resolves through /etc/alternatives.
    binds::add_if_exists(&mut toolchain.binds, "/etc/alternatives");
    Ok(toolchain)
}

fn go(search: &Search) -> Result<Toolchain, String> {
    let go = first_real("go", &search.path)?;
    let root = binds::install_root(&go);
    let version = match std::fs::read_to_string(root.join("VERSION")) {
        Ok(text) if first_line(&text).starts_with("go") => first_line(&text).to_owned(),
        _ => first_line(&output(&go, &["version"], search.probe_timeout)?).to_owned(),
    };
    Ok(toolchain(Language::Go, version, Some(go), None))
}

fn sqlite(search: &Search) -> Result<Toolchain, String> {
    let sqlite = first_real("sqlite3", &search.path)?;
    let text = output(&sqlite, &["--version"], search.probe_timeout)?;
    let number = first_line(&text)
        .split_whitespace()
        .next()
        .unwrap_or("unknown");
    Ok(toolchain(
        Language::Sql,
        format!("SQLite {number}"),
        None,
        Some(sqlite),
    ))
}
