from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from practice_site.practice import backups


class Command(BaseCommand):
    help = (
        "Take a consistent copy of the database and the uploaded media, while the site runs, "
        "into a timestamped archive in BACKUP_DIR readable by its owner only; then delete the "
        "archives older than --keep-days. The archive holds enquiries: health data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep-days",
            type=int,
            default=settings.BACKUP_KEEP_DAYS,
            help="Delete the archives taken more than this many days ago (BACKUP_KEEP_DAYS, "
            "%(default)s); 0 keeps them all.",
        )

    def handle(self, *args, keep_days, **options):
        if keep_days < 0:
            raise CommandError("--keep-days cannot be negative.")
        try:
            archive = backups.create()
        except backups.BackupError as error:
            raise CommandError(error) from error
        self.stdout.write(f"Backup written to {archive}")
        if keep_days:
            for old in backups.prune(keep_days=keep_days):
                self.stdout.write(f"Deleted {old.name}, older than {keep_days} days.")
