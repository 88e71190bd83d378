"""vf.NSGA3, vf.MOEAD, vf.SMSEMOA, vf.SPEA2 and vf.RNSGA2: ask/tell replays vf.minimize
bit for bit, snapshots (JSON and pickle) resume bit for bit, shapes and errors, and
NSGA-III's quality against pymoo's run live with the same budget."""

import doctest
import json
import pickle

import numpy as np
import pytest

import vilfredo as vf

#: Each algorithm's class and the options it (and vf.minimize) is given in these tests.
CASES = {
    "nsga3": (vf.NSGA3, {"ref_dirs": 7}),
    "moead": (vf.MOEAD, {"ref_dirs": 11, "n_neighbors": 4}),
    "sms-emoa": (vf.SMSEMOA, {"pop_size": 12, "n_offspring": 3}),
    "spea2": (vf.SPEA2, {"pop_size": 12, "archive_size": 10}),
    "rnsga2": (vf.RNSGA2, {"pop_size": 12, "ref_points": [[0.2, 0.6], [0.7, 0.2]]}),
}

#: Rows of each ask after the first (the initial population) with the options above
#: on two objectives (7 divisions give NSGA-III 8 directions, a population of 8).
OFFSPRING = {"nsga3": 8, "moead": 12, "sms-emoa": 3, "spea2": 12, "rnsga2": 12}

#: A 2-objective problem without and one with constraints (TNK: 2 constraints).
PROBLEMS = {
    "dtlz2": lambda: vf.problems.get("dtlz2", n_obj=2, n_var=6),
    "tnk": lambda: vf.problems.get("tnk"),
}

NAMES = list(CASES)


def new(name, problem, seed=0, **extra):
    cls, options = CASES[name]
    return cls(
        problem.xl, problem.xu, problem.n_obj, n_constr=problem.n_constr, seed=seed,
        **{**options, **extra},
    )


def tell(alg, problem, X):
    out = problem.evaluate(X)
    if isinstance(out, tuple):
        alg.tell(*out)
    else:
        alg.tell(out)


def drive(alg, problem, n_gen):
    for _ in range(n_gen):
        tell(alg, problem, alg.ask())
    return alg


def assert_same_run(a, b):
    for attr in ("pop_X", "pop_F", "pop_G"):
        np.testing.assert_array_equal(getattr(a, attr), getattr(b, attr))
    for x, y in zip(a.result(), b.result()):
        np.testing.assert_array_equal(x, y)
    assert (a.n_gen, a.n_eval) == (b.n_gen, b.n_eval)


@pytest.mark.parametrize("problem", list(PROBLEMS))
@pytest.mark.parametrize("name", NAMES)
def test_ask_tell_replays_minimize_bit_for_bit(name, problem):
    p = PROBLEMS[problem]()
    alg = drive(new(name, p, seed=7), p, 12)
    res = vf.minimize(p, name, n_gen=12, seed=7, **CASES[name][1])
    np.testing.assert_array_equal(alg.pop_X, res.pop_X)
    np.testing.assert_array_equal(alg.pop_F, res.pop_F)
    np.testing.assert_array_equal(alg.pop_G, res.pop_G)
    X, F, G = alg.result()
    np.testing.assert_array_equal(X, res.X)
    np.testing.assert_array_equal(F, res.F)
    np.testing.assert_array_equal(G, res.G)
    assert (alg.n_gen, alg.n_eval) == (res.n_gen, res.n_eval)
    assert alg.pop_G.shape[1] == p.n_constr
    # Another seed is another run.
    other = drive(new(name, p, seed=8), p, 12)
    assert not np.array_equal(other.pop_X, alg.pop_X)


