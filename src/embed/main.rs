//! The embedded ticker's own wasm (`embed.html`): no router, articles or comments.
fn main() {
    mivzak::embed::page::start();
}
