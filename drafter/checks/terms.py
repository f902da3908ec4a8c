"""STY0xx: terminology from the ``terms`` section of the rule packs."""

from __future__ import annotations

from drafter.checks.base import Finding, check, replace_span
from drafter.model import Resolution
from drafter.rules.terms import TermScanner, compile_terms


def draft_body(resolution: Resolution, rules) -> str | None:
    """The adopting body's registry id: the front matter's, else the body the chapeau names.

    Security Council texts follow their own house style ("this resolution", no
    footnotes), so a draft whose chapeau names the Council is treated as one
    even when its front matter does not say so.
    """
    if resolution.front_matter.body:
        return resolution.front_matter.body
    if resolution.chapeau is None:
        return None
    from drafter.registry import body_for_chapeau

    body = body_for_chapeau(rules, resolution.chapeau.text)
    return body.id if body is not None else None


def _prose(resolution: Resolution):
    yield from resolution.paragraphs()
    for footnote in resolution.footnotes:
        yield footnote.as_paragraph()


def _term_matches(resolution: Resolution, context, kind: str):
    body = draft_body(resolution, context.rules)
    scanner = context.rules.derived(("terms-scanner", kind, body), lambda rules: TermScanner(
        r for r in rules.derived("terms", compile_terms) if r.kind == kind and r.applies_to(body)))
    if not scanner.rules:
        return
    for paragraph in _prose(resolution):
        for match in scanner.scan(paragraph.text):
            yield paragraph, match


_HEAD = "---\ntitle: Strengthening international cooperation in asset recovery\nbody: unga\n---\n\n"


@check(
    "STY001", "non-preferred-term", "warning",
    "A term is written in a form the terms pack replaces with a preferred one.",
    """
    *What it checks*: every wrong form listed by a `substitution` rule in the
    `terms` section of the rule packs: "State Parties" or "states parties" for
    "States parties", "member states" for "Member States", "this resolution" for
    "the present resolution" (except in Security Council texts, which say "this
    resolution"), and short or wrong names of instruments ("UN Convention against
    Corruption", "the Palermo Convention") for their full names. Quotations and
    names of bodies ("Conference of the States Parties") are left alone.

    *Why it matters*: the secretariat's editors correct these forms in every
    draft; a text that already uses the agreed terms reads as the body's own and
    keeps editorial rounds for substance.

    *Use instead*: the preferred form the message names. Add house terms in a
    rule pack of your own, listed under `rule-packs` in the config.

    Default severity is warning, as for style in general: unedited drafts are full
    of these and the text still means the same; raise it with `severity:
    {STY001: error}` in the config to hold a team's drafts to the terms.

    *Fix safety*: safe where the rule allows it (most do); the wrong form is
    replaced by the preferred form and nothing else changes. Rules whose
    replacement would need other words changed (a bare acronym that needs an
    article) are reported without a fix.
    """,
    bad=_HEAD + "The General Assembly,\n\n1. *Urges* State Parties to implement this resolution.\n",
    good=_HEAD + "The General Assembly,\n\n1. *Urges* States parties to implement the present resolution.\n",
    fixable=True,
)
def non_preferred_term(resolution: Resolution, context):
    for paragraph, match in _term_matches(resolution, context, "substitution"):
        span = paragraph.span_of(match.start, match.end)
        fix = None
        if match.rule.fixable:
            fix = replace_span(span, match.preferred, f"replace '{match.found}' with '{match.preferred}'")
        yield Finding(span, match.message, paragraph.id, fix)


@check(
    "STY002", "avoided-phrase", "warning",
    "A phrase the terms pack says to avoid is used.",
    """
    *What it checks*: every phrase listed by an `existence` rule in the `terms`
    section of the rule packs, such as "and/or".

    *Why it matters*: such phrases are ambiguous or foreign to the style of
    resolutions, and the ambiguity becomes a question of interpretation once the
    text is adopted.

    *Use instead*: the wording the message suggests ("A or B, or both" for
    "A and/or B").

    *Fix safety*: no automatic fix; the rewording needs a drafter.
    """,
    bad=_HEAD + "The General Assembly,\n\n1. *Invites* Governments and/or regional organizations to act.\n",
    good=_HEAD + "The General Assembly,\n\n1. *Invites* Governments and regional organizations to act.\n",
)
def avoided_phrase(resolution: Resolution, context):
    for paragraph, match in _term_matches(resolution, context, "existence"):
        yield Finding(paragraph.span_of(match.start, match.end), match.message, paragraph.id)
