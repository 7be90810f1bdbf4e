"""scripts/postbuild.py's readers of generated JavaScript, against samples captured from a
release build (scripts/tests/fixtures/README.md says how to capture them anew). When a tool's
upgrade changes the shape of what it generates, these fail and say what is missing."""
import importlib.util
import json
import pathlib
import re
import shutil
import subprocess
import tempfile
import unittest

HERE = pathlib.Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
ROOT = HERE.parent.parent

spec = importlib.util.spec_from_file_location("postbuild", ROOT / "scripts" / "postbuild.py")
postbuild = importlib.util.module_from_spec(spec)
spec.loader.exec_module(postbuild)

LOADER = (FIXTURES / "__wasm_split.js").read_text(encoding="utf-8")
GLUE = (FIXTURES / "glue-imports.js").read_bytes()
STAGED_HTML = (FIXTURES / "index.staged.html").read_text(encoding="utf-8")
# The parts src/parts.rs declares; the sample must have each, with at least one file.
PARTS = {"pages", "explorer", "search", "council", "workshop", "checks", "workbook", "indicator", "chart"}


class PartsLoader(unittest.TestCase):
    """wasm-split-cli's __wasm_split.js: the files each part needs."""

    def test_every_part_has_its_files(self):
        needs = postbuild.part_files(LOADER)
        self.assertEqual(set(needs), PARTS,
                         "the sample's parts differ from src/parts.rs: recapture it or update PARTS")
        named = set(re.findall(r'new URL\("\./([^"]+\.wasm)"', LOADER))
        for part, files in needs.items():
            self.assertTrue(files, f"part {part} has no file")
            self.assertIn(part, files[0], f"part {part}'s own file should come first, not {files[0]}")
            self.assertFalse(files[0].startswith("chunk_"), f"part {part}'s own file should come first, not {files[0]}")
            self.assertLessEqual(set(files), named, f"part {part} names a file the loader does not load")
            self.assertEqual(len(files), len(set(files)), f"part {part} lists a file twice")
        used = {f for files in needs.values() for f in files}
        self.assertEqual(used, named, "a .wasm the loader loads belongs to no part")

    def test_shared_chunks_are_counted_for_each_part_that_needs_them(self):
        needs = postbuild.part_files(LOADER)
        chunk_files = [f for files in needs.values() for f in files[1:]]
        self.assertTrue(chunk_files, "the sample has no shared chunk: the chunk reading is untested")

    def test_a_missing_part_entry_is_a_clear_error(self):
        broken = re.sub(r"export const __wasm_split_load_\w+ = wrapAsyncCb", "export const x = wrap", LOADER)
        with self.assertRaisesRegex(postbuild.ShapeError, r"no entry `export const __wasm_split_load_"):
            postbuild.part_files(broken)

    def test_a_missing_chunk_is_a_clear_error(self):
        chunk = re.search(r"const (__chunk_\d+) = makeLoad", LOADER).group(1)
        broken = LOADER.replace(f"const {chunk} = makeLoad", f"const renamed{chunk} = makeLoad")
        with self.assertRaisesRegex(postbuild.ShapeError, rf"needs {chunk}, which the parts loader does not define"):
            postbuild.part_files(broken)

    def test_a_part_entry_without_its_chunk_list_is_a_clear_error(self):
        first = LOADER.index("export const __wasm_split_load_")
        broken = LOADER[:first] + LOADER[first:].replace("\n}\n, [", "\n},\n[", 1)
        with self.assertRaisesRegex(postbuild.ShapeError, r"has no list of chunks"):
            postbuild.part_files(broken)

    def test_renaming_reaches_every_file(self):
        named = sorted(set(re.findall(r'new URL\("\./([^"]+\.wasm)"', LOADER)))
        renamed = postbuild.rename_parts(LOADER, {f: f"part-{i}.wasm" for i, f in enumerate(named)})
        for f in named:
            self.assertNotIn(f'"./{f}"', renamed)
        self.assertEqual(sorted(f for files in postbuild.part_files(renamed).values() for f in files)[0], "part-0.wasm")
        with self.assertRaisesRegex(postbuild.ShapeError, "gone.wasm is not named in the parts loader"):
            postbuild.rename_parts(LOADER, {"gone.wasm": "x.wasm"})

    def test_the_function_table_patch_of_wasm_link_is_in_the_sample(self):
        # scripts/wasm-link.sh renames the table export; the loader must read it under the new name.
        self.assertIn("__wasm_split_shared_table: __indirect_function_table", LOADER)