@pytest.mark.parametrize(
    "name, options",
    [
        ("moead", {"ref_dirs": 11, "n_neighbors": 5, "decomposition": "pbi", "pbi_theta": 3.0}),
        ("moead", {"ref_dirs": 11, "variation": "de", "max_replacements": 1}),
        ("moead", {"ref_dirs": 11, "n_neighbors": 3, "prob_neighbor_mating": 0.5}),
        ("moead", {"ref_dirs": 11, "sequential": True}),
        ("sms-emoa", {"pop_size": 10, "ref_offset": 0.5}),
        ("rnsga2", {"pop_size": 10, "ref_points": [0.4, 0.4], "epsilon": 0.01,
                    "weights": [0.3, 0.7], "normalization": "ever"}),
        ("nsga3", {"ref_dirs": [[1.0, 0.0], [0.5, 0.5], [0.0, 1.0]], "pop_size": 10}),
    ],
)
def test_every_option_reaches_the_algorithm_as_in_minimize(name, options):
    p = PROBLEMS["dtlz2"]()
    cls = CASES[name][0]
    alg = drive(cls(p.xl, p.xu, 2, seed=5, **options), p, 10)
    res = vf.minimize(p, name, n_gen=10, seed=5, **options)
    np.testing.assert_array_equal(alg.pop_X, res.pop_X)
    default = drive(new(name, p, seed=5), p, 10)
    assert not np.array_equal(alg.pop_X, default.pop_X)


class NumpyTnk:
    """TNK (Tanaka et al. 1995) as a pymoo-style Python problem."""

    n_var = 2
    n_obj = 2
    n_constr = 2
    xl = 1e-12
    xu = np.pi

    def evaluate(self, X):
        a, b = X[:, 0], X[:, 1]
        g1 = -(a * a + b * b - 1.0 - 0.1 * np.cos(16.0 * np.arctan(a / b)))
        g2 = (a - 0.5) ** 2 + (b - 0.5) ** 2 - 0.5
        return X.copy(), np.column_stack([g1, g2])


@pytest.mark.parametrize("name", NAMES)
def test_ask_tell_replays_minimize_on_a_python_problem(name):
    p = NumpyTnk()
    alg = CASES[name][0]([p.xl] * 2, [p.xu] * 2, 2, n_constr=2, seed=4, **CASES[name][1])
    for _ in range(10):
        X = alg.ask()
        alg.tell(*p.evaluate(X))
    res = vf.minimize(p, name, n_gen=10, seed=4, **CASES[name][1])
    np.testing.assert_array_equal(alg.pop_X, res.pop_X)
    np.testing.assert_array_equal(alg.pop_G, res.pop_G)


@pytest.mark.parametrize("name", NAMES)
def test_integer_and_binary_variables(name):
    cls, options = CASES[name]
    alg = cls([0, 0, 0], [1, 5, 1], 2, seed=1, var_types=["real", "int", "binary"], **options)
    for _ in range(5):
        X = alg.ask()
        assert (X[:, 1] == np.round(X[:, 1])).all() and np.isin(X[:, 2], [0.0, 1.0]).all()
        alg.tell(np.column_stack([X[:, 0] + X[:, 2], 1.0 - X[:, 0] + X[:, 1]]))
    assert alg.n_gen == 5


@pytest.mark.parametrize("cut", [0, 1, 5])
@pytest.mark.parametrize("name", NAMES)
def test_json_and_pickle_snapshots_resume_bit_for_bit(name, cut):
    p = PROBLEMS["tnk"]()
    straight = drive(new(name, p, seed=3), p, 10)
    first = drive(new(name, p, seed=3), p, cut)
    state = first.state()
    json.loads(state)  # plain JSON
    for resumed in (type(first).from_state(state), pickle.loads(pickle.dumps(first))):
        assert type(resumed) is type(first)
        assert (resumed.n_gen, resumed.n_eval) == (first.n_gen, first.n_eval)
        drive(resumed, p, 10 - cut)
        assert_same_run(resumed, straight)
        assert resumed.state() == straight.state()


@pytest.mark.parametrize("name", NAMES)
def test_snapshot_keeps_the_pending_batch(name):
    p = PROBLEMS["dtlz2"]()
    alg = drive(new(name, p, seed=2), p, 3)
    X = alg.ask()
    copies = [type(alg).from_state(alg.state()), pickle.loads(pickle.dumps(alg))]
    tell(alg, p, X)
    for copy in copies:
        np.testing.assert_array_equal(copy.ask(), X)
        tell(copy, p, X)
        assert_same_run(copy, alg)


