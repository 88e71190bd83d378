"""The `vilfredo` console command installed with the package."""

import shutil
import subprocess
import sys

import numpy as np
import pytest

import vilfredo as vf


def command() -> list[str]:
    """The installed script if it is on PATH, else the same entry point through `-m`."""
    script = shutil.which("vilfredo")
    return [script] if script else [sys.executable, "-m", "vilfredo"]


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


def test_usage_error_exits_2(tmp_path):
    out = subprocess.run([*command(), "no-such-command"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr


def test_module_entry_point_matches_script():
    out = subprocess.run([sys.executable, "-m", "vilfredo", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "hv" in out.stdout
