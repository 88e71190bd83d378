//! `vilfredo.NSGA3`, `MOEAD`, `SMSEMOA`, `SPEA2` and `RNSGA2`: the algorithms of
//! `vilfredo.minimize` beyond NSGA-II, driven by ask/tell from Python.
//!
//! Each class is a shell over the shared base ([`crate::ask_tell`]): its constructor
//! reads the common settings ([`Settings`]) and hands its keyword options to the very
//! parser `vilfredo.minimize` uses for that algorithm, so the two accept the same
//! options with the same messages, and a loop over `ask`/`tell` replays `minimize` bit
//! for bit. PyO3 has no generic classes, hence one macro for the five shells.

use crate::ask_tell::{PyAskTell, resume};
use crate::settings::Settings;
use pyo3::PyClassInitializer;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};
use vilfredo_moea::{Moead, Nsga3, RNsga2, SmsEmoa, Spea2};

/// Declares the ask/tell class `$name` driving `$alg`, built by the option parser
/// `$build` of `vilfredo.minimize`.
macro_rules! ask_tell_class {
    ($(#[$doc:meta])* $shell:ident = $name:literal, $alg:ty, $build:path) => {
        $(#[$doc])*
        #[pyclass(name = $name, module = "vilfredo._vilfredo", extends = PyAskTell)]
        pub struct $shell;

        #[pymethods]
        impl $shell {
            #[new]
            #[pyo3(signature = (
                xl, xu, n_obj, *, n_constr=0, pop_size=None, seed=0, var_types=None, **options
            ))]
            #[allow(clippy::too_many_arguments)] // Python's keyword arguments.
            fn new(
                xl: &Bound<'_, PyAny>,
                xu: &Bound<'_, PyAny>,
                n_obj: i128,
                n_constr: i128,
                pop_size: Option<i128>,
                seed: i128,
                var_types: Option<Vec<String>>,
                options: Option<&Bound<'_, PyDict>>,
            ) -> PyResult<PyClassInitializer<Self>> {
                let (space, common) = Settings {
                    xl,
                    xu,
                    n_obj,
                    n_constr,
                    pop_size,
                    seed,
                    var_types,
                }
                .read()?;
                Ok(PyAskTell::start($build(space, common, options)?, Self))
            }

            /// Continues a run from a snapshot made by ``state()``.
            #[classmethod]
            fn from_state(cls: &Bound<'_, PyType>, state: &str) -> PyResult<Py<Self>> {
                resume::<$alg, _>(cls, state, Self)
            }
        }
    };
}

ask_tell_class! {
    /// NSGA-III driven by ask/tell: ``ask()`` a batch, evaluate it, ``tell(F, G)`` its
    /// values.
    ///
    /// ``xl``, ``xu``, ``n_obj``, ``n_constr``, ``seed`` and ``var_types`` are as for
    /// ``NSGA2``. ``ref_dirs`` (required) is an ``(n, n_obj)`` array of non-negative
    /// reference directions, or an int ``p`` for the Das-Dennis lattice with ``p``
    /// divisions; ``pop_size`` defaults to the number of directions rounded up to a
    /// multiple of 4. Survival niches the last front around the directions after
    /// pymoo's normalization; SBX and polynomial mutation at pymoo's default settings;
    /// constraints by feasibility first. The same settings and ``seed`` run exactly what
    /// ``vilfredo.minimize(problem, "nsga3", ...)`` runs.
    ///
    /// ``ask``/``tell``/``state``/``from_state``, pickling and the properties behave
    /// as for ``NSGA2``: asking twice before telling repeats the batch, a bad ``tell``
    /// (wrong shape, NaN or inf) raises ``ValueError`` and keeps the batch pending.
    ///
    /// NSGA-III: Deb & Jain (2014), "An evolutionary many-objective optimization
    /// algorithm using reference-point-based nondominated sorting approach, Part I:
    /// solving problems with box constraints", IEEE TEVC 18(4).
    ///
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> p = vf.problems.get("dtlz2", n_obj=3, n_var=7)
    /// >>> alg = vf.NSGA3(p.xl, p.xu, 3, ref_dirs=6, seed=1)
    /// >>> for _ in range(20):
    /// ...     X = alg.ask()
    /// ...     alg.tell(p.evaluate(X))
    /// >>> (alg.pop_size, alg.n_gen, alg.n_eval)
    /// (28, 20, 560)
    PyNsga3 = "NSGA3", Nsga3, crate::reference_algorithms::nsga3
}

