"""scripts/setup.sh on a fresh or half-set-up machine: it repairs what it can and says exactly what to run.

Python, pip, apt-get and sudo are stand-ins here (small shell scripts), so these tests are fast, need
no network and change nothing outside a temporary folder. Each stand-in writes what it was asked to
do to a log, which the tests read.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from sitebench.browser import CHROMIUM_PLACES

REPO = Path(__file__).resolve().parents[2]

# Python as the test sets it up: its version, and whether its venv module can install pip.
FAKE_PYTHON = r"""#!/bin/bash
if [ "$1" = "-c" ]; then echo "${FAKE_VERSION:-3.11.2}"; exit 0; fi
if [ "$1 $2" = "-m venv" ]; then
  echo "python -m venv $3" >> "$FAKE_LOG"
  mkdir -p "$3/bin" && cp "$FAKE_DIR/venv-python" "$3/bin/python"
  if [ -n "${FAKE_NO_ENSUREPIP:-}" ] && [ ! -e "$FAKE_DIR/python3.11-venv-installed" ]; then
    echo "The virtual environment was not created successfully because ensurepip is not available." >&2
    exit 1
  fi
  touch "$3/pip-installed"
  exit 0
fi
exit 2
"""
# The .venv's own Python: it has pip only if the venv module could install it.
VENV_PYTHON = r"""#!/bin/bash
venv=$(cd "$(dirname "$0")/.." && pwd)
if [ "$1" = "-c" ]; then echo "${FAKE_VENV_VERSION:-3.11.2}"; exit 0; fi
if [ "$1 $2 $3" = "-m pip --version" ]; then
  [ -e "$venv/pip-installed" ] && exit 0
  echo "No module named pip" >&2; exit 1
