"""Exact and near-duplicate detection over a stream of cleaned articles (incremental across runs).

Exact stage: a 16-byte BLAKE2b digest of the text after NFKC, casefolding and whitespace folding.
Near stage: MinHash (datasketch, affine32 scheme) over word n-grams of tokens that keep their digits,
indexed with datasketch's MinHashLSH. Digits matter: the same release with other figures (a monthly
update, another region) is not a duplicate, so on top of the shingle similarity the numeric tokens
of the two texts must largely agree (see docs/dedup.md for how both thresholds were chosen).

Clusters are stars: every duplicate is directly similar to its canonical article, never only
through a chain. Only canonical articles are indexed, which keeps the LSH index as small as the
number of distinct stories. Per article we keep a digest, a MinHash signature (uint32 row of one
matrix), the numeric-token hashes, the length and the publication date -- never the text.
"""
from __future__ import annotations

import pickle
import re
import unicodedata
import zlib
from array import array
from dataclasses import dataclass
from functools import cache
from hashlib import blake2b
from pathlib import Path

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

SHINGLE = 3            # word n-gram size (docs/dedup.md: n=3 separates best on the dump)
THRESHOLD = 0.8        # estimated Jaccard of shingle sets to call a near duplicate (docs/dedup.md)
NUMERIC_MIN = 0.85     # share of the smaller text's numbers found in the other, when both have some
SEED = 1
SCHEME = "affine32"
_EMPTY = 2**32 - 1      # affine32 value of an empty MinHash slot
STATE_VERSION = 1

# Letter runs and digit runs are separate tokens, so scraper-glued text (`2021tentang`, `Rp12`) still
# shingles like clean text. Numbers as written (`74,92`, `2.032.767`) are the figures the gate compares.
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")   # one quantifier, linear; ends on a digit (no trailing dot)
# Dateline dates `(19/2)`, `(06/08/2021)`: a re-post on another day changes them, the story stays.
_SLASH_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")
# Odd 64-bit multipliers for combining token hashes into an n-gram hash (position-dependent).
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD], dtype=np.uint64)


@dataclass(frozen=True)
class DedupDecision:
    article_id: str
    status: str               # "kept" or "duplicate"
    duplicate_of: str | None  # canonical article_id
    cluster_id: str | None    # canonical article_id of its cluster; None when a singleton
    similarity: float | None  # estimated Jaccard to the canonical (1.0 for exact)
    exact: bool = False       # its text (normalised) was seen before: found by the hash, not by MinHash


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def digest(normalised: str) -> bytes:
    return blake2b(normalised.encode("utf-8"), digest_size=16).digest()


def shingle_hashes(tokens: list[str], n: int = SHINGLE) -> np.ndarray:
    """uint32 hashes of the word n-grams (one shingle of all tokens when there are fewer than n)."""
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    th = np.fromiter((zlib.crc32(t.encode("utf-8")) for t in tokens), dtype=np.uint64, count=len(tokens))
    k = min(n, len(th))
    width = len(th) - k + 1
    acc = np.zeros(width, dtype=np.uint64)
    for j in range(k):   # vectorised: n passes over the token array, not one Python call per shingle
        acc += th[j:j + width] * _MIX[j]
    return np.unique((acc >> np.uint64(32)).astype(np.uint32))


def numeric_hashes(normalised: str) -> bytes:
    """Sorted uint32 hashes of the distinct numbers as written, as bytes (compact to keep)."""
    # `3,4` and `3.4`, `09` and `9` are one figure written by two outlets: compared as equal.
    found = _NUMBER.findall(_SLASH_DATE.sub(" ", normalised))
    nums = {zlib.crc32((m.lstrip("0") or "0").replace(",", ".").encode("ascii", "replace")) for m in found}
    return np.array(sorted(nums), dtype=np.uint32).tobytes()


def numeric_overlap(a: bytes, b: bytes) -> float | None:
    """Share of the smaller set of numbers found in the other text (containment, not Jaccard: a
    shortened re-post drops figures, an update changes them). None when either text has none."""
    if not a or not b:
        return None
    x, y = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    return len(np.intersect1d(x, y, assume_unique=True)) / min(len(x), len(y))


@dataclass(frozen=True)
class Fingerprint:
    """What the deduplicator keeps of one article: never its text."""
    digest: bytes
    numbers: bytes
    length: int
    signature: np.ndarray


@cache
def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME).permutations


@dataclass(frozen=True)
class Fingerprinter:
    """Text -> Fingerprint. Stateless, so that worker processes can compute it in parallel."""
    num_perm: int = 128
    shingle: int = SHINGLE
    near: bool = True

    def __call__(self, text: str) -> Fingerprint:
        norm = normalise(text)
        if self.near:
            hv = shingle_hashes(_TOKEN.findall(norm), self.shingle)
            mh = MinHash(num_perm=self.num_perm, seed=SEED, scheme=SCHEME,
                         permutations=permutations(self.num_perm), hashfunc=int)
            if len(hv):
                mh.update_batch(hv.tolist())
            sig = mh.hashvalues.astype(np.uint32, copy=False)
        else:
            sig = np.zeros(self.num_perm, np.uint32)
        return Fingerprint(digest(norm), numeric_hashes(norm), len(norm), sig)


