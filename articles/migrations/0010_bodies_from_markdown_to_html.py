"""The article bodies from Markdown to the HTML the visual editor writes and reads.

Each version's body, whatever Markdown it holds when this runs, is converted by the frozen
Markdown rendering of 2026-11-24 (practice/migrations/_frozen_markdown.py), without the French
spacing: that belongs to the page, which the next save renders from the HTML (citations linked,
spacing, reading time). The rendered fields are left as they are: they came from this same
Markdown, so readers see the same page.

Going back leaves the HTML: the earlier code read the body as Markdown, which lets HTML
through to its sanitiser.
"""

from django.db import migrations, models

from practice_site.practice.migrations._frozen_markdown import render_markdown


def markdown_to_html(apps, schema_editor):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    for version in ArticleVersion.objects.all():
        version.body = render_markdown(version.body)
        version.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0009_reference_doi_cleaned_up")]

    operations = [
        migrations.AlterField(
            model_name="articleversion",
            name="body",
            field=models.TextField(
                help_text="Use the toolbar for headings, lists and links; citations such as “(Bordin, 1979)” are linked to the references below.",
                verbose_name="body",
            ),
        ),
        migrations.RunPython(markdown_to_html, migrations.RunPython.noop),
    ]
