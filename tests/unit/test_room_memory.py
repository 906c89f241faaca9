"""The room's memory: how many more kernels (people) fit above the reserve."""

from __future__ import annotations

from facilitate.ui.room_memory import (
    KERNEL_MB,
    RESERVE_MIN_MB,
    can_start_kernel,
    joinable_sentence,
    kernels_affordable,
)


def meminfo(tmp_path, available_mb: int, total_mb: int = 8192):
    path = tmp_path / "meminfo"
    path.write_text(
        f"MemTotal:       {total_mb * 1024} kB\n"
        f"MemFree:        1000 kB\n"
        f"MemAvailable:   {available_mb * 1024} kB\n"
    )
    return path


def test_kernels_fit_above_a_reserve_of_a_tenth_of_the_machine():
    assert kernels_affordable(1024 + 10 * KERNEL_MB, 8192) == 10
    assert kernels_affordable(1638.4 + 10 * KERNEL_MB, 16384) == 10
    assert kernels_affordable(500, 8192) == 0


def test_no_kernel_starts_once_memory_reaches_the_reserve(tmp_path):
    assert can_start_kernel(meminfo(tmp_path, RESERVE_MIN_MB + KERNEL_MB))
    assert not can_start_kernel(meminfo(tmp_path, RESERVE_MIN_MB + KERNEL_MB - 1))


def test_the_remote_says_how_many_more_can_join(tmp_path):
    assert joinable_sentence(meminfo(tmp_path, RESERVE_MIN_MB + 3 * KERNEL_MB)) == (
        "About 3 more people can join right now (this computer's memory)."
    )
    assert joinable_sentence(meminfo(tmp_path, 100)) == (
        "This computer's memory is full: nobody else can join until someone leaves."
    )


def test_where_memory_cannot_be_read_nothing_is_held_back(tmp_path):
    missing = tmp_path / "none"
    assert can_start_kernel(missing)
    assert joinable_sentence(missing) == ""


def test_the_remote_shows_the_sentence_beside_the_count(store, session):
    from facilitate.core.text import escape
    from facilitate.ui.remote_page import RemotePage

    remote = RemotePage(store=store)
    remote.start()
    remote.open(session.code, session.key)
    sentence = joinable_sentence()
    assert sentence  # Linux says how much memory it has
    assert f'<p class="fc-room-left">{escape(sentence)}</p>' in remote.count.value
