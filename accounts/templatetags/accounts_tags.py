from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def mfa_relaxed():
    """True while the settings switch MFA off: never in production (config/settings)."""
    return not settings.COMMUNIQUE_MFA_REQUIRED
