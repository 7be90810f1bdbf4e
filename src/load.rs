//! Fetching: config.json first (it may move the data folder), then the three data files in
//! parallel, then the core's validation. Never fails: what cannot be had becomes a located
//! fatal problem, and whatever can be shown is shown. The overview and the council pages' report
//! snapshots are fetched and checked by the same function, [`fetch_dataset`]. Where the service
//! worker (public/sw.js) answered from its stored copy, [`Loaded::cached`] says since when.

use std::sync::Arc;

use gloo_net::http::Request;
use leptos::prelude::RwSignal;
use thiserror::Error;
use wasm_bindgen::prelude::*;
use web_sys::RequestCache;
use wegmarke_core::{
    validate, validate_config, validate_config_quick, validate_quick, Config, Dataset, Input,
    Inputs, Problem, DATA_FILES,
};

use crate::browser::{self, next_task, Timer};
use crate::split::split_points;

/// How long a server may take to start answering before the request is given up (a hanging
/// server must end in a message with a retry, not in an endless spinner).
pub const RESPONSE_TIMEOUT_MS: i32 = 15_000;
/// How long reading a file's body may take once the server has answered (a 10 MB file on a slow
/// mobile connection, but not a connection that stalls forever).
pub const BODY_TIMEOUT_MS: i32 = 120_000;

/// A value built from the data on screen for one language (a search index), kept until the
/// data (a new `Loaded`) or the language changes. Held in a `thread_local!`.
pub struct PerData<T>(std::cell::RefCell<Option<Built<T>>>);

/// A kept value with the data and language it was built for.
type Built<T> = (std::sync::Weak<Loaded>, &'static str, Arc<T>);

impl<T> Default for PerData<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> PerData<T> {
    /// Empty: the first [`PerData::get`] builds the value.
    pub const fn new() -> Self {
        PerData(std::cell::RefCell::new(None))
    }

    /// The value for `loaded` and `lang`: the kept one if it was built for them, else `build`'s.
    pub fn get(
        &self,
        loaded: &Arc<Loaded>,
        lang: &'static str,
        build: impl FnOnce() -> T,
    ) -> Arc<T> {
        let mut cell = self.0.borrow_mut();
        if let Some((data, l, value)) = cell.as_ref() {
            if *l == lang && data.upgrade().is_some_and(|d| Arc::ptr_eq(&d, loaded)) {
                return value.clone();
            }
        }
        let value = Arc::new(build());
        *cell = Some((Arc::downgrade(loaded), lang, value.clone()));
        value
    }
}

/// What the dashboard shows: the deployment settings and the validated data.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub config: Config,
    /// The data folder URL the files were fetched from (ends with `/`).
    pub data_url: String,
    /// The data; its `problems` include those of config.json.
    pub data: Dataset,
    /// When this device stored the data on screen, if the service worker (public/sw.js) had to
    /// answer with its copy because the network failed: the oldest such file's time (ISO 8601,
    /// UTC). `None` when everything came from the server.
    pub cached: Option<String>,
}

/// What the pages show: the published data and, while a staff member previews new data from
/// the Datenwerkstatt, that data in its place (kept in memory only, gone on reload). The app
/// shell provides it.
#[derive(Clone, Copy)]
pub struct Shown {
    /// The published data, once loaded.
    pub published: RwSignal<Option<Arc<Loaded>>>,
    /// New data being previewed, if any.
    pub preview: RwSignal<Option<Arc<Loaded>>>,
}

impl Shown {
    /// The shell's context (nothing loaded, no preview, if there is none, e.g. in a test).
    pub fn get() -> Shown {
        leptos::prelude::use_context::<Shown>().unwrap_or_else(|| Shown {
            published: RwSignal::new(None),
            preview: RwSignal::new(None),
        })
    }
}

/// Why a file could not be fetched.
#[derive(Debug, Error)]
pub enum FetchError {
    #[error("HTTP {status} {status_text} – {url}")]
    Status {
        status: u16,
        status_text: String,
        url: String,
    },
    #[error("Netzwerkfehler / network error – {url}: {detail}")]
    Network { url: String, detail: String },
    #[error("Zeitüberschreitung / timeout after {seconds} s – {url}")]
    Timeout { url: String, seconds: i32 },
}

