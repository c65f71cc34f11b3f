from django.core.management.base import BaseCommand, CommandError

from practice_site.practice import backups


class Command(BaseCommand):
    help = (
        "Replace the database and the uploaded media with those of a backup archive. Stop the "
        "site and the worker first: requests during the restore wait, or fail, and anything "
        "saved after the backup is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A practice-backup-….tar.gz made by `backup`.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, archive, interactive, **options):
        if interactive:
            answer = input(
                f"Replace the database and the media with {archive}? Everything saved since "
                "that backup will be lost. Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = backups.restore(archive)
        except (backups.BackupError, OSError) as error:
            raise CommandError(error) from error
        media = "and the media " if manifest["media"] else ""
        self.stdout.write(f"Database {media}restored from {archive} ({manifest['created']}).")
        self.stdout.write(
            "Now run `migrate` (code newer than the backup) and `purge_enquiries` (enquiries "
            "that outlived their retention since the backup), then start the site."
        )
