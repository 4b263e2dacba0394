"""Files under embargo: a document or image that only an unreleased statement uses is
served to the people with a role in it and to no one else, in every environment; once
a statement using it is released it is public."""

import importlib

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import clear_url_caches
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def files(site_tree, governments):
    document = get_document_model().objects.create(
        title="Annex", file=ContentFile(b"annex words", name="embargoed-annex.txt")
    )
    image = get_image_model().objects.create(
        title="Map", file=get_test_image_file(filename="embargoed-map.png")
    )
    drafter = factories.drafter()
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"]],
        publish=False,
        user=drafter,
        owner=drafter,
        body=[
            ("paragraph", "<p>Words.</p>"),
            ("document", {"document": document, "title": "Annex"}),
            ("image", {"image": image, "alt_text": "A map", "caption": ""}),
        ],
    )
    # Wagtail caches renditions by image id, and ids come round again between tests.
    for cache in caches.all():
        cache.clear()
    rendition = image.get_rendition("width-10")
    urls = {
        "document": document.url,
        "image": image.file.url,
        "rendition": rendition.url,
    }
    assert urls["document"].startswith("/documents/")
    assert urls["image"].startswith("/media/original_images/")
    assert urls["rendition"].startswith("/media/images/")
    people = {
        "anonymous": None,
        "admin user with no role": factories.approver(governments["JP"]),
        "approver of a signatory": factories.approver(governments["CA"]),
        "drafter": drafter,
    }
    return statement, document, image, urls, people


def status(user, url):
    client = Client()
    if user is not None:
        client.force_login(user)
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


@pytest.mark.parametrize("which", ["document", "image", "rendition"])
def test_a_file_under_embargo_is_served_only_to_a_role(files, which):
    _statement, _document, _image, urls, people = files
    seen = {who: status(user, urls[which]) for who, user in people.items()}
    assert seen == {
        "anonymous": 404,
        "admin user with no role": 404,
        "approver of a signatory": 200,
        "drafter": 200,
    }


def test_documents_are_not_served_from_media(files):
    _statement, document, _image, _urls, people = files
    direct = "/media/" + document.file.name
    assert status(people["drafter"], direct) == 404
    assert status(people["drafter"], document.url) == 200  # the way to it


def test_once_a_statement_using_the_file_is_released_it_is_public(files, site_tree, governments):
    _statement, document, image, urls, _people = files
    factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"]],
        slug="released-with-the-files",
        body=[
            ("document", {"document": document, "title": "Annex"}),
            ("image", {"image": image, "alt_text": "A map", "caption": ""}),
        ],
    )
    assert {which: status(None, url) for which, url in urls.items()} == {
        "document": 200,
        "image": 200,
        "rendition": 200,
    }


def test_development_serves_media_through_the_same_check(files, settings):
    """DEBUG used to add django.conf.urls.static for /media/, around the check."""
    _statement, _document, _image, urls, people = files
    # Imported here to be reloaded under DEBUG, as runserver would build it.
    import config.urls

    settings.DEBUG = True
    try:
        importlib.reload(config.urls)
        clear_url_caches()
        assert status(None, urls["image"]) == 404
        assert status(people["drafter"], urls["image"]) == 200
    finally:
        settings.DEBUG = False
        importlib.reload(config.urls)
        clear_url_caches()


def test_a_path_of_no_image_is_not_found(files):
    *_rest, people = files
    assert status(people["drafter"], "/media/../config/settings/base.py") == 404
    assert status(people["drafter"], "/media/original_images/missing.png") == 404
