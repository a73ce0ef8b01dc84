//! `tandem serve`: configuration, logging, the judge engine (sandbox, toolchains, compile
//! cache), then the app from `tandem-server` until Ctrl-C or SIGTERM.

use std::sync::Arc;

use anyhow::{Context, Result};
use tandem_judge::{CompileCache, Search, Toolchains};
use tandem_sandbox::{BOX_ARG, Sandbox, SandboxConfig};
use tandem_server::{App, Config, Engine};

use crate::args::ServeArgs;
use crate::bank;

pub fn run(args: &ServeArgs) -> Result<()> {
    // A server must not die because a log reader went away.
    // SAFETY: sets the disposition of one signal; no handler code runs.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };

    let mut config = Config::load(args.config.as_deref(), std::env::vars())?;
    if let Some(listen) = &args.listen {
        config.server.listen = listen.clone();
        config.listen_addr()?;
    }
    if args.print_config {
        print!("{}", config.to_toml());
        return Ok(());
    }
    init_logging(&config);

    let engine = engine(&config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("tandem-http")
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let bank_roots = bank::bank_dirs();
        let app = App::build(config, &bank_roots, engine).await?;
        let listener = app.bind().await?;
        let addr = tandem_server::local_addr(&listener).context("no local address")?;
        tracing::info!(
            %addr,
            problems = app.problems,
            workers = app.workers,
            web_app = app.web_app_built,
            "tandem serve is ready"
        );
        if !app.web_app_built {
            tracing::warn!("the web app is not built into this binary; run scripts/run.sh");
        }
        // Tests and scripts read this line to find the port.
        println!("tandem: listening on http://{addr}");
        app.serve(listener, shutdown_signal()).await?;
        tracing::info!("tandem serve stopped");
        Ok(())
    })
}

fn engine(config: &Config) -> Result<Engine> {
    let exe = std::env::current_exe().context("cannot find the tandem executable")?;
    let mut sandbox_config = SandboxConfig::new(exe, vec![BOX_ARG.into()]);
    sandbox_config.allow_weaker = config.sandbox.allow_weaker;
    sandbox_config.warm_boxes = config.sandbox.warm_boxes;
    let sandbox = Sandbox::new(sandbox_config).context(
        "cannot start the sandbox (set sandbox.allow_weaker = true to run with weaker limits)",
    )?;
    let toolchains = Toolchains::detect_all(&Search::from_env());
    let cache_dir = if config.sandbox.cache_dir.is_empty() {
        CompileCache::default_dir()
    } else {
        config.sandbox.cache_dir.clone().into()
    };
    let cache = CompileCache::open(cache_dir, tandem_judge::cache::DEFAULT_MAX_BYTES)
        .context("cannot open the compile cache")?;
    Ok(Engine {
        executor: Arc::new(sandbox),
        toolchains: Arc::new(toolchains),
        cache: Arc::new(cache),
    })
}

fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log.level)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let installed = if config.log.format == "text" {
        builder.try_init()
    } else {
        builder.json().flatten_event(true).try_init()
    };
    if let Err(err) = installed {
        eprintln!("tandem: cannot set up logging: {err}");
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
