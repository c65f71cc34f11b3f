"""One factory per model the tests fill in (the practice details and its fees, an enquiry, an
article's versions), with the values a psychologist or a reader would type."""

from decimal import Decimal

# Every detail a legal notice needs (and the optional ones), as a psychologist fills them in.
PRACTICE_DETAILS = {
    "psychologist_name": "Camille Exemple",
    "title_fr": "Psychologue clinicienne",
    "title_en": "Clinical psychologist",
    "rpps": "10001234567",
    "adeli": "759312345",
    "address": "12 rue de l’Exemple\n75011 Paris",
    "phone": "06 12 34 56 78",
    "email": "cabinet@example.org",
    "practical_note_fr": "Je réponds sous deux jours ouvrés.",
    "practical_note_en": "I answer within two working days.",
    "host_name": "Hébergeur Exemple SAS",
    "host_address": "1 rue du Serveur\n59000 Lille",
    "host_phone": "03 20 00 00 00",
    "siret": "73282932000074",
    "insurer_name": "Assurances Exemple",
    "insurer_contact": "2 place de la Garantie, 69002 Lyon",
}


# The fees the law asks the site to show, as she lists them.
PRACTICE_FEES = [
    {"label_fr": "Séance individuelle", "label_en": "Individual session", "amount": Decimal(60),
     "duration": 50},
    {"label_fr": "Séance de couple", "label_en": "Couples session", "amount": Decimal("82.50"),
     "duration": 75},
]  # fmt: skip


def fill_in_practice_details(fees=PRACTICE_FEES, **overrides):
    from practice_site.practice.models import PracticeDetails

    details = PracticeDetails.objects.filter(pk=1).first() or PracticeDetails()
    for field, value in {**PRACTICE_DETAILS, **overrides}.items():
        setattr(details, field, value)
    details.save()
    details.fees.all().delete()
    for position, fee in enumerate(fees):
        details.fees.create(position=position, **fee)
    return details


def make_enquiry(**fields):
    """An enquiry stored as the form stores one, with `fields` instead of the defaults."""
    from contact.models import Enquiry

    defaults = {
        "name": "Élise Dupré",
        "email": "elise@example.org",
        "message": "Bonjour",
        "language": "fr",
    }
    return Enquiry.objects.create(**{**defaults, **fields})


def make_theme(name_fr="Anxiété", name_en="Anxiety", **fields):
    from django.utils.text import slugify

    from articles.models import Theme

    defaults = {"slug_fr": slugify(name_fr), "slug_en": slugify(name_en)}
    return Theme.objects.create(name_fr=name_fr, name_en=name_en, **{**defaults, **fields})


def make_versions(author="Anne Example", references=(), themes=(), **versions):
    """An article with one version per keyword set, e.g. make_versions(fr={...}), its
    references and its themes; returns the versions by language."""
    from articles.models import Article, ArticleVersion, Reference

    article = Article.objects.create(author=author)
    article.themes.set(themes)
    # References first: each version saved after them renders its citations once, where a
    # reference saved after the versions renders them all again (Reference.save).
    for fields in references:
        Reference.objects.create(article=article, **fields)
    created = {}
    for language, fields in versions.items():
        defaults = {
            "title": f"Title {language}",
            "slug": f"slug-{language}-{article.pk}",
            "summary": f"Summary {language}",
            "body": f"Body {language}",
            "status": ArticleVersion.Status.PUBLISHED,
        }
        created[language] = ArticleVersion.objects.create(
            article=article, language=language, **{**defaults, **fields}
        )
    return created
