//! The Wasm of tracking, receipts, rating and the public figures.
fn main() {
    console_error_panic_hook::set_once();
    motcua_web::mount(motcua_web::ServicesApp);
}
