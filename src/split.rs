//! How a split point is declared: the code of a function marked here lives in a WebAssembly
//! part of its own, which the browser fetches the first time the function is called (split
//! after linking by `scripts/wasm-link.sh`, see `docs/build.md`). Off the web (native tests)
//! and with the feature `unsplit` (the wasm component tests, whose runner loads a single
//! module) the function runs directly.

/// Declares split points: `part fn name(args) -> T { body }` becomes `async fn name(args) ->
/// Result<T, SplitLoaderError>` whose body lives in the part `part`. A part that cannot be
/// fetched gives `Err`.
macro_rules! split_points {
    ($($(#[$doc:meta])* $part:ident fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty $body:block)*) => {$(
        $(#[$doc])*
        #[cfg(not(feature = "unsplit"))]
        #[::leptos::wasm_split::wasm_split($part, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name($($arg: $ty),*) -> Result<$out, ::leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        $(#[$doc])*
        #[cfg(feature = "unsplit")]
        pub async fn $name($($arg: $ty),*) -> Result<$out, ::leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }
    )*};
}

pub(crate) use split_points;
