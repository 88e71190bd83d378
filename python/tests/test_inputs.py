"""What the functions accept, what they refuse, and the exceptions they raise."""

import numpy as np
import pytest

import vilfredo as vf

POINTS = np.array([[1.0, 4.0, 2.0], [2.0, 3.0, 1.0], [3.0, 3.0, 3.0], [0.5, 5.0, 4.0], [2.0, 3.0, 1.0]])
REF = np.array([6.0, 6.0, 6.0])
FRONT = np.array([[0.5, 2.0, 1.0], [1.0, 1.0, 1.5], [2.0, 0.5, 0.5]])

# Every public function, called on `points` with whatever else it needs.
CALLS = {
    "hypervolume": lambda p: vf.hypervolume(p, REF),
    "hv_contributions": lambda p: vf.hv_contributions(p, REF),
    "hypervolume_approx": lambda p: vf.hypervolume_approx(p, REF, samples=1000),
    "is_non_dominated": vf.is_non_dominated,
    "pareto_rank": vf.pareto_rank,
    "crowding_distance": vf.crowding_distance,
    "igd": lambda p: vf.igd(p, FRONT),
    "igd_plus": lambda p: vf.igd_plus(p, FRONT),
    "gd": lambda p: vf.gd(p, FRONT),
    "gd_plus": lambda p: vf.gd_plus(p, FRONT),
    "epsilon_additive": lambda p: vf.epsilon_additive(p, FRONT),
    "epsilon_multiplicative": lambda p: vf.epsilon_multiplicative(p, FRONT),
}
ALL = pytest.mark.parametrize("name", list(CALLS))


def same(a, b):
    if isinstance(a, vf.HvEstimate):
        return tuple(a) == tuple(b)
    return np.array_equal(np.asarray(a), np.asarray(b))


@ALL
@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda p: p.tolist(), id="list"),
        pytest.param(lambda p: [tuple(r) for r in p.tolist()], id="list-of-tuples"),
        pytest.param(lambda p: np.asfortranarray(p), id="fortran"),
        pytest.param(lambda p: np.repeat(p, 2, axis=0)[::2], id="row-strided"),
        pytest.param(lambda p: np.repeat(p, 2, axis=1)[:, ::2], id="column-strided"),
        pytest.param(lambda p: p.T.copy().T, id="transposed-view"),
        pytest.param(lambda p: p.astype(">f8"), id="big-endian"),
        pytest.param(lambda p: p.astype(np.float32), id="float32"),
        pytest.param(lambda p: (p * 2).astype(np.int64) / 2, id="float-from-int"),
    ],
)
def test_layouts_and_dtypes_match_c_order(name, variant):
    call = CALLS[name]
    assert same(call(variant(POINTS)), call(POINTS))


@ALL
def test_integer_arrays_are_converted(name):
    call = CALLS[name]
    ints = (POINTS * 2).astype(np.int64)
    assert same(call(ints), call(ints.astype(np.float64)))
    assert same(call(ints.astype(np.uint8)), call(ints.astype(np.float64)))


@ALL
def test_read_only_arrays(name):
    call = CALLS[name]
    frozen = POINTS.copy()
    frozen.setflags(write=False)
    assert same(call(frozen), call(POINTS))
    # A broadcast view is read-only and has a zero stride.
    row = np.broadcast_to(POINTS[1], (4, 3))
    assert same(call(row), call(np.tile(POINTS[1], (4, 1))))


@ALL
def test_inputs_are_not_modified(name):
    points = POINTS.copy()
    CALLS[name](points)
    np.testing.assert_array_equal(points, POINTS)


@ALL
@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(np.array([["1", "2", "3"]]), id="str"),
        pytest.param(np.array([[1.0, 2.0, 3.0]], dtype=object), id="object"),
        pytest.param(np.array([[1 + 1j, 2.0, 3.0]]), id="complex"),
        pytest.param([[1.0, "a", 3.0]], id="list-with-str"),
        pytest.param([[1.0, None, 3.0]], id="list-with-none"),
        pytest.param(np.array([["2020-01-01"] * 3], dtype="datetime64[D]"), id="datetime"),
    ],
)
def test_wrong_dtype_is_type_error(name, bad):
    with pytest.raises(TypeError, match="points: expected real numbers"):
        CALLS[name](bad)


@ALL
@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(np.array([1.0, 2.0, 3.0]), id="1-D"),
        pytest.param(np.ones((2, 2, 3)), id="3-D"),
        pytest.param(np.float64(1.0), id="0-D"),
    ],
)
def test_wrong_ndim_is_value_error(name, bad):
    with pytest.raises(ValueError, match="expected a 2-D array"):
        CALLS[name](bad)


@ALL
def test_ragged_list_is_value_error(name):
    with pytest.raises(ValueError):
        CALLS[name]([[1.0, 2.0, 3.0], [1.0, 2.0]])


@ALL
@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_non_finite_is_value_error_naming_row_and_column(name, value):
    bad = POINTS.copy()
    bad[3, 2] = value
    with pytest.raises(ValueError, match=r"points: value .* at row 3, column 2 is not finite"):
        CALLS[name](bad)


@pytest.mark.parametrize("name", ["igd", "igd_plus", "gd", "gd_plus", "epsilon_additive", "epsilon_multiplicative"])
def test_reference_front_is_checked(name):
    fn = getattr(vf, name)
    bad = FRONT.copy()
    bad[1, 0] = np.nan
    with pytest.raises(ValueError, match=r"reference front: value .* at row 1, column 0"):
        fn(POINTS, bad)
    with pytest.raises(ValueError, match="reference front"):
        fn(POINTS, FRONT[:, :2])
    with pytest.raises(TypeError, match="reference front: expected real numbers"):
        fn(POINTS, FRONT.astype(str))


