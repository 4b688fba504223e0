"""A weekday after a verb in the future or the conditional with an irregular stem looks ahead, as after a regular
one ("rencontrera"): "qu'il recevrait vendredi", "elle s'entretiendra jeudi", "il viendra samedi", "ils
devront … lundi", where the tagger may read the form as an imperfect; "il aurait rencontré vendredi" (a past
reported) still looks back.

Sentences are written for these tests (public figures, invented occasions)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlpmeet.extensions import DATES_GROUP
from tests.conftest import run_with_dct

pytestmark = pytest.mark.model

DCT = "2025-06-05"  # a Thursday


def values(nlp: Language, text: str) -> list[str | None]:
    return [s._.norm for s in run_with_dct(nlp, text, DCT).spans[DATES_GROUP]]


CASES = [
    ("Le ministre a précisé qu'il recevrait vendredi au Quai d'Orsay son homologue saoudien.", ["2025-06-06"]),
    ("Jean-Noël Barrot a indiqué qu'il recevrait samedi la ministre Penny Wong.", ["2025-06-07"]),
    ("La ministre s'entretiendra vendredi avec son homologue espagnol.", ["2025-06-06"]),
    ("Le président viendra samedi à Marseille.", ["2025-06-07"]),
    ("Le Premier ministre obtiendrait lundi le soutien des députés centristes.", ["2025-06-09"]),
    ("Il aurait rencontré vendredi le chef du groupe armé.", ["2025-05-30"]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_irregular_future_and_conditional_look_ahead(nlp: Language, text: str, expected: list[str]) -> None:
    assert values(nlp, text) == expected
