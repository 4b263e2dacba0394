"""Sitemap, robots.txt, page metadata and contact cards for search engines and newsrooms.

Everything here starts from what the public may already see: live public pages, and
for statements ``StatementPage.objects.released()``. A media contact is public once
a released statement has listed it (``released_contacts``); only then does it get a
contact card or appear as a government's press office on another statement's page,
so a contact chosen for a statement under embargo stays unseen until its release.

What a page says about itself (OpenGraph, JSON-LD) is in ``metadata``; the press
offices a statement lists, in ``press_offices``, with their hours and zone worded in
``office_hours``; the vCards, in ``contact_cards``; the sitemap and robots.txt, in
``sitemap``.
"""
