"""The search's engine on each database (articles/search.py).

PostgreSQL: the unaccent extension and two text-search configurations that drop accents before
stemming, `french_unaccent` and `english_unaccent`: the search reads the versions themselves.
SQLite: the FTS5 index, filled here with the published versions that exist.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

from ._frozen_search import plain_text, stemmed

CONFIGURATIONS = {"french_unaccent": "french", "english_unaccent": "english"}
SQLITE_TABLE = "articles_search_index"


def create_engine(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for name, language in CONFIGURATIONS.items():
            schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {language})")
            schema_editor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, "
                f"word WITH unaccent, {language}_stem"
            )
    elif vendor == "sqlite":
        # The words come folded and stemmed (articles/search.py); the tokenizer only splits.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {SQLITE_TABLE} USING fts5(language UNINDEXED, source "
            "UNINDEXED, title, summary, body, authors, tokenize = 'unicode61 remove_diacritics 2')"
        )
        fill_sqlite_index(apps, schema_editor)


def fill_sqlite_index(apps, schema_editor):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    Reference = apps.get_model("articles", "Reference")
    authors = {}
    for reference in Reference.objects.order_by("pk"):
        authors.setdefault(reference.article_id, []).append(reference.authors)
    with schema_editor.connection.cursor() as cursor:
        for version in ArticleVersion.objects.filter(status="published"):
            body = plain_text(version.body_html)
            words = [
                version.title,
                version.summary,
                body,
                " ".join(authors.get(version.article_id, [])),
            ]
            cursor.execute(
                f"INSERT INTO {SQLITE_TABLE} (rowid, language, source, title, summary, body, "
                "authors) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [
                    version.pk, version.language, f"{version.summary} {body}",
                    *(stemmed(text, version.language) for text in words),
                ],
            )  # fmt: skip


def drop_engine(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for name in CONFIGURATIONS:
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION {name}")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE {SQLITE_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0012_reference_unique_doi_per_article"),
    ]

    operations = [
        # Created on PostgreSQL only (the operation does nothing elsewhere).
        UnaccentExtension(),
        migrations.RunPython(create_engine, drop_engine),
    ]
