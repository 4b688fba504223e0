"""End to end on 10 news articles the team wrote and annotated (tests/data/news.*.jsonl), the ninth held-out
round, on what journalists and news dumps contain rather than official communiqués: an AFP wire dispatch with its
dateline ("PARIS, 12 mars (AFP) -") and titles before names without commas, a live blog of timestamped entries
("14h32 :"), a Belgian daily's politics article with parties in parentheses after names, an African news site on a
regional summit (military ranks, "son homologue"), a Radio-Canada article on a federal-provincial meeting, an
economics article (a CEO received at Bercy, a plant visited "aux côtés de", earlier meetings in past years), sports
diplomacy (a federation president received by a king "en présence de"), a Brussels correspondent's report in
indirect speech ("a indiqué mercredi qu'il s'était entretenu la veille"), a newly appointed minister's portrait
("Nommé mardi ministre …, X") and an "En bref" of three unrelated items; scored by the rules of the annotation
guide with nlpmeet's own scorer.

The texts were written as a held-out check (gold written before the first run: mean F1 0.910) and are kept as a
regression corpus: each category must stay at or above the figure it reached after the round's general fixes, less
a small margin for a legitimate change of rule elsewhere."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlpmeet import evaluate
from tests.helpers import score_corpus

MARGIN = 0.03
# F1 per category after the ninth round's general fixes (first run: people 1.000, roles 0.903, organizations 0.800,
# countries 0.988, locations 0.870, dates 0.990, events 0.875, meetings 0.857, meeting dates 0.896)
# (raised, never lowered: roles 0.963, locations 0.933 and events 0.900 after the organisation-adjective naming,
# building name particles, competitions and the tenth round's fixes)
REACHED = {
    "people": 1.000,
    "roles": 0.963,
    "organizations": 0.921,
    "countries": 0.988,
    "locations": 0.933,
    "dates": 0.990,
    "events": 0.900,
    "meetings": 0.951,
}


@pytest.fixture(scope="module")
def report(nlp: Language) -> evaluate.Report:
    return score_corpus(nlp, "news")


@pytest.mark.parametrize("category", sorted(REACHED))
def test_category_holds_on_the_news_articles(report: evaluate.Report, category: str) -> None:
    f1 = report.category(category)["f1"]
    assert f1 >= REACHED[category] - MARGIN, f"{category}: F1 {f1:.3f} (was {REACHED[category]:.3f})"


def test_meeting_dates_on_the_news_articles(report: evaluate.Report) -> None:
    accuracy = report.meeting_date_accuracy
    assert accuracy is not None and accuracy >= 1.000 - MARGIN
