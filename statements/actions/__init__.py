"""One class per verb, ``<Verb><Object>Action``, one module per area.

``check()`` gathers every reason the verb cannot happen and changes nothing; a refusal
for want of a role raises the verb's own ``PermissionDenied`` subclass. ``execute()``
locks the statement's row, checks again, runs one transaction and queues side effects
for after the commit. Admin views, the workflow task, commands and Celery tasks all
call these, so they behave alike.
"""
