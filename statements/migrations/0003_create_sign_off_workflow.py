from django.db import migrations


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GovernmentSignOffTask = apps.get_model("statements", "GovernmentSignOffTask")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="statements", model="governmentsignofftask"
    )
    task = GovernmentSignOffTask.objects.filter(name="Government sign-off").first()
    if task is None:
        task = GovernmentSignOffTask.objects.create(
            name="Government sign-off", content_type=content_type, active=True
        )
    workflow, _ = Workflow.objects.get_or_create(name="Statement sign-off", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0002_sign_off"),
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_workflow, migrations.RunPython.noop)]
