"""`bilat ingest`: extract many articles in parallel, store them one by one.

Workers (processes) extract records; the main process is the one writer
and commits each article in its own transaction, so a killed ingest loses
at most the articles not yet committed, and a rerun completes the batch.
Files whose text is already stored (same sha256, same bilat version) are
skipped before extraction.
"""
from __future__ import annotations

import glob
import hashlib
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import BilatError, SourceError
from .writer import ADDED, REPLACED, UNCHANGED, Writer

ARTICLE_SUFFIXES = (".txt", ".wiki", ".wikitext", ".mediawiki")
DUMP_SUFFIXES = (".xml", ".xml.bz2", ".xml.gz")


@dataclass(frozen=True)
class Item:
    """One article to ingest: a file (text None: the worker reads it), stdin
    or a page of a dump (text given)."""
    where: str
    text: str | None = None
    title: str | None = None
    fmt: str | None = None


@dataclass
class Report:
    articles: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    events: int = 0
    missions: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


def expand(paths: Iterable[str]) -> tuple[list[Item], list[tuple[str, str]]]:
    """Files, folders (their article files, recursively), globs, '-' and dumps
    as Items; plus (argument, reason) for arguments that name nothing."""
    items: list[Item] = []
    bad: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add_file(p: Path) -> None:
        key = str(p.resolve())
        if key in seen:
            return
        seen.add(key)
        if p.name.endswith(DUMP_SUFFIXES):
            items.append(Item(str(p), fmt="dump"))
        else:
            items.append(Item(str(p)))

    for arg in paths:
        if arg == "-":
            try:
                data = sys.stdin.buffer.read()
                from ..sources import decode
                items.append(Item("<stdin>", text=decode(data, "<stdin>")))
            except BilatError as e:
                bad.append(("<stdin>", getattr(e, "message", str(e))))
            continue
        p = Path(arg)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")
                           and f.name.endswith(ARTICLE_SUFFIXES + DUMP_SUFFIXES))
            if not found:
                bad.append((arg, "folder holds no article files (" + ", ".join(ARTICLE_SUFFIXES) + ")"))
            for f in found:
                add_file(f)
        elif p.exists():
            add_file(p)
        elif glob.has_magic(arg):
            matched = sorted(glob.glob(arg, recursive=True))
            if not matched:
                bad.append((arg, "no file matches this pattern"))
            for m in matched:
                mp = Path(m)
                if mp.is_file():
                    add_file(mp)
        else:
            bad.append((arg, "no such file or folder"))
    return items, bad


def _pages(item: Item) -> Iterator[Item]:
    from ..sources.dump import iter_dump
    for title, text in iter_dump(item.where):
        yield Item(f"{item.where}#{title}", text=text, title=title, fmt="wikitext")


def _sha(item: Item) -> str | None:
    """The sha256 the record will carry (of the decoded text), or None when
    the file cannot be read (the worker then reports why)."""
    try:
        if item.text is not None:
            text = item.text
        else:
            from ..sources import decode
            text = decode(Path(item.where).read_bytes(), item.where)
    except (OSError, BilatError):
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def extract_item(item: Item):
    """(where, Prepared record or None, error or None): runs in a worker process,
    which also turns the record into rows, so that the writer only writes."""
    from ..extract.record import extract_record
    from ..sources import read, read_text
    from .writer import prepare
    try:
        if item.text is None:
            art = read(item.where)
        else:
            art = read_text(item.text, where=item.where, fmt=item.fmt, title=item.title)
        return item.where, prepare(extract_record(art), text=art.text), None
    except SourceError as e:
        return item.where, None, e.message
    except BilatError as e:
        return item.where, None, str(e)
    except RecursionError:
        return item.where, None, "article too deeply nested to read"
    except Exception as e:  # a bug in an extractor must not stop the batch
        return item.where, None, f"internal error ({type(e).__name__}: {e}); this is a bug in bilat"


def ingest(paths: Iterable[str], db: str | os.PathLike, jobs: int | None = None,
           progress: Callable[[int, int, str], None] | None = None) -> Report:
    """Ingest `paths` into the store at `db`; `progress(done, total, where)` is
    called after each article."""
    t0 = time.perf_counter()
    rep = Report()
    items, bad = expand(paths)
    rep.failed.extend(bad)
    with Writer(db) as w:
        todo: list[Item] = []
        for it in items:
            if it.fmt == "dump":
                try:
                    pages = list(_pages(it))
                except BilatError as e:
                    rep.failed.append((it.where, getattr(e, "message", str(e))))
                    continue
                candidates = pages
            else:
                candidates = [it]
            for c in candidates:
                sha = _sha(c)
                if sha is not None and w.known(sha):
                    rep.unchanged += 1
                else:
                    todo.append(c)
        total = len(todo) + rep.unchanged
        rep.articles = total
        done = rep.unchanged
        if progress:
            progress(done, total, "")

        def take(where, rec, err) -> None:
            nonlocal done
            done += 1
            if err is not None:
                rep.failed.append((where, err))
            else:
                try:
                    status = w.put(rec)
                except BilatError as e:
                    rep.failed.append((where, str(e)))
                    status = None
                if status == ADDED:
                    rep.added += 1
                elif status == REPLACED:
                    rep.replaced += 1
                elif status == UNCHANGED:
                    rep.unchanged += 1
                if status in (ADDED, REPLACED):
                    rep.events += rec.n_events
                    rep.missions += rec.n_missions
            if progress:
                progress(done, total, where)

        jobs = max(1, jobs or os.cpu_count() or 1)
        if jobs == 1 or len(todo) <= 1:
            for it in todo:
                take(*extract_item(it))
        else:
            _parallel(todo, min(jobs, len(todo)), take)
    rep.seconds = time.perf_counter() - t0
    return rep


def _parallel(todo: list[Item], jobs: int, take) -> None:
    """Extract in `jobs` processes, a bounded number in flight, committing as they finish."""
    window = jobs * 4
    queue = iter(todo)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: dict[Future, Item] = {}

        def refill() -> None:
            while len(pending) < window:
                it = next(queue, None)
                if it is None:
                    return
                pending[pool.submit(extract_item, it)] = it

        try:
            refill()
            while pending:
                finished, _ = wait(pending, return_when=FIRST_COMPLETED)
                for f in finished:
                    it = pending.pop(f)
                    try:
                        result = f.result()
                    except BrokenProcessPool:
                        result = (it.where, None, "the worker process died (out of memory?)")
                    except Exception as e:
                        result = (it.where, None, f"internal error ({type(e).__name__}: {e})")
                    take(*result)
                try:
                    refill()
                except BrokenProcessPool:
                    for it in queue:
                        take(it.where, None, "not extracted: the worker processes died")
        except BaseException:
            for f in pending:
                f.cancel()
            raise