@pytest.mark.parametrize("name", NAMES)
def test_shapes_and_properties(name):
    p = PROBLEMS["tnk"]()
    alg = new(name, p)
    assert isinstance(alg, vf.AskTell)
    assert (alg.n_gen, alg.n_eval, alg.n_var, alg.n_obj, alg.n_constr) == (0, 0, 2, 2, 2)
    assert alg.pop_X.shape == (0, 2) and alg.pop_F.shape == (0, 2)
    assert alg.pop_G.shape == (0, 2)
    assert [a.shape for a in alg.result()] == [(0, 2), (0, 2), (0, 2)]
    X = alg.ask()
    np.testing.assert_array_equal(alg.ask(), X)  # asking twice repeats the batch
    assert X.shape == (alg.pop_size, 2) and X.dtype == np.float64
    assert ((X >= p.xl) & (X <= p.xu)).all()
    tell(alg, p, X)
    assert (alg.n_gen, alg.n_eval) == (1, alg.pop_size)
    Y = alg.ask()
    assert Y.shape == (OFFSPRING[name], 2)
    tell(alg, p, Y)
    assert alg.n_eval == alg.pop_size + OFFSPRING[name]
    n = len(alg.pop_X)
    assert alg.pop_F.shape == (n, 2) and alg.pop_G.shape == (n, 2)
    F, G = p.evaluate(alg.pop_X)
    np.testing.assert_array_equal(alg.pop_F, F)
    np.testing.assert_array_equal(alg.pop_G, G)
    _, F, _ = alg.result()
    assert len(F) >= 1
    assert repr(alg).startswith(f"{type(alg).__name__}(n_var=2, n_obj=2, n_constr=2,")
    assert "n_gen=2" in repr(alg)


def test_population_sizes_follow_the_algorithm():
    p = vf.problems.get("dtlz2", n_obj=3, n_var=7)
    # NSGA-III: 28 directions for 3 objectives and 6 divisions, already a multiple of 4.
    assert vf.NSGA3(p.xl, p.xu, 3, ref_dirs=6).pop_size == 28
    assert vf.NSGA3(p.xl, p.xu, 3, ref_dirs=6, pop_size=40).ask().shape == (40, 7)
    # MOEA/D: one subproblem per weight vector.
    assert vf.MOEAD(p.xl, p.xu, 3, ref_dirs=6).ask().shape == (28, 7)
    assert vf.SMSEMOA(p.xl, p.xu, 3).pop_size == 100
    assert vf.SPEA2(p.xl, p.xu, 3, pop_size=30).ask().shape == (30, 7)
    assert vf.RNSGA2(p.xl, p.xu, 3, ref_points=[0.5, 0.5, 0.5]).pop_size == 100
    # A single direction given flat is one row, as in vf.minimize.
    assert vf.NSGA3(p.xl, p.xu, 3, ref_dirs=[1.0, 1.0, 1.0], pop_size=4).pop_size == 4


@pytest.mark.parametrize("name", NAMES)
def test_bad_tells_raise_value_error_and_keep_the_batch(name):
    p = PROBLEMS["tnk"]()
    alg = new(name, p)
    with pytest.raises(ValueError, match="call ask"):
        alg.tell(np.zeros((alg.pop_size, 2)), np.zeros((alg.pop_size, 2)))
    X = alg.ask()
    k = len(X)
    F, G = p.evaluate(X)
    with pytest.raises(ValueError, match=r"n_constr = 2: give G of shape"):
        alg.tell(F)
    with pytest.raises(ValueError, match=rf"F has shape \[{k}, 3\].*expected \({k}, 2\)"):
        alg.tell(np.zeros((k, 3)), G)
    with pytest.raises(ValueError, match=rf"G has shape \[{k - 1}, 2\].*expected \({k}, 2\)"):
        alg.tell(F, G[1:])
    bad = F.copy()
    bad[3, 1] = np.nan
    with pytest.raises(ValueError, match="row 3, column 1"):
        alg.tell(bad, G)
    bad = G.copy()
    bad[2, 0] = np.inf
    with pytest.raises(ValueError, match="not finite"):
        alg.tell(F, bad)
    with pytest.raises(TypeError, match="real numbers"):
        alg.tell(np.full((k, 2), "a"), G)
    assert (alg.n_gen, alg.n_eval) == (0, 0)
    np.testing.assert_array_equal(alg.ask(), X)
    alg.tell(F, G)
    assert alg.n_gen == 1
    with pytest.raises(ValueError, match="call ask"):
        alg.tell(F, G)


