"""What a signature covers, and what it does not."""

import pytest
from django.core.files.base import ContentFile
from wagtail.images.models import Image

from statements.fingerprint import common_words, fingerprint_of
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def statement(site_tree, governments):
    return factories.make_statement(
        site_tree["newsrooms"]["en"],
        [governments["CA"], governments["FR"]],
        lead=governments["CA"],
        publish=False,
        slug="fingerprinted",
    )


def fp(page):
    return fingerprint_of(common_words(page))


def test_the_frame_is_not_signed(statement):
    before = fp(statement)
    statement.dateline = "Paris"
    statement.statement_type = "readout"
    signatories = list(statement.signatories.all())
    statement.signatories.set(list(reversed(signatories)))
    assert fp(statement) == before


@pytest.mark.parametrize(
    "change",
    [
        lambda p: setattr(p, "title", p.title + "!"),
        lambda p: setattr(p, "summary", "Another summary."),
        lambda p: setattr(p, "body", [("paragraph", "<p>Different words.</p>")]),
    ],
)
def test_the_words_are_signed(statement, change):
    before = fp(statement)
    change(statement)
    assert fp(statement) != before


def test_the_set_of_signatories_is_signed(statement, governments):
    from statements.models import StatementSignatory

    before = fp(statement)
    statement.signatories.add(StatementSignatory(government=governments["JP"]))
    assert fp(statement) != before


def test_block_ids_and_rich_text_keys_are_not_content(statement):
    statement.body = [("paragraph", '<p data-block-key="abc12">Same words.</p>')]
    first = fp(statement)
    statement.body = [("paragraph", '<p data-block-key="zz999">Same words.</p>')]
    assert fp(statement) == first


def test_images_count_by_file_content_not_database_id(statement):
    def image(name, content):
        return Image.objects.create(title=name, file=ContentFile(content, name=f"{name}.gif"))

    gif = (
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
        b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
    )
    one, same = image("one", gif), image("same", gif)
    other = image("other", gif.replace(b"\xff\xff\xff", b"\x00\x00\xff"))
    block = {"alt_text": "Flags", "caption": ""}
    statement.body = [("image", {**block, "image": one})]
    first = fp(statement)
    statement.body = [("image", {**block, "image": same})]
    assert fp(statement) == first
    statement.body = [("image", {**block, "image": other})]
    assert fp(statement) != first
