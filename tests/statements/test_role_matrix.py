"""The role x action matrix, over HTTP: every cell asserted, the allowed ones included.

One table: a row per action, a column per role (ROLES), each cell "allowed" or
"denied". One parametrised test performs each cell's request with Django's test client
as that role's user and checks the outcome precisely: what "allowed" means for the
action (its status, where it redirects to, the file it sends, the statement listed),
that a denial is a refusal (403 or 404, or a redirect to the sign-in page or to the
dashboard with an error), and for a POST that the state changed exactly when allowed.

The table agrees with docs/security.md ("What each role can reach", "Who may do
what") and PRODUCT.md's roles; where those say nothing the code's rule is written down
here. A row with both outcomes is its own positive control: each denial stands next to
the same request succeeding for someone who may make it.

The world (role_matrix_world.py) is built once for the module inside a transaction that
is rolled back at the end; each test runs in a savepoint of it.
"""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client, TestCase

from tests.statements.role_matrix_world import ACTIONS, ROLES, World, body, refused

A, D = "allowed", "denied"

# Columns, in the order of ROLES:
#   anonymous | translator into a language the statement does not need (ja) |
#   approver of a government that signs none of it (Japan) | approver of a signatory
#   (Canada) | drafter (Canada's press office, the lead) | drafter of another
#   government (Japan's press office: the "Drafters" group's page permissions count only
#   on statements its government leads, ADR 0014) | Canada's delegated government
#   administrator | administrator (superuser)
MATRIX = {
    # The approver edits while the sign-off is with them (Wagtail's workflow lends it).
    "view the statement's edit page": (D, D, D, A, A, D, D, A),
    # Positive control of the drafter of another government: its own government's draft.
    "view the edit page of a statement Japan leads": (D, D, D, D, D, A, D, A),
    "view the sign-off screen": (D, D, D, A, A, D, D, A),
    # Only an approver of that government signs; the drafter and the administrator see
    # the screen, and the action refuses them (403), nothing recorded.
    "sign off for Canada (POST)": (D, D, D, A, D, D, D, D),
    "approve the French translation for Canada (POST)": (D, D, D, A, D, D, D, D),
    "export the French translation (XLIFF)": (D, D, D, D, A, D, D, A),
    "export the French translation (PO)": (D, D, D, D, A, D, D, A),
    "import a French translation file (POST)": (D, D, D, D, A, D, D, A),
    # The statement's own editors only, not the approver Wagtail lends edit rights to.
    "export every language (ZIP)": (D, D, D, D, A, D, D, A),
    "open the Languages screen": (D, D, D, D, A, D, D, A),
    "schedule the release (POST)": (D, D, D, D, A, D, D, A),
    "move the release (POST)": (D, D, D, D, A, D, D, A),
    "cancel the release (POST)": (D, D, D, D, A, D, D, A),
    # Listings: Japan's approver reaches the queue, the translator the status, and
    # neither finds the statement there.
    "see the statement in the release queue": (D, D, D, A, A, D, D, A),
    "see the statement in translation status": (D, D, D, D, A, D, D, A),
    "view the People screen of the lead government": (D, D, D, D, D, D, A, A),
    "view the People screen of another government": (D, D, D, D, D, D, D, A),
    "invite an approver of the lead government (POST)": (D, D, D, D, D, D, A, A),
    # Only the release publishes: nobody, signed in or not, reaches it before.
    "open the unreleased statement's public URL": (D, D, D, D, D, D, D, D),
    "download a document only the unreleased statement uses": (D, D, D, A, A, D, D, A),
}

# Rows where "some allowed, some denied" is meaningless, with the reason and the
# positive control that stands in for an allowed cell (test_every_row_pairs_...).
ALL_DENIED = {
    "open the unreleased statement's public URL": (
        "the release alone publishes (PRODUCT.md, Embargo); control: the released "
        "statement's public URL answers 200 to anonymous",
    ),
}

CELLS = [(action, role) for action in MATRIX for role in ROLES]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        built = World(TestCase.captureOnCommitCallbacks)
        yield built
        transaction.set_rollback(True)
    cache.clear()  # Wagtail's site root paths name the rolled-back site


def perform(world, action, role):
    spec = ACTIONS[action]
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    url = spec.url(world)
    before = spec.state(world) if spec.state else None
    response = client.post(url, spec.data(world)) if spec.data else client.get(url)
    after = spec.state(world) if spec.state else None
    return spec, response, before, after


def outcome(spec, world, response):
    """("allowed" | "denied" | None): None is neither, which always fails."""
    succeeded = spec.ok(response, world)
    if spec.shows:
        listed = succeeded and spec.shows in body(response).decode()
        if listed:
            return A
        return D if refused(response) or succeeded else None
    if succeeded:
        return A
    return D if refused(response) else None


@pytest.mark.parametrize(("action", "role"), CELLS, ids=[f"{a} | {r}" for a, r in CELLS])
def test_role_matrix(world, db, action, role):
    expected = MATRIX[action][ROLES.index(role)]
    spec, response, before, after = perform(world, action, role)
    got = outcome(spec, world, response)
    where = response.get("Location", "")
    assert got == expected, f"{role}: {action}: {response.status_code} {where}"
    if spec.state:
        changed = after != before
        assert changed == (expected == A), f"{role}: {action}: state {before!r} -> {after!r}"


def test_the_table_covers_every_action_and_role():
    assert set(MATRIX) == set(ACTIONS)
    assert all(len(cells) == len(ROLES) for cells in MATRIX.values())
    assert all(cell in (A, D) for cells in MATRIX.values() for cell in cells)
    assert all(cells[0] == D for cells in MATRIX.values()), "anonymous is denied everything"


def test_every_row_pairs_a_denial_with_an_allowed_cell(world, db):
    unpaired = [action for action, cells in MATRIX.items() if not (A in cells and D in cells)]
    assert sorted(unpaired) == sorted(ALL_DENIED)
    assert all(D in cells and A not in cells for a, cells in MATRIX.items() if a in ALL_DENIED)
    # The stand-in control of the public URL row: a released statement is public.
    released = world.released_url
    assert Client().get(released).status_code == 200
