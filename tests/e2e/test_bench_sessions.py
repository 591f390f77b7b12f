"""The benchmark's browserless sessions (bench/ws_crowd.py) must do what a person's clicks do, or
its concurrency numbers would time something else. Driven against the real server, no browser."""

from __future__ import annotations

import asyncio

import websockets

from bench import ws_crowd
from bench.ws_crowd import WsSession

JOURNEY = [("start", ""), ("checklist", "checklist"), ("explainer", "explainer"), ("summary", "summary")]


def _stream_url(server) -> str:
    return server.base_url.replace("http://", "ws://", 1) + "/_stcore/stream"


def test_a_websocket_session_opens_pages_and_its_answer_changes_the_result(server):
    async def visit():
        async with websockets.connect(_stream_url(server), subprotocols=["streamlit"]) as connection:
            session = WsSession(connection)
            await session.open("")
            start_words = list(session.words)
            await session.open("checklist")
            before = list(session.words)
            infection = next(c for c in session.choices if c.label == "Systemic infection or bacteraemia now")
            answered = await session.choose("checklist", infection, "Yes")
            return start_words, before, session.words, answered, set(session.page_hashes)

    start_words, before, after, answered, paths = asyncio.run(visit())
    assert {"", "checklist", "explainer", "evidence"} <= paths  # learnt from the app's navigation
    assert "Should I have a steroid injection in my hip?" in start_words  # the start page's heading
    assert "Clinician risk checklist" in before
    flag = ": Systemic infection or bacteraemia**"  # a finding's title line: "<icon> **Stop: <title>**"
    assert not any(flag in w for w in before)
    assert any(flag in w for w in after), "answering Yes must raise the flag, as a click does"
    assert answered.exceptions == [] and answered.ms > 0


def test_simultaneous_sessions_finish_every_journey_without_errors(server):
    result = ws_crowd.run(server.base_url, JOURNEY, sessions=3, answers=2, pace=False)
    assert result.errors == []
    assert [len(j.navigation_ms) for j in result.journeys] == [len(JOURNEY) - 1] * 3
    assert [len(j.answer_ms) for j in result.journeys] == [2] * 3
