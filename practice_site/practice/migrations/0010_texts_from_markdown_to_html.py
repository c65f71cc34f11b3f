"""The legal pages and the practical notes to the HTML the visual editor writes and reads.

The legal pages' texts were Markdown: each is converted by the frozen Markdown rendering of
2026-11-24 (_frozen_markdown.py), without the French spacing, which belongs to the page; their
rendered HTML is left as it is, as it came from this same Markdown. The placeholders ("{name}")
are text, which the conversion keeps as it is, and so does the page that fills them in.

The practical notes were plain text, shown as written: each paragraph (lines apart from the
next by a blank line) becomes a <p>, a line break within one a <br>, with the French spacing of
a French page, as saving one now gives.

Going back leaves the HTML, which the earlier code renders too (Markdown lets HTML through to
its sanitiser); only the notes would show their tags.
"""

from html import escape

from django.db import migrations, models

from ._frozen_markdown import french_spaces, render_markdown


def text_to_html(text, language):
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    html = "".join(
        "<p>{}</p>".format("<br>".join(escape(line, quote=False) for line in part.split("\n")))
        for part in paragraphs
        if part
    )
    return french_spaces(html) if language == "fr" else html


def markdown_to_html(apps, schema_editor):
    LegalPage = apps.get_model("practice", "LegalPage")
    for page in LegalPage.objects.all():
        page.body_fr = render_markdown(page.body_fr)
        page.body_en = render_markdown(page.body_en)
        page.save(update_fields=["body_fr", "body_en"])
    PracticeDetails = apps.get_model("practice", "PracticeDetails")
    for details in PracticeDetails.objects.all():
        details.practical_note_fr = text_to_html(details.practical_note_fr, "fr")
        details.practical_note_en = text_to_html(details.practical_note_en, "en")
        details.save(update_fields=["practical_note_fr", "practical_note_en"])


class Migration(migrations.Migration):
    dependencies = [("practice", "0009_practicedetails_enquiry_email")]

    operations = [
        migrations.AlterField(
            model_name="legalpage",
            name="body_fr",
            field=models.TextField(
                help_text="Use the toolbar for headings, lists and links. These are replaced by the practice details: {name}, {publisher}, {title}, {rpps}, {adeli}, {siret}, {insurer}, {address}, {phone}, {email}, {host}, {host_name}, {host_address}, {host_phone}; {retention_days} by how long enquiries are kept.",
                verbose_name="text (French)",
            ),
        ),
        migrations.RunPython(markdown_to_html, migrations.RunPython.noop),
    ]
