"""pages.yaml and pages/ agree: every page id has its script, every script is a page in pages.yaml."""

from decision_aid.page_scripts import page_script, page_script_path, script_page_ids


def test_every_page_in_pages_yaml_has_a_script(content):
    missing = [p.id for p in content.pages.pages if not page_script_path(p.id).is_file()]
    assert not missing, f"pages.yaml ids without a pages/<id>.py script: {missing}"


def test_every_script_in_pages_is_a_page_in_pages_yaml(content):
    ids = {p.id for p in content.pages.pages}
    orphans = sorted(script_page_ids() - ids)
    assert not orphans, f"scripts in pages/ with no entry in pages.yaml: {orphans}"


def test_a_page_script_is_named_relative_to_the_app():
    assert page_script("checklist") == "pages/checklist.py"
    assert page_script_path("checklist").parent.name == "pages"
