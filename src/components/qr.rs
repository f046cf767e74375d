//! A QR code drawn as inline SVG, made on the device: no image is fetched.

use std::fmt::Write;

use leptos::prelude::*;
use leptos::text_prop::TextProp;
use qrcodegen::{QrCode as Code, QrCodeEcc};

/// Light modules around the code, as the standard asks.
const QUIET_ZONE: i32 = 4;

/// The SVG path of the dark modules, one unit square each.
fn dark_modules(code: &Code) -> String {
    let mut path = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                write!(path, "M{},{}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE).ok();
            }
        }
    }
    path
}

/// `text` as a QR code; `label` names it for screen readers.
#[component]
pub fn QrCode(text: String, #[prop(into)] label: TextProp) -> impl IntoView {
    let code = Code::encode_text(&text, QrCodeEcc::Medium).ok()?;
    let side = code.size() + 2 * QUIET_ZONE;
    Some(view! {
        <svg
            class="qr-code"
            xmlns="http://www.w3.org/2000/svg"
            viewBox=format!("0 0 {side} {side}")
            shape-rendering="crispEdges"
            role="img"
            aria-label=move || label.get()
        >
            <rect width="100%" height="100%" fill="#fff" />
            <path d=dark_modules(&code) fill="#000" />
        </svg>
    })
}