@pytest.mark.parametrize(
    "cls, kwargs, error, match",
    [
        (vf.NSGA3, {}, ValueError, "nsga3 needs ref_dirs"),
        (vf.MOEAD, {}, ValueError, "moead needs ref_dirs"),
        (vf.MOEAD, {"ref_dirs": 5, "pop_size": 6}, ValueError, "not pop_size"),
        (vf.NSGA3, {"ref_dirs": 0}, ValueError, "at least 1"),
        (vf.NSGA3, {"ref_dirs": [[1.0, -1.0]]}, ValueError, "negative"),
        (vf.NSGA3, {"ref_dirs": [[1.0, 1.0, 1.0]]}, ValueError, "3 components but the problem has 2"),
        (vf.NSGA3, {"ref_dirs": 4, "n_neighbors": 3}, ValueError, 'nsga3 has no option "n_neighbors"; its options: ref_dirs'),
        (vf.MOEAD, {"ref_dirs": 5, "decomposition": "x"}, ValueError, "unknown decomposition"),
        (vf.MOEAD, {"ref_dirs": 5, "pbi_theta": 2.0}, ValueError, 'applies to decomposition="pbi" only'),
        (vf.SMSEMOA, {"archive_size": 3}, ValueError, "its options: n_offspring, ref_offset"),
        (vf.SMSEMOA, {"pop_size": 1}, ValueError, "population of at least 2"),
        (vf.SPEA2, {"ref_dirs": 4}, ValueError, 'spea2 has no option "ref_dirs"'),
        (vf.RNSGA2, {}, ValueError, "rnsga2 needs ref_points"),
        (vf.RNSGA2, {"ref_points": [[0.1, 0.2, 0.3]]}, ValueError, "points of 3 values"),
        (vf.RNSGA2, {"ref_points": [0.1, 0.2], "normalization": "x"}, ValueError, "unknown normalization"),
        (vf.SPEA2, {"seed": -1}, ValueError, r"seed must be in \[0, 2\*\*64\)"),
        (vf.SPEA2, {"pop_size": -3}, ValueError, "pop_size must be in"),
        (vf.SPEA2, {"n_constr": -1}, ValueError, "n_constr must be in"),
        (vf.SPEA2, {"var_types": ["real", "complex"]}, ValueError, "unknown variable type"),
        (vf.SPEA2, {"var_types": ["real"]}, ValueError, "variable types"),
        (vf.SPEA2, {"seed": "one"}, TypeError, None),
        (vf.SPEA2, {"n_offspring": 2}, ValueError, "its options: archive_size"),
        (vf.SMSEMOA, {"n_offspring": "many"}, TypeError, None),
    ],
)
def test_bad_settings(cls, kwargs, error, match):
    with pytest.raises(error, match=match):
        cls([0.0, 0.0], [1.0, 1.0], 2, **kwargs)


def test_bad_bounds_and_shapes():
    with pytest.raises(ValueError, match="lower bound 1 exceeds upper bound 0"):
        vf.SPEA2([1.0, 0.0], [0.0, 1.0], 2)
    with pytest.raises(ValueError, match="at least one objective"):
        vf.SMSEMOA([0.0], [1.0], 0)
    with pytest.raises(ValueError, match="n_obj must be in"):
        vf.SMSEMOA([0.0], [1.0], -1)
    with pytest.raises(TypeError):
        vf.NSGA3([0.0], [1.0], "two", ref_dirs=3)
    with pytest.raises(ValueError, match="xl: expected a 1-D array"):
        vf.MOEAD([[0.0]], [[1.0]], 2, ref_dirs=3)
    with pytest.raises(TypeError, match="cannot create"):
        vf.AskTell()


