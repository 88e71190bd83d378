"""A study started by the command line is continued from Python, and the command line
sees what Python added: one SQLite file, two front doors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import vilfredo as vf

OBJECTIVE = """
import json, sys
args = dict(zip(sys.argv[1::2], sys.argv[2::2]))
x, y = float(args["--x"]), float(args["--y"])
print(json.dumps({"values": [x, (1 + y) * (1 - x ** 0.5)], "constraints": [y - 0.8]}))
"""


def cli(*args):
    out = subprocess.run(
        [sys.executable, "-m", "vilfredo", *args], capture_output=True, text=True,
        env=dict(os.environ),
    )
    assert out.returncode == 0, (args, out.stdout, out.stderr)
    return out.stdout


def test_cli_study_is_continued_from_python_and_read_back(tmp_path):
    script = tmp_path / "objective.py"
    script.write_text(OBJECTIVE)
    url = f"sqlite:///{tmp_path / 'runs.db'}"
    cli(
        "optimize", "--storage", url, "--study-name", "shared",
        "--direction", "minimize", "--direction", "minimize",
        "--param", "x:float:0:1", "--param", "y:float:0:1",
        "--sampler", "nsga2", "--n-trials", "12", "--quiet",
        "--", sys.executable, str(script), "--x", "{x}", "--y", "{y}",
    )
    study = vf.load_study(study_name="shared", storage=url)
    assert [t.number for t in study.trials] == list(range(12))
    assert all(t.state == vf.TrialState.COMPLETE for t in study.trials)
    first = study.trials[0]
    assert set(first.params) == {"x", "y"} and first.constraints == [first.params["y"] - 0.8]

    # Python continues with the same parameter definitions, into the same numbering.
    def objective(trial):
        x = trial.suggest_float("x", 0.0, 1.0)
        y = trial.suggest_float("y", 0.0, 1.0)
        trial.set_constraint([y - 0.8])
        return x, (1 + y) * (1 - x**0.5)

    study.optimize(objective, n_trials=8)
    assert [t.number for t in study.trials] == list(range(20))

    exported = json.loads(cli("study", "export", "--storage", url, "--study", "shared",
                              "--format", "json"))
    rows = exported if isinstance(exported, list) else exported["trials"]
    assert len(rows) == 20
    listing = cli("study", "list", "--storage", url)
    assert "shared" in listing and "20" in listing
    # The front the command line reports is the one Python computes.
    best = json.loads(cli("study", "best", "--storage", url, "--study", "shared",
                          "--format", "json"))
    best_rows = best if isinstance(best, list) else best["trials"]
    assert sorted(r["number"] for r in best_rows) == sorted(t.number for t in study.best_trials)
