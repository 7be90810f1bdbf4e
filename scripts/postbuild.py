#!/usr/bin/env python3
"""Trunk post-build hook, run on the staging folder before it becomes dist/.

0. Adds the app's WebAssembly parts (the pages other than the overview and the located data
   checks, split off at link time by scripts/wasm-link.sh): optimises them with wasm-opt, names each by its content hash, and
   links trunk's module to their loader under names that change with any part.
1. Moves trunk's inline module loader into a content-hashed file, so the page runs under a
   strict Content-Security-Policy (script-src 'self', no 'unsafe-inline'), bundled by esbuild
   with wasm-bindgen's glue and the parts loader into one file, app-<hash>.js; minifies the
   stylesheet.
2. Bundles ECharts from node_modules (pinned in package-lock.json) with esbuild, keeping only
   what the charts use, as a hashed file loaded only by pages that show a chart.
3. Copies the UI language files other than German (compiled in) as hashed files under
   locales/, named in a <meta name="wegmarke-locales">: the app fetches only the reader's one.
4. Writes .gz and .br files next to every build asset for servers that serve precompressed
   files (nginx gzip_static / brotli_static). The data folder and config.json are left alone:
   staff replace them without a rebuild, and a stale .gz beside them would be served instead.
"""
import base64
import concurrent.futures
import gzip
import json
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys

