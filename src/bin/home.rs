//! The Wasm of the first screen: the home page alone.
fn main() {
    console_error_panic_hook::set_once();
    motcua_web::mount(motcua_web::HomeApp);
}
