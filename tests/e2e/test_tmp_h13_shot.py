import pytest
from .test_journeys import keyboard_answer
from .conftest import wait_idle, page_heading

pytestmark = pytest.mark.browser


def test_shot(app, content):
    page = app.open("checklist")
    ck = content.checklist
    field = next(f for f in ck.fields if f.key == "anticoagulant")
    page.bring_to_front()
    keyboard_answer(page, field, ck)
    page.screenshot(path="/tmp/h13_anticoag.png", full_page=False)
    print(app.state())
    page.screenshot(path="/tmp/h13_full.png", full_page=True)
