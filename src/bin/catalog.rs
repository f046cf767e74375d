//! The Wasm of the search results, procedure pages and "not found".
fn main() {
    console_error_panic_hook::set_once();
    motcua_web::mount(motcua_web::CatalogApp);
}
