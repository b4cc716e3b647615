"""The notebooks run end to end (stored without outputs; executed here so that a broken one fails `make test`)."""
import ast
import configparser
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_notebooks_are_stored_without_outputs():
    assert NOTEBOOKS
    for path in NOTEBOOKS:
        book = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") and not c.get("execution_count") for c in book.cells if c.cell_type == "code"), path


def test_readme_install_line_brings_every_package_the_notebooks_import():
    """README's way to open the notebooks works after `make run` alone (no test extras): the extra it installs and
    the base requirements hold every third-party module a notebook imports (matplotlib is only in extras)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Notebooks"):]
    extra = re.search(r"\.venv/bin/pip install -e '\.\[(\w+)\]'", section).group(1)
    setup = configparser.ConfigParser()
    setup.read(ROOT / "setup.cfg")
    options = setup["options"]["install_requires"] + setup["options.extras_require"][extra]
    required = {re.split(r"[<>=!\[ ]", line.strip())[0].lower() for line in options.splitlines() if line.strip()}
    assert "jupyterlab" in required
    distributions = packages_distributions()
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            for node in ast.walk(ast.parse(cell.source)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
                for top in {name.split(".")[0] for name in names} - set(sys.stdlib_module_names) - {"pipeline"}:
                    assert {d.lower() for d in distributions[top]} & required, (path.name, top)


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))  # what a notebook writes to a temporary folder goes with the test's
    book = nbformat.read(path, as_version=4)
    NotebookClient(book, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
