"""The privacy policy says what the site now counts: how many times each page is read, per
language and per day, without any identifier (no IP address, no browser information, no
cookie), totals kept 13 months at most and seen by the psychologist alone, within the CNIL's
exemption of an audience measurement from consent; reading sets no cookie and no third party
tracks anyone.

As in 0021, the page is changed only while its two texts are still the default 0021 left, and
its text and stored HTML alike, passage by passage; going back undoes it under the same rule.
The passages changed here leave out what the typography renders otherwise in the stored HTML
(a space before a colon), so that each stands in the text and in the HTML alike.
"""

import importlib

from django.db import migrations

review = importlib.import_module(f"{__package__}.0018_privacy_review_of_legal_pages")
sign_ins = importlib.import_module(f"{__package__}.0021_privacy_policy_on_sign_ins_and_logs")

NBSP = "\u00a0"

# (passage as 0021 left it, passage now), for each language, in the page's order.
CHANGES = {
    "fr": [
        (
            "<li>Le site n’a ni publicité, ni mesure d’audience, ni pistage.</li>",
            f"<li>Le site n’a ni publicité ni pistage{NBSP}: il compte seulement combien de fois "
            "chaque page est lue, sans rien savoir de qui la lit.</li>",
        ),
        ("<h2>Cookies</h2>\n", "<h2>Cookies et mesure d’audience</h2>\n"),
        (
            "<p>Il n’y a sur ce site ni mesure d’audience, ni publicité, ni contenu de sites "
            "tiers, ni pistage. Ces cookies étant strictement nécessaires, ils ne demandent pas "
            "votre consentement (article 82 de la loi Informatique et Libertés)",
            "<p>Lire les pages du site ne dépose aucun cookie, et le site n’utilise aucun traceur "
            f"de tiers{NBSP}: ni publicité, ni réseau social, ni contenu d’autres sites, ni outil "
            "de mesure d’audience extérieur.</p>\n"
            "<p>Le site compte seulement combien de fois chaque page est lue, par langue et par "
            f"jour, sans enregistrer aucun identifiant{NBSP}: ni adresse IP, ni information sur "
            "votre navigateur, ni cookie. Ces chiffres sont des totaux, qui ne disent rien de qui "
            f"a lu quoi{NBSP}; ils sont conservés 13{NBSP}mois au plus et seule {{name}} les "
            "consulte. Cette mesure d’audience respecte les conditions dans lesquelles la CNIL "
            "la dispense de consentement. Les cookies ci-dessus étant strictement nécessaires, "
            "ils ne demandent pas non plus votre consentement (article 82 de la loi "
            "Informatique et Libertés)",
        ),
    ],
    "en": [
        (
            "<li>There is no advertising, no audience measurement and no tracking on this "
            "website.</li>",
            "<li>There is no advertising and no tracking on this website: it only counts how "
            "many times each page is read, knowing nothing of who reads it.</li>",
        ),
        ("<h2>Cookies</h2>\n", "<h2>Cookies and audience measurement</h2>\n"),
        (
            "<p>There is no audience measurement, no advertising, no content from other websites "
            "and no tracking. Because these cookies are strictly necessary, they do not require "
            "your consent (Article 82 of the French Data Protection Act)",
            "<p>Reading the website’s pages sets no cookie, and the website uses no third-party "
            "tracker: no advertising, no social network, no content from other websites, no "
            "outside audience measurement tool.</p>\n"
            "<p>The website only counts how many times each page is read, per language and per "
            "day, without recording any identifier: no IP address, no information about your "
            "browser, no cookie. These figures are totals, which say nothing of who read what; "
            "they are kept for 13 months at most and only {name} sees them. This audience "
            "measurement meets the conditions under which the CNIL exempts it from consent. "
            "Because the cookies above are strictly necessary, they do not require your consent "
            "either (Article 82 of the French Data Protection Act)",
        ),
    ],
}


def previous_default(language):
    """The text 0021 left on a page she had not edited."""
    earlier = sign_ins.previous_default(language)
    return review.changed(earlier, sign_ins.CHANGES[language], forwards=True)


def rewrite(apps, forwards):
    LegalPage = apps.get_model("practice", "LegalPage")
    page = LegalPage.objects.filter(kind="privacy").first()
    if page is None:
        return
    updates = {}
    for language, changes in CHANGES.items():
        earlier = previous_default(language)
        expected = earlier if forwards else review.changed(earlier, changes, forwards=True)
        if review.normalised(getattr(page, f"body_{language}")) != review.normalised(expected):
            return  # hers
        html = review.changed(getattr(page, f"body_html_{language}"), changes, forwards)
        if html is None:  # rendered otherwise since: left to the next save
            return
        updates[f"body_{language}"] = review.changed(expected, changes, forwards)
        updates[f"body_html_{language}"] = html
    for field, value in updates.items():
        setattr(page, field, value)
    page.save(update_fields=[*updates, "updated_at"])


def forwards(apps, schema_editor):
    rewrite(apps, forwards=True)


def backwards(apps, schema_editor):
    rewrite(apps, forwards=False)


class Migration(migrations.Migration):
    dependencies = [("practice", "0024_papageno_guidance_and_scheme_wording")]

    operations = [migrations.RunPython(forwards, backwards)]
