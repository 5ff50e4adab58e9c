"""One short line per event, in bilat's own words: "Norway expels 3 diplomats of Russia"."""
from __future__ import annotations

from functools import lru_cache

from .lexicon import words

_DEFAULT = {
    "AGREE": "{s} agrees with {t}", "CONSULT": "{s} consults {t}", "SUPPORT": "{s} supports {t}",
    "CONCEDE": "{s} yields to {t}", "COOPERATE": "{s} cooperates with {t}", "AID": "{s} gives aid to {t}",
    "RETREAT": "{s} pulls back towards {t}", "REQUEST": "{s} makes a demand of {t}",
    "ACCUSE": "{s} criticises {t}", "REJECT": "{s} rejects {t}", "THREATEN": "{s} threatens {t}",
    "PROTEST": "{s} protests against {t}", "SANCTION": "{s} sanctions {t}", "MOBILIZE": "{s} mobilises against {t}",
    "COERCE": "{s} coerces {t}", "ASSAULT": "{s} attacks {t}",
}


@lru_cache(maxsize=1)
def _templates() -> dict[str, str]:
    return {**_DEFAULT, **(words().get("summaries") or {})}


@lru_cache(maxsize=1024)
def _name(code: str | None) -> str:
    """A state's short name, looked up once per code (two per event)."""
    if not code:
        return "someone"
    try:
        from ..nlp.gazetteer import gazetteer
        c = gazetteer().country(code)
        return c.name if c else code
    except Exception:
        return code


def summary(c, text: str) -> str:
    tpl = _templates()
    if c.symmetric:
        line = f"{_name(c.source)} and {_name(c.target)}: {c.type.lower()}"
        line += f" ({c.mode})" if c.mode else ""
    else:
        key = f"{c.type}:{c.mode}" if f"{c.type}:{c.mode}" in tpl else c.type
        noun = getattr(c, "count_noun", None) or ("people" if (c.count or 0) != 1 else "person")
        line = tpl[key].format(s=_name(c.source), t=_name(c.target), n=c.count if c.count else "", noun=noun)
    line = " ".join(line.split())
    line += f" — “{c.trigger}”"
    if c.modality:
        line += f" [{c.modality}]"
    return line
