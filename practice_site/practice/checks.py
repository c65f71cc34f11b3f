from django.core.checks import Error, Tags, register

from .going_live import missing_before_going_live


@register(Tags.database, deploy=True)
def practice_ready_to_go_live(app_configs, databases=None, **kwargs):
    """The details and legal pages the law asks for, before going live.

    Unlike Django's own database checks, this one reads the database without `--database`:
    the contract is that `manage.py check --deploy` alone reports what must be set. It is a
    deployment check, so it never runs when the site starts, migrates or is tested; on a
    database that cannot be read (not migrated, unreachable) it reports that as an error
    instead of failing.
    """
    return [
        Error(str(item.message), hint=str(item.hint), obj=item.obj, id=item.id)
        for item in missing_before_going_live()
    ]
