"""The search's engine on each database (articles/search.py).

The SearchDocument table on both (SQLite leaves it empty). PostgreSQL: the unaccent extension,
two text-search configurations that drop accents before stemming (`french_unaccent`,
`english_unaccent`) and a GIN index on the documents. SQLite: the FTS5 table. Either index is
filled here with the published versions that exist.
"""

import html

import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations, models

from ._frozen_search import plain_text, stemmed

CONFIGURATIONS = {"french_unaccent": "french", "english_unaccent": "english"}
SQLITE_TABLE = "articles_search_index"
POSTGRES_TABLE = "articles_search_document"
WEIGHTED = " || ".join(
    f"setweight(to_tsvector(%s::regconfig, %s), '{weight}')" for weight in "ABBC"
)


class UnaccentOnPostgreSQL(UnaccentExtension):
    """Django's operation does nothing on another database going forwards, but going backwards
    it asks PostgreSQL's catalogue whichever the database: there too, only on PostgreSQL."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def create_engine(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for name, language in CONFIGURATIONS.items():
            schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {language})")
            schema_editor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, "
                f"word WITH unaccent, {language}_stem"
            )
        schema_editor.execute(
            f"CREATE INDEX articles_search_document_gin ON {POSTGRES_TABLE} USING gin (document)"
        )
        fill_index(apps, schema_editor, insert_postgresql)
    elif vendor == "sqlite":
        # The words come folded and stemmed (articles/search.py); the tokenizer only splits.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {SQLITE_TABLE} USING fts5(language UNINDEXED, source "
            "UNINDEXED, title, summary, body, authors, tokenize = 'unicode61 remove_diacritics 2')"
        )
        fill_index(apps, schema_editor, insert_sqlite)


def insert_postgresql(cursor, version, body, authors):
    configuration = f"{'french' if version.language == 'fr' else 'english'}_unaccent"
    # Escaped: PostgreSQL's parser reads "<script>" as a tag and skips what follows it.
    texts = [
        html.escape(text, quote=False) for text in (version.title, version.summary, authors, body)
    ]
    cursor.execute(
        f"INSERT INTO {POSTGRES_TABLE} (version_id, language, text, document) "
        f"VALUES (%s, %s, %s, {WEIGHTED})",
        [
            version.pk, version.language, html.escape(f"{version.summary} {body}", quote=False),
            *(value for text in texts for value in (configuration, text)),
        ],
    )  # fmt: skip


def insert_sqlite(cursor, version, body, authors):
    words = [version.title, version.summary, body, authors]
    cursor.execute(
        f"INSERT INTO {SQLITE_TABLE} (rowid, language, source, title, summary, body, "
        "authors) VALUES (%s, %s, %s, %s, %s, %s, %s)",
        [
            version.pk, version.language, f"{version.summary} {body}",
            *(stemmed(text, version.language) for text in words),
        ],
    )  # fmt: skip


def fill_index(apps, schema_editor, insert):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    Reference = apps.get_model("articles", "Reference")
    authors = {}
    for reference in Reference.objects.order_by("pk"):
        authors.setdefault(reference.article_id, []).append(reference.authors)
    with schema_editor.connection.cursor() as cursor:
        for version in ArticleVersion.objects.filter(status="published"):
            authors_of = " ".join(authors.get(version.article_id, []))
            insert(cursor, version, plain_text(version.body_html), authors_of)


def drop_engine(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX articles_search_document_gin")
        for name in CONFIGURATIONS:
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION {name}")
    elif vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE {SQLITE_TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0015_themes"),
    ]

    operations = [
        UnaccentOnPostgreSQL(),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "version",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="articles.articleversion",
                    ),
                ),
                ("language", models.CharField(max_length=8)),
                ("text", models.TextField()),
                ("document", django.contrib.postgres.search.SearchVectorField()),
            ],
            options={"db_table": "articles_search_document"},
        ),
        migrations.RunPython(create_engine, drop_engine),
    ]
