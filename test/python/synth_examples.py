"""Synthesizes Python examples, each into its own directory, the way the TypeScript tests do
(test/support/synth.ts: App(outdir=..., stack_traces=False)). One process for all of them: the
jsii runtime and the provider assemblies load once.

Usage: python synth_examples.py OUTROOT EXAMPLE_DIR...
EXAMPLE_DIR/main.py defines `<name>_example(app)`, name being the folder's name in snake case;
its stacks are written to OUTROOT/<folder name>.
"""
import importlib.util
import os
import sys

from cdktf import App


def synth(example_dir: str, outdir: str) -> None:
    folder = os.path.basename(os.path.normpath(example_dir))
    name = folder.replace("-", "_")
    spec = importlib.util.spec_from_file_location(f"example_{name}", os.path.join(example_dir, "main.py"))
    if spec is None or spec.loader is None:
        raise SystemExit(f"no main.py in {example_dir}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    build = getattr(module, f"{name}_example")
    app = App(outdir=outdir, stack_traces=False)
    build(app)
    app.synth()


def main() -> None:
    outroot, example_dirs = sys.argv[1], sys.argv[2:]
    if not example_dirs:
        raise SystemExit("no example given")
    for example_dir in example_dirs:
        synth(example_dir, os.path.join(outroot, os.path.basename(os.path.normpath(example_dir))))


if __name__ == "__main__":
    main()
