"""The front door compresses Voila's static files once and serves the kept bytes."""

from __future__ import annotations

import asyncio
import gzip

from tornado import httpclient, httpserver, netutil, web

from facilitate.server.proxy import Backend, Front, front_application
from facilitate.server.statics import StaticFiles, front_end_files, keep, warm
from facilitate.server.voila import UNUSED_EXTENSIONS

SCRIPT = b"function widget() { return 'the same words again'; }\n" * 400


class Counted(web.RequestHandler):
    """A stand-in Voila: counts the requests it had to answer."""

    hits: list[str]

    def initialize(self, hits: list[str]) -> None:
        self.hits = hits

    def get(self, *_: str) -> None:
        self.hits.append(self.request.uri or "")
        if self.request.headers.get("If-None-Match") == '"v1"':
            self.set_status(304)
            return
        self.set_header("Content-Type", "application/javascript")
        self.set_header("Etag", '"v1"')
        self.set_cookie("username", f"person-{len(self.hits)}")
        self.write(SCRIPT)


def listen(app: web.Application) -> int:
    [sock] = netutil.bind_sockets(0, "127.0.0.1")
    server = httpserver.HTTPServer(app)
    server.add_sockets([sock])
    return int(sock.getsockname()[1])


async def fetch_through_the_front(requests: list[dict]) -> tuple[list, list[str]]:
    hits: list[str] = []
    voila = listen(web.Application([(r"/.*", Counted, {"hits": hits})]))
    front = Front(
        room=Backend("room", voila),
        lead=Backend("lead", voila, "/lead"),
        open_store=lambda: None,  # type: ignore[arg-type,return-value]
    )
    port = listen(front_application(front))
    client = httpclient.AsyncHTTPClient()
    answers = []
    for request in requests:
        answers.append(
            await client.fetch(
                f"http://127.0.0.1:{port}{request['path']}",
                headers=request.get("headers", {}),
                decompress_response=False,
                raise_error=False,
            )
        )
    return answers, hits


def test_a_static_file_is_fetched_from_voila_once_and_sent_compressed():
    path = "/voila/static/voila.js?v=3"
    phones = [{"path": path, "headers": {"Accept-Encoding": "gzip"}}] * 3
    answers, hits = asyncio.run(fetch_through_the_front(phones))
    assert hits == [path], "Voila answered the file once"
    for answer in answers:
        assert answer.code == 200
        assert answer.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(answer.body) == SCRIPT
        assert answer.headers["Etag"] == '"v1"'
        assert len(answer.headers.get_list("Date")) == 1, "not Voila's again"
        assert "Server" not in answer.headers
    # Voila set a cookie on its one answer: a person's, never replayed to others.
    assert [a.headers.get("Set-Cookie") for a in answers] == [None, None, None]
    assert len(answers[0].body) < len(SCRIPT) / 10


def test_kept_files_respect_what_the_browser_asks():
    path = "/lead/voila/labextensions/x/remoteEntry.js"
    asked = [
        {"path": path, "headers": {"Accept-Encoding": "gzip"}},
        {"path": path},  # a client that takes no gzip gets plain bytes
        {"path": path, "headers": {"If-None-Match": '"v1"'}},  # passed on
    ]
    answers, hits = asyncio.run(fetch_through_the_front(asked))
    plain = answers[1]
    assert "Content-Encoding" not in plain.headers
    assert plain.body == SCRIPT
    assert answers[2].code == 304
    assert hits == [path, path], "the conditional request went to Voila"


def test_pages_are_never_kept():
    page = "/voila/render/participant.ipynb"
    _answers, hits = asyncio.run(fetch_through_the_front([{"path": page}] * 2))
    assert hits == [page, page]


def test_only_compressible_files_are_gzipped_and_memory_is_bounded():
    image = keep([("Content-Type", "image/png")], bytes(range(256)) * 40)
    assert image.gzipped is None
    script = keep([("Content-Type", "text/javascript")], SCRIPT)
    assert script.gzipped is not None
    files = StaticFiles(limit=script.size + 10)
    files.add("room", "/a", [("Content-Type", "text/javascript")], SCRIPT)
    files.add("room", "/b", [("Content-Type", "text/javascript")], SCRIPT)
    assert files.get("room", "/a") is not None
    assert files.get("room", "/b") is None, "over the limit: served, not kept"
    assert files.used <= files.limit


def test_plotly_js_is_compressed_once_and_cached_by_the_browser():
    from facilitate.server.proxy import plotly_script

    asked = [{"path": "/assets/plotly.min.js", "headers": {"Accept-Encoding": "gzip"}}]
    answers, hits = asyncio.run(fetch_through_the_front(asked * 2))
    assert hits == [], "served by the front door itself"
    for answer in answers:
        assert answer.headers["Content-Encoding"] == "gzip"
        assert answer.headers["Cache-Control"] == "max-age=86400"
    assert gzip.decompress(answers[1].body) == plotly_script().read_bytes()
    assert len(answers[1].body) < plotly_script().stat().st_size / 2


def test_warmed_files_are_ready_before_the_first_page_asks():
    """Warmed at start: the first browser (its loader adding ``?v=``) is sent
    kept, compressed bytes, and Voila is not asked again."""

    async def scenario() -> tuple[int, list, list[str]]:
        hits: list[str] = []
        voila = listen(web.Application([(r"/.*", Counted, {"hits": hits})]))
        lead = Backend("lead", voila, "/lead")
        front = Front(room=Backend("room", voila), lead=lead,
                      open_store=lambda: None)  # type: ignore[arg-type,return-value]  # fmt: skip
        uris = ["/lead/voila/static/1.voila.js", "/lead/voila/static/2.voila.js"]
        count = await warm(front.statics, "lead", lead.url, uris)
        warmed = list(hits)
        port = listen(front_application(front))
        answer = await httpclient.AsyncHTTPClient().fetch(
            f"http://127.0.0.1:{port}{uris[1]}?v=abc",
            headers={"Accept-Encoding": "gzip"},
            decompress_response=False,
        )
        return count, [answer, warmed], hits

    count, (answer, warmed), hits = asyncio.run(scenario())
    assert count == 2
    assert hits == warmed, "the page's request did not reach Voila"
    assert answer.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(answer.body) == SCRIPT
    assert "Set-Cookie" not in answer.headers


def test_the_files_to_warm_are_voila_s_and_the_extensions_pages_use():
    files = front_end_files(UNUSED_EXTENSIONS)
    assert "/voila/static/voila.js" in files
    assert any(f.startswith("/voila/labextensions/anywidget/static/") for f in files)
    assert any("/widgets-manager8/static/remoteEntry" in f for f in files)
    assert not any("jupyterlab-plotly" in f for f in files), "plotly is never served"
