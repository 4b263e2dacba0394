"""StreamField blocks for a statement's body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class QuotationBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "statements/blocks/quotation.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=255,
        help_text=_("Describes the image for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=255)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "statements/blocks/image.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "statements/blocks/document.html"


class QuickFactsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120, default=_("Quick facts"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("fact"), max_length=500), label=_("facts"))

    class Meta:
        icon = "list-ul"
        label = _("Quick facts")
        template = "statements/blocks/quick_facts.html"


class StatementBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Paragraph"), icon="pilcrow"
    )
    heading = blocks.CharBlock(
        label=_("Heading"), icon="title", max_length=255, template="statements/blocks/heading.html"
    )
    quotation = QuotationBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(label=_("Embedded media"), icon="media")
    quick_facts = QuickFactsBlock()
