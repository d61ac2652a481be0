"""BM25 keyword index as a sparse matrix: fast to score, saved without pickle."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from scipy import sparse

WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    "a about above after again against all am an and any are as at be because been before "
    "being below between both but by can could did do does doing down during each few for "
    "from further had has have having he her here hers herself him himself his how i if in "
    "into is it its itself just me more most my myself no nor not now of off on once only or "
    "other our ours ourselves out over own same she should so some such than that the their "
    "theirs them themselves then there these they this those through to too under until up "
    "very was we were what when where which while who whom why will with would you your "
    "yours yourself yourselves im ive dont cant get got also may might much many".split()
)
K1 = 1.5  # term-frequency saturation (Robertson & Zaragoza 2009 defaults)
B = 0.75  # length normalisation


def stem(word: str) -> str:
    """A small, conservative suffix stripper: plurals, -ing, -ed (walking -> walk)."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    for suffix, min_length in (("ing", 6), ("ed", 5)):
        if word.endswith(suffix) and len(word) >= min_length:
            root = word[: -len(suffix)]
            if len(root) > 2 and root[-1] == root[-2] and root[-1] not in "lsz":
                root = root[:-1]
            return root
    return word


def tokenize(text: str) -> list[str]:
    """Lower-cased, stop words dropped, stemmed terms."""
    return [stem(word) for word in WORD.findall(text.lower()) if word not in STOPWORDS]


class BM25Index:
    """Okapi BM25 weights precomputed per (passage, term); a query sums its terms' columns."""

    def __init__(self, weights: sparse.csc_matrix, vocabulary: Sequence[str]) -> None:
        self.weights = weights
        self.vocabulary = list(vocabulary)
        self._column = {term: index for index, term in enumerate(self.vocabulary)}

    @classmethod
    def build(cls, texts: Iterable[str]) -> BM25Index:
        counts = [Counter(tokenize(text)) for text in texts]
        vocabulary = sorted({term for count in counts for term in count})
        column = {term: index for index, term in enumerate(vocabulary)}
        lengths = np.array([sum(count.values()) for count in counts], dtype=np.float64)
        average = float(lengths.mean()) if len(lengths) and lengths.mean() > 0 else 1.0
        document_frequency = Counter(term for count in counts for term in count)
        total = len(counts)
        rows, cols, values = [], [], []
        for row, count in enumerate(counts):
            norm = K1 * (1 - B + B * lengths[row] / average)
            for term, frequency in count.items():
                df = document_frequency[term]
                idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
                rows.append(row)
                cols.append(column[term])
                values.append(idf * frequency * (K1 + 1) / (frequency + norm))
        weights = sparse.csc_matrix(
            (values, (rows, cols)), shape=(total, len(vocabulary)), dtype=np.float32
        )
        return cls(weights, vocabulary)

    def scores(self, query: str) -> np.ndarray:
        """One BM25 score per passage (zeros when no query term is known)."""
        columns = sorted({self._column[term] for term in tokenize(query) if term in self._column})
        scores = np.zeros(self.weights.shape[0], dtype=np.float32)
        # Column by column on the CSC arrays: scipy's column slicing costs more than the sums.
        indptr = self.weights.indptr
        for start, end in ((indptr[column], indptr[column + 1]) for column in columns):
            scores[self.weights.indices[start:end]] += self.weights.data[start:end]
        return scores

    def knows(self, term: str) -> bool:
        return term in self._column

    def save(self, folder: Path) -> None:
        sparse.save_npz(folder / "bm25.npz", self.weights, compressed=False)
        (folder / "bm25_vocabulary.json").write_text(json.dumps(self.vocabulary), "utf-8")

    @classmethod
    def load(cls, folder: Path) -> BM25Index:
        weights = sparse.load_npz(folder / "bm25.npz").tocsc()
        vocabulary = json.loads((folder / "bm25_vocabulary.json").read_text("utf-8"))
        if weights.shape[1] != len(vocabulary):
            raise ValueError("BM25 weights and vocabulary disagree in size")
        return cls(weights, vocabulary)