class GlueAndLoader(unittest.TestCase):
    """wasm-bindgen's glue imports the parts loader, and the parts loader imports the glue."""

    def test_the_glue_imports_the_parts_loader(self):
        self.assertTrue(postbuild.imports_parts_loader(GLUE),
                        'the glue no longer imports `from "./__wasm_split.js"`')
        self.assertFalse(postbuild.imports_parts_loader(b'import * as x from "./other.js";'))

    def test_linking_renames_both_imports_and_nothing_else(self):
        glue_name, glue, loader_name, loader = postbuild.link_glue_and_loader(GLUE, LOADER)
        self.assertRegex(glue_name, r"^wegmarke-[0-9a-f]{16}\.js$")
        self.assertEqual(loader_name, glue_name.replace("wegmarke-", "parts-"))
        self.assertIn(f'from "./{loader_name}"'.encode(), glue)
        self.assertNotIn(b'from "./__wasm_split.js"', glue)
        # The wasm's own import module keeps its name: only the import statement changes.
        self.assertEqual(glue.count(b"__wasm_split.js"), GLUE.count(b"__wasm_split.js") - GLUE.count(b'from "./__wasm_split.js"'))
        self.assertIn(f'from "./{glue_name}"', loader)
        self.assertNotIn('from "./main.js"', loader)

    def test_a_loader_that_does_not_import_main_js_is_a_clear_error(self):
        with self.assertRaisesRegex(postbuild.ShapeError, r'does not import wasm-bindgen\'s glue'):
            postbuild.link_glue_and_loader(GLUE, LOADER.replace('from "./main.js"', 'from "./glue.js"'))


class InlineLoader(unittest.TestCase):
    """trunk's inline <script type="module"> in the staged index.html."""

    def test_the_inline_loader_is_found_with_its_imports(self):
        match = postbuild.find_inline_loader(STAGED_HTML)
        self.assertIsNotNone(match, "the staged index.html has no inline <script type=module>")
        imports, rest = postbuild.split_imports(match.group(1).strip())
        self.assertEqual(len(imports), 1, f"trunk's loader should import only the glue, imports: {imports}")
        self.assertRegex(imports[0], r"^import init, \* as bindings from '\./wegmarke-[0-9a-f]+\.js';$")
        self.assertTrue(any("await init(" in l for l in rest), "trunk's loader no longer calls init")
        self.assertNotIn("<script", match.group(1))

    def test_a_script_with_src_is_not_the_inline_loader(self):
        self.assertIsNone(postbuild.find_inline_loader('<script type="module" src="./app-1.js"></script>'))


class EarlyFetch(unittest.TestCase):
    """The code that starts a deep link's pack, with the route table and each part's pack."""

    def setUp(self):
        self.routes = postbuild.read_routes()
        self.needs = postbuild.part_files(LOADER)
        self.packs = {part: {"href": f"./pack-{part}-0123456789abcdef.bin",
                             "files": [[f, 10 + i] for i, f in enumerate(files)]}
                      for part, files in self.needs.items()}

    def test_every_part_a_route_names_is_a_part_of_the_loader(self):
        named = {r["part"] for r in self.routes} - {None}
        self.assertLessEqual(named, set(self.needs))

    def test_a_route_naming_an_unknown_part_is_a_clear_error(self):
        with self.assertRaisesRegex(postbuild.ShapeError, r"names parts \['gone'\]"):
            postbuild.early_fetch([{"path": "x", "part": "gone"}], self.packs)

    def run_block(self, controlled: bool) -> tuple:
        """The block run in node for every case of src/route-parts.json, with stand-ins for
        startPack and the service worker: (the cases, the packs it started by hash)."""
        imp, block = postbuild.early_fetch(self.routes, self.packs)
        cases = json.loads(postbuild.ROUTE_PARTS_JSON.read_text(encoding="utf-8"))["cases"]
        imp = imp.replace("import { startPack as __wegmarkeStartPack, deferPack as __wegmarkeDeferPack, "
                          "offerPacks as __wegmarkeOfferPacks }",
                          "import { startPack as __a, deferPack as __b, offerPacks as __c }")
        script = (
            imp + "\nconst out = {};\nlet started = [];\n"
            "const __wegmarkeStartPack = (href, files) => started.push({ href, files });\n"
            "const __wegmarkeDeferPack = (href, files) => started.push({ deferred: href, files });\n"
            "const __wegmarkeOfferPacks = packs => started.push({ offered: packs.map(p => p.href) });\n"
            f"globalThis.navigator = {{ serviceWorker: {{ controller: {'{}' if controlled else 'null'} }} }};\n"
            f"for (const hash of {json.dumps(list(cases))}) {{\n"
            "  started = [];\n"
            "  globalThis.location = { hash };\n"
            + block +
            "  out[hash] = started;\n"
            "}\nconsole.log(JSON.stringify(out));\n"
        )
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp) / "early.mjs"
            path.write_text(script, encoding="utf-8")
            run = subprocess.run(["node", str(path)], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stderr)
        return cases, json.loads(run.stdout)

    @unittest.skipIf(shutil.which("node") is None, "node is not installed")
    def test_a_deep_link_starts_its_parts_pack(self):
        cases, started = self.run_block(controlled=False)
        named = sorted({r["part"] for r in self.routes} - {None})
        offered = {"offered": [self.packs[p]["href"] for p in named]}
        expected = {h: ([self.packs[p]] if p else []) + [offered] for h, p in cases.items()}
        self.assertEqual(started, expected)

    @unittest.skipIf(shutil.which("node") is None, "node is not installed")
    def test_a_deep_link_defers_the_pack_its_page_asks_for_next(self):
        then = {"href": "./pack-chart-fedcba9876543210.bin", "files": [["part-split_chart-0.wasm", 3]]}
        self.packs["indicator"]["then"] = then
        cases, started = self.run_block(controlled=False)
        indicator = [h for h, p in cases.items() if p == "indicator"]
        self.assertTrue(indicator, "route-parts.json has cases of an indicator")
        for h in indicator:
            first = {k: v for k, v in self.packs["indicator"].items() if k != "then"}
            self.assertEqual([{k: v for k, v in s.items() if k != "then"} for s in started[h]][:2],
                             [first, {"deferred": then["href"], "files": then["files"]}], h)
            self.assertIn(then["href"], started[h][2]["offered"], "the next pack is offered too")

    def test_the_next_pack_holds_only_what_the_first_does_not(self):
        needs = {"a": ["split_a", "chunk_1", "chunk_2"], "b": ["split_b", "chunk_2", "chunk_3"]}
        self.assertEqual(postbuild.follow_up_files(needs, "a", "b"), ["split_b", "chunk_3"])
        with self.assertRaisesRegex(postbuild.ShapeError, r"names the part 'gone'"):
            postbuild.follow_up_files(needs, "a", "gone")

    def test_the_then_table_names_parts_of_the_loader(self):
        then = postbuild.read_then()
        self.assertEqual(then, {"indicator": "chart"})
        self.assertLessEqual(set(then) | set(then.values()), set(self.needs))

    @unittest.skipIf(shutil.which("node") is None, "node is not installed")
    def test_a_page_a_service_worker_controls_starts_no_pack(self):
        _, started = self.run_block(controlled=True)
        self.assertEqual({h: [] for h in started}, started)


