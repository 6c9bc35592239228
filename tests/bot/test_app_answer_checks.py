"""The answer checks end to end: a signed /insight through the real app with the hybrid engine (stub embedder)."""

from __future__ import annotations

from bot.fake_slack import FakeSlack
from config.settings import Settings
from knowledge.models import Corpus
from knowledge.search import SearchEngine
from knowledge.search.embedding import HashingStubEmbedder
from tests.bot.http_support import buttons, serve, shown_ids


def test_an_amount_no_claim_gives_is_refused_saying_so(
    slack_settings: Settings, tiny_corpus: Corpus, fake_slack: FakeSlack
) -> None:
    # The hybrid engine (stub embedder) checks the answer: 张三's claims match, none states a number.
    hybrid = SearchEngine.build(tiny_corpus, use_cache=False, embedder=HashingStubEmbedder(64))
    for workspace in serve(slack_settings, tiny_corpus, fake_slack, None, hybrid):
        answer = workspace.command("<!here> 张三说开源模型有多少人用")
        assert answer.status == 200 and not buttons(answer.json()["blocks"])
        text = answer.text()
        assert "没有给出" in text and "数字" in text and "&lt;!here&gt;" in text and "<!here>" not in text
        assert not any(c.text in text for c in tiny_corpus.claims)
        assert shown_ids(workspace.command("GPU 价格还会涨多少").json()["blocks"])[0] == "compute-shortage"
