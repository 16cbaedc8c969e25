//! Details for the console; the reader gets a Hebrew message elsewhere. Natively
//! (the publish-time renderer, tests) they go to standard error.

pub fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&format!("[mivzak] {message}").into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("[mivzak] warning: {message}");
}

pub fn error(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::error_1(&format!("[mivzak] {message}").into());
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("[mivzak] error: {message}");
}
