"""The {{convert}} template: "195.7 km (121.6 mi)" from |195.7|km|mi.

Rounding follows Wikipedia's Module:Convert default (output precision
matched to the input's, at least two significant figures), so the rendered
numbers agree with what readers of the article see.
"""
from __future__ import annotations

import math
import re

# unit: (symbol, singular, plural, factor to the base unit, dimension, default output)
_UNITS: dict[str, tuple[str, str, str, float, str, str]] = {
    "km": ("km", "kilometre", "kilometres", 1000.0, "length", "mi"),
    "m": ("m", "metre", "metres", 1.0, "length", "ft"),
    "cm": ("cm", "centimetre", "centimetres", 0.01, "length", "in"),
    "mm": ("mm", "millimetre", "millimetres", 0.001, "length", "in"),
    "mi": ("mi", "mile", "miles", 1609.344, "length", "km"),
    "ft": ("ft", "foot", "feet", 0.3048, "length", "m"),
    "yd": ("yd", "yard", "yards", 0.9144, "length", "m"),
    "in": ("in", "inch", "inches", 0.0254, "length", "mm"),
    "nmi": ("nmi", "nautical mile", "nautical miles", 1852.0, "length", "km"),
    "km2": ("km²", "square kilometre", "square kilometres", 1e6, "area", "sqmi"),
    "m2": ("m²", "square metre", "square metres", 1.0, "area", "sqft"),
    "sqmi": ("sq mi", "square mile", "square miles", 2589988.110336, "area", "km2"),
    "sqft": ("sq ft", "square foot", "square feet", 0.09290304, "area", "m2"),
    "ha": ("ha", "hectare", "hectares", 1e4, "area", "acre"),
    "acre": ("acres", "acre", "acres", 4046.8564224, "area", "ha"),
    "kg": ("kg", "kilogram", "kilograms", 1.0, "mass", "lb"),
    "t": ("t", "tonne", "tonnes", 1000.0, "mass", "LT"),
    "lb": ("lb", "pound", "pounds", 0.45359237, "mass", "kg"),
    "LT": ("long tons", "long ton", "long tons", 1016.0469088, "mass", "t"),
    "km/h": ("km/h", "kilometre per hour", "kilometres per hour", 1 / 3.6, "speed", "mph"),
    "mph": ("mph", "mile per hour", "miles per hour", 0.44704, "speed", "km/h"),
    "C": ("°C", "degree Celsius", "degrees Celsius", 1.0, "temperature", "F"),
    "F": ("°F", "degree Fahrenheit", "degrees Fahrenheit", 5 / 9, "temperature", "C"),
}
_ALIASES = {
    "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "metre": "m", "metres": "m", "meter": "m", "meters": "m", "mile": "mi", "miles": "mi",
    "foot": "ft", "feet": "ft", "km²": "km2", "sqkm": "km2", "sq mi": "sqmi", "mi2": "sqmi",
    "m²": "m2", "sq ft": "sqft", "ft2": "sqft", "acres": "acre", "°C": "C", "°F": "F",
    "kmh": "km/h", "kph": "km/h", "inch": "in", "inches": "in", "NM": "nmi",
}
_RANGE_WORDS = {"to": " to ", "-": "–", "–": "–", "and": " and ", "or": " or ",
                "to(-)": " to ", "and(-)": " and ", "&": " & ", "x": " × ", "by": " by "}
_US = (("metre", "meter"), ("litre", "liter"))
_NUM_RE = re.compile(r"^[-−]?\d[\d,]*(\.\d+)?$|^[-−]?\.\d+$")
_PREC_RE = re.compile(r"^-?\d+$")


def unit_key(u: str) -> str | None:
    u = u.strip()
    if u in _UNITS:
        return u
    return _ALIASES.get(u) or _ALIASES.get(u.lower())