// AbortController is imported here rather than through a web-sys feature; gloo-net already
// enables web-sys's `AbortSignal`, which its `abort_signal` takes.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = AbortController)]
    type AbortController;
    #[wasm_bindgen(constructor, js_class = "AbortController", catch)]
    fn new() -> Result<AbortController, JsValue>;
    #[wasm_bindgen(method, getter, js_class = "AbortController")]
    fn signal(this: &AbortController) -> web_sys::AbortSignal;
    #[wasm_bindgen(method, js_class = "AbortController")]
    fn abort(this: &AbortController);
}

/// Aborts a fetch when its time is up. A plain `setTimeout` (not `AbortSignal.timeout`), so the
/// timer is cleared as soon as the request is done, and browser tests can drive it with a fake
/// clock. Dropping the deadline clears its timer.
struct Deadline {
    controller: AbortController,
    timer: Option<(Timer, Closure<dyn FnMut()>)>,
    /// Set by the timer, so a timeout is told apart from other network errors.
    fired: std::rc::Rc<std::cell::Cell<bool>>,
    ms: i32,
}

impl Deadline {
    fn new() -> Option<Deadline> {
        let controller = AbortController::new().ok()?;
        Some(Deadline {
            controller,
            timer: None,
            fired: Default::default(),
            ms: 0,
        })
    }

    /// (Re)starts the countdown.
    fn arm(&mut self, ms: i32) {
        self.clear();
        let controller: JsValue = self.controller.clone();
        let fired = self.fired.clone();
        let on_time_up = Closure::<dyn FnMut()>::new(move || {
            fired.set(true);
            controller.unchecked_ref::<AbortController>().abort();
        });
        if let Some(timer) = browser::set_timeout(on_time_up.as_ref(), ms) {
            self.timer = Some((timer, on_time_up));
            self.ms = ms;
        }
    }

    fn clear(&mut self) {
        if let Some((timer, _closure)) = self.timer.take() {
            timer.clear();
        }
    }

    fn timed_out(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        self.clear();
    }
}

/// The header public/sw.js puts on an answer from its cache: when it stored the file.
pub const CACHED_HEADER: &str = "x-wegmarke-cached";

/// A fetched file: its bytes and, if the service worker answered from its cache, when it had
/// stored it (the [`CACHED_HEADER`]).
struct Got {
    bytes: Vec<u8>,
    cached: Option<String>,
}

/// Fetches one file's bytes; every request revalidates so a replaced data file shows at once.
/// Gives up after [`RESPONSE_TIMEOUT_MS`] without an answer or [`BODY_TIMEOUT_MS`] reading it.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    Ok(fetch_with(url, RequestCache::NoCache).await?.bytes)
}

/// A UI language's texts. The build names each language file with its content's hash in a
/// `<meta name="wegmarke-locales">` (`en=./locales/en-….json tr=…`), so the file is cached for
/// good and a new build's texts arrive at once. `None` if it cannot be had or read.
pub async fn catalog(tag: &str) -> Option<wegmarke_core::i18n::Catalog> {
    let files = browser::meta_content("wegmarke-locales")?;
    let url = files
        .split_whitespace()
        .find_map(|entry| entry.strip_prefix(tag)?.strip_prefix('='))?;
    let got = fetch_with(url, RequestCache::Default).await.ok()?;
    wegmarke_core::i18n::Catalog::from_json(tag, std::str::from_utf8(&got.bytes).ok()?)
}

async fn fetch_with(url: &str, cache: RequestCache) -> Result<Got, FetchError> {
    let mut deadline = Deadline::new();
    let failed = |e: gloo_net::Error, deadline: &Option<Deadline>| match deadline {
        Some(d) if d.timed_out() => FetchError::Timeout {
            url: url.to_owned(),
            seconds: d.ms / 1000,
        },
        _ => FetchError::Network {
            url: url.to_owned(),
            detail: e.to_string(),
        },
    };
    if let Some(d) = deadline.as_mut() {
        d.arm(RESPONSE_TIMEOUT_MS);
    }
    let signal = deadline.as_ref().map(|d| d.controller.signal());
    let response = Request::get(url)
        .cache(cache)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| failed(e, &deadline))?;
    if !response.ok() {
        return Err(FetchError::Status {
            status: response.status(),
            status_text: response.status_text(),
            url: url.to_owned(),
        });
    }
    if let Some(d) = deadline.as_mut() {
        d.arm(BODY_TIMEOUT_MS);
    }
    let cached = response.headers().get(CACHED_HEADER);
    let bytes = response.binary().await.map_err(|e| failed(e, &deadline))?;
    Ok(Got { bytes, cached })
}

