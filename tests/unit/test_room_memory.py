"""The room's memory: how many more kernels (people) fit above the reserve."""

from __future__ import annotations

import os

import pytest

from facilitate.ui.room_memory import (
    FORKED_KERNEL_MB,
    KERNEL_LAUNCH_VARIABLE,
    RESERVE_MIN_MB,
    STARTED_KERNEL_MB,
    can_start_kernel,
    joinable_sentence,
    kernel_mb,
    kernels_affordable,
    kernels_forked,
)


def meminfo(tmp_path, available_mb: int, total_mb: int = 8192):
    path = tmp_path / "meminfo"
    path.write_text(
        f"MemTotal:       {total_mb * 1024} kB\n"
        f"MemFree:        1000 kB\n"
        f"MemAvailable:   {available_mb * 1024} kB\n"
    )
    return path


@pytest.mark.parametrize("forked", [True, False])
def test_kernels_fit_above_a_reserve_of_a_tenth_of_the_machine(forked):
    each = kernel_mb(forked)
    assert kernels_affordable(1024 + 10 * each, 8192, forked) == 10
    assert kernels_affordable(1638.4 + 10 * each, 16384, forked) == 10
    assert kernels_affordable(500, 8192, forked) == 0


def test_a_forked_kernel_is_counted_at_about_half_one_started_on_its_own():
    """What each holds by the end of a session (bench/kernel_growth.py):
    27.6 MB forked, 51.9 MB started."""
    assert 27.6 <= FORKED_KERNEL_MB < 0.7 * STARTED_KERNEL_MB
    assert STARTED_KERNEL_MB >= 51.9
    assert kernel_mb(True) == FORKED_KERNEL_MB
    assert kernel_mb(False) == STARTED_KERNEL_MB


def test_the_room_forks_unless_told_to_start_kernels():
    assert kernels_forked({}) == hasattr(os, "fork")
    assert not kernels_forked({KERNEL_LAUNCH_VARIABLE: "start"})


@pytest.mark.parametrize("forked", [True, False])
def test_no_kernel_starts_once_memory_reaches_the_reserve(tmp_path, forked):
    each = kernel_mb(forked)
    assert can_start_kernel(forked, meminfo(tmp_path, RESERVE_MIN_MB + each))
    assert not can_start_kernel(forked, meminfo(tmp_path, RESERVE_MIN_MB + each - 1))


def test_the_remote_says_how_many_more_can_join(tmp_path):
    three_forked = meminfo(tmp_path, RESERVE_MIN_MB + 3 * FORKED_KERNEL_MB)
    assert joinable_sentence(three_forked, forked=True) == (
        "About 3 more people can join right now (this computer's memory)."
    )
    assert joinable_sentence(three_forked, forked=False) == (
        "About 1 more person can join right now (this computer's memory)."
    )
    assert joinable_sentence(meminfo(tmp_path, 100)) == (
        "This computer's memory is full: nobody else can join until someone leaves."
    )


def test_where_memory_cannot_be_read_nothing_is_held_back(tmp_path):
    missing = tmp_path / "none"
    assert can_start_kernel(True, missing)
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
