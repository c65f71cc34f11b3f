#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "practice_site.settings")
    # manage.py is the development entry point: DEBUG is on unless DJANGO_DEBUG says otherwise.
    # wsgi.py has no such default, so production refuses to start without a secret key.
    os.environ.setdefault("DJANGO_DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
