"""In-text citations in the therapeutic-alliance article, so that each of its six references is
cited where the text relies on it, then the bodies rendered again with the citations linked.

Added to the author's sentences, each where it belongs (and nothing else changed):
- Bordin (1979) was already cited;
- "the quality of the bond is one of the best predictors of success": Martin, Garske & Davis
  (2000), Horvath et al. (2011), Flückiger et al. (2018), the meta-analyses that show it;
- "it develops through the psychologist's listening, presence and authenticity": Ackerman &
  Hilsenroth (2003), their review of the therapist's contribution;
- "the alliance may matter more than the type of therapy": Flückiger et al. (2012).
A sentence the psychologist has since reworded is left alone.
"""

from django.db import migrations

from ._frozen_rendering import render_body

CITATIONS = {
    "fr": [
        (
            "quel que soit le type de méthode utilisée.",
            "quel que soit le type de méthode utilisée (Martin, Garske & Davis, 2000 ; "
            "Horvath et al., 2011 ; Flückiger et al., 2018).",
        ),
        (
            "la présence et l’authenticité du psychologue.",
            "la présence et l’authenticité du psychologue (Ackerman & Hilsenroth, 2003).",
        ),
        (
            "plus déterminante que le type de thérapie choisi.",
            "plus déterminante que le type de thérapie choisi (Flückiger et al., 2012).",
        ),
    ],
    "en": [
        (
            "whatever the type of method used.",
            "whatever the type of method used (Martin, Garske & Davis, 2000; "
            "Horvath et al., 2011; Flückiger et al., 2018).",
        ),
        (
            "presence and authenticity.",
            "presence and authenticity (Ackerman & Hilsenroth, 2003).",
        ),
        (
            "may matter more than the type of therapy chosen.",
            "may matter more than the type of therapy chosen (Flückiger et al., 2012).",
        ),
    ],
}
SLUGS = {"fr": "alliance-therapeutique", "en": "therapeutic-alliance"}


def render(version, references):
    (
        version.body_html,
        version.cited_references,
        version.unmatched_citations,
        version.reading_time,
    ) = render_body(version.body, version.language, references)
    version.save()


def add_citations(apps, schema_editor):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    for version in ArticleVersion.objects.filter(language__in=SLUGS):
        if version.slug == SLUGS[version.language]:
            for sentence, cited in CITATIONS[version.language]:
                if cited not in version.body:
                    version.body = version.body.replace(sentence, cited, 1)
        # Every article's citations get linked, not only this one's.
        render(version, list(version.article.references.all()))


def remove_citations(apps, schema_editor):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    for version in ArticleVersion.objects.filter(language__in=SLUGS):
        if version.slug == SLUGS[version.language]:
            for sentence, cited in CITATIONS[version.language]:
                version.body = version.body.replace(cited, sentence, 1)
        render(version, [])


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_citations")]

    operations = [migrations.RunPython(add_citations, remove_citations)]
