"""How often the subscribe form may be sent, so it cannot be used to mail-bomb an address.

The counters live in Django's cache, an address's under a hash of it, so counting
stores no address a subscriber has not confirmed.
"""

import hashlib

from django.core.cache import cache

# Subscribe requests: per client address (answered 429) and per e-mail address
# (silently not sent: a different answer would tell who else asked for that address).
IP_LIMIT, IP_WINDOW = 5, 10 * 60
ADDRESS_LIMIT, ADDRESS_WINDOW = 3, 60 * 60


def _hit(key, limit, window):
    """Count one request; False once more than ``limit`` fall within ``window`` seconds."""
    if cache.add(key, 1, window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, window)
        return True
    return count <= limit


def _address_key(email):
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    return f"subscriptions:address:{digest}"


def allow_client(ip_address):
    return _hit(f"subscriptions:ip:{ip_address or 'unknown'}", IP_LIMIT, IP_WINDOW)


def allow_address(email):
    return _hit(_address_key(email), ADDRESS_LIMIT, ADDRESS_WINDOW)


def forget_address(email):
    """An erased subscriber's address leaves no trace in the counters either."""
    cache.delete(_address_key(email))
