//! The Wasm of the staff workspace.
fn main() {
    console_error_panic_hook::set_once();
    motcua_web::mount(motcua_web::StaffApp);
}
