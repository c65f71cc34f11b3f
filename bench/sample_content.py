"""The site as the psychologist makes it before going live, for `make lighthouse` to measure:
the practice details, fees and opening hours filled in, a presentation with a portrait, an
illustration on the therapeutic-alliance article. Run in the workspace of bench/production.py,
with its environment (`python sample_content.py`), after the migrations.

Photos are made up (Pillow's noise over a gradient): they weigh, once compressed, what a
photograph of that size does, where a flat gradient would weigh almost nothing.
"""

import io
import os
import sys
from datetime import time
from pathlib import Path

import django
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def photo(width, height):
    """The bytes of a JPEG `width` × `height`, with a photograph's grain."""
    gradient = Image.linear_gradient("L").resize((width, height))
    noise = Image.effect_noise((width, height), 48)
    image = Image.merge("RGB", [gradient, Image.blend(gradient, noise, 0.5), noise])
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "practice_site.settings")
    django.setup()
    from django.core.files.base import ContentFile

    from articles.models import ArticleVersion
    from practice_site.practice.models import Presentation

    # The values the tests fill in as the psychologist does, valid for every check of the site.
    from tests.factories import fill_in_practice_details

    details = fill_in_practice_details(
        booking_url="https://www.doctolib.fr/psychologue/paris/camille-exemple",
        access_fr="Métro Voltaire, deuxième étage avec ascenseur.",
        access_en="Voltaire metro station, second floor with a lift.",
        latitude="48.857800",
        longitude="2.380200",
    )
    for weekday in range(5):
        details.opening_hours.create(weekday=weekday, opens=time(9), closes=time(12, 30))
        details.opening_hours.create(weekday=weekday, opens=time(14), closes=time(19))

    Presentation.objects.create(
        heading_fr="Camille Exemple, psychologue clinicienne à Paris",
        heading_en="Camille Exemple, clinical psychologist in Paris",
        introduction_fr="Je reçois adultes et couples, au cabinet ou en visio.",
        introduction_en="I see adults and couples, at the practice or by video.",
        portrait=ContentFile(photo(800, 1000), name="portrait.jpg"),
        portrait_alt_fr="Camille Exemple dans son cabinet",
        portrait_alt_en="Camille Exemple in her office",
        # As the admin's visual editor writes them.
        summary_fr="<p>Je pratique les <strong>thérapies intégratives</strong>.</p>",
        summary_en="<p>I practise <strong>integrative therapies</strong>.</p>",
        body_fr="<h2>Mon parcours</h2><p>Psychologue depuis 2010, formée à Paris.</p>",
        body_en="<h2>My path</h2><p>A psychologist since 2010, trained in Paris.</p>",
    )

    alliance = ArticleVersion.objects.get(language="fr", slug="alliance-therapeutique").article
    alliance.illustration = ContentFile(photo(2400, 1600), name="illustration.jpg")
    alliance.save()
    descriptions = {
        "fr": "Deux fauteuils face à face près d’une fenêtre",
        "en": "Two armchairs facing each other by a window",
    }
    for version in alliance.versions.all():
        version.illustration_alt = descriptions[version.language]
        version.save()


if __name__ == "__main__":
    main()
