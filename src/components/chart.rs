//! The one component that owns an ECharts instance: it loads the vendored ECharts script on
//! first use (pages without charts never load it), initialises the instance once, replaces the
//! option when the data changes (no stale series), follows the window size and disposes the
//! instance when the page goes away.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn get(obj: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(obj, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn call(obj: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(obj, method)
        .ok_or_else(|| JsValue::from_str(method))?
        .dyn_into()?;
    let arr: js_sys::Array = args.iter().collect();
    f.apply(obj, &arr)
}

/// Whether the reader asked the system for reduced motion.
pub fn prefers_reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// Loads the vendored ECharts once; its hashed file name is in a meta tag written at build time.
async fn load_echarts() -> Result<JsValue, JsValue> {
    let win = window().ok_or_else(|| JsValue::from_str("no window"))?;
    if let Some(e) = get(&win, "echarts") {
        return Ok(e);
    }
    let promise = LOADING.with(|cell| -> Result<Promise, JsValue> {
        if let Some(p) = cell.borrow().as_ref() {
            return Ok(p.clone());
        }
        let doc = win
            .document()
            .ok_or_else(|| JsValue::from_str("no document"))?;
        let src = doc
            .query_selector("meta[name=wegmarke-echarts]")?
            .and_then(|m| m.get_attribute("content"))
            .ok_or_else(|| JsValue::from_str("ECharts is not part of this build"))?;
        let script: web_sys::HtmlScriptElement = doc.create_element("script")?.dyn_into()?;
        script.set_src(&src);
        let s2 = script.clone();
        let p = Promise::new(&mut |resolve, reject| {
            s2.set_onload(Some(&resolve));
            s2.set_onerror(Some(&reject));
        });
        doc.head()
            .ok_or_else(|| JsValue::from_str("no head"))?
            .append_child(&script)?;
        *cell.borrow_mut() = Some(p.clone());
        Ok(p)
    })?;
    JsFuture::from(promise).await?;
    get(&win, "echarts").ok_or_else(|| JsValue::from_str("ECharts did not load"))
}

/// Waits until the browser has painted the page (the next animation frame, or 100 ms where
/// frames are held back, e.g. in a hidden frame), then for a new task: the text of the page is
/// on screen before ECharts is even requested.
async fn after_paint() {
    let promise = Promise::new(&mut |resolve, _reject| {
        if let Some(w) = window() {
            let _ = w.request_animation_frame(&resolve);
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 100);
        }
    });
    let _ = JsFuture::from(promise).await;
    crate::load::next_task().await;
}

/// A chart drawn by ECharts from an option given as JSON.
#[component]
pub fn EChart(
    /// The ECharts option (JSON), e.g. from `wegmarke_core::charts::indicator_option_json`.
    #[prop(into)]
    option: Signal<String>,
    /// Accessible name: a one-sentence summary of what the chart shows.
    #[prop(into)]
    label: Signal<String>,
    /// File name for the image download, e.g. `I-alq-ausl.svg`.
    #[prop(into)]
    file_name: String,
) -> impl IntoView {
    let node = NodeRef::<Div>::new();
    let instance: Rc<RefCell<Option<JsValue>>> = Rc::new(RefCell::new(None));
    let disposed = Rc::new(Cell::new(false));
    let failed = RwSignal::new(false);

    let (inst, gone) = (instance.clone(), disposed.clone());
    Effect::new(move |_| {
        let json = option.get();
        let Some(el) = node.get() else { return };
        let (inst, gone) = (inst.clone(), gone.clone());
        leptos::task::spawn_local(async move {
            let apply = |i: &JsValue| -> Result<(), JsValue> {
                let opt = js_sys::JSON::parse(&json)?;
                let flags = js_sys::Object::new();
                Reflect::set(&flags, &"notMerge".into(), &JsValue::TRUE)?;
                call(i, "setOption", &[opt, flags.into()]).map(|_| ())
            };
            let existing = inst.borrow().clone();
            let result = match existing {
                Some(i) => apply(&i),
                None => match async {
                    after_paint().await;
                    load_echarts().await
                }
                .await
                {
                    // The page may have gone while the script loaded.
                    Ok(_) if gone.get() => Ok(()),
                    Ok(echarts) => {
                        let opts = js_sys::Object::new();
                        let _ = Reflect::set(&opts, &"renderer".into(), &"svg".into());
                        call(
                            &echarts,
                            "init",
                            &[el.clone().into(), JsValue::NULL, opts.into()],
                        )
                        .and_then(|i| {
                            apply(&i)?;
                            *inst.borrow_mut() = Some(i);
                            Ok(())
                        })
                    }
                    Err(e) => Err(e),
                },
            };
            if result.is_err() && !gone.get() {
                failed.set(true);
            }
        });
    });

    let inst = instance.clone();
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(i) = inst.borrow().as_ref() {
            let _ = call(i, "resize", &[]);
        }
    });
    // WCAG 1.4.13: a tooltip can be dismissed without moving the pointer.
    let inst = instance.clone();
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            if let Some(i) = inst.borrow().as_ref() {
                let action = js_sys::Object::new();
                let _ = Reflect::set(&action, &"type".into(), &"hideTip".into());
                let _ = call(i, "dispatchAction", &[action.into()]);
            }
        }
    });
    // Chart image download: the SVG ECharts renders, as a file.
    let inst = instance.clone();
    let download = move |ev: leptos::ev::MouseEvent| {
        let svg = inst
            .borrow()
            .as_ref()
            .and_then(|i| call(i, "renderToSVGString", &[]).ok())
            .and_then(|s| s.as_string());
        if let (Some(svg), Some(a)) = (
            svg,
            ev.current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok()),
        ) {
            let _ = a.set_attribute(
                "href",
                &format!(
                    "data:image/svg+xml;charset=utf-8,{}",
                    crate::route::encode(&svg)
                ),
            );
        }
    };
    let download = send_wrapper::SendWrapper::new(download);
    // The browser is single-threaded; the wrapper only satisfies on_cleanup's Send bound.
    let owned = send_wrapper::SendWrapper::new((instance, disposed));
    on_cleanup(move || {
        let (instance, disposed) = &*owned;
        disposed.set(true);
        resize.remove();
        escape.remove();
        if let Some(i) = instance.borrow_mut().take() {
            let _ = call(&i, "dispose", &[]);
        }
    });

    view! {
        <div class="chart" node_ref=node role="img" aria-label=move || label.get() data-testid="chart"></div>
        <p class="chart-download no-print">
            <a href="#" download=file_name data-testid="download-svg" on:click=move |ev| (*download)(ev)>{crate::app::use_ui().t("chart.download_svg")}</a>
        </p>
        {move || failed.get().then(|| view! { <p class="chart-failed">{crate::app::use_ui().t("chart.failed")}</p> })}
    }
}
