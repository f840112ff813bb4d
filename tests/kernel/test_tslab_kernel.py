"""The tslab kernel against the Jupyter project's own conformance suite (jupyter_kernel_test, Debian's
python3-jupyter-kernel-test). Run from the project root:

    JUPYTER_PATH=$PWD/jupyter python3 -m unittest -v tests/kernel/test_tslab_kernel.py

(tests/kernel/conformance.test.ts runs it under `npm test`.) Every check of KernelTests applies and is
filled in below except the pager, skipped with its reason. The checks after it are this kernel's own
(stop_on_error both ways, Out[n] numbering, tracebacks and type errors that name the cell line).
"""
import json
import os
import unittest

import jupyter_kernel_test

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
with open(os.path.join(ROOT, "node_modules", "typescript", "package.json")) as f:
    TYPESCRIPT_VERSION = json.load(f)["version"]


class TslabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "tslab"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The first cell loads TypeScript's lib and @types/node (seconds on a busy 2-core machine); the suite
        # waits 15 s per reply, so compile once before the checks start.
        cls.kc.execute_interactive("1", timeout=120)
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("to stderr")'

    completion_samples = [
        {"text": "Math.ab", "matches": {"abs"}},
        {"text": 'const sampleValue = 1;\nsampleVa', "matches": {"sampleValue"}},
    ]

    complete_code_samples = ["1 + 1", 'console.log("x")', "let a = 1;", "function f() {\n  return 1;\n}"]
    incomplete_code_samples = ["function f() {", "if (true) {", "const s = `abc", "[1, 2,"]
    invalid_code_samples = ["let 1x = 2", "const = 3", "1 +* 2"]

    code_generate_error = 'throw new Error("boom")'

    # text/plain as Node's util.inspect shows a value (strings quoted, as in the Node REPL).
    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": '"a" + "b"', "result": "'ab'"},
        {"code": "[1, 2].map((x) => x * 10)", "result": "[ 10, 20 ]"},
        {
            "code": '({ [Symbol.for("Jupyter.display")]: () => ({ "text/html": "<b>x</b>" }) })',
            "mime": "text/html",
            "result": "<b>x</b>",
        },
    ]

    code_display_data = [
        {"code": 'import * as tslab from "tslab";\ntslab.display.html("<b>hi</b>")', "mime": "text/html"},
        {"code": 'import * as tslab from "tslab";\ntslab.display.markdown("*hi*")', "mime": "text/markdown"},
    ]

    code_history_pattern = "1 + *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = 'import * as tslab from "tslab";\nconsole.log("x");\ntslab.display.clear()'

    @unittest.skip("TypeScript has no help syntax that opens a pager (IPython's `x?`); tslab sends no page payload")
    def test_pager(self):
        pass

    def queue(self, codes, stop_on_error):
        """Sends every request before reading any reply (as a frontend's Run All does); returns the replies."""
        self.flush_channels()
        ids = [self.kc.execute(code, stop_on_error=stop_on_error) for code in codes]
        replies = {}
        while len(replies) < len(ids):
            reply = self.get_non_kernel_info_reply(timeout=jupyter_kernel_test.TIMEOUT)
            replies[reply["parent_header"]["msg_id"]] = reply["content"]
        self.flush_channels()
        return [replies[i] for i in ids]

    def test_stop_on_error_true_aborts_queued_requests(self):
        replies = self.queue(['throw new Error("stop")', 'console.log("not run")', "1"], stop_on_error=True)
        self.assertEqual([r["status"] for r in replies], ["error", "aborted", "aborted"])

    def test_stop_on_error_false_runs_queued_requests(self):
        replies = self.queue(['throw new Error("go on")', 'console.log("run")', "40 + 2"], stop_on_error=False)
        self.assertEqual([r["status"] for r in replies], ["error", "ok", "ok"])
        self.assertEqual(replies[2]["execution_count"], replies[1]["execution_count"] + 1)

    def test_execute_result_carries_the_execution_count(self):
        reply, outputs = self.execute_helper("6 * 7")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        self.assertEqual(results[0]["content"]["execution_count"], reply["content"]["execution_count"])
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "42")

    def test_store_history_false_neither_counts_nor_records(self):
        first, _ = self.execute_helper('"counted"')
        self.execute_helper('"not stored"', store_history=False)
        second, _ = self.execute_helper('"counted again"')
        self.assertEqual(second["content"]["execution_count"], first["content"]["execution_count"] + 1)
        reply = self.history_helper([], output=False, raw=True, hist_access_type="search", pattern="*not stored*")
        self.assertEqual(reply["content"]["history"], [])

    def test_runtime_error_names_the_cell_line(self):
        reply, outputs = self.execute_helper('const missing: any = null;\nmissing.field;')
        count = reply["content"]["execution_count"]
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "TypeError")
        traceback = "\n".join(reply["content"]["traceback"])
        self.assertIn(f"Cell In[{count}], line 2", traceback)
        self.assertNotIn("evalmachine", traceback)
        self.assertNotIn("tslab/dist", traceback)

    def test_type_error_names_the_cell_line(self):
        reply, outputs = self.execute_helper('const fine = 1;\nconst year: number = "2019";')
        count = reply["content"]["execution_count"]
        self.assertEqual(reply["content"]["ename"], "TypeScriptError")
        self.assertIn(f"Cell In[{count}], line 2, column 7: error TS2322", reply["content"]["evalue"])

    def test_kernel_info_reports_the_compiler(self):
        self.flush_channels()
        self.kc.kernel_info()
        content = self.kc.get_shell_msg(timeout=jupyter_kernel_test.TIMEOUT)["content"]
        self.assertEqual(content["status"], "ok")
        self.assertEqual(content["protocol_version"], "5.3")
        self.assertEqual(content["implementation"], "tslab")
        self.assertEqual(content["language_info"]["version"], TYPESCRIPT_VERSION)
        self.assertTrue(content["help_links"])


if __name__ == "__main__":
    unittest.main()
