"""What finishing a workflow does (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail imports this when its models load, so it imports nothing of ours at module
level. For a statement, finishing sign-off clears it for release and publishes
nothing: only the release makes a statement public. Other pages keep Wagtail's
behaviour.
"""

from wagtail.workflows import publish_workflow_state


def finish_workflow(workflow_state, user=None):
    # Wagtail loads this module with its models, before ours exist: import them late.
    from statements.actions.signoff import ClearForReleaseAction
    from statements.models import StatementPage

    obj = workflow_state.content_object
    obj = getattr(obj, "specific", obj)
    if not isinstance(obj, StatementPage):
        return publish_workflow_state(workflow_state, user=user)
    ClearForReleaseAction(obj, user).execute()
    return None
