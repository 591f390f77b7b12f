"""20 people at once without 20 browsers: Streamlit sessions driven over the app's own websocket.

Each session sends what a browser sends when a person uses the app (a `BackMsg` asking for a run:
open a page by its script hash, or answer a checklist question with the widget's id and value, as
a fragment run) and is timed until the server reports the run finished (`ForwardMsg`
`script_finished`), every message of the page received. That is the server's share of each
interaction while 20 sessions are busy; the browser's own drawing is measured one session at a
time (time to visual, click to result). On a 2-core machine, 20 Chromium renderers would measure
the renderers, not the app: in clinic each person's screen draws on its own device.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench.concurrency import ConcurrencyResult, Journey, Pace, cpu_seconds

FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}
RUN_TIMEOUT_S = 30
START_GAP_S = 0.25  # as with the browsers: all 20 sessions are in within 5 s
# A larger crowd (100, 200 sessions) joins within this window, so that every session is open at
# once for most of its journey (a journey with reading pauses lasts about 45 s).
JOIN_WINDOW_S = 10.0


@dataclass
class Choice:
    """A segmented control on the page: what a click on one of its options sends."""

    widget_id: str
    fragment_id: str
    label: str
    options: list[str]


@dataclass
class Run:
    ms: float
    message_bytes: int
    exceptions: list[str]


class WsSession:
    """One Streamlit session over `/_stcore/stream`, as the browser's own client speaks it."""

    def __init__(self, connection) -> None:
        self.connection = connection
        self.page_hashes: dict[str, str] = {}  # url path ("" = start) -> page script hash
        self.choices: list[Choice] = []  # segmented controls drawn by the last run
        self.words: list[str] = []  # headings, text and alerts drawn by the last run
        self.widget_values: dict[str, tuple[str, list[str]]] = {}  # id -> (fragment, value)

    async def open(self, url_path: str) -> Run:
        self.widget_values = {}  # a browser sends the states of the widgets on the page it leaves
        return await self._run(url_path, fragment_id="")

    async def choose(self, url_path: str, choice: Choice, option: str) -> Run:
        self.widget_values[choice.widget_id] = (choice.fragment_id, [option])
        return await self._run(url_path, fragment_id=choice.fragment_id)

    async def _run(self, url_path: str, fragment_id: str) -> Run:
        message = BackMsg()
        request = message.rerun_script
        request.query_string = ""
        request.page_name = url_path
        request.page_script_hash = self.page_hashes.get(url_path, "")
        request.fragment_id = fragment_id
        for widget_id, (_, value) in self.widget_values.items():
            state = request.widget_states.widgets.add()
            state.id = widget_id
            state.string_array_value.data.extend(value)
        started = time.perf_counter()
        await self.connection.send(message.SerializeToString())
        self.choices, self.words, size, exceptions = [], [], 0, []
        while True:
            raw = await asyncio.wait_for(self.connection.recv(), RUN_TIMEOUT_S)
            size += len(raw)
            reply = ForwardMsg()
            reply.ParseFromString(raw)
            kind = reply.WhichOneof("type")
            if kind == "navigation":
                self.page_hashes = {p.url_pathname: p.page_script_hash for p in reply.navigation.app_pages}
            elif kind == "delta" and reply.delta.WhichOneof("type") == "new_element":
                element = reply.delta.new_element
                if element.WhichOneof("type") in ("markdown", "heading", "alert"):
                    self.words.append(getattr(element, element.WhichOneof("type")).body)
                if element.WhichOneof("type") == "exception":
                    exceptions.append(element.exception.message[:120])
                elif element.WhichOneof("type") == "button_group":
                    group = element.button_group
                    self.choices.append(Choice(group.id, reply.delta.fragment_id, group.label,
                                               [o.content for o in group.options]))
            elif kind == "script_finished" and reply.script_finished in FINISHED:
                return Run((time.perf_counter() - started) * 1000, size, exceptions)
            elif kind == "script_finished" and reply.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                return Run((time.perf_counter() - started) * 1000, size, exceptions + ["compile error"])


async def _journey(
    ws_url: str, paths: list[tuple[str, str]], answers: int, delay_s: float, pace: Pace
) -> Journey:
    journey = Journey()
    await asyncio.sleep(delay_s)
    label = "connect"
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None) as connection:
            session = WsSession(connection)
            (first_id, first_path), rest = paths[0], paths[1:]
            label = f"open {first_id}"
            run = await session.open(first_path)
            journey.first_load_ms = run.ms
            journey.errors += [f"{label}: {e}" for e in run.exceptions]
            for page_id, path in rest:
                await pace.read_page()
                label = f"open {page_id}"
                run = await session.open(path)
                journey.navigation_ms.append(run.ms)
                journey.errors += [f"{label}: {e}" for e in run.exceptions]
                if page_id == "checklist":
                    for n, choice in enumerate(session.choices[:answers]):
                        await pace.between_answers()
                        label = f"answer {n + 1} on checklist"
                        run = await session.choose(path, choice, choice.options[0])
                        journey.answer_ms.append(run.ms)
                        journey.errors += [f"{label}: {e}" for e in run.exceptions]
    except TimeoutError:
        journey.errors.append(f"{label}: no result within {RUN_TIMEOUT_S} s")
    except (OSError, websockets.WebSocketException) as err:
        journey.errors.append(f"{label}: {type(err).__name__}: {err}")
    return journey


async def _crowd(base_url: str, paths: list[tuple[str, str]], sessions: int, answers: int,
                 server_pid: int | None, pace: bool) -> ConcurrencyResult:
    ws_url = base_url.replace("http://", "ws://", 1) + "/_stcore/stream"
    cpu_before = cpu_seconds(server_pid) if server_pid else None
    started, client_cpu_before = time.monotonic(), time.process_time()
    gap = min(START_GAP_S, JOIN_WINDOW_S / max(sessions, 1))
    journeys = await asyncio.gather(
        *(_journey(ws_url, paths, answers, n * gap, Pace(n, pace)) for n in range(sessions))
    )
    result = ConcurrencyResult(sessions=sessions, journeys=list(journeys),
                               wall_seconds=time.monotonic() - started)
    result.client_cpu_seconds = time.process_time() - client_cpu_before
    if cpu_before is not None:
        result.server_cpu_seconds = cpu_seconds(server_pid) - cpu_before
    return result


def run(base_url: str, paths: list[tuple[str, str]], sessions: int, answers: int = 2,
        server_pid: int | None = None, pace: bool = True) -> ConcurrencyResult:
    """`paths`: (page id, url path) in journey order, the first opened directly. `pace`: pause to
    read between clicks (bench.concurrency.Pace); False sends each click the moment the last is done."""
    return asyncio.run(_crowd(base_url, paths, sessions, answers, server_pid, pace))
