"""The interface's strings as each language writes them: one message in French, and every
string that must never show on a page in the other language."""

import re


def in_french(message):
    """`message` as the French interface says it."""
    from django.utils import translation

    with translation.override("fr"):
        return translation.gettext(message)


def interface_strings(side):
    """Interface strings whose French and English differ, as `side` ("msgid" for English,
    "msgstr" for French) writes them: what must never show on a page in the other language.
    Lower-case single words are field labels of the admin, not reader-facing text."""
    import polib
    from django.conf import settings

    catalogue = polib.pofile(str(settings.BASE_DIR / "locale/fr/LC_MESSAGES/django.po"))
    strings = set()
    for entry in catalogue:
        if entry.msgid_plural or entry.msgstr == entry.msgid:
            continue
        if not (entry.msgid[0].isupper() or " " in entry.msgid):
            continue
        other_side = entry.msgstr if side == "msgid" else entry.msgid
        for fragment in re.split(r"%\(\w+\)s", getattr(entry, side)):
            # A fragment both languages write alike ("pixels.") tells nothing.
            if len(fragment.strip()) >= 3 and fragment.strip() not in other_side:
                strings.add(fragment.strip())
    return sorted(strings)
