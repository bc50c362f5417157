"""Name shapes: which tokens can be part of a person's name, and when two written names are the same
("M. Budi" = "Muhammad Budi Santoso").
"""
from __future__ import annotations

from .lexicon import Lexicon
from .tokens import Tok, is_initial

def is_acronym(tok: Tok) -> bool:
    """'NTT', 'IKN', 'ATR/BPN', 'PPN/Bappenas', 'PT': an organisation or region, never part of a name."""
    return tok.cap and (tok.text.isupper() and len(tok.text.rstrip(".")) >= 2 or "/" in tok.text)


def is_org_shaped(tok: Tok, lex: Lexicon) -> bool:
    """'Kemenkes', 'Perekonomian': organisation or field words by their shape."""
    return tok.cap and (bool(lex.org_prefix.match(tok.text)) or bool(lex.nouns.fullmatch(tok.low)))


def is_name_token(tok: Tok, lex: Lexicon) -> bool:
    if is_initial(tok.text):
        return tok.text not in lex.honorifics
    return (tok.cap and tok.alpha and tok.low not in lex.role_words and tok.low not in lex.not_names
            and tok.low not in lex.pronouns and tok.text not in lex.honorifics and not is_acronym(tok)
            and tok.text.replace("-", "").replace("'", "").replace("\u2019", "").isalpha()
            and not is_org_shaped(tok, lex))


def tokens_match(a: str, b: str) -> bool:
    """"M." matches "Muhammad"; otherwise equal ignoring case."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if a.endswith(".") and is_initial(a.capitalize()):
        return b.startswith(a[:-1]) and not b.endswith(".")
    if b.endswith(".") and is_initial(b.capitalize()):
        return a.startswith(b[:-1]) and not a.endswith(".")
    return False


def covers(full: str, short: str) -> bool:
    """Every word of `short` matches a word of `full`, in order, one of them in full: "Muttaqien" is not
    "M. Iqbal Anas"."""
    fw, sw = full.split(), short.split()
    k = whole = 0
    for w in fw:
        if k < len(sw) and tokens_match(w, sw[k]):
            whole += w.casefold() == sw[k].casefold()
            k += 1
    return k == len(sw) and whole > 0


def fullness(name: str) -> tuple[int, int]:
    return len(name.split()), sum(len(w) for w in name.split() if not w.endswith("."))
