#!/usr/bin/env python3
"""Trunk post-build hook, run on the staging folder before it becomes dist/ (docs/build.md).

One function per step, called in order by main(); each says what it reads and writes. The
steps that change index.html take its text and return the new text, which main() writes once.

1. add_parts: the app's WebAssembly parts (split off at link time by scripts/wasm-link.sh),
   optimised with wasm-opt, named by their content hash, their loader linked to trunk's module.
   write_packs: each part with the chunks it needs, end to end, as one pack-<part>-<hash>.bin,
   so that a deep link fetches its part in one request (scripts/parts-pack.mjs cuts it up); and
   for a part whose page asks for another after its first screen (the "then" table of
   src/route-parts.json), that part's remaining files as a second pack, fetched when asked for.
2. bundle_loader: trunk's inline module loader moved into a content-hashed file, so the page runs
   under a strict Content-Security-Policy (script-src 'self'), bundled by esbuild with
   wasm-bindgen's glue, the parts loader and the early fetch of a deep link's pack (the route
   table src/route-parts.json, matched by scripts/route-parts.mjs) into one file, app-<hash>.js.
3. minify_css, inline_favicon: the stylesheet minified; the favicon as a data: address.
4. add_echarts: ECharts bundled by esbuild from node_modules (the version in package.json),
   keeping only what the charts use (tools/echarts/entry.js), loaded only by pages with a chart.
5. add_locales: the UI languages other than German (compiled in) as hashed files, named in a
   <meta name="wegmarke-locales">: the app fetches only the reader's one.
6. precompress: .gz and .br files next to every build asset, for servers that serve
   precompressed files (nginx gzip_static / brotli_static). The data folder and config.json are
   left alone: staff replace them without a rebuild, and a stale .gz would be served instead.

Run by trunk (TRUNK_STAGING_DIR, TRUNK_PROFILE) or by hand: python3 scripts/postbuild.py <folder>.
"""
import base64
import concurrent.futures
import dataclasses
import gzip
import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
from urllib.parse import quote

ROOT = pathlib.Path(__file__).resolve().parent.parent
ROUTE_PARTS_JS = ROOT / "scripts" / "route-parts.mjs"
ROUTE_PARTS_JSON = ROOT / "src" / "route-parts.json"
PARTS_PACK_JS = ROOT / "scripts" / "parts-pack.mjs"


class ShapeError(Exception):
    """Generated JavaScript (wasm-split's parts loader, wasm-bindgen's glue, trunk's loader)
    does not look the way this script reads it: a tool's output changed (docs/build.md, "When
    upgrading")."""


@dataclasses.dataclass(frozen=True)
class Build:
    """Where this build reads and writes; fixed for the whole run."""

    stage: pathlib.Path  # trunk's staging folder, dist/ to be
    profile: str  # "release" or "debug" (TRUNK_PROFILE)
    cargo_target: pathlib.Path  # CARGO_TARGET_DIR or target/
    root: pathlib.Path = ROOT

    @property
    def release(self) -> bool:
        return self.profile == "release"

    @property
    def esbuild(self) -> pathlib.Path:
        return self.root / "node_modules" / ".bin" / "esbuild"

    @property
    def wasm_opt(self) -> pathlib.Path:
        return self.root / "node_modules" / ".bin" / "wasm-opt"

    @property
    def wasm_out(self) -> pathlib.Path:
        """Where cargo links the wasm32 build of this profile."""
        return self.cargo_target / "wasm32-unknown-unknown" / self.profile


def short_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def sri(data: bytes) -> str:
    """A Subresource Integrity value, as trunk writes them."""
    return "sha384-" + base64.b64encode(hashlib.sha384(data).digest()).decode()


def esbuilt(build: Build, data: bytes, *flags: str, cwd: pathlib.Path | None = None) -> bytes:
    """`data` through esbuild (pinned in package-lock.json) with `flags`; imports in it are
    resolved from `cwd` (the repository by default)."""
    return subprocess.run([str(build.esbuild), *flags, "--log-level=warning"],
                          input=data, capture_output=True, check=True, cwd=cwd or build.root).stdout


# --- Reading generated JavaScript (tested against samples in scripts/tests/fixtures/) ---------

