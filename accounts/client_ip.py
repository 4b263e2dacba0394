"""The client's address for lockout and logs: a proxy header only when one is trusted."""

import ipaddress

from django.conf import settings


def _meta_key(header):
    return "HTTP_" + header.strip().upper().replace("-", "_")


def client_ip_address(request):
    """REMOTE_ADDR, or the last value of COMMUNIQUE_CLIENT_IP_HEADER when it is set.

    The last value is the one the trusted proxy in front of us wrote; anything before
    it came from the client and could be forged. A value that is not an address is
    ignored, so a broken header cannot merge everyone into one locked-out address.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.COMMUNIQUE_CLIENT_IP_HEADER
    if not header:
        return remote
    raw = request.META.get(_meta_key(header), "")
    candidate = raw.split(",")[-1].strip() if raw else ""
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