fi
if [ "$1 $2 $3" = "-m pip install" ]; then echo "pip install ${*: -1}" >> "$FAKE_LOG"; exit 0; fi
exit 2
"""
FAKE_APT = r"""#!/bin/bash
echo "apt-get $*" >> "$FAKE_LOG"
[ -n "${FAKE_APT_FAILS:-}" ] && [ "$1" = "install" ] && { echo "E: Unable to locate package ${*: -1}" >&2; exit 100; }
[ "$1" = "install" ] && touch "$FAKE_DIR/${*: -1}-installed"
exit 0
"""
FAKE_SUDO = '#!/bin/bash\nexec "$@"\n'
# What setup.sh uses from the system, beside the stand-ins: nothing else is on PATH.
TOOLS = ("bash", "env", "dirname", "id", "mktemp", "grep", "cat", "rm", "mkdir", "cp", "touch")


def _script(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture()
def machine(tmp_path: Path) -> Path:
    """A folder with the set-up script and requirement files, and a bin/ of stand-ins and system tools."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "setup.sh", tmp_path / "scripts" / "setup.sh")
    (tmp_path / "tests").mkdir()
    (tmp_path / "requirements.txt").write_text("# the site's tools\n", encoding="utf-8")
    (tmp_path / "tests" / "requirements.txt").write_text("# the test tools\n", encoding="utf-8")
    (tmp_path / "requirements-zensical.txt").write_text("# the second builder\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in TOOLS:
        (bin_dir / tool).symlink_to(shutil.which(tool))
    _script(bin_dir / "fakepython", FAKE_PYTHON)
    _script(bin_dir / "apt-get", FAKE_APT)
    _script(bin_dir / "sudo", FAKE_SUDO)
    _script(tmp_path / "venv-python", VENV_PYTHON)
    (tmp_path / "log").touch()
    return tmp_path


def _setup(machine: Path, *arguments: str, **fake: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(machine / "bin"), "HOME": str(machine), "FAKE_DIR": str(machine),
           "FAKE_LOG": str(machine / "log"), "PYTHON": "fakepython", **fake}
    env = {name: value for name, value in env.items() if value is not None}
    return subprocess.run(["bash", "scripts/setup.sh", *arguments], cwd=machine, env=env, capture_output=True,
                          text=True, timeout=60)


def _log(machine: Path) -> list[str]:
    return (machine / "log").read_text(encoding="utf-8").splitlines()


def test_a_fresh_machine_gets_a_venv_and_the_sites_tools(machine: Path) -> None:
    result = _setup(machine)
    assert result.returncode == 0, result.stderr
    assert _log(machine) == ["python -m venv .venv", "pip install requirements.txt"]


def test_pip_runs_again_only_when_a_requirements_file_changes(machine: Path) -> None:
    """Every serve, build and test runs set-up: when nothing changed, it is quick and quiet."""
    assert _setup(machine).returncode == 0
    assert _setup(machine).returncode == 0
    assert _log(machine) == ["python -m venv .venv", "pip install requirements.txt"]
    (machine / "requirements.txt").write_text("# the site's tools, one more\n", encoding="utf-8")
    assert _setup(machine).returncode == 0
    assert _log(machine)[-1] == "pip install requirements.txt"
    assert len(_log(machine)) == 3


def test_a_half_made_venv_without_pip_is_made_again(machine: Path) -> None:
    """What Debian leaves after `python3 -m venv` fails for want of python3-venv: a Python, but no pip."""
    (machine / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(machine / "venv-python", machine / ".venv" / "bin" / "python")
    result = _setup(machine)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("The .venv folder is half-made or out of date (no working Python 3.11+ with pip in it): "
                             "making it again.\n")
    assert _log(machine) == ["python -m venv .venv", "pip install requirements.txt"]


def test_a_venv_of_an_older_python_is_made_again(machine: Path) -> None:
    (machine / ".venv" / "bin").mkdir(parents=True)
    shutil.copy(machine / "venv-python", machine / ".venv" / "bin" / "python")
    (machine / ".venv" / "pip-installed").touch()
    result = _setup(machine, FAKE_VENV_VERSION="3.10.12")
    assert "making it again" in result.stdout
    assert _log(machine)[0] == "python -m venv .venv"


def test_without_python3_venv_it_installs_the_package_with_apt(machine: Path) -> None:
    result = _setup(machine, FAKE_NO_ENSUREPIP="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ("Python's venv module cannot make a .venv here: the package python3.11-venv is not "
                             "installed.\nInstalling python3.11-venv with apt (sudo may ask for your password):\n")
    assert _log(machine) == ["python -m venv .venv", "apt-get update", "apt-get install -y python3.11-venv",
                             "python -m venv .venv", "pip install requirements.txt"]


def test_when_apt_cannot_install_it_says_exactly_what_to_run_and_leaves_no_half_made_venv(machine: Path) -> None:
    result = _setup(machine, FAKE_NO_ENSUREPIP="1", FAKE_APT_FAILS="1")
    assert result.returncode == 1
    assert _log(machine) == ["python -m venv .venv", "apt-get update", "apt-get install -y python3.11-venv"]
    assert result.stderr == ("E: Unable to locate package python3.11-venv\n"
                             "setup: could not make .venv: install python3.11-venv with: "
                             "sudo apt-get install python3.11-venv, then run this again\n")
    assert not (machine / ".venv").exists()


def test_an_old_python_is_named_with_the_version_needed(machine: Path) -> None:
    result = _setup(machine, FAKE_VERSION="3.10.12")
    assert result.returncode == 1
    assert result.stderr == ("setup: the site needs Python 3.11 or newer, and PYTHON (fakepython) is Python 3.10.12; "
                             "set PYTHON to a newer one\n")


def test_without_pythons_new_enough_it_says_how_to_get_one(machine: Path) -> None:
    (machine / "bin" / "python3").symlink_to(machine / "bin" / "fakepython")
    result = _setup(machine, PYTHON=None, FAKE_VERSION="3.10.12")
    assert result.returncode == 1
    assert result.stderr == (
        "setup: the site needs Python 3.11 or newer, and this machine's python3 is 3.10.12. Install a newer one "
        "(Debian 12 and Ubuntu 24.04 have it; on Ubuntu 22.04: sudo apt-get install python3.11-venv), then run this "
        "again: it finds python3.11 and newer by itself\n")


def test_a_newer_python_is_found_by_itself(machine: Path) -> None:
    (machine / "bin" / "python3").symlink_to(machine / "bin" / "fakepython")
    newer = machine / "bin" / "python3.12"
    _script(newer, FAKE_PYTHON.replace("${FAKE_VERSION:-3.11.2}", "3.12.3"))
    result = _setup(machine, PYTHON=None, FAKE_VERSION="3.10.12")
    assert result.returncode == 0, result.stderr
    assert _log(machine)[0] == "python -m venv .venv"


def test_for_the_tests_it_uses_the_chromium_it_is_told_to(machine: Path) -> None:
    chromium = machine / "my-chromium"
    _script(chromium, "#!/bin/bash\n")
    result = _setup(machine, "--tests", CHROMIUM=str(chromium))
    assert result.returncode == 0, result.stderr
    assert _log(machine) == ["python -m venv .venv", "pip install requirements.txt", "pip install tests/requirements.txt"]


def test_a_chromium_that_is_not_there_is_named(machine: Path) -> None:
    result = _setup(machine, "--tests", CHROMIUM="/no/such/chromium")
    assert result.returncode == 1
    assert result.stderr == ("setup: CHROMIUM is set to /no/such/chromium, but there is no program there; set it to "
                             "where Chromium is, or unset it to look in the usual places (/usr/bin/chromium "
                             "/usr/bin/chromium-browser /snap/bin/chromium)\n")


def test_setup_and_the_browser_tests_look_for_chromium_in_the_same_places() -> None:
    text = (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8")
    places = re.search(r'^CHROMIUM_PLACES="([^"]+)"$', text, re.MULTILINE)
    assert places and tuple(places.group(1).split()) == CHROMIUM_PLACES
    assert CHROMIUM_PLACES[0] == "/usr/bin/chromium"  # Debian's, which CI and the benchmark use


def test_the_browser_tests_use_chromium_from_the_environment_or_the_usual_places(tmp_path: Path) -> None:
    from sitebench.browser import find_chromium, snap_safe_temp_folder

    assert find_chromium({"CHROMIUM": "/opt/chromium/chrome"}) == "/opt/chromium/chrome"
    found = find_chromium({})
    assert found in CHROMIUM_PLACES and (os.access(found, os.X_OK) or found == CHROMIUM_PLACES[0])
    environ = {"HOME": str(tmp_path)}
    snap_safe_temp_folder("/usr/bin/chromium", environ)
    assert "TMPDIR" not in environ
    snap_safe_temp_folder("/snap/bin/chromium", environ)
    assert environ["TMPDIR"] == str(tmp_path / "snap" / "chromium" / "common" / "playwright-tmp")
