"""Voila's page templates are loaded and compiled once per process, and an
edited template is still shown (``server.voila_process``)."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

from facilitate.server.voila import (
    ServeOptions,
    room_role,
    voila_command,
    voila_settings,
)

RENDER_TWICE = """
import sys
from pathlib import Path
import nbformat
from nbconvert import HTMLExporter
from facilitate.server.voila_process import COMPILED, share_template_environments

share_template_environments()
folder = Path(sys.argv[1])
notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Hello")])
environments = []

def render(name="mine"):
    exporter = HTMLExporter(extra_template_basedirs=[str(folder)], template_name=name)
    environments.append(exporter.environment)
    return exporter.from_notebook_node(notebook)[0]

first = render()
after_first = COMPILED.compilations
second = render()
after_second = COMPILED.compilations
(folder / "mine" / "index.html.j2").write_text("Edited {{ nb.cells | length }}")
third = render()
after_edit = COMPILED.compilations
other = render("other")
shared = environments[0] is environments[1] is environments[2]
print(shared, environments[3] is not environments[0], after_first, after_second,
      after_edit, first, second, third, other)
"""


def test_a_second_page_loads_no_template_and_an_edited_one_shows(tmp_path):
    for name, text in (("mine", "Cells"), ("other", "Other")):
        template = tmp_path / name
        template.mkdir()
        (template / "conf.json").write_text('{"base_template": "base"}')
        (template / "index.html.j2").write_text(text + " {{ nb.cells | length }}")
    said = subprocess.run(
        [sys.executable, "-c", RENDER_TWICE, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    shared, apart, first, second, third, *pages = said.stdout.split()
    assert shared == "True", "exporters of one template share one environment"
    assert apart == "True", "another template has an environment of its own"
    assert int(first) > 0, "the first page compiles its templates"
    assert second == first, "a second exporter compiles nothing again"
    assert int(third) == int(second) + 1, "only the edited template is compiled"
    assert pages == ["Cells", "1", "Cells", "1", "Edited", "1", "Other", "1"]


def test_both_voilas_run_with_the_shared_compiled_templates(tmp_path):
    command, _ = voila_command(room_role(ServeOptions()), 8866, tmp_path)
    assert command[1:3] == ["-m", "facilitate.server.voila_process"]
    assert Path(command[3]).is_dir()


PREPARE_FIVE = """
import asyncio
from voila import voila_kernel_manager
from facilitate.server.voila_process import fill_one_at_a_time

fill_one_at_a_time()
running, most = 0, 0

async def prepare():
    global running, most
    running += 1
    most = max(most, running)
    await asyncio.sleep(0.01)
    running -= 1
    return "ready"

async def fill():
    fills = [voila_kernel_manager.wait_before(0, prepare()) for _ in range(5)]
    return await asyncio.gather(*fills)

print(asyncio.run(fill()).count("ready"), most)
"""


def test_the_pool_prepares_one_replacement_at_a_time():
    """250 replacements prepared back to back held every page behind them."""
    said = subprocess.run(
        [sys.executable, "-c", PREPARE_FIVE], capture_output=True, text=True, check=True
    )
    assert said.stdout.split() == ["5", "1"]


def test_voila_builds_no_debug_line_it_would_throw_away(tmp_path):
    settings = voila_settings(room_role(ServeOptions()), 8866)
    level = settings["Voila"]["logging_config"]["loggers"]["Voila"]["level"]
    assert level == settings["Voila"]["log_level"] == "ERROR"


def test_the_installed_nbconvert_voila_and_tornado_still_have_the_hooks():
    """An upgrade that renames any would quietly make rooms slower again."""
    from jupyter_client import jsonutil
    from nbconvert.exporters.templateexporter import TemplateExporter
    from tornado.web import Application
    from voila import app, utils, voila_kernel_manager

    from facilitate.server.voila_process import (
        DATE_PARSER,
        ENVIRONMENT_HOOK,
        EXTENSION_READERS,
        POOL_FILL_HOOK,
    )

    assert f"{DATE_PARSER}(" in inspect.getsource(jsonutil.parse_date)
    assert callable(getattr(TemplateExporter, ENVIRONMENT_HOOK))
    for name in EXTENSION_READERS:
        assert callable(getattr(utils, name))
        assert f"{name}(" in inspect.getsource(utils)
    assert f"{POOL_FILL_HOOK}(" in inspect.getsource(voila_kernel_manager)
    assert "backlog" in inspect.signature(Application.listen).parameters
    assert "self.app.listen(" in inspect.getsource(app.Voila.listen)


READ_TWICE = """
import json, logging, sys
from pathlib import Path
from voila import utils
from voila.configuration import VoilaConfiguration
from facilitate.server.voila_process import read_extensions_once

read_extensions_once()
package = Path(sys.argv[1]) / "my-extension" / "package.json"
settings = {"labextensions_path": []}
configuration = VoilaConfiguration(extra_labextensions_path=[sys.argv[1]])
def names():
    page = utils.get_page_config("/", settings, logging.getLogger(), configuration)
    found = sorted(e["name"] for e in page["federated_extensions"])
    page["federated_extensions"].clear()  # a page's own copy
    return found
first = names()
package.write_text(json.dumps({**json.loads(package.read_text()), "name": "renamed"}))
print("my-extension" in first, "my-extension" in names(), "renamed" in names())
"""


def test_a_page_reads_the_extensions_page_configuration_once_per_process(tmp_path):
    """Installed extensions do not change while a room runs; every page read
    each one's package.json again."""
    folder = tmp_path / "my-extension"
    folder.mkdir()
    build = {"load": "static/remoteEntry.js", "extension": "./extension"}
    package = {"name": "my-extension", "version": "1", "jupyterlab": {"_build": build}}
    (folder / "package.json").write_text(json.dumps(package))
    said = subprocess.run(
        [sys.executable, "-c", READ_TWICE, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert said.stdout.split() == ["True", "True", "False"]


PARSE_DATES = """
from datetime import datetime
from dateutil.parser import isoparse
from jupyter_client import jsonutil
from facilitate.server.voila_process import parse_dates_quickly

parse_dates_quickly()
shapes = [
    "2026-12-08T01:22:09.123456Z", "2026-12-08T01:22:09Z", "2026-12-08T01:22:09.1Z",
    "2026-12-08T01:22:09.12345+01:00", "2026-12-08T01:22:09+0100",
    "2026-12-08T01:22:09.123456", "2026-12-08T01:22:09-05:30",
]
same = all(
    jsonutil.parse_date(shape) == jsonutil._ensure_tzinfo(isoparse(shape))
    for shape in shapes
)
print(same, jsonutil._dateutil_parse == datetime.fromisoformat,
      jsonutil.parse_date("not a date"))
"""


def test_message_dates_are_read_quickly_to_the_same_value():
    said = subprocess.run(
        [sys.executable, "-c", PARSE_DATES], capture_output=True, text=True, check=True
    )
    assert said.stdout.split() == ["True", "True", "not", "a", "date"]
