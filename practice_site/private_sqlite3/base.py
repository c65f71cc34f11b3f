"""Django's SQLite backend, creating a new database file readable by its owner only (0600):
it holds every enquiry, and SQLite would create it as the umask says (often 0644). Its -wal
and -shm files take the database file's mode."""

import contextlib
import os

from django.db.backends.sqlite3 import base


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        name = str(conn_params["database"])
        if not self.creation.is_in_memory_db(name) and not name.startswith("file:"):
            # An existing file keeps the mode it has.
            with contextlib.suppress(FileExistsError):
                os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        return super().get_new_connection(conn_params)
