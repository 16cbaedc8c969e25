//! Details for the console; the reader gets a Hebrew message elsewhere.

pub fn warn(message: &str) {
    web_sys::console::warn_1(&format!("[mivzak] {message}").into());
}

pub fn error(message: &str) {
    web_sys::console::error_1(&format!("[mivzak] {message}").into());
}
