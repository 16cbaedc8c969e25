//! A panic's word to the page's failure notice (`public/failure-notice.js`).

use wasm_bindgen::{JsCast, JsValue};

/// A panic stops the wasm for good (`panic = "abort"`): the page's failure
/// notice (`public/failure-notice.js`) is told, so the reader learns that the
/// page is a simplified one and can reload it, instead of a page that silently stops.
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("panicked: {info}");
        let fail = web_sys::window()
            .and_then(|window| {
                js_sys::Reflect::get(&window, &crate::shared::FAILURE_NOTICE_GLOBAL.into()).ok()
            })
            .and_then(|check| js_sys::Reflect::get(&check, &"fail".into()).ok())
            .and_then(|fail| fail.dyn_into::<js_sys::Function>().ok());
        match fail {
            // It logs the message too.
            Some(fail) => {
                let _ = fail.call1(&JsValue::NULL, &message.into());
            }
            None => crate::log::error(&message),
        }
    }));
}
