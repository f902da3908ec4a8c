"""Templates: valid shipped data, the right shape for each body, and clean drafts once filled."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from drafter import templates
from drafter.cli import main
from drafter.config import Config
from drafter.lint import lint
from drafter.parse import read_text
from drafter.resources import schema

NAMES = [t.name for t in templates.list_templates()]

#: what a drafter would plausibly write in place of each hint; a hint may depend on the template
FILLS = {
    "title of the resolution": "Strengthening international cooperation in the matter",
    "year": "2026",
    "number of the draft": "4",
    "session number": "81",
    "number of the Main Committee": "3",
    "sponsoring Member State": "Austria",
    "second sponsoring Member State": "Ghana",
    "earlier resolutions on the subject, with their numbers and dates": {
        "cosp-uncac": "its resolution 6/4 of 6 November 2015",
        "cop-untoc": "General Assembly resolution 55/25 of 15 November 2000, by which the Assembly adopted the Convention",
        "hrc": "General Assembly resolution 70/1 of 25 September 2015",
        "*": "its resolution 73/191 of 17 December 2018",
    },
    "resolutions of the General Assembly and of the Council on the subject, with their numbers and dates":
        "General Assembly resolution 70/1 of 25 September 2015",
    "articles of the Convention on which the resolution rests": {
        "cosp-uncac": "article 46, paragraph 7, of the Convention",
        "*": "article 18 of the Convention",
    },
    "commitments or principles the resolution rests on": "its commitment to international cooperation in criminal matters",
    "reports, meetings or developments the resolution builds on": "with appreciation the work of the regional networks of practitioners",
    "concern the resolution addresses": "that requests for assistance often remain without an answer for long periods",
    "conviction behind the response the resolution proposes": "that timely and effective cooperation is essential",
    "main measures the resolution calls for": "to designate central authorities and to make their contact details public",
    "further measures to be taken on a voluntary basis": "to share their experience with other States",
    "support the secretariat is to provide": "to continue to provide technical assistance to States parties, upon request",
    "support expected from the United Nations system": "to provide technical assistance to Member States, upon request",
    "ordinal of the next session, in words": "twelfth",
    "ordinal of the reporting session, in words": "eighty-third",
    "title of the agenda item, in quotation marks": "“Crime prevention and criminal justice”",
    "symbol of the report of the Secretary-General": "A/81/120",
    "year of the reporting session": "2028",
    "subject of the report": "good practices in the field",
}


def fill(name: str, text: str) -> str:
    """The template text with every placeholder replaced by plausible wording."""
    def replacement(match):
        value = FILLS[match.group(1).strip()]
        if isinstance(value, dict):
            value = value.get(name, value.get("*"))
        return value

    return templates.PLACEHOLDER.sub(replacement, text)


def test_index_matches_its_schema():
    data = yaml.safe_load(templates.INDEX.read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(schema("template")).iter_errors(data))
    assert not errors, errors[0].message
    assert len(NAMES) == len(set(NAMES))


def test_a_broken_index_is_rejected_by_the_schema():
    broken = {"templates": [{"name": "Bad Name", "file": "x.md", "body": "unga"}]}
    assert list(Draft202012Validator(schema("template")).iter_errors(broken))


def test_every_body_the_brief_names_has_a_template():
    chapeaux = {read_text(templates.render_template(n)).chapeau.text for n in NAMES}
    assert chapeaux >= {
        "The Conference of the States Parties to the United Nations Convention against Corruption,",
        "The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,",
        "The General Assembly,", "The Economic and Social Council,", "The Human Rights Council,",
    }
    committee = read_text(templates.render_template("ga-committee"))
    assert committee.front_matter.sponsors and "/L." in committee.front_matter.symbol


@pytest.mark.parametrize("name", NAMES)
def test_template_front_matter_is_a_valid_draft_header(name):
    text = templates.render_template(name)
    header = yaml.safe_load(text.split("---")[1])
    errors = list(Draft202012Validator(schema("draft")).iter_errors(header))
    assert not errors, errors[0].message
    assert header["body"] == templates.get_template(name).body


@pytest.mark.parametrize("name", NAMES)
def test_template_has_the_usual_shape(name):
    """Recalls first, then the operative requests, and the reporting request last."""
    resolution = read_text(templates.render_template(name))
    assert resolution.preamble and resolution.operative
    assert any(p.phrase.startswith("Recalling") for p in resolution.preamble[:2])
    last = resolution.operative[-1]
    assert last.phrase == "Requests" and ("report" in last.text)
    assert all(p.kind == "operative" for p in resolution.operative)


@pytest.mark.parametrize("name", NAMES)
def test_unfilled_template_reports_its_placeholders(name):
    text = templates.render_template(name)
    codes = {d.code for d in lint(read_text(text, f"{name}.md"), Config())}
    assert templates.placeholders(text)
    assert "TPL001" in codes


@pytest.mark.parametrize("name", NAMES)
def test_filled_template_lints_clean(name):
    text = fill(name, templates.render_template(name, title="Strengthening cooperation in the matter"))
    assert not templates.placeholders(text)
    diagnostics = lint(read_text(text, f"{name}.md"), Config())
    assert not diagnostics, "\n".join(f"{d.line}:{d.column} {d.code} {d.message}" for d in diagnostics)


def test_title_is_written_as_a_safe_yaml_string():
    title = 'Cooperation: "asset recovery" #1'
    resolution = read_text(templates.render_template("ga-plenary", title=title))
    assert resolution.front_matter.title == title
    assert not resolution.problems


def test_unknown_template_names_the_choices():
    with pytest.raises(templates.TemplateError, match="cosp-uncac"):
        templates.render_template("no-such-template")


def test_cli_templates_lists_every_template(capsys):
    assert main(["templates", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [t["name"] for t in listed] == NAMES


def test_cli_new_writes_refuses_to_overwrite_and_forces(tmp_path, capsys):
    target = tmp_path / "draft.md"
    assert main(["new", "--template", "hrc", "--title", "Rights of the child", "-o", str(target)]) == 0
    first = target.read_text(encoding="utf-8")
    assert read_text(first).front_matter.title == "Rights of the child"
    assert main(["new", "--template", "cosp-uncac", "-o", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == first
    assert main(["new", "--template", "cosp-uncac", "-o", str(target), "--force"]) == 0
    assert read_text(target.read_text(encoding="utf-8")).front_matter.body == "cosp-uncac"


def test_cli_new_without_output_prints_the_draft(capsys):
    assert main(["new", "--template", "ecosoc"]) == 0
    assert capsys.readouterr().out == templates.render_template("ecosoc")


def test_cli_new_without_template_off_a_terminal_asks_for_one(capsys):
    assert main(["new"]) == 2
    err = capsys.readouterr().err
    assert "--template" in err and "ga-committee" in err


def test_cli_new_without_template_on_a_terminal_hands_over_to_the_workspace(monkeypatch):
    import sys
    import types

    calls = []
    workspace = types.ModuleType("drafter.tui")
    workspace.run_new = lambda title=None, output=None, force=False, corpus_path=None: calls.append(
        (title, output, force)) or 0
    monkeypatch.setitem(sys.modules, "drafter.tui", workspace)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert main(["new", "--title", "Rights of the child", "-o", "x.md"]) == 0
    assert calls == [("Rights of the child", "x.md", False)]
