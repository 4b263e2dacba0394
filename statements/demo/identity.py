"""Demo site identity: the lead ministry of most demo statements, Global Affairs Canada.

Names in every demo language (as the demo's governments give them), the press
office's e-mail, and footer links: Canada's own privacy and terms notices on
canada.ca, in English or French. The emblem is a plain geometric mark drawn here, not
Canada's wordmark or any official symbol.
"""

import io

CANADA = "https://www.canada.ca"
EN_LINKS = {
    "contact_url": "mailto:media@international.gc.ca",
    "privacy_url": f"{CANADA}/en/transparency/privacy.html",
    "terms_url": f"{CANADA}/en/transparency/terms.html",
    "accessibility_url": f"{CANADA}/en/government/about/accessibility.html",
}
FR_LINKS = {
    "contact_url": "mailto:media@international.gc.ca",
    "privacy_url": f"{CANADA}/fr/transparence/confidentialite.html",
    "terms_url": f"{CANADA}/fr/transparence/avis.html",
    "accessibility_url": f"{CANADA}/fr/gouvernement/a-propos/accessibilite.html",
}

CONTACT = {"contact_email": "media@international.gc.ca", "contact_phone": "+1 343 203 7700"}

NAMES = {
    "en": ("Government of Canada", "Global Affairs Canada", EN_LINKS),
    "fr": ("Gouvernement du Canada", "Affaires mondiales Canada", FR_LINKS),
    "de": ("Regierung Kanadas", "Global Affairs Canada", EN_LINKS),
    "it": ("Governo del Canada", "Global Affairs Canada", EN_LINKS),
    "ja": ("カナダ政府", "カナダ外務省", EN_LINKS),
    "ko": ("캐나다 정부", "캐나다 외교부", EN_LINKS),
    "nl": ("Regering van Canada", "Global Affairs Canada", EN_LINKS),
}

EMBLEM_TITLE = "Demo emblem: lead ministry"


def emblem_png():
    """A 192 px square mark: two red bars and a red lozenge on white, as a PNG."""
    from PIL import Image, ImageDraw  # Pillow comes with Wagtail; only the demo draws

    size, red = 192, (175, 60, 67)
    image = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 47, size], fill=red)
    draw.rectangle([size - 48, 0, size, size], fill=red)
    middle = size // 2
    draw.polygon(
        [(middle, 40), (middle + 36, middle), (middle, size - 40), (middle - 36, middle)], fill=red
    )
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