ask_tell_class! {
    /// MOEA/D driven by ask/tell: ``ask()`` a batch, evaluate it, ``tell(F, G)`` its
    /// values.
    ///
    /// ``xl``, ``xu``, ``n_obj``, ``n_constr``, ``seed`` and ``var_types`` are as for
    /// ``NSGA2``. One subproblem per row of ``ref_dirs`` (required: an ``(n, n_obj)``
    /// array of weight vectors, or an int ``p`` for the Das-Dennis lattice), which is
    /// also the population size, so ``pop_size`` must not be given. Options as in
    /// ``vilfredo.minimize(problem, "moead", ...)``: ``n_neighbors`` (20),
    /// ``prob_neighbor_mating`` (0.9), ``max_replacements`` (2, Li & Zhang 2009),
    /// ``decomposition`` (``"tchebycheff"`` or ``"pbi"``), ``pbi_theta`` (5),
    /// ``variation`` (``"sbx"`` or ``"de"``, MOEA/D-DE) and ``sequential`` (False).
    /// The first ``ask()`` returns the initial population, each later one an offspring
    /// per subproblem, or, with ``sequential=True``, one offspring from the population
    /// as the previous ``tell`` left it (Zhang & Li's loop).
    ///
    /// ``ask``/``tell``/``state``/``from_state``, pickling and the properties behave
    /// as for ``NSGA2``.
    ///
    /// MOEA/D: Zhang & Li (2007), "MOEA/D: A multiobjective evolutionary algorithm
    /// based on decomposition", IEEE TEVC 11(6); MOEA/D-DE: Li & Zhang (2009),
    /// "Multiobjective optimization problems with complicated Pareto sets, MOEA/D and
    /// NSGA-II", IEEE TEVC 13(2).
    ///
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> p = vf.problems.get("zdt1", n_var=10)
    /// >>> alg = vf.MOEAD(p.xl, p.xu, 2, ref_dirs=29, n_neighbors=5, seed=1)
    /// >>> for _ in range(20):
    /// ...     X = alg.ask()
    /// ...     alg.tell(p.evaluate(X))
    /// >>> (alg.pop_size, alg.n_gen, alg.n_eval)
    /// (30, 20, 600)
    PyMoead = "MOEAD", Moead, crate::reference_algorithms::moead
}

ask_tell_class! {
    /// SMS-EMOA driven by ask/tell: ``ask()`` a batch, evaluate it, ``tell(F, G)`` its
    /// values.
    ///
    /// ``xl``, ``xu``, ``n_obj``, ``n_constr``, ``seed`` and ``var_types`` are as for
    /// ``NSGA2``; ``pop_size`` defaults to 100. Steady state: the first ``ask()``
    /// returns the initial population, each later one ``n_offspring`` offspring
    /// (default 1, as in the paper); survival drops the member of the last front with
    /// the least exclusive hypervolume, measured from the worst of that front plus
    /// ``ref_offset`` (default 1). The same settings and ``seed`` run exactly what
    /// ``vilfredo.minimize(problem, "sms-emoa", ...)`` runs.
    ///
    /// ``ask``/``tell``/``state``/``from_state``, pickling and the properties behave
    /// as for ``NSGA2``.
    ///
    /// SMS-EMOA: Beume, Naujoks & Emmerich (2007), "SMS-EMOA: Multiobjective selection
    /// based on dominated hypervolume", European Journal of Operational Research
    /// 181(3).
    ///
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> p = vf.problems.get("zdt1", n_var=10)
    /// >>> alg = vf.SMSEMOA(p.xl, p.xu, 2, pop_size=20, n_offspring=2, seed=1)
    /// >>> for _ in range(11):
    /// ...     X = alg.ask()
    /// ...     alg.tell(p.evaluate(X))
    /// >>> (alg.n_gen, alg.n_eval, len(alg.pop_X))
    /// (11, 40, 20)
    PySmsEmoa = "SMSEMOA", SmsEmoa, crate::more_algorithms::sms_emoa
}

