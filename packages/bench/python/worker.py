"""numpy column of the polyblas bench.

Runs the case specs the bench sends on stdin (the same JSON the JavaScript worker reads, see
src/workloads.ts) with numpy, timed the same way (warm-up, batches of at least minSeconds, repeats
lowered by the budget but not below minRepeats), and writes the same JSON lines to stdout:
{"type": "config"} first, then {"type": "start"} and {"type": "case"} per case.

Inputs have the same shapes and distributions as the other columns but come from numpy's own
generator, so the very numbers differ.

usage: python3 worker.py < cases.json
"""
import json
import math
import sys
import time

import numpy as np

CHUNK = 4096


def emit(record):
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def jsonable(value):
    """show_config's dicts hold only plain values, but be safe with anything else."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def numpy_config():
    config = {"library": "numpy", "version": np.__version__, "python": sys.version.split()[0]}
    try:
        info = np.show_config(mode="dicts")
        deps = info.get("Build Dependencies", {})
        config["blas"] = jsonable(deps.get("blas"))
        config["lapack"] = jsonable(deps.get("lapack"))
        config["simd"] = jsonable(info.get("SIMD Extensions"))
    except TypeError:
        # numpy before 1.26 has no mode='dicts'; keep its printed report instead.
        import contextlib
        import io

        text = io.StringIO()
        with contextlib.redirect_stdout(text):
            np.show_config()
        config["showConfig"] = text.getvalue()
    blas = config.get("blas") or {}
    config["blasName"] = blas.get("name")
    config["blasVersion"] = blas.get("version")
    return config


def well_conditioned(rng, n):
    a = rng.uniform(-1, 1, (n, n))
    a[np.diag_indices(n)] += n
    return a


def spd(rng, n):
    r = rng.random((n, n))
    f = r @ r.T
    f[np.diag_indices(n)] += n * 1e-8
    return f


def prepare(op):
    kind = op["kind"]
    rng = np.random.default_rng(0)
    if kind == "gemm":
        n = op["n"]
        a, b, c = rng.random((n, n)), rng.random((n, n)), np.empty((n, n))
        return lambda: np.matmul(a, b, out=c)
    if kind == "svdLoop":
        initial = np.random.default_rng(42).random((op["n"], op["n"]))
        iterations = op["iterations"]

        def loop():
            a = initial.copy()
            for _ in range(iterations):
                a += 1
                np.linalg.svd(a)

        return loop
    if kind == "svd":
        a = rng.random((op["n"], op["n"]))
        return lambda: np.linalg.svd(a)
    if kind == "thinSvd":
        a = rng.random((op["m"], op["n"]))
        return lambda: np.linalg.svd(a, full_matrices=False)
    if kind == "cholesky":
        f = spd(rng, op["n"])
        return lambda: np.linalg.cholesky(f)
    if kind == "eig":
        a = rng.random((op["n"], op["n"]))
        return lambda: np.linalg.eig(a)
    if kind == "vectorDot":
        x, y = rng.random(op["n"]), rng.random(op["n"])
        return lambda: np.dot(x, y)
    if kind == "inv":
        a = well_conditioned(rng, op["n"])
        return lambda: np.linalg.inv(a)
    if kind == "solve":
        a = well_conditioned(rng, op["n"])
        b = rng.random(op["n"])
        return lambda: np.linalg.solve(a, b)
    if kind == "elementwise":
        n, variant = op["n"], op["variant"]
        x, y = rng.standard_normal(n), rng.standard_normal(n)
        if variant == "plain":
            return lambda: y / np.sqrt(x * x + y * y)
        if variant == "out":
            t, u = np.empty(n), np.empty(n)

            def in_place():
                np.multiply(x, x, out=t)
                np.multiply(y, y, out=u)
                np.add(t, u, out=t)
                np.sqrt(t, out=t)
                np.divide(y, t, out=t)

            return in_place
        out, t, u = np.empty(n), np.empty(CHUNK), np.empty(CHUNK)

        def blocked():
            for start in range(0, n, CHUNK):
                stop = min(n, start + CHUNK)
                w = stop - start
                xs, ys, ts, us = x[start:stop], y[start:stop], t[:w], u[:w]
                np.multiply(xs, xs, out=ts)
                np.multiply(ys, ys, out=us)
                np.add(ts, us, out=ts)
                np.sqrt(ts, out=ts)
                np.divide(ys, ts, out=out[start:stop])

        return blocked
    return None


def summarize(values):
    s = sorted(values)
    mid = len(s) // 2
    median = s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
    return {"median": median, "min": s[0], "max": s[-1], "repeats": len(s)}


def planned_repeats(timing, seconds_per_batch):
    budget = timing.get("budgetSeconds")
    if not seconds_per_batch > 0 or budget is None or not math.isfinite(budget):
        return timing["repeats"]
    fit = math.floor(budget / seconds_per_batch)
    return max(min(timing["minRepeats"], timing["repeats"]), min(timing["repeats"], fit))


def time_it(fn, timing):
    now = time.perf_counter
    warm = 0.0
    for _ in range(timing["warmup"]):
        t0 = now()
        fn()
        warm = now() - t0
    batch, batch_seconds = 1, warm
    if timing["minSeconds"] > 0:
        while True:
            t0 = now()
            for _ in range(batch):
                fn()
            batch_seconds = now() - t0
            if batch_seconds >= timing["minSeconds"] or batch >= 1 << 24:
                break
            growth = min(100, max(2, 1.2 * timing["minSeconds"] / max(batch_seconds, 1e-9)))
            batch = math.ceil(batch * growth)
    # Without a warm-up or batching there is no estimate yet: the first repeat gives it.
    repeats = planned_repeats(timing, batch_seconds) if batch_seconds > 0 else timing["repeats"]
    seconds = []
    r = 0
    while r < repeats:
        t0 = now()
        for _ in range(batch):
            fn()
        elapsed = now() - t0
        seconds.append(elapsed / batch)
        if r == 0 and not batch_seconds > 0:
            repeats = planned_repeats(timing, elapsed)
        r += 1
    return dict(summarize(seconds), batch=batch)


def to_figure(sample, report):
    if report["kind"] == "rate":
        f = lambda s: report["work"] / s
    else:
        f = lambda s: s * report["factor"]
    a, b = f(sample["min"]), f(sample["max"])
    return dict(sample, median=f(sample["median"]), min=min(a, b), max=max(a, b))


def main():
    # JSON has no Infinity; the bench sends budgetSeconds null for "no budget".
    cases = json.loads(sys.stdin.read())
    emit({"type": "config", "config": numpy_config()})
    for index, case in enumerate(cases):
        emit({"type": "start", "label": case["label"], "index": index, "count": len(cases)})
        base = {"type": "case", "label": case["label"], "unit": case["unit"], "higherIsBetter": case["higherIsBetter"]}
        try:
            fn = prepare(case["op"])
            seconds = None if fn is None else time_it(fn, case["timing"])
            emit(dict(base, seconds=seconds, sample=None if seconds is None else to_figure(seconds, case["report"])))
        except Exception as error:  # report and go on, as the JavaScript worker does
            emit(dict(base, sample=None, error=f"{type(error).__name__}: {error}"))


if __name__ == "__main__":
    main()
