//! Languages run by an interpreter: Python, JavaScript, TypeScript (compiled to JavaScript by
//! tsc first) and SQL (the query is fed to sqlite3).

use tandem_sandbox::{FileIn, Limits, MountPlan};

use super::{
    Compile, Recipe, RunOptions, SourceUse, Step, arg, args, base_env, compile_limits,
    compile_mounts, compiler, memory_mib, run_mounts, runtime, with_env,
};
use crate::toolchain::Toolchain;

fn interpreted(source_path: &str, run: Step, source_use: SourceUse) -> Recipe {
    Recipe {
        source_path: source_path.to_owned(),
        compile: None,
        run,
        source_use,
        run_files: Vec::new(),
    }
}

/// Python: `python3 -B -s main.py` (no bytecode files, no user site; the standard site module
/// stays so `exit()` and friends exist), with a fixed hash seed so runs repeat exactly.
pub(super) fn python(toolchain: &Toolchain, limits: &Limits) -> Result<Recipe, String> {
    let env = with_env(
        base_env(),
        &[
            ("PYTHONDONTWRITEBYTECODE", "1"),
            ("PYTHONHASHSEED", "0"),
            ("PYTHONUTF8", "1"),
        ],
    );
    let argv = vec![
        runtime(toolchain)?,
        "-B".into(),
        "-s".into(),
        "main.py".into(),
    ];
    let run = Step {
        argv,
        env,
        limits: *limits,
        mounts: run_mounts(toolchain),
    };
    Ok(interpreted("main.py", run, SourceUse::File))
}

/// Node flags for a run under `limits`: V8's heap is capped at the memory limit (so running out
/// is a clean "heap out of memory" rather than a kill), and its stack check is raised to most
/// of the real stack so deep recursion behaves as in other languages.
fn node_flags(limits: &Limits) -> Vec<String> {
    let stack_kib = (limits.stack_bytes / 1024 * 3 / 4).clamp(984, 1 << 20);
    vec![
        format!("--max-old-space-size={}", memory_mib(limits)),
        format!("--stack-size={stack_kib}"),
    ]
}

/// JavaScript: `node main.js` (or `main.mjs` for an ES module).
pub(super) fn javascript(
    toolchain: &Toolchain,
    options: &RunOptions,
    limits: &Limits,
) -> Result<Recipe, String> {
    let source_path = if options.es_module {
        "main.mjs"
    } else {
        "main.js"
    };
    let mut argv = vec![runtime(toolchain)?];
    argv.extend(node_flags(limits));
    argv.push(source_path.into());
    let run = Step {
        argv,
        env: base_env(),
        limits: *limits,
        mounts: run_mounts(toolchain),
    };
    Ok(interpreted(source_path, run, SourceUse::File))
}

/// TypeScript: type-checked and compiled by tsc (type errors are compile errors), with Node's
/// type definitions so `require`, `process` and `fs` are known; the JavaScript runs on node.
pub(super) fn typescript(toolchain: &Toolchain, limits: &Limits) -> Result<Recipe, String> {
    let node = runtime(toolchain)?;
    let modules = toolchain
        .node_modules
        .as_deref()
        .ok_or("the toolchain has no node_modules")?;
    let compile_argv = vec![
        node.clone(),
        "--max-old-space-size=768".into(),
        compiler(toolchain)?,
        "--target".into(),
        "es2022".into(),
        "--module".into(),
        "commonjs".into(),
        "--strict".into(),
        "false".into(),
        "--skipLibCheck".into(),
        "--types".into(),
        "node".into(),
        "--typeRoots".into(),
        arg(&modules.join("@types")),
        "--noEmitOnError".into(),
        "--pretty".into(),
        "false".into(),
        "--outDir".into(),
        "out".into(),
        "main.ts".into(),
    ];
    let mut run_argv = vec![node];
    run_argv.extend(node_flags(limits));
    run_argv.push("out/main.js".into());
    Ok(Recipe {
        source_path: "main.ts".into(),
        compile: Some(Compile {
            step: Step {
                argv: compile_argv,
                env: base_env(),
                limits: compile_limits(),
                mounts: compile_mounts(toolchain),
            },
            collect: args(&["out/main.js"]),
            required: "out/main.js".into(),
        }),
        run: Step {
            argv: run_argv,
            env: base_env(),
            limits: *limits,
            mounts: run_mounts(toolchain),
        },
        source_use: SourceUse::NotNeeded,
        run_files: Vec::new(),
    })
}

/// SQL: `sqlite3 -bail -batch [db.sqlite]` with the query as standard input. With a database,
/// a writable copy is placed at `/box/db.sqlite` (the caller's file is never changed);
/// without one the query runs against an empty in-memory database. Output is sqlite3's default
/// list mode: no header, columns separated by `|`.
pub(super) fn sql(
    toolchain: &Toolchain,
    options: &RunOptions,
    limits: &Limits,
) -> Result<Recipe, String> {
    let mut argv = vec![runtime(toolchain)?, "-bail".into(), "-batch".into()];
    let mut mounts = run_mounts(toolchain);
    let mut run_files = Vec::new();
    if let Some(database) = &options.database {
        argv.push("db.sqlite".into());
        mounts = MountPlan {
            work_mib: work_mib_for(database.len() as u64),
            ..mounts
        };
        run_files.push(FileIn {
            path: "db.sqlite".into(),
            contents: database.clone(),
            executable: false,
        });
    }
    let run = Step {
        argv,
        env: base_env(),
        limits: *limits,
        mounts,
    };
    Ok(Recipe {
        run_files,
        ..interpreted("query.sql", run, SourceUse::Stdin)
    })
}

/// Room for a database and its journal: twice its size plus slack, rounded up to a power of two
/// so runs with similar databases share a mount plan (and warm boxes).
fn work_mib_for(database_bytes: u64) -> u64 {
    let needed = ((database_bytes * 2) >> 20) + 16;
    needed
        .next_power_of_two()
        .max(MountPlan::default().work_mib)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_room() {
        assert_eq!(work_mib_for(0), 64);
        assert_eq!(work_mib_for(30 << 20), 128);
        assert_eq!(work_mib_for(100 << 20), 256);
    }
}
