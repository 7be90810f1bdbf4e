//! Imports in the app run one way (docs/architecture.md):
//! `main → app → parts → pages → components → (ui, browser, load, theme, route, split) → core`.
//! This test reads every module of `src/`, finds the crate-internal modules it names
//! (`crate::x`, `crate::{x, y}`), and fails when a module names one of a higher layer, when
//! anything names `app`, or when modules of one layer import each other in a circle.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The layer of a module, by its path below `src/` (higher layers may import lower ones).
fn layer(module: &str) -> Option<u8> {
    let top = module.split('/').next().unwrap_or(module);
    Some(match top {
        "main" => 6,
        "app" => 5,
        "parts" => 4,
        "pages" => 3,
        "components" => 2,
        "ui" | "browser" | "load" | "theme" | "route" | "split" => 1,
        "lib" => 0,
        _ => return None,
    })
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/pages/field.rs` → `pages/field`; `src/components/mod.rs` → `components`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let name = rel.to_string_lossy().replace('\\', "/");
    name.strip_suffix("/mod").unwrap_or(&name).to_owned()
}

/// The modules a source text names through `crate::`: `crate::pages::field::X` → `pages/field`,
/// `crate::{browser, route}` → `browser`, `route`.
fn imports(text: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let mut paths = Vec::new();
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            paths.extend(group[..end].split(',').map(str::trim).map(str::to_owned));
        } else {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            paths.push(rest[..end].to_owned());
        }
        for path in paths {
            // The longest prefix of the path that is a module of the crate.
            let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
            if let Some(module) = (1..=segments.len())
                .rev()
                .map(|n| segments[..n].join("/"))
                .find(|m| known.contains(m))
            {
                found.insert(module);
            }
        }
    }
    found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let known: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    files
        .iter()
        .map(|f| {
            let text = fs::read_to_string(f).unwrap_or_default();
            let module = module_of(&src, f);
            let mut names = imports(&text, &known);
            names.remove(&module);
            (module, names)
        })
        .collect()
}

#[test]
fn the_reader_finds_every_module() {
    let graph = graph();
    for module in [
        "app",
        "parts",
        "ui",
        "browser",
        "load",
        "route",
        "pages/overview",
    ] {
        assert!(graph.contains_key(module), "{module} missing: {graph:?}");
    }
    for module in graph.keys() {
        assert!(
            layer(module).is_some(),
            "{module}: no layer (add it to `layer`)"
        );
    }
}

#[test]
fn nothing_imports_the_app_shell() {
    for (module, names) in graph() {
        assert!(
            !names.contains("app") || module == "main",
            "{module} imports the app shell"
        );
    }
}

#[test]
fn imports_run_down_the_layers() {
    for (module, names) in graph() {
        let own = layer(&module).unwrap_or(0);
        for name in names {
            let theirs = layer(&name).unwrap_or(0);
            assert!(
                theirs <= own || module == "lib",
                "{module} (layer {own}) imports {name} (layer {theirs})"
            );
        }
    }
}

#[test]
fn no_module_imports_itself_through_others() {
    let graph = graph();
    // Depth-first search from each module; a path back to it is a circle.
    for start in graph.keys() {
        let mut stack: Vec<(String, Vec<String>)> = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in graph.get(&at).into_iter().flatten() {
                if next == start && start != "lib" {
                    panic!("circle: {} -> {start}", path.join(" -> "));
                }
                if next != "lib" && seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push((next.clone(), longer));
                }
            }
        }
    }
}

#[test]
fn the_parser_sees_single_and_grouped_imports() {
    let known: BTreeSet<String> = ["app", "ui", "route", "pages", "pages/field"]
        .map(String::from)
        .into();
    let text = "use crate::ui::{use_ui, Ui};\nuse crate::{route, app};\nlet x = crate::pages::field::FieldPage;";
    let found = imports(text, &known);
    assert_eq!(
        found,
        ["app", "pages/field", "route", "ui"]
            .map(String::from)
            .into()
    );
}