/// Joins the data folder and a file name.
pub fn data_url(config: &Config) -> String {
    let mut base = config.data.clone().unwrap_or_else(|| "data/".to_owned());
    if !base.ends_with('/') {
        base.push('/');
    }
    base
}

/// Loads config and data. A missing config.json is normal (all defaults).
pub async fn load() -> Arc<Loaded> {
    let mut cached = Vec::new();
    let (config, mut config_problems) = match fetch_with("config.json", RequestCache::NoCache).await
    {
        Ok(got) => {
            cached.extend(got.cached);
            check_config(got.bytes).await
        }
        // A 404 from the worker's cache still says "no config.json"; its time is not the data's.
        Err(FetchError::Status { status: 404, .. }) => (Config::default(), Vec::new()),
        Err(e) => validate_config_quick(&Input::Unreachable(e.to_string())).0,
    };
    let base = data_url(&config);
    let (files, data_cached) = fetch_files(&base, "").await;
    cached.extend(data_cached);
    let mut data = check(files, "").await;
    config_problems.append(&mut data.problems);
    data.problems = config_problems;
    next_task().await;
    Arc::new(Loaded {
        config,
        data_url: base,
        data,
        // ISO 8601 times in UTC sort as text: the oldest copy says how old the page may be.
        cached: cached.into_iter().min(),
    })
}

/// Fetches a data set's three files from `folder` + `prefix` (the published data: no prefix; a
/// council report's snapshot: its path) in parallel and checks them; problems are located with
/// `prefix` in front of the file names.
pub async fn fetch_dataset(folder: &str, prefix: &str) -> Dataset {
    let (files, _) = fetch_files(folder, prefix).await;
    check(files, prefix).await
}

/// A data set's three files, fetched in parallel, and the oldest time the service worker had
/// stored one of them, if it answered any from its cache.
async fn fetch_files(
    folder: &str,
    prefix: &str,
) -> ([Result<Vec<u8>, FetchError>; 3], Option<String>) {
    let urls = DATA_FILES.map(|f| format!("{folder}{prefix}{f}"));
    let (plan, measures, indicators) = futures::join!(
        fetch_with(&urls[0], RequestCache::NoCache),
        fetch_with(&urls[1], RequestCache::NoCache),
        fetch_with(&urls[2], RequestCache::NoCache),
    );
    next_task().await;
    let cached = [&plan, &measures, &indicators]
        .into_iter()
        .filter_map(|f| f.as_ref().ok()?.cached.clone())
        .min();
    let files = [plan, measures, indicators].map(|f| f.map(|got| got.bytes));
    (files, cached)
}

/// Checks a data set's three files: the quick checks, and only when a value has the wrong type,
/// the checks that locate it inside its entry, from their own part. If that part cannot be
/// fetched, the quick result stands (the entry is reported as a whole).
async fn check(files: [Result<Vec<u8>, FetchError>; 3], prefix: &str) -> Dataset {
    match validate_quick(&Inputs::from_results(&files), prefix) {
        (data, true) => data,
        (unlocated, false) => {
            let files = files.map(|f| f.map_err(|e| e.to_string()));
            located_check(files, prefix.to_owned())
                .await
                .unwrap_or(unlocated)
        }
    }
}

/// Checks config.json as [`check`] does the data.
async fn check_config(bytes: Vec<u8>) -> (Config, Vec<Problem>) {
    match validate_config_quick(&Input::Bytes(&bytes)) {
        (checked, true) => checked,
        (unlocated, false) => located_config_check(bytes).await.unwrap_or(unlocated),
    }
}

/// A fetched file's bytes, or why it could not be had (as text: the part's signature must not
/// name this module's error type).
type Fetched = Result<Vec<u8>, String>;

split_points! {
    /// The data checks that locate a value of the wrong type inside its entry, in a part of
    /// their own: their code is about a seventh of the app, and only data with such a value
    /// needs them ([`check`] runs the quick checks first).
    checks fn located_check(files: [Fetched; 3], prefix: String) -> Dataset {
        validate(&Inputs::from_results(&files), &prefix)
    }
    /// config.json's check with located messages, as [`located_check`].
    checks fn located_config_check(bytes: Vec<u8>) -> (Config, Vec<Problem>) {
        validate_config(&Input::Bytes(&bytes))
    }
}
