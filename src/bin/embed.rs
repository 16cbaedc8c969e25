//! The embedded ticker's own wasm (`embed.html`): no router, articles or comments.
fn main() {
    mivzak::pages::embed_ticker::start();
}
