"""What finishing a workflow does (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail imports this when its models load, so it imports nothing of ours at module
level. For a statement, finishing sign-off clears it for release and publishes
nothing: only the release makes a statement public. Other pages keep Wagtail's
behaviour.
"""


def finish_workflow(workflow_state, user=None):
    from wagtail.workflows import publish_workflow_state

    from statements.models import StatementPage

    obj = workflow_state.content_object
    obj = getattr(obj, "specific", obj)
    if not isinstance(obj, StatementPage):
        return publish_workflow_state(workflow_state, user=user)
    from wagtail.log_actions import log

    from statements import notifications

    log(
        instance=obj,
        action="statements.cleared",
        user=user,
        revision=obj.get_latest_revision(),
    )
    notifications.drafter_alert(obj, "cleared", [])
    return None
