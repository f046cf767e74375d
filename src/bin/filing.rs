//! The Wasm of the filing wizard.
fn main() {
    console_error_panic_hook::set_once();
    motcua_web::mount(motcua_web::FilingApp);
}
