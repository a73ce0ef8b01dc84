//! Points the asset embedder at the built web app (`web/dist`), or at a one-page placeholder
//! when the web app has not been built (a `cargo build` alone still works; the page says how
//! to build the app).

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let dist = manifest.join("../../web/dist");
    let chosen = if dist.join("index.html").is_file() {
        dist
    } else {
        manifest.join("placeholder")
    };
    println!("cargo:rerun-if-changed={}", chosen.display());
    println!("cargo:rerun-if-changed=../../web/dist/index.html");
    println!("cargo:rustc-env=TANDEM_WEB_DIST={}", chosen.display());
}
