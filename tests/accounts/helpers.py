"""Signing in through the admin's own form, as a person does (not force_login)."""

from django_otp.oath import totp

LOGIN_URL = "/admin/login/"


def sign_in(client, username, password="pass", address="192.0.2.10", **headers):  # noqa: S107
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
