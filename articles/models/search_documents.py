"""PostgreSQL's search index: one row per published version (articles/search.py)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from .versions import ArticleVersion


class SearchDocument(models.Model):
    """A published version's words as PostgreSQL searches them: weighted (title A, summary and
    the references' authors B, body C), stemmed without accents, in a tsvector, with the text
    its excerpt is cut from. Worked out on save rather than on each search, which would read
    every version of the language again (about 300 ms for 200 articles instead of a few).

    Filled on PostgreSQL only: on SQLite the table stays empty (the index is an FTS5 table
    there), its `document` column of a type SQLite does not know and never reads. Its GIN index
    is made on PostgreSQL by migration 0013. The signals of articles/search.py keep it in
    step."""

    version = models.OneToOneField(
        ArticleVersion,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    language = models.CharField(max_length=8)
    text = models.TextField()
    document = SearchVectorField()

    class Meta:
        db_table = "articles_search_document"

    def __str__(self):
        return f"Search document of version {self.version_id}"
