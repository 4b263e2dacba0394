"""Each revision turned into a page object once, while a preparation runs.

Preparing a release reads every language's latest revision three times over (the
go/no-go check of its approvals, the text it stages, the signatories its snapshot
names), and ``Revision.as_object()`` rebuilds the page and all its child rows from
JSON each time: a tenth of a second per language. Inside ``remembering_revisions()``
the first object built for a revision is handed to every later reader.
"""

import contextlib
import contextvars

_objects = contextvars.ContextVar("communique_revision_objects", default=None)


@contextlib.contextmanager
def remembering_revisions():
    token = _objects.set({})
    try:
        yield
    finally:
        _objects.reset(token)


def remembering():
    return _objects.get() is not None


def revision_object(revision):
    """``revision.as_object()``, built once per revision inside ``remembering_revisions``."""
    remembered = _objects.get()
    if remembered is None:
        return revision.as_object()
    if revision.pk not in remembered:
        remembered[revision.pk] = revision.as_object()
    return remembered[revision.pk]


def references_exist(model, data):
    """True when every foreign key in ``data`` (a revision's content for ``model``, with
    its child rows) names a row that exists, checked with one query per related model.

    modelcluster rebuilding a page from a revision checks each foreign key of each child
    row with a query of its own (``check_fks``): some 2,000 queries for a statement of
    27 signatories in 24 languages. Where they all exist that check changes nothing, so
    the page is built without it; otherwise modelcluster's own check decides, row by
    row, what to drop or nullify."""
    wanted = {}
    _collect_references(model, data, wanted)
    for (related, field_name), values in wanted.items():
        found = set(
            related._default_manager.filter(**{f"{field_name}__in": values}).values_list(
                field_name, flat=True
            )
        )
        if len(found) < len(values):
            return False
    return True


def _collect_references(model, data, wanted):
    """Gather, as modelcluster's check would ask them, the foreign keys of ``data`` and,
    for a clusterable model, of its child rows."""
    # Imported here: modelcluster's models need the app registry ready.
    from django.db.models import ManyToOneRel
    from modelcluster.models import ClusterableModel, get_all_child_relations

    if not isinstance(data, dict):
        return
    for field in model._meta.concrete_fields:
        remote = field.remote_field
        value = data.get(field.name)
        if not isinstance(remote, ManyToOneRel) or value is None:
            continue
        target = remote.model._meta.get_field(remote.field_name)
        wanted.setdefault((remote.model, remote.field_name), set()).add(target.to_python(value))
    if issubclass(model, ClusterableModel):
        for relation in get_all_child_relations(model):
            for child in data.get(relation.get_accessor_name()) or ():
                _collect_references(relation.related_model, child, wanted)


def fields_to_save(page):
    """What ``page.save(update_fields=...)`` must write for a page built from a revision:
    every column, every many-to-many of its own, and only the child relations whose rows
    differ from the database's.

    modelcluster rewrites every child row with an UPDATE of its own, changed or not: in
    an EU release's preparation, 27 signatories in each of 24 languages, 648 of its
    1,714 queries, where each language's rows already hold its latest revision (the
    draft was saved onto the row). One SELECT per relation finds those that differ."""
    # Imported here: modelcluster's models need the app registry ready.
    from modelcluster.models import (
        get_all_child_m2m_relations,
        get_all_child_relations,
        get_serializable_data_for_fields,
    )

    names = [field.name for field in page._meta.concrete_fields if not field.primary_key]
    names += [field.name for field in get_all_child_m2m_relations(page)]
    for relation in get_all_child_relations(page):
        parental = relation.field.name

        def rows(objects, parental=parental):
            values = {obj.pk: get_serializable_data_for_fields(obj) for obj in objects}
            for row in values.values():
                row.pop(parental, None)
            return values

        accessor = relation.get_accessor_name()
        in_memory = list(getattr(page, accessor).all())
        stored = relation.related_model._default_manager.filter(**{parental: page.pk})
        if None in {obj.pk for obj in in_memory} or rows(in_memory) != rows(stored):
            names.append(accessor)
    return names