PARTS_LOADER_IMPORT = b'from "./__wasm_split.js"'
PARTS_LOADER_MAIN = 'from "./main.js"'


def imports_parts_loader(glue: bytes) -> bool:
    """Whether wasm-bindgen's glue imports wasm-split's parts loader (the build has parts)."""
    return PARTS_LOADER_IMPORT in glue


def part_files(loader: str) -> dict:
    """Each part's files in wasm-split's loader (__wasm_split.js): its own .wasm and those of
    the chunks it needs, by part name. Raises ShapeError when the loader is not shaped as
    wasm-split-cli 0.2.4 writes it: no part entry, a part without a file, or a chunk named
    by a part but not defined."""
    def files_of(entry: str) -> list:
        return re.findall(r'new URL\("\./([^"]+)"', entry)

    chunks = {m.group(1): files_of(m.group(2)) for m in
              re.finditer(r"const (__chunk_\d+) = makeLoad\((.*?)\n\}", loader, re.S)}
    needs = {}
    for m in re.finditer(r"export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\((.*?)\]\)\);",
                         loader, re.S):
        name = m.group(1)
        own, sep, deps = m.group(2).partition("\n}\n, [")
        if not sep:
            raise ShapeError(f"the parts loader's entry for part {name} has no list of chunks")
        files = files_of(own)
        if len(files) != 1:
            raise ShapeError(f"the parts loader's entry for part {name} names {len(files)} files, not one")
        for chunk in re.findall(r"__chunk_\d+", deps):
            if not chunks.get(chunk):
                raise ShapeError(f"part {name} needs {chunk}, which the parts loader does not define with a file")
            files += chunks[chunk]
        needs[name] = files
    if not needs:
        raise ShapeError("the parts loader has no entry `export const __wasm_split_load_<part> = "
                         "wrapAsyncCb(makeLoad(...))`")
    return needs


def rename_parts(loader: str, renames: dict) -> str:
    """The loader with each part file's name (`{"x.wasm": "part-x-<hash>.wasm"}`) replaced."""
    for old, new in renames.items():
        if f'"./{old}"' not in loader:
            raise ShapeError(f"{old} is not named in the parts loader")
        loader = loader.replace(f'"./{old}"', f'"./{new}"')
    return loader


def use_packed_fetch(loader: str, parts_pack_js: pathlib.Path = PARTS_PACK_JS) -> str:
    """The loader with every part file fetched through packedFetch (scripts/parts-pack.mjs,
    bundled by esbuild): out of a pack where one holds the file, else as before; and each part's
    own file asked for before its chunks. Raises ShapeError if the loader fetches no file, or
    orders a part's loads otherwise than wasm-split-cli 0.2.4 writes it."""
    fetches = 'fetch(new URL("./'
    if fetches not in loader:
        raise ShapeError(f"the parts loader has no `{fetches}…` for its files")
    imp = f"import {{ packedFetch as __wegmarkeFetch }} from {json.dumps(parts_pack_js.as_posix())};\n"
    # A part's own file first, then its chunks (the loader starts both before awaiting either):
    # packedFetch starts the part's pack when it sees the part's file (offerPacks).
    order = ("        const parallelStuff = deps.map(d => d());\n"
             "        const instantiate = fetcher();\n")
    if order not in loader:
        raise ShapeError("the parts loader's makeLoad does not start the chunks, then the part's own file")
    loader = loader.replace(order, "        const instantiate = fetcher();\n"
                                   "        const parallelStuff = deps.map(d => d());\n")
    return imp + loader.replace(fetches, '__wegmarkeFetch(new URL("./')


def link_glue_and_loader(glue: bytes, loader: str) -> tuple:
    """Names the glue and the parts loader by one hash over both (the loader imports the glue
    as "./main.js", the glue imports the loader as "./__wasm_split.js": a change to either
    renames both) and points each one's import at the other. Returns (glue name, glue, loader
    name, loader)."""
    if PARTS_LOADER_MAIN not in loader:
        raise ShapeError(f"the parts loader does not import wasm-bindgen's glue `{PARTS_LOADER_MAIN}`")
    if not imports_parts_loader(glue):
        raise ShapeError(f"wasm-bindgen's glue does not import the parts loader `{PARTS_LOADER_IMPORT.decode()}`")
    build = short_hash(glue + loader.encode("utf-8"))
    glue_name, loader_name = f"wegmarke-{build}.js", f"parts-{build}.js"
    loader = loader.replace(PARTS_LOADER_MAIN, f'from "./{glue_name}"')
    # Only the import statements: the wasm's own import module stays named "./__wasm_split.js".
    glue = glue.replace(PARTS_LOADER_IMPORT, f'from "./{loader_name}"'.encode())
    return glue_name, glue, loader_name, loader


