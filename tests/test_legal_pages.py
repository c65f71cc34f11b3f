"""The legal notice and the privacy policy say what the law asks, in both languages, and only
what the site makes true."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from practice_site.practice.models import LegalPage
from practice_site.richtext.rendering import render_html

from .factories import fill_in_practice_details
from .pages import contains_words, visible_text

pytestmark = pytest.mark.django_db

PRIVACY = {"fr": "/fr/confidentialite/", "en": "/en/privacy/"}
NOTICE = {"fr": "/fr/mentions-legales/", "en": "/en/legal-notice/"}


def page_text(client, url, language):
    html = client.get(url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return visible_text(main, language).replace("\u00a0", " ")


# Each item of GDPR art. 13 the issue lists, as the page words it.
PRIVACY_ITEMS = {
    "fr": [
        "Le responsable du traitement est Camille Exemple",
        "article 6, paragraphe 1, point b, du RGPD",
        "article 6, paragraphe 1, point f, du RGPD",
        "article 9, paragraphe 2, point h, et paragraphe 3, du RGPD",
        "ne repose pas sur votre consentement",
        "Votre nom : obligatoire",
        "Votre numéro de téléphone : facultatif",
        "2 000 caractères au plus",
        "effacé du site 30 jours après cet envoi",
        "reste sur le site jusqu’à ce qu’il soit envoyé",
        "envoyé par e-mail à une adresse de messagerie réservée au cabinet, que seule Camille "
        "Exemple consulte",
        "Les sauvegardes du site, qui peuvent le contenir, sont chiffrées hors du serveur et "
        "conservées 20 jours au plus",
        "jusqu’à 20 jours après son effacement du site",
        "La personne chargée de la maintenance technique du site peut techniquement y accéder",
        "sous une obligation de confidentialité",
        "Ce site ne lui transmet aucune donnée, pas même l’adresse de la page d’où vous venez",
        "selon sa propre politique de confidentialité",
        "ne chargent rien tant que vous ne cliquez pas dessus",
        "réinitialisation du mot de passe",
        "une empreinte de l’adresse IP et de l’adresse e-mail saisie",
        "La copie reçue par e-mail reste dans la messagerie du cabinet",
        "second facteur",
        "Le site ne transfère aucune donnée hors de l’Union européenne",
        "empreinte de l’adresse IP",
        "au plus une heure",
        "Quand une connexion à l’espace d’administration (réservé au cabinet) échoue, le site "
        "garde l’identifiant saisi, la date et l’heure, et une empreinte du réseau d’où elle vient",
        "jamais l’adresse IP elle-même, hors des journaux techniques décrits ci-dessous, ni le mot "
        "de passe saisi, ni le navigateur",
        "Ces informations ne servent qu’à bloquer les essais répétés de mots de passe.",
        "Elles ne comptent plus une heure après le dernier échec ; elles sont effacées à la "
        "connexion réussie suivante depuis ce réseau, ou au plus tard le lendemain.",
        "Les échecs de chaque compte sont aussi comptés pendant une heure, sous une empreinte de "
        "l’identifiant.",
        "sans ce qui suit le « ? » de son adresse",
        "sans l’adresse de la page d’où vous venez (le « Referer »)",
        "sans le nom ni la version de votre navigateur",
        "conservés 14 jours au plus",
        "csrftoken",
        "effacé à la fermeture du navigateur",
        "Lire les pages du site ne dépose aucun cookie, et le site n’utilise aucun traceur de "
        "tiers",
        "Le site compte seulement combien de fois chaque page est lue, par langue et par jour, "
        "sans enregistrer aucun identifiant : ni adresse IP, ni information sur votre navigateur, "
        "ni cookie.",
        "ils sont conservés 13 mois au plus et seule Camille Exemple les consulte",
        "les conditions dans lesquelles la CNIL la dispense de consentement",
        "sessionid",
        "expire après une heure d’inactivité",
        "vous opposer",
        "délai d’un mois",
        "après votre décès",
        "CNIL",
        "Dernière mise à jour :",
    ],
    "en": [
        "The data controller is Camille Exemple",
        "Article 6(1)(b) of the GDPR",
        "Article 6(1)(f) of the GDPR",
        "Article 9(2)(h) and 9(3) of the GDPR",
        "not based on your consent",
        "Your name: required",
        "Your phone number: optional",
        "2,000 characters at most",
        "deleted from the website 30 days after it has been emailed",
        "stays on the website until it has been sent",
        "emailed to a mailbox reserved for the practice, which only Camille Exemple reads",
        "backups, which may contain it, are kept encrypted away from the server for 20 days",
        "for up to 20 days after it has been deleted from the website",
        "technical maintenance can technically access it",
        "under a duty of confidentiality",
        "This website passes it no data, not even the address of the page you came from",
        "under its own privacy policy",
        "load nothing until you click them",
        "password reset requests",
        "a fingerprint of the IP address and of the email address entered",
        "The copy received by email stays in the practice’s mailbox",
        "second factor",
        "outside the European Union",
        "fingerprint of the sender’s IP address",
        "one hour at most",
        "When a sign-in to the administration area (used only by the practice) fails, the "
        "website keeps the username entered, the date and time, and a fingerprint of the network "
        "it came from",
        "never the IP address itself, except in the technical logs described below, nor the "
        "password entered, nor the browser",
        "This information is used only to block repeated password guessing.",
        "It stops counting one hour after the last failure, and is deleted at the next "
        "successful sign-in from that network, or by the following day at the latest.",
        "Each account’s failures are also counted for one hour, using a fingerprint of the "
        "username.",
        "the IP address, the date and time, and the page requested",
        "without the part of its address after a “?”",
        "without the address of the page you came from (the “Referer”)",
        "without the name or version of your browser",
        "14 days at most",
        "csrftoken",
        "sessionid",
        "one hour of inactivity",
        "Reading the website’s pages sets no cookie, and the website uses no third-party tracker",
        "The website only counts how many times each page is read, per language and per day, "
        "without recording any identifier: no IP address, no information about your browser, no "
        "cookie.",
        "they are kept for 13 months at most and only Camille Exemple sees them",
        "the conditions under which the CNIL exempts it from consent",
        "object",
        "within one month",
        "after your death",
        "CNIL",
        "Last updated:",
    ],
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_privacy_policy_gives_every_item_the_law_asks_for(client, settings, language):
    settings.ENQUIRY_RETENTION_DAYS = 30
    settings.BACKUP_KEEP_DAYS = 20
    fill_in_practice_details()
    text = page_text(client, PRIVACY[language], language)
    missing = [item for item in PRIVACY_ITEMS[language] if item not in text]
    assert missing == []


def test_the_french_privacy_policy_keeps_the_log_retention_on_one_line(client):
    """French typography: a number is never left at the end of a line without its unit."""
    html = client.get(PRIVACY["fr"]).content.decode()
    assert "Ils sont conservés 14\u00a0jours au plus." in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_privacy_policy_rests_on_no_consent_and_offers_no_portability(client, language):
    text = page_text(client, PRIVACY[language], language).lower()
    wrong = ["6.1.a", "6(1)(a)", "9(2)(a)", "9.2.a", "retirer votre consentement",
             "withdraw your consent", "portabilit", "format courant", "common format"]  # fmt: skip
    assert [words for words in wrong if words in text] == []


def test_the_privacy_policy_is_dated_by_its_last_edit(client):
    page = LegalPage.objects.get(kind="privacy")
    LegalPage.objects.filter(pk=page.pk).update(
        updated_at=timezone.make_aware(timezone.datetime(2026, 3, 2, 12))
    )
    assert "Last updated: 2 March 2026" in page_text(client, PRIVACY["en"], "en")
    assert "Dernière mise à jour : 2 mars 2026" in page_text(client, PRIVACY["fr"], "fr")


NOTICE_ITEMS = {
    "fr": [
        "Ce site est édité par Camille Exemple EI, Psychologue clinicienne",
        "loi n° 85-772 du 25 juillet 1985",
        "Numéro RPPS : 10001234567",
        "Numéro ADELI (le cas échéant) : 759312345",
        "Titre délivré en France. Enregistrement au répertoire partagé des professionnels de "
        "santé (RPPS).",
        "73282932000074",
        "Assurances Exemple",
        "Hébergeur Exemple SAS",
        "1 rue du Serveur, 59000 Lille",
        "03 20 00 00 00",
        "article L. 122-5 du code de la propriété intellectuelle",
        "114",
    ],
    "en": [
        "This website is published by Camille Exemple EI, Clinical psychologist",
        "Act No. 85-772 of 25 July 1985",
        "RPPS number (French national register): 10001234567",
        "Title granted in France. Registered in the national RPPS register of health "
        "professionals.",
        "759312345",
        "73282932000074",
        "Assurances Exemple",
        "Hébergeur Exemple SAS",
        "1 rue du Serveur, 59000 Lille",
        "03 20 00 00 00",
        "L. 122-5",
        "114",
    ],
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_legal_notice_names_a_regulated_profession_and_its_host(client, language):
    fill_in_practice_details(entrepreneur_individuel=True)
    text = page_text(client, NOTICE[language], language)
    missing = [item for item in NOTICE_ITEMS[language] if item not in text]
    assert missing == []


@pytest.mark.parametrize("url", [PRIVACY["en"], NOTICE["en"]])
def test_english_legal_pages_have_no_french_sentence(client, url):
    fill_in_practice_details()
    text = page_text(client, url, "en")
    for word in ["vous", "votre", "vos", "données", "être", "aucune", "messagerie", "selon"]:
        assert not contains_words(text, word), word


@pytest.mark.django_db(transaction=True)
def test_the_rewrite_leaves_a_page_the_psychologist_edited_alone(migrated_content):
    call_command("migrate", "contact", "0001", verbosity=0)
    call_command("migrate", "practice", "0003", verbosity=0)
    edited = LegalPage.objects.get(kind="privacy")
    edited.body_fr += "\nUne phrase que la psychologue a ajoutée.\n"
    edited.save()

    call_command("migrate", verbosity=0)

    assert (
        "Une phrase que la psychologue a ajoutée." in LegalPage.objects.get(kind="privacy").body_fr
    )
    assert "85-772" in LegalPage.objects.get(kind="legal-notice").body_fr


@pytest.mark.django_db(transaction=True)
def test_the_privacy_review_leaves_an_edited_page_alone_and_can_be_undone(migrated_content):
    call_command("migrate", "practice", "0017", verbosity=0)
    assert "Title granted in France" not in LegalPage.objects.get(kind="legal-notice").body_en
    page = LegalPage.objects.get(kind="privacy")
    page.body_en += "<p>A sentence she added.</p>"
    page.save()

    call_command("migrate", verbosity=0)

    notice = LegalPage.objects.get(kind="legal-notice")
    assert "Title granted in France" in notice.body_en
    assert "Titre délivré en France" in notice.body_html_fr
    privacy = LegalPage.objects.get(kind="privacy")
    assert "A sentence she added." in privacy.body_en
    assert "{backup_days}" not in privacy.body_fr  # hers: left as she wrote it

    call_command("migrate", "practice", "0017", verbosity=0)
    assert "Titre délivré en France" not in LegalPage.objects.get(kind="legal-notice").body_fr
    call_command("migrate", verbosity=0)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_privacy_policy_must_say_how_long_backups_are_kept(language):
    page = LegalPage.objects.get(kind="privacy")
    setattr(
        page, f"body_{language}", getattr(page, f"body_{language}").replace("{backup_days}", "30")
    )
    assert page.missing_placeholders() == ["backup_days"]


SIGN_INS = {
    "fr": "Quand une connexion à l’espace d’administration (réservé au cabinet) échoue",
    "en": "When a sign-in to the administration area (used only by the practice) fails",
}


@pytest.mark.django_db(transaction=True)
def test_the_sign_in_and_logs_wording_replaces_the_default_and_spares_an_edited_policy(
    migrated_content,
):
    call_command("migrate", "practice", "0020", verbosity=0)
    previous = LegalPage.objects.get(kind="privacy")
    assert SIGN_INS["fr"] not in previous.body_fr

    call_command("migrate", verbosity=0)

    page = LegalPage.objects.get(kind="privacy")
    for language, words in SIGN_INS.items():
        assert words in getattr(page, f"body_{language}")
        assert words in getattr(page, f"body_html_{language}")
    assert "(adresse IP, date et heure, page demandée)" not in page.body_html_fr
    # The new paragraphs are stored as saving the page renders them: nothing waits for her
    # next save.
    stored = {
        language: [p for p in getattr(page, f"body_html_{language}").split("\n") if "Referer" in p
                   or words in p]
        for language, words in SIGN_INS.items()
    }  # fmt: skip
    for language, paragraphs in stored.items():
        assert len(paragraphs) == 2
        rendered = render_html(getattr(page, f"body_{language}"), language)
        assert [paragraph for paragraph in paragraphs if paragraph not in rendered] == []

    call_command("migrate", "practice", "0020", verbosity=0)
    undone = LegalPage.objects.get(kind="privacy")
    assert (undone.body_fr, undone.body_html_en) == (previous.body_fr, previous.body_html_en)
    undone.body_en += "<p>A sentence she added.</p>"
    undone.save()

    call_command("migrate", verbosity=0)

    hers = LegalPage.objects.get(kind="privacy")
    assert "A sentence she added." in hers.body_en
    assert SIGN_INS["fr"] not in hers.body_fr
    assert SIGN_INS["en"] not in hers.body_en


READ_COUNTS = {
    "fr": "Le site compte seulement combien de fois chaque page est lue, par langue et par jour",
    "en": "The website only counts how many times each page is read, per language and per day",
}


@pytest.mark.django_db(transaction=True)
def test_the_read_counts_wording_replaces_the_default_and_spares_an_edited_policy(
    migrated_content,
):
    call_command("migrate", "practice", "0024", verbosity=0)
    previous = LegalPage.objects.get(kind="privacy")
    assert "ni mesure d’audience" in previous.body_html_fr

    call_command("migrate", verbosity=0)

    page = LegalPage.objects.get(kind="privacy")
    for language, words in READ_COUNTS.items():
        assert words in getattr(page, f"body_{language}")
        assert words in getattr(page, f"body_html_{language}")
    # What was no longer true is gone from both, in the text and as readers are shown it.
    assert "mesure d’audience, ni" not in page.body_fr + page.body_html_fr
    assert "no audience measurement" not in page.body_en + page.body_html_en
    # Stored as saving the page renders it: nothing waits for her next save.
    for language, words in READ_COUNTS.items():
        stored = [p for p in getattr(page, f"body_html_{language}").split("\n") if words in p]
        assert len(stored) == 1
        assert stored[0] in render_html(getattr(page, f"body_{language}"), language)

    call_command("migrate", "practice", "0024", verbosity=0)
    undone = LegalPage.objects.get(kind="privacy")
    assert (undone.body_fr, undone.body_html_fr, undone.body_en, undone.body_html_en) == (
        previous.body_fr,
        previous.body_html_fr,
        previous.body_en,
        previous.body_html_en,
    )
    undone.body_fr += "<p>Une phrase qu’elle a ajoutée.</p>"
    undone.save()

    call_command("migrate", verbosity=0)

    hers = LegalPage.objects.get(kind="privacy")
    assert "Une phrase qu’elle a ajoutée." in hers.body_fr
    assert READ_COUNTS["fr"] not in hers.body_fr
    assert READ_COUNTS["en"] not in hers.body_en