@pytest.mark.parametrize("name", NAMES)
def test_bad_states_raise_value_error(name):
    p = PROBLEMS["dtlz2"]()
    cls = CASES[name][0]
    with pytest.raises(ValueError, match=f"invalid {cls.__name__} state"):
        cls.from_state("{}")
    with pytest.raises(ValueError, match=f"invalid {cls.__name__} state"):
        cls.from_state("not json")
    state = drive(new(name, p), p, 2).state()
    with pytest.raises(ValueError):
        cls.from_state(state.replace('"n_obj":2', '"n_obj":3'))
    # Another algorithm's snapshot is refused, also where the fields this class needs
    # are all there (SMS-EMOA's holds all of NSGA-II's, plus its own).
    for other in NAMES:
        if other != name:
            foreign = drive(new(other, p), p, 2).state()
            with pytest.raises(ValueError, match=f"invalid {cls.__name__} state"):
                cls.from_state(foreign)
    sms_emoa = drive(new("sms-emoa", p), p, 2).state()
    with pytest.raises(ValueError, match="unknown field .?n_offspring"):
        vf.NSGA2.from_state(sms_emoa)


def test_nsga2_is_an_ask_tell_algorithm_too():
    alg = vf.NSGA2([0.0, 0.0], [1.0, 1.0], 2, pop_size=8)
    assert isinstance(alg, vf.AskTell) and type(alg).__name__ == "NSGA2"
    assert type(pickle.loads(pickle.dumps(alg))) is vf.NSGA2


def test_runs_in_threads_do_not_interfere():
    import threading

    p = PROBLEMS["tnk"]()
    expected = {n: drive(new(n, p, seed=1), p, 8).pop_F for n in NAMES}
    got = {}

    def work(n):
        got[n] = drive(new(n, p, seed=1), p, 8).pop_F

    threads = [threading.Thread(target=work, args=(n,)) for n in NAMES]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for n in NAMES:
        np.testing.assert_array_equal(got[n], expected[n])


@pytest.mark.parametrize(
    "cls, paper",
    [
        (vf.NSGA3, "Deb & Jain (2014)"),
        (vf.MOEAD, "Zhang & Li (2007)"),
        (vf.SMSEMOA, "Beume, Naujoks & Emmerich (2007)"),
        (vf.SPEA2, "Zitzler, Laumanns & Thiele (2001)"),
        (vf.RNSGA2, "Deb & Sundar (2006)"),
    ],
)
def test_docstring_cites_the_paper_and_its_example_runs(cls, paper):
    assert paper in cls.__doc__
    finder = doctest.DocTestFinder(recurse=False)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for test in finder.find(cls, cls.__name__, globs={}):
        runner.run(test)
    assert runner.tries > 0 and runner.failures == 0


def test_nsga3_dtlz2_matches_pymoo_with_the_same_budget():
    """DTLZ2 with 3 objectives and 7 variables, 66 directions (10 divisions),
    population 68, 80 generations, seeds 1-3, driven by ask/tell: the median
    hypervolume (reference point 1.1) is within 0.005 of pymoo's NSGA3 and the median
    IGD within 1.5 times pymoo's. Over seeds 1-7 the hypervolumes were
    0.7259-0.7299 for pymoo and 0.7253-0.7299 here; IGD 0.0075-0.0164 and
    0.0067-0.0142."""
    pytest.importorskip("pymoo")
    from pymoo.algorithms.moo.nsga3 import NSGA3
    from pymoo.optimize import minimize
    from pymoo.problems import get_problem
    from pymoo.util.ref_dirs import get_reference_directions

    rd = get_reference_directions("das-dennis", 3, n_partitions=10)
    front = rd / np.linalg.norm(rd, axis=1)[:, None]
    p = vf.problems.get("dtlz2", n_obj=3, n_var=7)

    def igd(F):
        return np.linalg.norm(front[:, None, :] - F[None, :, :], axis=2).min(axis=1).mean()

    seeds = (1, 2, 3)
    ours = []
    for s in seeds:
        alg = drive(vf.NSGA3(p.xl, p.xu, 3, ref_dirs=rd, seed=s), p, 80)
        assert (alg.pop_size, alg.n_eval) == (68, 68 * 80)
        ours.append(alg.result()[1])
    theirs = [
        minimize(
            get_problem("dtlz2", n_var=7, n_obj=3), NSGA3(ref_dirs=rd, pop_size=68),
            ("n_gen", 80), seed=s,
        ).F
        for s in seeds
    ]
    hv = [np.median([vf.hypervolume(F, [1.1] * 3) for F in fs]) for fs in (ours, theirs)]
    assert hv[0] >= hv[1] - 0.005, hv
    d = [np.median([igd(F) for F in fs]) for fs in (ours, theirs)]
    assert d[0] <= 1.5 * d[1], d
