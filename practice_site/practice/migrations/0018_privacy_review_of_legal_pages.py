"""The legal pages after a privacy lawyer's review: in the privacy policy, the mailbox reserved
for the practice, how long backups keep a message ({backup_days}), the person in charge of the
site's maintenance, the online booking service and the links to other sites, the fingerprints
kept of password reset requests; in the legal notice, the title granted in France and the RPPS.

A page is changed only while its two texts are still those the earlier migrations wrote (0004,
converted to HTML by 0010 with the frozen Markdown rendering): a page the psychologist edited is
hers, and the admin's "Before going live" list asks her for {backup_days}. Each change is made
to the text and to its stored HTML alike: the HTML of those texts, as 0004 rendered it, holds
each passage changed here as the text does. Going back undoes the changes under the same
condition.
"""

import importlib

from django.db import migrations

from ._frozen_markdown import render_markdown

earlier = importlib.import_module(f"{__package__}.0004_rewritten_legal_pages")

NBSP = "\u00a0"

# (passage as 0004 wrote it, passage now), for each page and language, in the page's order.
CHANGES = {
    "privacy": {
        "fr": [
            (
                "<li>Votre message est enregistré sur le serveur du site, puis envoyé par e-mail à "
                "la messagerie du cabinet. Le site",
                "<li>Votre message est enregistré sur le serveur du site, puis envoyé par e-mail à "
                "une adresse de messagerie réservée au cabinet, que seule {name} consulte. Le site",
            ),
            (
                "sont chiffrées hors du serveur et conservées {retention_days} jours au plus.</li>",
                "sont chiffrées hors du serveur et conservées {backup_days} jours au plus"
                f"{NBSP}: un message peut donc y rester jusqu’à {{backup_days}} jours après son "
                "effacement du site.</li>",
            ),
            (
                "<p>Uniquement {name}.</p>\n",
                f"<p>Uniquement {{name}}.</p>\n<p>La personne chargée de la maintenance technique "
                f"du site peut techniquement y accéder{NBSP}; elle agit pour le compte de {{name}}, "
                "pour "
                "les seuls besoins de cette maintenance et sous une obligation de "
                "confidentialité.</p>\n",
            ),
            (
                "est effacée au plus tard le lendemain.</p>\n",
                "est effacée au plus tard le lendemain.</p>\n<p>La même protection s’applique "
                "aux demandes de réinitialisation du mot de passe de l’espace d’administration"
                f"{NBSP}: le site garde, dans les mêmes délais, une empreinte de l’adresse IP et "
                "de l’adresse e-mail saisie, calculée avec une clé secrète.</p>\n",
            ),
            (
                "<h2>Cookies</h2>\n",
                "<h2>Prise de rendez-vous en ligne et liens vers d’autres sites</h2>\n"
                f"<p>Le bouton «{NBSP}Prendre rendez-vous en ligne{NBSP}», s’il est présent, vous "
                "conduit sur le site d’un service de prise de rendez-vous, distinct de ce site. "
                "Ce site ne lui transmet aucune donnée, pas même l’adresse de la page d’où vous "
                "venez. Ce service traite les données que vous y saisissez pour le compte de "
                "{name}, afin de gérer l’agenda du cabinet, et, pour votre compte personnel chez "
                "lui, selon sa propre politique de confidentialité.</p>\n"
                "<p>Les autres liens vers d’autres sites (carte OpenStreetMap, site de "
                "l’Assurance Maladie, éditeurs scientifiques) ne chargent rien tant que vous ne "
                "cliquez pas dessus.</p>\n<h2>Cookies</h2>\n",
            ),
        ],
        "en": [
            (
                "<li>Your message is stored on the website’s server, then emailed to the "
                "practice’s mailbox. The website",
                "<li>Your message is stored on the website’s server, then emailed to a mailbox "
                "reserved for the practice, which only {name} reads. The website",
            ),
            (
                "are kept encrypted away from the server for {retention_days} days at most.</li>",
                "are kept encrypted away from the server for {backup_days} days at most, so it "
                "may remain in them for up to {backup_days} days after it has been deleted from "
                "the website.</li>",
            ),
            (
                "<p>Only {name}.</p>\n",
                "<p>Only {name}.</p>\n<p>The person in charge of the website’s technical "
                "maintenance can technically access it; they act on behalf of {name}, solely for "
                "that maintenance and under a duty of confidentiality.</p>\n",
            ),
            (
                "is deleted by the following day at the latest.</p>\n",
                "is deleted by the following day at the latest.</p>\n<p>The same protection "
                "applies to password reset requests for the administration area: the website "
                "keeps, for the same periods, a fingerprint of the IP address and of the email "
                "address entered, computed with a secret key.</p>\n",
            ),
            (
                "<h2>Cookies</h2>\n",
                "<h2>Online booking and links to other websites</h2>\n"
                "<p>The “Book an appointment online” button, if there is one, takes you to the "
                "website of an appointment booking service, separate from this website. This "
                "website passes it no data, not even the address of the page you came from. That "
                "service processes the data you enter there on behalf of {name}, to manage the "
                "practice’s diary, and, for your own account with it, under its own privacy "
                "policy.</p>\n<p>The other links to other websites (the OpenStreetMap map, the "
                "Assurance Maladie’s website, scientific publishers) load nothing until you "
                "click them.</p>\n<h2>Cookies</h2>\n",
            ),
        ],
    },
    "legal-notice": {
        "fr": [
            (
                "</ul>\n<h2>Assurance professionnelle</h2>",
                "</ul>\n<p>Titre délivré en France. Enregistrement au répertoire partagé des "
                "professionnels de santé (RPPS).</p>\n<h2>Assurance professionnelle</h2>",
            ),
        ],
        "en": [
            (
                "</ul>\n<h2>Professional insurance</h2>",
                "</ul>\n<p>Title granted in France. Registered in the national RPPS register of "
                "health professionals.</p>\n<h2>Professional insurance</h2>",
            ),
        ],
    },
}
SOURCES = {
    "privacy": {"fr": earlier.PRIVACY_FR, "en": earlier.PRIVACY_EN},
    "legal-notice": {"fr": earlier.NOTICE_FR, "en": earlier.NOTICE_EN},
}


def changed(text, changes, forwards):
    """`text` with each passage of `changes` replaced (the other way round going back); None if
    a passage is not there once."""
    for before, after in changes:
        old, new = (before, after) if forwards else (after, before)
        if text.count(old) != 1:
            return None
        text = text.replace(old, new)
    return text


def normalised(text):
    return text.replace("\r\n", "\n").strip()


def rewrite(apps, forwards):
    LegalPage = apps.get_model("practice", "LegalPage")
    for page in LegalPage.objects.filter(kind__in=CHANGES):
        updates = {}
        for language, changes in CHANGES[page.kind].items():
            stored = render_markdown(SOURCES[page.kind][language])
            expected = stored if forwards else changed(stored, changes, forwards=True)
            body = getattr(page, f"body_{language}")
            if normalised(body) != normalised(expected):
                break
            html = changed(getattr(page, f"body_html_{language}"), changes, forwards)
            if html is None:  # rendered otherwise since: left to the next save
                break
            updates[f"body_{language}"] = changed(expected, changes, forwards)
            updates[f"body_html_{language}"] = html
        else:
            for field, value in updates.items():
                setattr(page, field, value)
            page.save(update_fields=[*updates, "updated_at"])


def forwards(apps, schema_editor):
    rewrite(apps, forwards=True)


def backwards(apps, schema_editor):
    rewrite(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("practice", "0017_enquiry_email_help_text")]

    operations = [migrations.RunPython(forwards, backwards)]
