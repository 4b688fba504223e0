"""Engines: the same records, in input order, from one process, N local processes, or a Dask cluster.

``extract(items, workers=N, scheduler=ADDRESS)`` is ``nlpmeet.api.extract`` spread out:

* the input is read lazily in this process and cut into *chunks* (at most ``CHUNK_DOCS`` documents
  or about ``CHUNK_CHARS`` characters); each chunk goes through ``nlpmeet.api.extract`` on a worker
  that built the pipeline once, so every rule of the local run (batching, long texts, error
  isolation) applies unchanged;
* at most a few chunks per worker are in flight, and results are handed on as soon as the chunk
  at the head of the line is done: records stream out in input order and memory stays flat
  whatever the size of the dump;
* ``workers > 1``: local processes. On Linux they are forked after this process loaded the
  pipeline (``fastload`` froze it for the garbage collector, so the pages stay shared); elsewhere
  each spawned worker loads it once in its initializer.
* ``scheduler``: a ``dask.distributed`` cluster (``pip install 'nlpmeet[dask]'``). Each Dask worker
  process builds the pipeline once (a worker plugin starts the load as soon as the client
  connects; a per-process cache and lock make it once and thread-safe); the client writes the
  records, in input order. Start workers with ``--nthreads 1`` and as many ``--nworkers`` as cores.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from nlpmeet.io.readers import Document, InputProblem, Item

Result = Any  # nlpmeet.records.Record | InputProblem (kept loose: this module must not import spaCy)

CHUNK_DOCS = 32
CHUNK_CHARS = 40_000
IN_FLIGHT_PER_WORKER = 3
WAIT_FOR_WORKERS = 120.0  # seconds a run waits for the cluster's first worker
BATCH_SIZE = 32


def resolve_workers(workers: int) -> int:
    """``--workers 0`` means one per core."""
    if workers <= 0:
        return os.cpu_count() or 1
    return workers


def chunks(items: Iterable[Item], max_docs: int = CHUNK_DOCS, max_chars: int = CHUNK_CHARS) -> Iterator[list[Item]]:
    """Consecutive runs of items, cut after ``max_docs`` items or once ``max_chars`` of text are in."""
    chunk: list[Item] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += len(item.text) if isinstance(item, Document) else 0
        if len(chunk) >= max_docs or size >= max_chars:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _ordered(
    submit: Callable[[list[Item]], Any], items: Iterable[Item], window: int, **chunking: int
) -> Iterator[Result]:
    """Submit chunks with at most ``window`` in flight; yield their results in submission order."""
    source = chunks(items, **chunking)
    pending: deque[Any] = deque()  # concurrent.futures or distributed futures
    for chunk in source:
        pending.append(submit(chunk))
        if len(pending) >= window:
            break
    while pending:
        results = pending.popleft().result()
        following = next(source, None)
        if following is not None:
            pending.append(submit(following))
        yield from results


# --- local processes ---------------------------------------------------------------------------------

_batch_size = BATCH_SIZE


def _init_process(batch_size: int) -> None:
    global _batch_size
    _batch_size = batch_size
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops cleanly
    from nlpmeet.api import default_nlp

    default_nlp()  # built once per process (already there when forked from a loaded parent)


def _process_chunk(chunk: list[Item]) -> list[Result]:
    from nlpmeet.api import default_nlp, extract

    return list(extract(chunk, nlp=default_nlp(), batch_size=_batch_size))


def _mp_context() -> Any:
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def extract_processes(
    items: Iterable[Item],
    workers: int,
    batch_size: int = BATCH_SIZE,
    max_docs: int = CHUNK_DOCS,
    max_chars: int = CHUNK_CHARS,
) -> Iterator[Result]:
    from concurrent.futures import ProcessPoolExecutor

    context = _mp_context()
    if context.get_start_method() == "fork":
        from nlpmeet.api import default_nlp

        default_nlp()  # load here once: forked workers inherit it instead of loading it again
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_process, initargs=(batch_size,)
    )
    try:
        yield from _ordered(
            lambda chunk: pool.submit(_process_chunk, chunk),
            items,
            workers * IN_FLIGHT_PER_WORKER,
            max_docs=max_docs,
            max_chars=max_chars,
        )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --- Dask ----------------------------------------------------------------------------------------------

_dask_lock = threading.Lock()


def _dask_chunk(chunk: list[Item], batch_size: int = BATCH_SIZE) -> list[Result]:
    """Run on a Dask worker: the process's one pipeline, one chunk at a time."""
    from nlpmeet.api import default_nlp, extract

    with _dask_lock:  # worker threads share the process's pipeline; spaCy is not re-entrant
        return list(extract(chunk, nlp=default_nlp(), batch_size=batch_size))


def _dask_warm_up() -> None:
    from nlpmeet.api import default_nlp

    with _dask_lock:
        default_nlp()


def _pipeline_plugin() -> Any:
    from distributed import WorkerPlugin

    class NlpmeetPipeline(WorkerPlugin):
        """Start building the pipeline on each worker (present and future) as the client connects."""

        name = "nlpmeet-pipeline"

        def setup(self, worker: Any) -> None:
            threading.Thread(target=_dask_warm_up, name="nlpmeet-load", daemon=True).start()

    return NlpmeetPipeline()


def connect(scheduler: str, timeout: float = 30) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            "--scheduler needs Dask distributed: pip install 'nlpmeet[dask]' (make install has it)"
        ) from exc
    try:
        return Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from exc


def extract_dask(
    items: Iterable[Item],
    scheduler: str,
    batch_size: int = BATCH_SIZE,
    max_docs: int = CHUNK_DOCS,
    max_chars: int = CHUNK_CHARS,
) -> Iterator[Result]:
    client = connect(scheduler)
    try:
        register = getattr(client, "register_plugin", None) or client.register_worker_plugin
        register(_pipeline_plugin())
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
        threads = sum(client.nthreads().values()) or 1
        yield from _ordered(
            lambda chunk: client.submit(_dask_chunk, chunk, batch_size, pure=False),
            items,
            threads * IN_FLIGHT_PER_WORKER,
            max_docs=max_docs,
            max_chars=max_chars,
        )
    finally:
        client.close()


# --- the one entry point -------------------------------------------------------------------------------


def extract(
    items: Iterable[Item], workers: int = 1, scheduler: str | None = None, batch_size: int = BATCH_SIZE
) -> Iterator[Result]:
    """Records (and input problems, in place) for every item, in input order, on the chosen engine."""
    if scheduler:
        return extract_dask(items, scheduler, batch_size=batch_size)
    workers = resolve_workers(workers)
    if workers > 1:
        return extract_processes(items, workers, batch_size=batch_size)
    from nlpmeet.api import extract as extract_local

    return extract_local(items, batch_size=batch_size)


__all__ = ["InputProblem", "chunks", "extract", "extract_dask", "extract_processes", "resolve_workers"]