class Deduplicator:
    """Register articles with `add`, then `decide` once; `save`/`load` carry the state to later runs."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = 128, near: bool = True,
                 shingle: int = SHINGLE, numeric_min: float = NUMERIC_MIN) -> None:
        if not 1 <= shingle <= len(_MIX):
            raise ValueError(f"shingle must be 1..{len(_MIX)}, got {shingle}")
        self.threshold, self.num_perm, self.near = threshold, num_perm, near
        self.shingle, self.numeric_min = shingle, numeric_min
        # Columns, one entry per registered article (all runs); row index = position.
        self._ids: list[str] = []
        self._digests: list[bytes] = []
        self._nums: list[bytes] = []
        self._published: list[str | None] = []
        self._length = array("I")
        self._canon = array("i")       # row of its canonical article; itself when kept; -1 undecided
        self._sim = array("f")         # estimated Jaccard to its canonical
        self._exact = array("b")       # 1 when found by the exact hash
        self._sigs = np.zeros((0, num_perm), dtype=np.uint32)
        self._row_of: dict[str, int] = {}
        self._first_with: dict[bytes, int] = {}   # digest -> first decided row with that text
        self._members = array("I")     # per row: how many duplicates point at it (cluster size - 1)
        self._run_start = 0            # rows before this come from earlier runs
        self._readds: dict[str, bytes] = {}       # earlier-run ids added again in this run -> new digest
        self._readd_sig: dict[str, np.ndarray] = {}
        self._lsh = self._new_lsh()

    # -- registering ---------------------------------------------------------------------------
    def _new_lsh(self) -> MinHashLSH:
        return MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)

    def fingerprinter(self) -> Fingerprinter:
        """The picklable, stateless part of `add`, for worker processes (`add_fingerprint` after)."""
        return Fingerprinter(self.num_perm, self.shingle, self.near)

    def add(self, article_id: str, text: str, published: str | None = None) -> None:
        self.add_fingerprint(article_id, self.fingerprinter()(text), published)

    def add_fingerprint(self, article_id: str, fp: Fingerprint, published: str | None = None) -> None:
        row = self._row_of.get(article_id)
        if row is not None:
            # Same id again: an earlier run's article is a duplicate of its earlier self (a re-run adds
            # nothing); within one run the first registration wins (the pipeline rejects the rest).
            if row < self._run_start and article_id not in self._readds:
                self._readds[article_id] = fp.digest
                if fp.digest != self._digests[row]:
                    self._readd_sig[article_id] = fp.signature
            return
        self._row_of[article_id] = len(self._ids)
        self._ids.append(article_id)
        self._digests.append(fp.digest)
        self._nums.append(fp.numbers)
        self._published.append(published)
        self._length.append(min(fp.length, 2**32 - 1))
        self._canon.append(-1)
        self._sim.append(0.0)
        self._exact.append(0)
        self._members.append(0)
        self._push_sig(fp.signature)

    def _push_sig(self, sig: np.ndarray) -> None:
        n = len(self._ids)
        if n > len(self._sigs):   # grow by doubling: amortised O(1), one contiguous matrix
            grown = np.zeros((max(2 * len(self._sigs), 1024), self.num_perm), dtype=np.uint32)
            grown[:len(self._sigs)] = self._sigs
            self._sigs = grown
        self._sigs[n - 1] = sig

    # -- deciding ------------------------------------------------------------------------------
    def _lean(self, row: int) -> LeanMinHash:
        return LeanMinHash(seed=SEED, hashvalues=self._sigs[row], scheme=SCHEME)

    def _nearest(self, row: int) -> tuple[int, float] | None:
        """The most similar canonical article passing both thresholds, if any."""
        found = [c for c in self._lsh.query(self._lean(row)) if c != row]
        if not found:
            return None
        cands = np.array(found, dtype=np.int64)
        sims = (self._sigs[cands] == self._sigs[row]).mean(axis=1)
        best: tuple[int, float] | None = None
        for c, s in sorted(zip(cands.tolist(), sims.tolist()), key=lambda p: (-p[1], p[0])):
            if s < self.threshold:
                break
            nj = numeric_overlap(self._nums[row], self._nums[c])
            if nj is None or nj >= self.numeric_min:
                best = (c, s)
                break
        return best

    def _priority(self, row: int) -> tuple:
        # Canonical choice: earliest published (ISO strings compare), else longest, else first seen.
        pub = self._published[row]
        return (pub is None, pub or "", -self._length[row], row)

    def decide(self) -> dict[str, DedupDecision]:
        """Decide every article of this run (idempotent); returns a decision per article_id."""
        pending = sorted((r for r in range(self._run_start, len(self._ids)) if self._canon[r] < 0),
                         key=self._priority)
        for row in pending:
            first = self._first_with.get(self._digests[row])
            if first is not None:            # exact copy: join the cluster its text already has
                canon = self._canon[first]
                self._link(row, canon, 1.0 if canon == first else float(self._sim[first]))
                self._exact[row] = 1
                continue
            self._first_with[self._digests[row]] = row
            # A text without tokens has an all-max signature that would "match" every other such text.
            near = self.near and int(self._sigs[row].min()) != _EMPTY
            match = self._nearest(row) if near else None
            if match is not None:
                self._link(row, *match)
            else:
                self._canon[row], self._sim[row] = row, 1.0
                if near:
                    self._lsh.insert(row, self._lean(row), check_duplication=False)
        return self._decisions()

    def _link(self, row: int, canon: int, sim: float) -> None:
        self._canon[row], self._sim[row] = canon, sim
        self._members[canon] += 1

    def _decision(self, row: int) -> DedupDecision:
        canon = self._canon[row]
        art = self._ids[row]
        if canon == row:
            return DedupDecision(art, "kept", None, art if self._members[row] else None, 1.0)
        return DedupDecision(art, "duplicate", self._ids[canon], self._ids[canon], round(float(self._sim[row]), 4),
                             bool(self._exact[row]))

    def _decisions(self) -> dict[str, DedupDecision]:
        out = {self._ids[r]: self._decision(r) for r in range(self._run_start, len(self._ids))}
        for art, d in self._readds.items():
            row = self._row_of[art]
            sim = 1.0
            if d != self._digests[row]:   # same id, other text: still that article, report how close
                sim = float((self._readd_sig[art] == self._sigs[row]).mean()) if self.near else 0.0
            earlier = self._decision(row)
            out[art] = DedupDecision(art, "duplicate", art, earlier.cluster_id, round(sim, 4), sim == 1.0)
        return out

    def clusters(self) -> list[tuple[str, str, float]]:
        """(article_id, cluster_id, similarity) for every member of a cluster of two or more, all runs."""
        rows = []
        for r in range(len(self._ids)):
            canon = self._canon[r]
            if canon == r and self._members[r]:
                rows.append((self._ids[r], self._ids[r], 1.0))
            elif canon >= 0 and canon != r:
                rows.append((self._ids[r], self._ids[canon], round(float(self._sim[r]), 4)))
        return rows

    # -- persistence ---------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Persist the decided state (plain lists and arrays; the LSH index is rebuilt on load)."""
        self.decide()
        n = len(self._ids)
        state = {
            "version": STATE_VERSION, "threshold": self.threshold, "num_perm": self.num_perm,
            "near": self.near, "shingle": self.shingle, "numeric_min": self.numeric_min,
            "permutations": np.asarray(permutations(self.num_perm)), "ids": self._ids, "digests": self._digests,
            "nums": self._nums, "published": self._published, "length": self._length.tobytes(),
            "canon": self._canon.tobytes(), "sim": self._sim.tobytes(), "exact": self._exact.tobytes(), "sigs": self._sigs[:n].copy(),
        }
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)   # atomic: a crash mid-write never leaves a truncated state

    @classmethod
    def load(cls, path: Path) -> Deduplicator:
        with open(path, "rb") as fh:
            state = pickle.load(fh)
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"{path}: dedup state version {state.get('version')}, expected {STATE_VERSION}")
        self = cls(threshold=state["threshold"], num_perm=state["num_perm"], near=state["near"],
                   shingle=state["shingle"], numeric_min=state["numeric_min"])
        if not np.array_equal(np.asarray(permutations(self.num_perm)), state["permutations"]):
            # Signatures made with other permutations are not comparable with new ones.
            raise ValueError(f"{path}: dedup state made by another datasketch version; rerun with --fresh")
        self._ids, self._digests, self._nums = state["ids"], state["digests"], state["nums"]
        self._published = state["published"]
        self._length = array("I", state["length"])
        self._canon = array("i", state["canon"])
        self._sim = array("f", state["sim"])
        self._exact = array("b", state["exact"])
        self._sigs = state["sigs"]
        self._row_of = {art: r for r, art in enumerate(self._ids)}
        self._members = array("I", bytes(4 * len(self._ids)))
        for r, canon in enumerate(self._canon):
            if canon == r:
                self._first_with.setdefault(self._digests[r], r)
                if self.near and int(self._sigs[r].min()) != _EMPTY:
                    self._lsh.insert(r, self._lean(r), check_duplication=False)
            else:
                self._members[canon] += 1
        for r, canon in enumerate(self._canon):   # exact copies of duplicates resolve to their canonical
            self._first_with.setdefault(self._digests[r], r)
        self._run_start = len(self._ids)
        return self