@pytest.mark.parametrize("fn", [vf.hypervolume, vf.hv_contributions, vf.hypervolume_approx])
def test_reference_point_is_checked(fn):
    with pytest.raises(ValueError, match="reference point: expected 3 values, got 2"):
        fn(POINTS, [6.0, 6.0])
    with pytest.raises(ValueError, match="reference point: expected 3 values, got 4"):
        fn(POINTS, np.ones(4))
    with pytest.raises(ValueError, match=r"reference point: value NaN at row 0, column 1|reference point: .*column 1"):
        fn(POINTS, [6.0, np.nan, 6.0])
    with pytest.raises(ValueError, match="reference point: expected a 1-D array"):
        fn(POINTS, [[6.0, 6.0, 6.0]])
    with pytest.raises(TypeError, match="reference point: expected real numbers"):
        fn(POINTS, ["6", "6", "6"])


@pytest.mark.parametrize(
    "ref",
    [
        pytest.param([6, 6, 6], id="int-list"),
        pytest.param((6.0, 6.0, 6.0), id="tuple"),
        pytest.param(np.array([6, 6, 6]), id="int-array"),
        pytest.param(np.full(6, 6.0)[::2], id="strided"),
        pytest.param(np.array([6.0, 6.0, 6.0], dtype=np.float32), id="float32"),
    ],
)
def test_reference_point_forms(ref):
    assert vf.hypervolume(POINTS, ref) == vf.hypervolume(POINTS, REF)


def test_empty_sets():
    empty = np.empty((0, 3))
    assert vf.hypervolume(empty, REF) == 0.0
    for fn in (vf.hv_contributions, ):
        out = fn(empty, REF)
        assert out.shape == (0,) and out.dtype == np.float64
    assert vf.is_non_dominated(empty).shape == (0,)
    assert vf.is_non_dominated(empty).dtype == np.bool_
    assert vf.pareto_rank(empty).shape == (0,)
    assert vf.pareto_rank(empty).dtype == np.int64
    out = vf.crowding_distance(empty)
    assert out.shape == (0,) and out.dtype == np.float64


def test_zero_objectives_is_value_error():
    with pytest.raises(ValueError, match="at least one objective"):
        vf.pareto_rank(np.empty((3, 0)))


@pytest.mark.parametrize("name", ["igd", "igd_plus", "gd", "gd_plus", "epsilon_additive", "epsilon_multiplicative"])
def test_indicators_refuse_empty_sets(name):
    fn = getattr(vf, name)
    with pytest.raises(ValueError, match="points"):
        fn(np.empty((0, 3)), FRONT)
    with pytest.raises(ValueError, match="reference front"):
        fn(POINTS, np.empty((0, 3)))


def test_epsilon_multiplicative_needs_positive_values():
    with pytest.raises(ValueError):
        vf.epsilon_multiplicative(POINTS - 1.0, FRONT)


def test_keyword_arguments():
    assert vf.hypervolume(points=POINTS, ref=REF) == vf.hypervolume(POINTS, REF)
    assert vf.igd(points=POINTS, front=FRONT) == vf.igd(POINTS, FRONT)
    with pytest.raises(TypeError):
        vf.hv_contributions(POINTS, REF, True)  # ignore_dominated is keyword-only


@pytest.mark.parametrize(
    "kwargs, exc, match",
    [
        ({"samples": 0}, ValueError, "samples"),
        ({"samples": -1}, ValueError, "invalid samples"),
        ({"seed": -1}, ValueError, "invalid seed"),
        ({"seed": 2**64}, ValueError, "invalid seed"),
        ({"samples": 1.5}, TypeError, "samples: expected an integer"),
        ({"seed": "1"}, TypeError, "seed: expected an integer"),
        ({"seed": True}, TypeError, "seed: expected an integer, got bool"),
        ({"confidence": 0.0}, ValueError, "confidence"),
        ({"confidence": 1.0}, ValueError, "confidence"),
        ({"confidence": float("nan")}, ValueError, "confidence"),
    ],
)
def test_hypervolume_approx_arguments(kwargs, exc, match):
    with pytest.raises(exc, match=match):
        vf.hypervolume_approx(POINTS, REF, **kwargs)


def test_hypervolume_approx_accepts_numpy_integers():
    a = vf.hypervolume_approx(POINTS, REF, samples=np.int64(1000), seed=np.uint64(3))
    b = vf.hypervolume_approx(POINTS, REF, samples=1000, seed=3)
    assert tuple(a) == tuple(b)
    c = vf.hypervolume_approx(POINTS, REF, samples=1000, seed=2**64 - 1)
    assert c.lower <= c.value <= c.upper


def test_unaligned_buffer():
    # float64 values at an odd byte offset: numpy marks the array unaligned.
    raw = np.zeros(POINTS.size * 8 + 1, dtype=np.uint8)
    raw[1:] = np.frombuffer(POINTS.tobytes(), dtype=np.uint8)
    unaligned = np.frombuffer(raw.data, dtype=np.float64, offset=1).reshape(POINTS.shape)
    assert not unaligned.flags.aligned
    np.testing.assert_array_equal(unaligned, POINTS)
    for name, call in CALLS.items():
        assert same(call(unaligned), call(POINTS)), name


def test_unaligned_reference_point():
    raw = np.zeros(3 * 8 + 1, dtype=np.uint8)
    raw[1:] = np.frombuffer(REF.tobytes(), dtype=np.uint8)
    ref = np.frombuffer(raw.data, dtype=np.float64, offset=1)
    assert not ref.flags.aligned
    assert vf.hypervolume(POINTS, ref) == vf.hypervolume(POINTS, REF)
