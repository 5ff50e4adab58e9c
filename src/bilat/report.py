"""Readable summaries of records for a person at a terminal (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import Record


def print_record_table(rec: Record, console: Console | None = None, max_events: int = 0) -> None:
    console = console or Console()
    a, b = rec.pair
    console.rule(f"[bold]{rec.source.get('title', '')}[/]  ({a}–{b})")
    facts = Table(show_header=False, box=None, pad_edge=False)
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Established", rec.established.date if rec.established and rec.established.date else "—")
    if rec.border:
        length = f"{rec.border.length_km:g} km" if rec.border.length_km is not None else "length not stated"
        cross = ", ".join(rec.border.crossings) or "no crossings named"
        facts.add_row("Border", f"{length}; crossings: {cross}")
    for m in rec.lists:
        facts.add_row("List", f"{m.lister} lists {m.listed} on its {m.name}" + (f" since {m.since}" if m.since else ""))
    facts.add_row("People", ", ".join(p.name for p in rec.people) or "—")
    facts.add_row("Sites", ", ".join(f"{s.name} ({s.kind}{', ' + s.place if s.place else ''})" for s in rec.sites) or "—")
    console.print(facts)

    if rec.missions:
        mt = Table(title="Diplomatic missions", title_justify="left")
        for col in ("sending", "kind", "city", "receiving", "status", "opened", "closed"):
            mt.add_column(col)
        for m in rec.missions:
            mt.add_row(m.sending, m.kind, m.city, m.receiving,
                       m.status if m.status == "open" else f"[red]{m.status}[/]", m.opened or "", m.closed or "")
        console.print(mt)

    events = [e for e in rec.events if not e.fictional]
    if events:
        et = Table(title=f"Timeline ({len(events)} events)", title_justify="left")
        for col in ("date", "type", "source → target", "count", "summary"):
            et.add_column(col, overflow="fold")
        shown = events if not max_events else events[:max_events]
        for e in shown:
            direction = f"{e.source or '?'} → {e.target or '?'}" if (e.source or e.target) else " / ".join(e.actors)
            et.add_row(e.date or "—", f"{e.type}" + (f":{e.mode}" if e.mode else ""), direction,
                       "" if e.count is None else str(e.count), e.summary)
        console.print(et)
    flagged = [e for e in rec.events if e.fictional]
    if flagged:
        console.print(f"[dim]{len(flagged)} event(s) flagged as fiction, plan, hypothesis or negation are not shown.[/]")
