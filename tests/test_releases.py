"""End to end on 88 releases the team wrote and annotated (tests/data/releases.*.jsonl: Élysée, Quai
d'Orsay, UN, African Union, European Commission, French Armed Forces, NATO, agency dispatches, a daily
paper, a regional paper, the Swiss foreign ministry, the Sénat, the Holy See, Bercy, a presidential
agenda, the Council of Europe, staff talks; then Matignon, a ministère des Armées bilateral, the OIF,
the IMF, the Moroccan agency MAP, the Québec government, the Assemblée nationale, a French embassy in
Asia, the sports ministry and a newspaper interview; then the Belgian SPF Affaires étrangères, the
Luxembourg government, the Senegalese presidency, the WHO, the European Parliament, a G20 summit day of
bilateral meetings, an Ivorian-Ghanaian joint communiqué, a French minister's week agenda, Global Affairs
Canada and an Interior ministry meeting with police counterparts; then a company press release (a CEO received by
a minister), a trade-mission report, the Cameroonian and Tunisian presidencies, a Swiss Federal Council
communiqué, UNESCO, an ECOWAS summit's final communiqué, the European Council president's calls, a radio
interview transcript with speaker labels and a regional council's delegation abroad; then the Algerian foreign
ministry, a French prefecture's programme of a minister's visit, the New Brunswick premier's mission, the African
Union Commission chairperson's audiences, a World Bank vice-president's visit, the Monaco government, Québec city
hall, the Lebanese presidency, an EU commissioner in Dakar and a regional paper's foreign delegation; then a Senate
committee's mission abroad, an OECD ministerial meeting, a francophone parliamentary assembly's session, a Council
of the EU outcome, a Franco-German council of ministers, the Senegalese armed forces, the African Development Bank's
annual meetings, a Swiss canton's government, an employers' federation delegation and a research cooperation
agreement; then the Malagasy presidency's credentials ceremony, a foreign minister's phone-call readout, a university
hospital partnership signing, a chamber of commerce business forum with a Nigerian state governor, the Senegalese prime
minister's office receiving the IOC president, an audience with the Grand Imam of al-Azhar, the International Criminal
Court president's visit, an EU-African Union ministerial, a social partners' meeting at Matignon and a minister's visit
to New Caledonia; then a Walloon government mission abroad, the Haitian transitional presidential council, a TAP
dispatch on ministers' talks, a European Parliament committee delegation, the NATO Parliamentary Assembly's session,
a university rector receiving an ambassador, a union leader at the labour ministry, a Senate question-time summary,
an obituary listing past meetings with their dates and an EU commissioner's weekly agenda), scored by the rules of
the annotation guide with nlpmeet's own scorer.

These texts were written as a held-out check (gold written before the first run) and are kept as a
regression corpus: each category must stay at or above the figure it reached when the corpus was
added, less a small margin for a legitimate change of rule elsewhere."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlpmeet import evaluate
from tests.helpers import score_corpus

MARGIN = 0.03
# F1 per category when the corpus was added (people, roles, ... as in spec/annotation.md)
# (raised, never lowered, when the third and fourth rounds of 10 releases joined: the higher of the two figures;
# with the fourth round events 0.952 and meetings 0.966 stayed under their earlier figures, within the margin;
# with the fifth (48 releases) only dates rose, to 0.988; organizations 0.903, events 0.939, meetings 0.966, roles
# 0.972 and people 0.998 stayed under, within the margin; with the sixth (58 releases) roles rose to 0.980 and
# locations to 0.976; organizations 0.898, events 0.949, meetings 0.976 and dates 0.987 stayed under, within the
# margin; with the seventh (68 releases, written alongside the sixth) no category rose: people 0.999, roles 0.969,
# organizations 0.903, countries 0.998, locations 0.963, dates 0.986, events 0.955 and meetings 0.978 stayed under
# or at their figures, within the margin; with the eighth (78 releases) dates rose to 0.990; people 0.996, roles 0.955,
# countries 0.998 and events 0.949 stayed under, within the margin, and organizations 0.886, locations 0.940 and
# meetings 0.913 fell below the margin at the first run, before the fixes the round showed; with the tenth (88 releases)
# meetings rose to 0.982 after the round's fixes; people 0.998, roles 0.963, organizations 0.899, countries 0.998,
# locations 0.963, dates 0.989 and events 0.946 stayed under, within the margin (at the first run roles 0.948 and
# organizations 0.891 fell below it))
REACHED = {
    "people": 1.000,
    "roles": 0.980,
    "organizations": 0.927,
    "countries": 1.000,
    "locations": 0.976,
    "dates": 0.990,
    "events": 0.958,
    "meetings": 0.982,
}


@pytest.fixture(scope="module")
def report(nlp: Language) -> evaluate.Report:
    return score_corpus(nlp, "releases")


@pytest.mark.parametrize("category", sorted(REACHED))
def test_category_holds_on_the_team_releases(report: evaluate.Report, category: str) -> None:
    f1 = report.category(category)["f1"]
    assert f1 >= REACHED[category] - MARGIN, f"{category}: F1 {f1:.3f} (was {REACHED[category]:.3f})"


def test_meeting_dates_on_the_team_releases(report: evaluate.Report) -> None:
    accuracy = report.meeting_date_accuracy
    assert accuracy is not None and accuracy >= 0.990 - MARGIN