ask_tell_class! {
    /// SPEA2 driven by ask/tell: ``ask()`` a batch, evaluate it, ``tell(F, G)`` its
    /// values.
    ///
    /// ``xl``, ``xu``, ``n_obj``, ``n_constr``, ``seed`` and ``var_types`` are as for
    /// ``NSGA2``; ``pop_size`` (default 100) offspring per generation, an archive of
    /// ``archive_size`` (default ``pop_size``) members kept by strength fitness and
    /// k-th nearest neighbour density, truncated by distances. ``pop_X``/``pop_F``/
    /// ``pop_G`` are the archive and ``result()`` its non-dominated members. The same
    /// settings and ``seed`` run exactly what ``vilfredo.minimize(problem, "spea2",
    /// ...)`` runs.
    ///
    /// ``ask``/``tell``/``state``/``from_state``, pickling and the properties behave
    /// as for ``NSGA2``.
    ///
    /// SPEA2: Zitzler, Laumanns & Thiele (2001), "SPEA2: Improving the strength Pareto
    /// evolutionary algorithm", TIK-Report 103, ETH Zürich.
    ///
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> p = vf.problems.get("zdt1", n_var=10)
    /// >>> alg = vf.SPEA2(p.xl, p.xu, 2, pop_size=20, archive_size=10, seed=1)
    /// >>> for _ in range(10):
    /// ...     X = alg.ask()
    /// ...     alg.tell(p.evaluate(X))
    /// >>> (alg.n_gen, alg.n_eval, len(alg.pop_X))
    /// (10, 200, 10)
    PySpea2 = "SPEA2", Spea2, crate::more_algorithms::spea2
}

ask_tell_class! {
    /// R-NSGA-II driven by ask/tell: ``ask()`` a batch, evaluate it, ``tell(F, G)``
    /// its values.
    ///
    /// ``xl``, ``xu``, ``n_obj``, ``n_constr``, ``seed`` and ``var_types`` are as for
    /// ``NSGA2``; ``pop_size`` defaults to 100. NSGA-II whose crowding distance is
    /// replaced by the preference distance to ``ref_points`` (required: shape
    /// ``(k, n_obj)``, or one point as a flat sequence), with ε-clearing of close
    /// solutions. Options as in ``vilfredo.minimize(problem, "rnsga2", ...)``:
    /// ``epsilon`` (0.001), ``weights`` (``n_obj`` positive values, equal by default)
    /// and ``normalization`` (``"front"``, ``"ever"`` or ``"no"``).
    ///
    /// ``ask``/``tell``/``state``/``from_state``, pickling and the properties behave
    /// as for ``NSGA2``.
    ///
    /// R-NSGA-II: Deb & Sundar (2006), "Reference point based multi-objective
    /// optimization using evolutionary algorithms", GECCO 2006.
    ///
    /// Examples
    /// --------
    /// >>> import vilfredo as vf
    /// >>> p = vf.problems.get("zdt1", n_var=10)
    /// >>> alg = vf.RNSGA2(p.xl, p.xu, 2, ref_points=[0.3, 0.5], pop_size=20, seed=1)
    /// >>> for _ in range(10):
    /// ...     X = alg.ask()
    /// ...     alg.tell(p.evaluate(X))
    /// >>> (alg.n_gen, alg.n_eval)
    /// (10, 200)
    PyRNsga2 = "RNSGA2", RNsga2, crate::more_algorithms::rnsga2
}
