"""The default legal notice names the new details: the publisher with its "EI" mention, the RPPS
beside the ADELI, the SIRET and the insurer, and the host's three details in place of {host}.

Only the default sentences are replaced, where they stand word for word: a sentence the
psychologist rewrote is hers to change (`check --deploy` lists the placeholders it still lacks).
The texts are the ones contact's migration 0002 wrote, copied here so that this migration does
the same next year.
"""

from django.db import migrations

from ._frozen_markdown import render_markdown

REPLACEMENTS = {
    "fr": [
        ("Ce site est édité par {name}, {title}.", "Ce site est édité par {publisher}, {title}."),
        (
            "- Numéro ADELI / RPPS : {adeli}",
            "- Numéro RPPS : {rpps}\n"
            "- Numéro ADELI : {adeli}\n"
            "- SIRET : {siret}\n"
            "- Assurance responsabilité civile professionnelle : {insurer}",
        ),
        (
            "Le site est hébergé par : {host}.",
            "Le site est hébergé par :\n\n"
            "- {host_name}\n"
            "- Adresse : {host_address}\n"
            "- Téléphone : {host_phone}",
        ),
    ],
    "en": [
        (
            "This website is published by {name}, {title}.",
            "This website is published by {publisher}, {title}.",
        ),
        (
            "- ADELI / RPPS number: {adeli}",
            "- RPPS number: {rpps}\n"
            "- ADELI number: {adeli}\n"
            "- SIRET: {siret}\n"
            "- Professional liability insurance: {insurer}",
        ),
        (
            "The website is hosted by: {host}.",
            "The website is hosted by:\n\n"
            "- {host_name}\n"
            "- Address: {host_address}\n"
            "- Phone: {host_phone}",
        ),
    ],
}


def replace(apps, forward):
    LegalPage = apps.get_model("practice", "LegalPage")
    for page in LegalPage.objects.filter(kind="legal-notice"):
        changed = False
        for language, replacements in REPLACEMENTS.items():
            body = getattr(page, f"body_{language}")
            for default, new in replacements:
                old, new = (default, new) if forward else (new, default)
                if old in body:
                    body = body.replace(old, new)
                    changed = True
            setattr(page, f"body_{language}", body)
            # Historical models have no custom save(): render as LegalPage.save does.
            setattr(page, f"body_html_{language}", render_markdown(body, language))
        if changed:
            page.save()


def name_the_new_details(apps, schema_editor):
    replace(apps, forward=True)


def restore_the_defaults(apps, schema_editor):
    replace(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [("practice", "0002_host_and_registration_details")]

    operations = [migrations.RunPython(name_the_new_details, restore_the_defaults)]
