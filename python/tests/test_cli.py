"""The `vilfredo` console command installed with the package."""

import shutil
import subprocess
import sys

import numpy as np
import pytest

import vilfredo as vf
from vilfredo import _vilfredo

needs_cli = pytest.mark.skipif(
    not _vilfredo._HAS_CLI, reason="this build of the extension does not include the command line"
)


def command() -> list[str]:
    """The installed script if it is on PATH, else the same entry point through `-m`."""
    script = shutil.which("vilfredo")
    return [script] if script else [sys.executable, "-m", "vilfredo"]


@needs_cli
def test_hv_on_a_file(tmp_path):
    rng = np.random.default_rng(4)
    points = rng.random((50, 3))
    path = tmp_path / "points.txt"
    np.savetxt(path, points, delimiter=",", fmt="%.17g")
    out = subprocess.run(
        [*command(), "hv", "--ref", "1.1,1.1,1.1", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert float(out.stdout.strip()) == vf.hypervolume(points, [1.1, 1.1, 1.1])


@needs_cli
def test_usage_error_exits_2(tmp_path):
    out = subprocess.run([*command(), "no-such-command"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr


@needs_cli
def test_module_entry_point_matches_script():
    out = subprocess.run([sys.executable, "-m", "vilfredo", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "hv" in out.stdout


@pytest.mark.skipif(_vilfredo._HAS_CLI, reason="the command line is built in")
def test_command_without_cli_says_so():
    out = subprocess.run(command(), capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert "does not include the command line" in out.stderr


def test_script_entry_point_is_declared():
    from importlib.metadata import entry_points

    scripts = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert scripts.get("vilfredo") == "vilfredo.__main__:main"


@needs_cli
def test_rank_and_hvc_agree_with_the_python_api(tmp_path):
    rng = np.random.default_rng(8)
    points = rng.integers(0, 6, size=(80, 3)).astype(float)
    path = tmp_path / "grid.txt"
    np.savetxt(path, points, fmt="%g")
    rank = subprocess.run([*command(), "rank", str(path)], capture_output=True, text=True, timeout=60)
    assert rank.returncode == 0, rank.stderr
    np.testing.assert_array_equal(np.array(rank.stdout.split(), dtype=np.int64), vf.pareto_rank(points))
    hvc = subprocess.run([*command(), "hvc", "--ref", "6,6,6", str(path)], capture_output=True, text=True, timeout=60)
    assert hvc.returncode == 0, hvc.stderr
    np.testing.assert_array_equal(np.array(hvc.stdout.split(), dtype=float), vf.hv_contributions(points, [6, 6, 6]))


@needs_cli
def test_bad_data_exits_1_naming_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("1,2\n3,nan\n")
    out = subprocess.run([*command(), "hv", "--ref", "5,5", str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert "line 2, column 2" in out.stderr


@needs_cli
def test_closed_pipe_exits_quietly(tmp_path):
    points = np.random.default_rng(9).random((100_000, 2))
    path = tmp_path / "big.txt"
    np.savetxt(path, points, delimiter=",")
    proc = subprocess.Popen([*command(), "rank", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert b"panicked" not in err
