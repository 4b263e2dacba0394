"""Bad input is refused with a clear message and changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from statements.models import Government, MediaContact, StatementPage
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pass")
    client.force_login(user)
    return client


def statement_form(lead, signatories, **overrides):
    data = {
        "title": "Joint statement on sanctions monitoring",
        "slug": "joint-statement-sanctions",
        "statement_type": "joint_statement",
        "dateline": "Ottawa, Ontario",
        "summary": "The governments welcome the report.",
        "lead_government": lead.pk,
        "signatories": inline_formset([{"government": g.pk} for g in signatories]),
        "body": streamfield([("paragraph", rich_text("<p>We welcome the report.</p>"))]),
        "related_links": inline_formset([]),
        "contacts": inline_formset([]),
        "topics": inline_formset([]),
        "comments": inline_formset([]),
        "release_at": "",
        "release_timezone": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(newsroom):
    return f"/admin/pages/add/statements/statementpage/{newsroom.pk}/"


def test_valid_statement_is_saved_as_a_draft(admin_client, site_tree, governments):
    ca, fr = governments["CA"], governments["FR"]
    response = admin_client.post(
        add_url(site_tree["newsrooms"]["en"]),
        statement_form(ca, [ca, fr], release_at="2026-12-01 09:00"),
    )
    assert response.status_code == 302, response.context["form"].errors
    page = StatementPage.objects.get(slug="joint-statement-sanctions", locale__language_code="en")
    assert page.live is False
    assert [s.government.code for s in page.ordered_signatories] == ["CA", "FR"]
    # 09:00 in Toronto (the lead's zone, the default) is 14:00 UTC in December.
    assert page.release_timezone == "America/Toronto"
    assert page.release_at.isoformat() == "2026-12-01T14:00:00+00:00"


def test_duplicate_signatory_is_refused(admin_client, site_tree, governments):
    ca, fr = governments["CA"], governments["FR"]
    response = admin_client.post(
        add_url(site_tree["newsrooms"]["en"]), statement_form(ca, [ca, fr, fr])
    )
    assert response.status_code == 200
    assert "France is listed more than once as a signatory." in response.content.decode()
    assert not StatementPage.objects.filter(slug="joint-statement-sanctions").exists()


def test_lead_not_among_signatories_is_refused(admin_client, site_tree, governments):
    ca, fr, jp = governments["CA"], governments["FR"], governments["JP"]
    response = admin_client.post(
        add_url(site_tree["newsrooms"]["en"]), statement_form(ca, [fr, jp])
    )
    assert response.status_code == 200
    assert "The lead government must also be one of the signatories." in (response.content.decode())
    assert not StatementPage.objects.filter(slug="joint-statement-sanctions").exists()


def test_unknown_release_time_zone_is_refused(admin_client, site_tree, governments):
    ca = governments["CA"]
    response = admin_client.post(
        add_url(site_tree["newsrooms"]["en"]),
        statement_form(ca, [ca], release_at="2026-12-01 09:00", release_timezone="Mars/Olympus"),
    )
    assert response.status_code == 200
    assert "release_timezone" in response.context["form"].errors
    assert not StatementPage.objects.filter(slug="joint-statement-sanctions").exists()


def test_release_time_skipped_by_daylight_saving_is_refused(admin_client, site_tree, governments):
    ca = governments["CA"]
    response = admin_client.post(
        add_url(site_tree["newsrooms"]["en"]),
        statement_form(ca, [ca], release_at="2026-03-08 02:30"),
    )
    assert response.status_code == 200
    assert "does not exist in America/Toronto" in str(response.context["form"].errors)


def government_form(**overrides):
    data = {
        "official_name": "Government of Iceland",
        "short_name": "Iceland",
        "code": "IS",
        "languages": ["en"],
        "department": "Ministry for Foreign Affairs",
        "time_zone": "Atlantic/Reykjavik",
        "emblem": "",
        "duty_email": "duty@mfa.example.is",
        "social_links": inline_formset([]),
        "locale": factories.locale("en").pk,
    }
    data.update(overrides)
    languages = data.pop("languages")
    # nested_form_data would flatten a list; a multi-valued field posts it as is.
    return {**nested_form_data(data), "languages": languages}


def test_government_created_with_its_approver_group(admin_client):
    response = admin_client.post("/admin/snippets/statements/government/add/", government_form())
    assert response.status_code == 302
    government = Government.objects.get(code="IS")
    assert government.approver_group.name == "Sign-off: Iceland"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("time_zone", "Europe/Atlantis", "is not a known IANA time zone"),
        ("duty_email", "not-an-address", "Enter a valid email address."),
        ("code", "ISL", "two-letter ISO 3166-1 code"),
        ("languages", ["en", "xx"], "Select a valid choice."),
    ],
)
def test_government_bad_input_is_refused(admin_client, field, value, message):
    response = admin_client.post(
        "/admin/snippets/statements/government/add/", government_form(**{field: value})
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Government.objects.filter(short_name="Iceland").exists()


def test_duplicate_government_code_is_refused(admin_client, governments):
    response = admin_client.post(
        "/admin/snippets/statements/government/add/", government_form(code="ca")
    )
    assert response.status_code == 200
    assert "Another government already uses the code CA." in response.content.decode()


def test_media_contact_bad_email_is_refused(admin_client, governments):
    response = admin_client.post(
        "/admin/snippets/statements/mediacontact/add/",
        {
            "office": "Media Relations Office",
            "government": governments["CA"].pk,
            "department": "Global Affairs Canada",
            "email": "media at international",
            "phone": "+1 343 203 7700",
            "hours": "",
            "locale": factories.locale("en").pk,
        },
    )
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert not MediaContact.objects.exists()


def test_model_validation_refuses_what_the_form_refuses(site_tree, governments):
    ca, fr = governments["CA"], governments["FR"]
    page = StatementPage(
        title="x",
        slug="x",
        lead_government=ca,
        summary="s",
        dateline="d",
        body=[],
        locale=ca.locale,
    )
    from statements.models import StatementSignatory

    page.signatories.add(StatementSignatory(government=fr))
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as excinfo:
        page.validate_signatories()
    assert "The lead government must also be one of the signatories." in str(excinfo.value)