INLINE_LOADER = re.compile(r"<script type=\"module\"(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def find_inline_loader(html: str):
    """trunk's inline `<script type="module">` in index.html (the match; group 1 is its body),
    or None."""
    return INLINE_LOADER.search(html)


def split_imports(body: str) -> tuple:
    """A module's top-level `import` lines and the other lines, each in their order."""
    lines = body.split("\n")
    return ([l for l in lines if l.startswith("import ")],
            [l for l in lines if not l.startswith("import ")])


def read_routes(path: pathlib.Path = ROUTE_PARTS_JSON) -> list:
    """The routes of src/route-parts.json: [{"path": ..., "part": name or null}, ...]."""
    routes = json.loads(path.read_text(encoding="utf-8"))["routes"]
    for r in routes:
        if not isinstance(r.get("path"), str) or not (r.get("part") is None or isinstance(r["part"], str)):
            raise ShapeError(f"{path.name}: route {r} needs a path and a part (a name or null)")
    return routes


def read_then(path: pathlib.Path = ROUTE_PARTS_JSON) -> dict:
    """The "then" table of src/route-parts.json: {part: the part its page asks for after its
    first screen}."""
    then = json.loads(path.read_text(encoding="utf-8")).get("then", {})
    if not isinstance(then, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in then.items()):
        raise ShapeError(f"{path.name}: 'then' must map part names to part names, not {then!r}")
    return then


def follow_up_files(needs: dict, first: str, then: str) -> list:
    """The files of part `then` that part `first`'s pack does not hold, in the loader's order."""
    for part in (first, then):
        if part not in needs:
            raise ShapeError(f"src/route-parts.json: 'then' names the part {part!r}, which the parts loader "
                             f"does not have (parts: {sorted(needs)})")
    held = set(needs[first])
    return [f for f in needs[then] if f not in held]


def early_fetch(routes: list, packs: dict, route_parts_js: pathlib.Path = ROUTE_PARTS_JS,
                parts_pack_js: pathlib.Path = PARTS_PACK_JS) -> tuple:
    """The JavaScript that asks for a deep link's part beside the main module: imports of
    partOf (scripts/route-parts.mjs) and startPack (scripts/parts-pack.mjs), both bundled by
    esbuild, and a block that starts the pack of the part the address needs (write_packs),
    defers the pack of the part its page asks for next, if any (deferPack), and offers every
    pack to the loader's later loads (offerPacks).
    A page a service worker controls skips it: the worker has the part's files already, one
    by one. Returns (import lines, block). Raises ShapeError if a route names a part that has
    no pack."""
    missing = sorted({r["part"] for r in routes if r["part"] is not None} - packs.keys())
    if missing:
        raise ShapeError(f"src/route-parts.json names parts {missing} that have no pack (the parts "
                         f"loader does not have them; packs: {sorted(packs)})")
    used = {p: packs[p] for p in sorted({r["part"] for r in routes} - {None})}
    table = [{"path": r["path"], "part": r["part"]} for r in routes]
    imp = (f"import {{ partOf as __wegmarkePartOf }} from {json.dumps(route_parts_js.as_posix())};\n"
           f"import {{ startPack as __wegmarkeStartPack, deferPack as __wegmarkeDeferPack, "
           f"offerPacks as __wegmarkeOfferPacks }} from {json.dumps(parts_pack_js.as_posix())};")
    block = (
        f"{{const packs={json.dumps(used, separators=(',', ':'))};"
        "if(!(navigator.serviceWorker&&navigator.serviceWorker.controller)){"
        f"const pack=packs[__wegmarkePartOf(location.hash,{json.dumps(table, separators=(',', ':'))})];"
        "if(pack){__wegmarkeStartPack(pack.href,pack.files);"
        "if(pack.then)__wegmarkeDeferPack(pack.then.href,pack.then.files);}"
        "__wegmarkeOfferPacks(Object.values(packs).flatMap(p=>p.then?[p,p.then]:[p]));}}\n"
    )
    return imp, block


# --- The steps ---------------------------------------------------------------------------------

def find_split_dir(build: Build) -> pathlib.Path:
    """The folder wasm-link.sh wrote the parts of the linked wegmarke.wasm to
    (target/.../deps/wegmarke-<hash>.wasm.split/, the one whose .wasm is the linked file)."""
    linked = build.wasm_out / "wegmarke.wasm"
    for d in (build.wasm_out / "deps").glob("wegmarke-*.wasm.split"):
        wasm = pathlib.Path(str(d)[: -len(".split")])
        if wasm.exists() and linked.exists() and os.path.samefile(wasm, linked):
            return d
    sys.exit(f"postbuild: the parts of {linked} were not found (is .cargo/config.toml's linker scripts/wasm-link.sh?)")


def optimise_part(build: Build, part: pathlib.Path) -> bytes:
    """Reads a part's .wasm; returns it through wasm-opt -Oz in release builds (as trunk does
    for the main module), with a temporary file in the stage."""
    if not build.release:
        return part.read_bytes()
    out = build.stage / f"{part.stem}.tmp.wasm"
    subprocess.run(
        [str(build.wasm_opt), "-Oz", "--enable-bulk-memory", "--enable-nontrapping-float-to-int",
         "--enable-sign-ext", "--enable-mutable-globals", "--enable-reference-types",
         "--enable-multivalue", "--strip-debug", str(part), "-o", str(out)],
        check=True, stderr=subprocess.DEVNULL,
    )
    data = out.read_bytes()
    out.unlink()
    return data


def add_parts(build: Build, html: str) -> tuple:
    """Reads the glue wegmarke-*.js in the stage and the split folder (find_split_dir); writes
    part-<name>-<hash>.wasm per part, wegmarke-<hash>.js and parts-<hash>.js (linked to each
    other) in the stage, replacing trunk's glue. Returns index.html with a modulepreload for
    both, and each part's files by part name ({} when the build has no parts)."""
    glue_path = next(iter(build.stage.glob("wegmarke-*.js")), None)
    if glue_path is None or not imports_parts_loader(glue_path.read_bytes()):
        return html, {}
    split = find_split_dir(build)
    loader = (split / "__wasm_split.js").read_text(encoding="utf-8")
    for old in [*build.stage.glob("part-*.wasm"), *build.stage.glob("parts-*.js")]:
        old.unlink()
    parts = sorted(split.glob("*.wasm"))
    renames = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for part, data in zip(parts, pool.map(lambda p: optimise_part(build, p), parts)):
            renames[part.name] = f"part-{part.stem}-{short_hash(data)}.wasm"
            (build.stage / renames[part.name]).write_bytes(data)
    loader = rename_parts(loader, renames)
    needs = part_files(loader)
    if build.esbuild.exists():
        loader = use_packed_fetch(loader)
    glue_name, glue, loader_name, loader = link_glue_and_loader(glue_path.read_bytes(), loader)
    glue_path.unlink()
    (build.stage / glue_name).write_bytes(glue)
    (build.stage / loader_name).write_text(loader, encoding="utf-8")
    html = re.sub(
        r'<link rel="modulepreload" href="\./' + re.escape(glue_path.name) + r'"[^>]*>',
        f'<link rel="modulepreload" href="./{glue_name}" crossorigin="anonymous" integrity="{sri(glue)}">'
        f'<link rel="modulepreload" href="./{loader_name}" crossorigin="anonymous" integrity="{sri(loader.encode("utf-8"))}">',
        html,
    )
    return html.replace(glue_path.name, glue_name), needs


def pack(files: list) -> tuple:
    """A pack of (name, bytes) files: (their bytes end to end, [[name, length], ...])."""
    return b"".join(data for _, data in files), [[name, len(data)] for name, data in files]


def write_packs(build: Build, needs: dict, routes: list, then: dict) -> dict:
    """Writes pack-<part>-<hash>.bin per part a route names (a part only ever loaded after the
    first view, like the located checks, needs none): the part's file and its chunks' (needs),
    end to end; and for a part `then` names, the pack of the part its page asks for next, with
    only the files the first pack does not hold. Returns {part: {"href": "./pack-…", "files":
    [[name, length], ...], "then": {"href": …, "files": …} if any}}; {} when the build has no parts
    or no esbuild (the loader then fetches file by file)."""
    for old in build.stage.glob("pack-*.bin"):
        old.unlink()
    if not needs:
        return {}
    if not build.esbuild.exists():
        print("postbuild: esbuild missing (run scripts/setup.sh); a deep link fetches its part file by "
              "file, after the main module", file=sys.stderr)
        return {}

    def write(part: str, files: list) -> dict:
        data, index = pack([(f, (build.stage / f).read_bytes()) for f in files])
        name = f"pack-{part}-{short_hash(data)}.bin"
        (build.stage / name).write_bytes(data)
        return {"href": f"./{name}", "files": index}

    packs = {}
    for part, files in needs.items():
        if not any(r["part"] == part for r in routes):
            continue
        packs[part] = write(part, files)
        if part in then:
            packs[part]["then"] = write(then[part], follow_up_files(needs, part, then[part]))
    return packs


def bundle_loader(build: Build, html: str, packs: dict, routes: list) -> str:
    """Reads trunk's inline loader from `html` and, through its imports, the glue and parts
    loader in the stage; writes app-<hash>.js (with esbuild: one minified bundle of all three
    plus the early fetch of a deep link's pack; the bundled files and their modulepreloads are
    removed). Returns index.html with a `<script type="module" src integrity>` in place of the
    inline loader."""
    match = find_inline_loader(html)
    if not match:
        if "<script" in html and "app-" not in html:
            sys.exit("postbuild: trunk's loader script was not found; the CSP rewrite would be incomplete")
        return html
    body = match.group(1).strip()
    if packs:
        imp, block = early_fetch(routes, packs)
        imports, rest = split_imports(body)
        body = "\n".join([*imports, imp, block, *rest])
    data = body.encode("utf-8")
    if build.esbuild.exists():
        # One file instead of three: the loader, wasm-bindgen's glue and the parts loader,
        # bundled (they import each other), so the first view makes two requests fewer.
        minify = ["--minify"] if build.release else []
        data = esbuilt(build, data, "--bundle", "--format=esm", *minify, cwd=build.stage).rstrip(b"\n")
        for bundled in [*build.stage.glob("wegmarke-*.js"), *build.stage.glob("parts-*.js")]:
            html = re.sub(r'<link rel="modulepreload" href="\./' + re.escape(bundled.name) + r'"[^>]*>', "", html)
            bundled.unlink()
    for old in build.stage.glob("app-*.js"):
        old.unlink()
    name = f"app-{short_hash(data)}.js"
    data += b"\n"
    (build.stage / name).write_bytes(data)
    tag = f'<script type="module" src="./{name}" integrity="{sri(data)}"></script>'
    return html[: match.start()] + tag + html[match.end():]


def minify_css(build: Build, html: str) -> str:
    """Minifies main-*.css in the stage in place with esbuild (release builds; the name keeps
    trunk's hash). Returns index.html with the stylesheet's new integrity value."""
    if not (build.release and build.esbuild.exists()):
        return html
    for css in build.stage.glob("main-*.css"):
        before = css.read_bytes()
        after = esbuilt(build, before, "--loader=css", "--minify")
        css.write_bytes(after)
        html = html.replace(sri(before), sri(after))
    return html


def inline_favicon(build: Build, html: str) -> str:
    """Reads favicon.svg in the stage; returns index.html with it as a data: address (allowed by
    img-src): one request fewer. The file stays in dist/ for other sites linking to it."""
    favicon = build.stage / "favicon.svg"
    if not favicon.exists():
        return html
    data_uri = "data:image/svg+xml," + quote(favicon.read_text(encoding="utf-8").strip(), safe=" =:/\"")
    return html.replace('<link rel="icon" href="favicon.svg"', f"<link rel=\"icon\" href='{data_uri}'", 1)


def echarts_version(root: pathlib.Path = ROOT) -> str:
    """devDependencies.echarts in package.json: an exact version, as installed by npm ci."""
    version = json.loads((root / "package.json").read_text(encoding="utf-8"))["devDependencies"]["echarts"]
    if not re.fullmatch(r"\d+\.\d+\.\d+", version):
        sys.exit(f"postbuild: package.json pins echarts as {version!r}, not an exact version")
    return version


def add_echarts(build: Build, html: str) -> str:
    """Reads tools/echarts/entry.js and node_modules/echarts (the version in package.json);
    writes echarts-<version>-<hash>.min.js in the stage (a custom build with only what the charts
    use, never from a CDN). Returns index.html with its name in <meta name="wegmarke-echarts">."""
    installed = build.root / "node_modules" / "echarts" / "package.json"
    if not (build.esbuild.exists() and installed.exists()):
        print("postbuild: node_modules/echarts or esbuild missing (run scripts/setup.sh); charts will not load",
              file=sys.stderr)
        return html
    version = echarts_version(build.root)
    have = json.loads(installed.read_text(encoding="utf-8"))["version"]
    if have != version:
        sys.exit(f"postbuild: package.json wants echarts {version}, node_modules has {have} (run scripts/setup.sh)")
    out = build.stage / "echarts.tmp.js"
    subprocess.run(
        [str(build.esbuild), str(build.root / "tools" / "echarts" / "entry.js"), "--bundle", "--minify",
         "--format=iife", "--legal-comments=none", "--log-level=warning", f"--outfile={out}"],
        check=True, cwd=build.root,
    )
    data = out.read_bytes()
    out.unlink()
    for old in build.stage.glob("echarts-*.js"):
        old.unlink()
    name = f"echarts-{version}-{short_hash(data)}.min.js"
    (build.stage / name).write_bytes(data)
    return html.replace("</head>", f'<meta name="wegmarke-echarts" content="./{name}">\n</head>', 1)


def add_locales(build: Build, html: str) -> str:
    """Reads locales/*.json but de.json (compiled into the app); writes each as
    locales/<tag>-<hash>.json in the stage (the folder made anew). Returns index.html with
    them in <meta name="wegmarke-locales" content="tag=./locales/... ...">."""
    locales = build.stage / "locales"
    if locales.exists():
        shutil.rmtree(locales)
    locales.mkdir()
    entries = []
    for source in sorted((build.root / "locales").glob("*.json")):
        if source.stem == "de":
            continue
        data = source.read_bytes()
        name = f"{source.stem}-{short_hash(data)}.json"
        (locales / name).write_bytes(data)
        entries.append(f"{source.stem}=./locales/{name}")
    return html.replace("</head>", f'<meta name="wegmarke-locales" content="{" ".join(entries)}">\n</head>', 1)


def precompress(build: Build) -> None:
    """Writes <file>.gz (gzip -9) and, if Debian's brotli is installed, <file>.br (-q 11) next
    to the stage's .js, .wasm, .bin (packs), .css, .html and .svg files and the locales/ files; not into
    data/ or config.json."""
    brotli = shutil.which("brotli")
    locales = build.stage / "locales"
    for path in [*build.stage.iterdir(), *locales.iterdir()]:
        if path.is_file() and (path.suffix in {".js", ".wasm", ".bin", ".css", ".html", ".svg"} or path.parent == locales):
            with gzip.open(str(path) + ".gz", "wb", compresslevel=9) as f:
                f.write(path.read_bytes())
            if brotli:
                subprocess.run([brotli, "-f", "-q", "11", "-o", str(path) + ".br", str(path)], check=True)
    if not brotli:
        print("postbuild: brotli not installed; .br files not written", file=sys.stderr)


def main() -> None:
    stage = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", sys.argv[1] if len(sys.argv) > 1 else "dist"))
    build = Build(
        stage=stage,
        profile=os.environ.get("TRUNK_PROFILE", "release"),
        cargo_target=pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")),
    )
    index = build.stage / "index.html"
    try:
        html = index.read_text(encoding="utf-8")
        html, needs = add_parts(build, html)
        routes = read_routes()
        html = bundle_loader(build, html, write_packs(build, needs, routes, read_then()), routes)
    except ShapeError as e:
        sys.exit(f"postbuild: {e}")
    html = minify_css(build, html)
    html = inline_favicon(build, html)
    html = add_echarts(build, html)
    html = add_locales(build, html)
    index.write_text(html, encoding="utf-8")
    precompress(build)


if __name__ == "__main__":
    main()
