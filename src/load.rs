//! Fetching: config.json first (it may move the data folder), then the three data files in
//! parallel, then the core's validation. Never fails: what cannot be had becomes a located
//! fatal problem, and whatever can be shown is shown.

use std::sync::Arc;

use gloo_net::http::Request;
use thiserror::Error;
use web_sys::RequestCache;
use wegmarke_core::{validate, validate_config, Config, Dataset, Input, Inputs};

/// What the dashboard shows: the deployment settings and the validated data.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub config: Config,
    /// The data folder URL the files were fetched from (ends with `/`).
    pub data_url: String,
    /// The data; its `problems` include those of config.json.
    pub data: Dataset,
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
}

/// Fetches one file's bytes; every request revalidates so a replaced data file shows at once.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, FetchError> {
    let network = |e: gloo_net::Error| FetchError::Network {
        url: url.to_owned(),
        detail: e.to_string(),
    };
    let response = Request::get(url)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(FetchError::Status {
            status: response.status(),
            status_text: response.status_text(),
            url: url.to_owned(),
        });
    }
    response.binary().await.map_err(network)
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
    let (config, mut config_problems) = match fetch_bytes("config.json").await {
        Ok(bytes) => validate_config(&Input::Bytes(&bytes)),
        Err(FetchError::Status { status: 404, .. }) => (Config::default(), Vec::new()),
        Err(e) => validate_config(&Input::Unreachable(e.to_string())),
    };
    let base = data_url(&config);
    let urls = ["plan.json", "measures.json", "indicators.json"].map(|f| format!("{base}{f}"));
    let (plan, measures, indicators) = futures::join!(
        fetch_bytes(&urls[0]),
        fetch_bytes(&urls[1]),
        fetch_bytes(&urls[2]),
    );
    let mut data = validate(
        &Inputs {
            plan: Input::from_result(&plan),
            measures: Input::from_result(&measures),
            indicators: Input::from_result(&indicators),
        },
        "",
    );
    config_problems.append(&mut data.problems);
    data.problems = config_problems;
    Arc::new(Loaded {
        config,
        data_url: base,
        data,
    })
}