stage = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"))
root = pathlib.Path(__file__).resolve().parent.parent
index = stage / "index.html"
html = index.read_text(encoding="utf-8")


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def sri(data: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


esbuild = root / "node_modules" / ".bin" / "esbuild"
profile = os.environ.get("TRUNK_PROFILE", "release")


def esbuilt(data: bytes, *flags: str, cwd: pathlib.Path = root) -> bytes:
    """`data` through esbuild (pinned in package-lock.json) with `flags`; imports in it are
    resolved from `cwd`."""
    return subprocess.run([str(esbuild), *flags, "--log-level=warning"],
                          input=data, capture_output=True, check=True, cwd=cwd).stdout


# 0. The WebAssembly parts.
def add_parts() -> dict:
    """Returns each part's files (the part and the chunks it needs), by part name."""
    glue_path = next((p for p in stage.glob("wegmarke-*.js")), None)
    if glue_path is None or b'from "./__wasm_split.js"' not in glue_path.read_bytes():
        return {}
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", root / "target")) / "wasm32-unknown-unknown" / profile
    linked = target / "wegmarke.wasm"
    split = next((d for d in (target / "deps").glob("wegmarke-*.wasm.split")
                  if pathlib.Path(str(d)[: -len(".split")]).exists()
                  and os.path.samefile(str(d)[: -len(".split")], linked)), None)
    if split is None:
        sys.exit(f"postbuild: the parts of {linked} were not found (is .cargo/config.toml's linker scripts/wasm-link.sh?)")
    wasm_opt = root / "node_modules" / ".bin" / "wasm-opt"
    loader = (split / "__wasm_split.js").read_text(encoding="utf-8")
    for old in [*stage.glob("part-*.wasm"), *stage.glob("parts-*.js")]:
        old.unlink()
    def optimised(part: pathlib.Path) -> bytes:
        if profile != "release":
            return part.read_bytes()
        out = stage / f"{part.stem}.tmp.wasm"
        subprocess.run(
            [str(wasm_opt), "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
             "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types",
             "--enable-multivalue", "--strip-debug", str(part), "-o", str(out)],
            check=True, stderr=subprocess.DEVNULL,
        )
        data = out.read_bytes()
        out.unlink()
        return data

    parts = sorted(split.glob("*.wasm"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for part, data in zip(parts, pool.map(optimised, parts)):
            name = f"part-{part.stem}-{short_hash(data)}.wasm"
            (stage / name).write_bytes(data)
            if f'"./{part.name}"' not in loader:
                sys.exit(f"postbuild: {part.name} is not named in the parts loader")
            loader = loader.replace(f'"./{part.name}"', f'"./{name}"')
    # What each part needs: its own file and the chunks named in its loader entry.
    def files_of(entry: str) -> list:
        return re.findall(r'new URL\("\./([^"]+)"', entry)
    chunks = {m.group(1): files_of(m.group(2)) for m in
              re.finditer(r"const (__chunk_\d+) = makeLoad\((.*?)\n\}", loader, re.S)}
    needs = {}
    for m in re.finditer(r"export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\((.*?)\]\)\);", loader, re.S):
        own, _, deps = m.group(2).partition("\n}\n, [")
        needs[m.group(1)] = files_of(own) + [f for d in re.findall(r"__chunk_\d+", deps) for f in chunks.get(d, [])]
    if not needs or any(not files for files in needs.values()):
        sys.exit("postbuild: could not read the parts' files from their loader")
    # The loader imports trunk's module and trunk's module imports the loader: both take their
    # name from one hash over both, so a change to either renames both.
    glue = glue_path.read_bytes()
    build = short_hash(glue + loader.encode("utf-8"))
    glue_name, loader_name = f"wegmarke-{build}.js", f"parts-{build}.js"
    loader = loader.replace('from "./main.js"', f'from "./{glue_name}"')
    # Only the import statements: the wasm's own import module stays named "./__wasm_split.js".
    glue = glue.replace(b'from "./__wasm_split.js"', f'from "./{loader_name}"'.encode())
    glue_path.unlink()
    (stage / glue_name).write_bytes(glue)
    (stage / loader_name).write_text(loader, encoding="utf-8")
    global html
    html = re.sub(
        r'<link rel="modulepreload" href="\./' + re.escape(glue_path.name) + r'"[^>]*>',
        f'<link rel="modulepreload" href="./{glue_name}" crossorigin="anonymous" integrity="{sri(glue)}">'
        f'<link rel="modulepreload" href="./{loader_name}" crossorigin="anonymous" integrity="{sri(loader.encode("utf-8"))}">',
        html,
    )
    html = html.replace(glue_path.name, glue_name)
    return needs


parts = add_parts()

# 1. The inline loader.
inline = re.compile(r"<script type=\"module\"(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)
match = inline.search(html)
if match:
    body = match.group(1).strip().encode("utf-8")
    if parts:
        # A deep link's part starts downloading beside the main module instead of after it:
        # the explorer and the council pages have parts of their own, every other page but the
        # overview shares one (src/parts.rs; the app fetches the same files, from the browser's
        # preload cache).
        council, explorer, pages = (json.dumps([f"./{f}" for f in parts[p]])
                                    for p in ("council", "explorer", "pages"))
        early = (
            "{const page=location.hash.replace(/^#\\/?/,'').split(/[/?]/)[0];"
            f"const files=page===''?[]:/^(aenderungen|bericht)$/.test(page)?{council}"
            f":page==='massnahmen'?{explorer}:{pages};"
            "for(const href of files){const l=document.createElement('link');"
            "l.rel='preload';l.as='fetch';l.crossOrigin='anonymous';l.href=href;document.head.append(l);}}\n"
        )
        lines = body.decode("utf-8").split("\n")
        imports = [l for l in lines if l.startswith("import ")]
        rest = [l for l in lines if not l.startswith("import ")]
        body = "\n".join(imports + [early] + rest).encode("utf-8")
    if esbuild.exists():
        # One file instead of three: the loader, wasm-bindgen's glue and the parts loader,
        # bundled (they import each other), so the first view makes two requests fewer; minified
        # in release builds.
        minify = ["--minify"] if profile == "release" else []
        body = esbuilt(body, "--bundle", "--format=esm", *minify, cwd=stage).rstrip(b"\n")
        for bundled in [*stage.glob("wegmarke-*.js"), *stage.glob("parts-*.js")]:
            html = re.sub(r'<link rel="modulepreload" href="\./' + re.escape(bundled.name) + r'"[^>]*>', "", html)
            bundled.unlink()
    for old in stage.glob("app-*.js"):
        old.unlink()
    name = f"app-{short_hash(body)}.js"
    (stage / name).write_bytes(body + b"\n")
    tag = f'<script type="module" src="./{name}" integrity="{sri(body + chr(10).encode())}"></script>'
    html = html[: match.start()] + tag + html[match.end():]
elif "<script" in html and "app-" not in html:
    sys.exit("postbuild: trunk's loader script was not found; the CSP rewrite would be incomplete")

# 1b. The stylesheet, minified by esbuild in release builds (its name keeps trunk's hash).
if profile == "release" and esbuild.exists():
    for css in stage.glob("main-*.css"):
        before = css.read_bytes()
        after = esbuilt(before, "--loader=css", "--minify")
        css.write_bytes(after)
        html = html.replace(sri(before), sri(after))

# 1c. The favicon inside index.html (a data: address, allowed by img-src): one request fewer.
favicon = stage / "favicon.svg"
if favicon.exists():
    from urllib.parse import quote
    data_uri = "data:image/svg+xml," + quote(favicon.read_text(encoding="utf-8").strip(), safe=" =:/\"")
    html = html.replace('<link rel="icon" href="favicon.svg"', f"<link rel=\"icon\" href='{data_uri}'", 1)

# 2. ECharts, vendored (never from a CDN): a custom build with only what the charts use
#    (tools/echarts/entry.js), bundled by esbuild from the pinned npm package.
entry = root / "tools" / "echarts" / "entry.js"
if esbuild.exists() and (root / "node_modules" / "echarts").exists():
    out = stage / "echarts.tmp.js"
    subprocess.run(
        [str(esbuild), str(entry), "--bundle", "--minify", "--format=iife", "--legal-comments=none",
         "--log-level=warning", f"--outfile={out}"],
        check=True, cwd=root,
    )
    data = out.read_bytes()
    out.unlink()
    name = f"echarts-5.6.0-{short_hash(data)}.min.js"
    for old in stage.glob("echarts-*.js"):
        old.unlink()
    (stage / name).write_bytes(data)
    html = html.replace("</head>", f'<meta name="wegmarke-echarts" content="./{name}">\n</head>', 1)
else:
    print("postbuild: node_modules/echarts or esbuild missing (run scripts/setup.sh); charts will not load", file=sys.stderr)

# 3. The UI languages other than German, each as a content-hashed file.
locales = stage / "locales"
if locales.exists():
    shutil.rmtree(locales)
locales.mkdir()
entries = []
for source in sorted((root / "locales").glob("*.json")):
    if source.stem == "de":
        continue
    data = source.read_bytes()
    name = f"{source.stem}-{short_hash(data)}.json"
    (locales / name).write_bytes(data)
    entries.append(f"{source.stem}=./locales/{name}")
html = html.replace("</head>", f'<meta name="wegmarke-locales" content="{" ".join(entries)}">\n</head>', 1)

index.write_text(html, encoding="utf-8")

# 4. Precompressed copies of the build's own assets.
brotli = shutil.which("brotli")
for path in [*stage.iterdir(), *locales.iterdir()]:
    if path.is_file() and (path.suffix in {".js", ".wasm", ".css", ".html", ".svg"} or path.parent == locales):
        raw = path.read_bytes()
        with gzip.open(str(path) + ".gz", "wb", compresslevel=9) as f:
            f.write(raw)
        if brotli:
            subprocess.run([brotli, "-f", "-q", "11", "-o", str(path) + ".br", str(path)], check=True)
if not brotli:
    print("postbuild: brotli not installed; .br files not written", file=sys.stderr)
