//! Entry point: install the panic hook and mount the app.

fn main() {
    console_error_panic_hook::set_once();
    // The browser has just compiled and started the module, a long task on a slow phone; the app
    // is built in the next one, so that the browser can answer the reader in between.
    wasm_bindgen_futures::spawn_local(async {
        wegmarke::browser::next_task().await;
        leptos::mount::mount_to_body(wegmarke::App);
    });
}
