"""The privacy policy says what a failed sign-in keeps (the username typed, the time, a keyed
fingerprint of the network; an hour's use, deleted by the next day) and that access logs keep
no query string, Referer or browser, 14 days at most.

As in 0018, the page is changed only while its two texts are still the default 0018 left, and
its text and stored HTML alike, passage by passage; going back undoes it under the same rule.
"""

import importlib

from django.db import migrations

from ._frozen_markdown import render_markdown

review = importlib.import_module(f"{__package__}.0018_privacy_review_of_legal_pages")

NBSP = "\u00a0"

# (passage as 0018 left it, passage now), for each language.
CHANGES = {
    "fr": [
        (
            "<p>Le serveur web placé devant le site peut enregistrer des journaux techniques "
            "(adresse IP, date et heure, page demandée), pour la sécurité. Ils sont conservés 14 "
            "jours au plus.</p>\n",
            "<p>Quand une connexion à l’espace d’administration (réservé au cabinet) échoue, le "
            "site garde l’identifiant saisi, la date et l’heure, et une empreinte du réseau d’où "
            "elle vient, calculée avec une clé secrète (jamais l’adresse IP elle-même, hors des "
            "journaux techniques décrits ci-dessous, ni le mot de passe saisi, ni le navigateur). "
            "Ces informations ne servent qu’à bloquer les essais répétés de mots de passe. Elles "
            f"ne comptent plus une heure après le dernier échec{NBSP}; elles sont effacées à la "
            "connexion réussie suivante depuis ce réseau, ou au plus tard le lendemain. Les "
            "échecs de chaque compte sont aussi comptés pendant une heure, sous une empreinte de "
            "l’identifiant.</p>\n"
            "<p>Le serveur web placé devant le site, et le site lui-même, peuvent enregistrer des "
            f"journaux techniques pour la sécurité{NBSP}: l’adresse IP, la date et l’heure, et la "
            f"page demandée, mais sans ce qui suit le «{NBSP}?{NBSP}» de son adresse (une "
            "recherche, par exemple), sans l’adresse de la page d’où vous venez (le "
            f"«{NBSP}Referer{NBSP}») et sans le nom ni la version de votre navigateur. Ils sont "
            f"conservés 14{NBSP}jours au plus.</p>\n",
        ),
    ],
    "en": [
        (
            "<p>The web server in front of the website may keep technical logs (IP address, date "
            "and time, page requested) for security purposes. They are kept for 14 days at "
            "most.</p>\n",
            "<p>When a sign-in to the administration area (used only by the practice) fails, the "
            "website keeps the username entered, the date and time, and a fingerprint of the "
            "network it came from, computed with a secret key (never the IP address itself, "
            "except in the technical logs described below, nor the password entered, nor the "
            "browser). This information is used only to block repeated password guessing. It "
            "stops counting one hour after the last failure, and is deleted at the next "
            "successful sign-in from that network, or by the following day at the latest. Each "
            "account’s failures are also counted for one hour, using a fingerprint of the "
            "username.</p>\n"
            "<p>The web server in front of the website, and the website itself, may keep "
            "technical logs for security purposes: the IP address, the date and time, and the "
            "page requested, but without the part of its address after a “?” (a search, for "
            "instance), without the address of the page you came from (the “Referer”) and "
            "without the name or version of your browser. They are kept for 14 days at "
            "most.</p>\n",
        ),
    ],
}


def previous_default(language):
    """The text 0018 left on a page she had not edited."""
    source = review.SOURCES["privacy"][language]
    changes = review.CHANGES["privacy"][language]
    return review.changed(render_markdown(source), changes, forwards=True)


def rewrite(apps, forwards):
    LegalPage = apps.get_model("practice", "LegalPage")
    page = LegalPage.objects.filter(kind="privacy").first()
    if page is None:
        return
    updates = {}
    for language, changes in CHANGES.items():
        earlier = previous_default(language)
        expected = earlier if forwards else review.changed(earlier, changes, forwards=True)
        if review.normalised(getattr(page, f"body_{language}")) != review.normalised(expected):
            return  # hers
        html = review.changed(getattr(page, f"body_html_{language}"), changes, forwards)
        if html is None:  # rendered otherwise since: left to the next save
            return
        updates[f"body_{language}"] = review.changed(expected, changes, forwards)
        updates[f"body_html_{language}"] = html
    for field, value in updates.items():
        setattr(page, field, value)
    page.save(update_fields=[*updates, "updated_at"])


def forwards(apps, schema_editor):
    rewrite(apps, forwards=True)


def backwards(apps, schema_editor):
    rewrite(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("practice", "0020_forget_what_failed_sign_ins_typed")]

    operations = [migrations.RunPython(forwards, backwards)]