class Packs(unittest.TestCase):
    """A part with its chunks in one file, and the loader that takes them out of it."""

    def test_a_pack_is_its_files_end_to_end_with_their_lengths(self):
        data, index = postbuild.pack([("a.wasm", b"\0asm1"), ("b.wasm", b""), ("c.wasm", b"\0asm22")])
        self.assertEqual(data, b"\0asm1\0asm22")
        self.assertEqual(index, [["a.wasm", 5], ["b.wasm", 0], ["c.wasm", 6]])

    def test_every_file_the_loader_fetches_goes_through_packed_fetch(self):
        loader = postbuild.use_packed_fetch(LOADER)
        self.assertNotIn('fetch(new URL("./', loader.replace('__wegmarkeFetch(new URL("./', ""))
        self.assertEqual(loader.count('__wegmarkeFetch(new URL("./'), LOADER.count('fetch(new URL("./'))
        self.assertTrue(loader.startswith("import { packedFetch as __wegmarkeFetch } from "))
        self.assertEqual(postbuild.part_files(loader), postbuild.part_files(LOADER), "the files each part needs stay")

    def test_a_part_asks_for_its_own_file_before_its_chunks(self):
        loader = postbuild.use_packed_fetch(LOADER)
        self.assertLess(loader.index("const instantiate = fetcher();"), loader.index("const parallelStuff = deps.map"))
        with self.assertRaisesRegex(postbuild.ShapeError, r"makeLoad"):
            postbuild.use_packed_fetch(LOADER.replace("const parallelStuff = deps.map(d => d());", "const p = deps;"))

    def test_a_loader_without_fetches_is_a_clear_error(self):
        with self.assertRaisesRegex(postbuild.ShapeError, r"has no `fetch\(new URL"):
            postbuild.use_packed_fetch(LOADER.replace('fetch(new URL("./', 'load(new URL("./'))


class EchartsVersion(unittest.TestCase):
    def test_the_version_comes_from_package_json(self):
        package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
        self.assertEqual(postbuild.echarts_version(ROOT), package["devDependencies"]["echarts"])

    def test_a_range_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            (pathlib.Path(tmp) / "package.json").write_text('{"devDependencies": {"echarts": "^5.6.0"}}')
            with self.assertRaises(SystemExit) as e:
                postbuild.echarts_version(pathlib.Path(tmp))
            self.assertIn("not an exact version", str(e.exception))


if __name__ == "__main__":
    unittest.main()
