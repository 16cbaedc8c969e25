//! The browser app's wasm keeps its relocations (`--emit-relocs`), which the
//! split step after the build (`scripts/wasm-split.mjs`, issue 16) reads to cut
//! the `#[lazy]` functions into chunks of their own. Only the app's binary, and
//! only for wasm: the embed, the renderer and every dependency link as before,
//! so nothing else rebuilds.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=mivzak=--emit-relocs");
    }
}