def render_convert(positional: list[str], named: dict[str, str]) -> str | None:
    """The text of {{convert|...}}, or None when the call is not understood."""
    args = [a.strip() for a in positional]
    while args and args[-1] == "":
        args.pop()
    if len(args) < 2 or not _NUM_RE.match(args[0]):
        return None
    values = [args[0]]
    joiners: list[str] = []
    i = 1
    while i + 1 < len(args) and args[i] in _RANGE_WORDS and _NUM_RE.match(args[i + 1]):
        joiners.append(_RANGE_WORDS[args[i]])
        values.append(args[i + 1])
        i += 2
    if i >= len(args):
        return None
    unit_in = unit_key(args[i])
    rest = args[i + 1:]
    if unit_in is None:
        return None
    unit_out = None
    if rest and not _PREC_RE.match(rest[0]):
        first = rest[0].split()[0] if rest[0].split() else ""
        unit_out = unit_key(rest[0]) or unit_key(first)
        rest = rest[1:]
    if unit_out is None:
        unit_out = _UNITS[unit_in][5]
    if _UNITS[unit_out][4] != _UNITS[unit_in][4]:
        return None
    precision = int(rest[0]) if rest and _PREC_RE.match(rest[0]) else None
    sigfig = named.get("sigfig", "").strip()
    abbr = named.get("abbr", "on").strip().lower()
    us = named.get("sp", "").strip().lower() == "us"

    nums_in = [float(v.replace(",", "").replace("−", "-")) for v in values]
    outs = [_convert(x, unit_in, unit_out) for x in nums_in]
    shown_out = []
    for v_text, x, y in zip(values, nums_in, outs):
        if sigfig.isdigit() and int(sigfig) > 0:
            shown_out.append(_format_sig(y, int(sigfig)))
        else:
            p = precision if precision is not None else _default_precision(v_text, x, y, unit_in, unit_out)
            shown_out.append(_format(y, p))
    shown_in = [_group(v.replace(",", "").replace("−", "-")) for v in values]
    in_part = _join(shown_in, joiners) + " " + _unit_name(unit_in, nums_in[-1], abbr in ("on", "in", "values"), us)
    out_part = _join(shown_out, joiners) + " " + _unit_name(unit_out, outs[-1], abbr in ("on", "out", "values", ""), us)
    disp = named.get("disp", "").strip().lower()
    flip = named.get("order", "").strip().lower() == "flip"
    first, second = (out_part, in_part) if flip else (in_part, out_part)
    if disp in ("out", "output only"):
        return out_part
    if disp in ("or",):
        return f"{first} or {second}"
    if disp in ("number", "output number only"):
        return _join(shown_out, joiners)
    return f"{first} ({second})"


def _join(nums: list[str], joiners: list[str]) -> str:
    out = nums[0]
    for j, n in zip(joiners, nums[1:]):
        out += j + n
    return out


def _unit_name(key: str, value: float, abbreviated: bool, us: bool) -> str:
    sym, one, many = _UNITS[key][:3]
    if abbreviated:
        return sym
    name = one if abs(value) == 1 else many
    if us:
        for uk, am in _US:
            name = name.replace(uk, am)
    return name


def _convert(x: float, unit_in: str, unit_out: str) -> float:
    if _UNITS[unit_in][4] == "temperature":
        c = x if unit_in == "C" else (x - 32) * 5 / 9
        return c if unit_out == "C" else c * 9 / 5 + 32
    return x * _UNITS[unit_in][3] / _UNITS[unit_out][3]


def _default_precision(text: str, x: float, y: float, unit_in: str, unit_out: str) -> int:
    """Module:Convert's default: input precision adjusted by the scale, >= 2 sig. figs."""
    clean = text.replace(",", "").lstrip("-−")
    if "." in clean:
        prec = len(clean.split(".", 1)[1])
    else:
        prec = -(len(clean) - len(clean.rstrip("0"))) if clean.strip("0") else 0
    if _UNITS[unit_in][4] == "temperature":
        kelvin = abs(_convert(x, unit_in, "C") + 273.15)
        minprec = 2 if kelvin < 1e-8 else 2 - math.floor(math.log10(kelvin) + 1e-14)
        return max(prec, minprec)
    if x == 0 or y <= 0:
        return 0
    adjust = math.log10(abs(x / y)) + math.log10(2)
    minprec = 1 - math.floor(math.log10(y) + 1e-14)
    return max(math.floor(prec + adjust), minprec)


def _format(y: float, precision: int) -> str:
    if precision <= 0:
        n = round(y, precision) if precision < 0 else round(y)
        return _group(str(int(n)))
    return _group(f"{y:.{precision}f}")


def _format_sig(y: float, sig: int) -> str:
    if y == 0:
        return "0"
    return _format(y, sig - 1 - math.floor(math.log10(abs(y))))


def _group(num: str) -> str:
    """Thousands separators as Wikipedia shows them: 1630 -> 1,630."""
    sign = "-" if num.startswith("-") else ""
    num = num.lstrip("-")
    whole, dot, frac = num.partition(".")
    if len(whole) > 3:
        whole = f"{int(whole):,}"
    return sign + whole + dot + frac
