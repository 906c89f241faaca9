"""HAProxy in front of workers: the configuration HAProxy itself accepts, the
certificate file it reads, the worker list, and the sentences when something is
missing. The live behaviour is in tests/browser/test_workers.py."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from facilitate.cli import main
from facilitate.cli.proxy_config import default_user
from facilitate.core.errors import FacilitateError, InvalidInput
from facilitate.server import haproxy
from facilitate.server.haproxy import (
    INSTALL_HAPROXY,
    ProxyLayout,
    WorkerAddress,
    check_config,
    haproxy_binary,
    haproxy_config,
    parse_workers,
    write_pem,
)
from facilitate.server.workers import check_worker_count, pool_per_worker


@pytest.fixture(autouse=True)
def _no_leaks(monkeypatch, tmp_path):
    """Commands write --data-dir and --store into the environment; undo that."""
    monkeypatch.setenv("FACILITATE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FACILITATE_STORE", "")


@pytest.fixture(scope="module")
def binary() -> str:
    try:
        return haproxy_binary()
    except FacilitateError:
        if os.environ.get("CI"):
            pytest.fail("HAProxy is missing; .ci/run installs it")
        pytest.skip("HAProxy is not installed: apt-get install haproxy")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def test_haproxy_accepts_the_configuration_with_tls(binary, certificate, tmp_path):
    pem = write_pem(*certificate, tmp_path / "room.pem")
    workers = (
        WorkerAddress("w1", "127.0.0.1", 40001),
        WorkerAddress("w2", "::1", 40002),
    )
    text = haproxy_config(ProxyLayout("0.0.0.0", 8443, workers, pem))
    config = tmp_path / "haproxy.cfg"
    config.write_text(text)
    check_config(binary, config)
    lines = lines_of(text)
    assert f"bind 0.0.0.0:8443 ssl crt {pem}" in lines
    assert "cookie FACILITATE_WORKER insert indirect nocache httponly secure" in lines
    assert "server w1 127.0.0.1:40001 check cookie w1" in lines
    assert "server w2 [::1]:40002 check cookie w2" in lines
    assert "option httpchk GET /healthz" in lines
    assert "timeout tunnel 12h" in lines
    assert "option redispatch 1" in lines
    assert "http-request set-header X-Forwarded-Proto https" in lines


def test_haproxy_says_who_asked_in_its_own_words_only(binary, tmp_path):
    """Whatever a client writes in the forwarding headers is deleted before
    HAProxy writes its own (``option forwardfor`` adds X-Forwarded-For)."""
    workers = (WorkerAddress("w1", "127.0.0.1", 40001),)
    text = haproxy_config(ProxyLayout("127.0.0.1", 8866, workers))
    config = tmp_path / "haproxy.cfg"
    config.write_text(text)
    check_config(binary, config)
    lines = lines_of(text)
    frontend = lines[lines.index("frontend room") : lines.index("backend workers")]
    deleted = [
        frontend.index(f"http-request del-header {header}")
        for header in ("X-Real-Ip", "X-Forwarded-For", "X-Forwarded-Proto")
    ]
    assert max(deleted) < frontend.index("http-request set-header X-Real-Ip %[src]")
    assert "option forwardfor" in lines


def test_a_proxy_in_front_must_be_named_to_be_believed(capsys):
    assert main(["serve", "--public-url", "https://pd.example.org"]) == 2
    assert capsys.readouterr().err == (
        "facilitate: --public-url means a proxy is in front of this server: name "
        "its address with --trusted-proxy (for example --trusted-proxy 10.0.0.5), "
        "so each person is counted by their own address, not the proxy's.\n"
    )
    assert main(["serve", "--trusted-proxy", "10.0.0.256"]) == 2
    assert "'10.0.0.256' is not an address or a network." in capsys.readouterr().err
    assert main(["serve", "--workers", "2", "--trusted-proxy", "10.0.0.5"]) == 2
    assert capsys.readouterr().err.startswith(
        "facilitate: --workers starts its own proxy, so --trusted-proxy does not "
    )


def test_plain_http_has_no_secure_cookie_and_a_broken_file_is_one_sentence(
    binary, tmp_path
):
    workers = (WorkerAddress("w1", "127.0.0.1", 40001),)
    text = haproxy_config(ProxyLayout("127.0.0.1", 8866, workers))
    assert "cookie FACILITATE_WORKER insert indirect nocache httponly" in lines_of(text)
    assert "ssl" not in text
    assert "set-header X-Forwarded-Proto" not in text
    broken = tmp_path / "broken.cfg"
    broken.write_text(text.replace("balance leastconn", "balance sometimes"))
    with pytest.raises(FacilitateError) as refused:
        check_config(binary, broken)
    assert str(refused.value).startswith(f"HAProxy refused its configuration {broken}")
    assert f"parsing [{broken}:" in str(refused.value)


def test_the_certificate_file_holds_cert_then_key_for_its_owner_only(
    certificate, tmp_path
):
    target = tmp_path / "run" / "room.pem"
    target.parent.mkdir()
    target.write_text("old")
    target.chmod(0o644)
    write_pem(*certificate, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    cert, key = certificate
    assert target.read_bytes() == cert.read_bytes() + key.read_bytes()


def test_worker_addresses():
    assert parse_workers("10.0.0.11:8866, [fd00::2]:9000") == (
        WorkerAddress("w1", "10.0.0.11", 8866),
        WorkerAddress("w2", "fd00::2", 9000),
    )
    with pytest.raises(InvalidInput) as bad:
        parse_workers("10.0.0.11")
    assert str(bad.value) == (
        "'10.0.0.11' is not a worker address. Write it as host:port, for example "
        "10.0.0.11:8866 (the address and --port of that machine's facilitate serve)."
    )
    with pytest.raises(InvalidInput) as twice:
        parse_workers("a:1,a:1")
    assert str(twice.value) == "The worker a:1 is named twice. Give each worker once."
    with pytest.raises(InvalidInput):
        parse_workers(" , ")


def test_the_pool_is_shared_and_the_worker_count_bounded():
    assert pool_per_worker(30, 2) == 15
    assert pool_per_worker(5, 2) == 3
    assert pool_per_worker(0, 4) == 0
    with pytest.raises(InvalidInput) as refused:
        check_worker_count(0)
    assert str(refused.value) == (
        "--workers 0 is not a number of workers we can start. Give 1 to 32; about "
        "one per processor core is right."
    )


def test_missing_haproxy_says_how_to_install_it(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(haproxy, "HAPROXY_PLACES", (str(tmp_path / "haproxy"),))
    with pytest.raises(FacilitateError) as missing:
        haproxy_binary()
    assert str(missing.value) == INSTALL_HAPROXY
    assert "apt-get install haproxy" in INSTALL_HAPROXY
    assert main(["serve", "--workers", "2"]) == 2
    assert capsys.readouterr().err == f"facilitate: {INSTALL_HAPROXY}\n"


def test_workers_start_their_own_proxy(capsys):
    args = ["serve", "--workers", "2", "--public-url", "https://pd.example.org"]
    assert main(args) == 2
    assert capsys.readouterr().err == (
        "facilitate: --workers starts its own proxy, so --public-url does not "
        "apply. Use one or the other (see docs/deployment.md: Running a large "
        "event).\n"
    )


def test_proxy_config_writes_what_serve_would(binary, certificate, tmp_path, capsys):
    out = tmp_path / "etc" / "haproxy.cfg"
    cert, key = certificate
    args = ["proxy-config", "--workers", "10.0.0.11:8866,10.0.0.12:8866"]
    args += ["--out", str(out), "--port", "443"]
    assert main([*args, "--certfile", str(cert), "--keyfile", str(key)]) == 0
    pem = out.parent / "facilitate.pem"
    workers = parse_workers("10.0.0.11:8866,10.0.0.12:8866")
    user = default_user()
    assert out.read_text() == haproxy_config(
        ProxyLayout("0.0.0.0", 443, workers, pem, user)
    )
    assert (f"user {user}" in lines_of(out.read_text())) == bool(user)
    assert stat.S_IMODE(pem.stat().st_mode) == 0o600
    printed = capsys.readouterr().out
    assert "HAProxy reads it without complaint." in printed
    assert "--host 10.0.0.12 --port 8866 --public-url https://" in printed
    assert " --trusted-proxy " in printed
    assert main([*args, "--certfile", str(cert), "--keyfile", str(cert)]) == 2
    assert capsys.readouterr().err.startswith(
        f"facilitate: Cannot use the certificate {cert} with the key {cert} ("
    )


def test_haproxy_on_a_server_drops_to_a_user_that_exists():
    workers = (WorkerAddress("w1", "127.0.0.1", 40001),)
    root_group = haproxy_config(ProxyLayout("0.0.0.0", 80, workers, user="root"))
    assert [
        line for line in lines_of(root_group) if line.startswith(("user", "group"))
    ] == ["user root", "group root"]
    with pytest.raises(InvalidInput) as missing:
        haproxy_config(ProxyLayout("0.0.0.0", 80, workers, user="nobody-by-that-name"))
    assert str(missing.value) == (
        "There is no system user 'nobody-by-that-name' here for HAProxy to run as. "
        "Install Debian's haproxy package (it creates one), or name another with "
        "--user."
    )


def test_a_public_url_must_be_an_address_people_can_open(capsys):
    assert main(["serve", "--public-url", "pd.example.org"]) == 2
    assert capsys.readouterr().err == (
        "facilitate: 'pd.example.org' is not an address people can open. Give the "
        "proxy's address, for example https://pd.example.org.\n"
    )
