"""“What will I pay?” on the contact and About pages: each fee with what the Assurance Maladie
and the complementary insurance refund of it under “Mon soutien psy”, from her fee table and the
scheme's figures as she keeps them; the scheme's conditions; how she is paid; a reminder to
check the figures once a year."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils import timezone

from practice_site.practice.models import Fee

from .factories import fill_in_practice_details
from .pages import visible_text
from .test_presentation import about_url

pytestmark = pytest.mark.django_db

FEES = [
    {"label_fr": "Séance individuelle", "label_en": "Individual session", "amount": Decimal(50),
     "mon_soutien_psy": True},
    {"label_fr": "Séance de couple", "label_en": "Couples session", "amount": Decimal(80)},
]  # fmt: skip


@pytest.fixture
def partner():
    """A partner of the scheme, with one session it covers and one it does not."""
    return fill_in_practice_details(
        fees=FEES, mon_soutien_psy=True, video=True, scheme_checked_on=timezone.localdate()
    )


def page_text(client, url, language):
    return visible_text(client.get(url).content.decode(), language)


@pytest.mark.parametrize("url", ["/fr/contact/", about_url("fr")])
def test_each_fee_says_in_french_what_is_refunded_of_it(client, partner, url):
    text = page_text(client, url, "fr")
    assert "Combien vais-je payer ?" in text
    assert (
        "Séance individuelle : 50 € TTC. Avec « Mon soutien psy », "
        "l’Assurance Maladie vous rembourse 30 € (60 %) ; les 20 € "
        "restants sont remboursés par votre complémentaire santé (mutuelle) si vous en avez "
        "une, sinon ils restent à votre charge."
    ) in text
    assert "Séance de couple : 80 € TTC. Pas de remboursement par l’Assurance" in text


@pytest.mark.parametrize("url", ["/en/contact/", about_url("en")])
def test_each_fee_says_in_english_what_is_refunded_of_it(client, partner, url):
    text = page_text(client, url, "en")
    assert "What will I pay?" in text
    assert (
        "Individual session: €50 including tax. With “Mon soutien psy”, the Assurance Maladie "
        "reimburses €30 (60%); the remaining €20 is reimbursed by your complementary health "
        "insurance (mutuelle) if you have one; if not, you pay it yourself."
    ) in text
    assert "Couples session: €80 including tax. Not reimbursed by the Assurance Maladie" in text


def test_the_figures_follow_the_scheme_as_she_corrects_it(client, partner):
    partner.scheme_fee = Decimal(55)
    partner.scheme_refund_percent = 70
    partner.scheme_sessions = 10
    partner.save()
    partner.fees.filter(mon_soutien_psy=True).update(amount=Decimal(55))
    partner.save()  # the fees' update bypasses the page cache's signals
    text = page_text(client, "/en/contact/", "en")
    assert "Individual session: €55 including tax." in text
    assert "reimburses €38.50 (70%); the remaining €16.50" in text
    assert "up to 10 sessions a year are covered" in text
    french = page_text(client, "/fr/contact/", "fr")
    assert "rembourse 38,50 € (70 %) ; les 16,50 € restants" in french
    assert "jusqu’à 10 séances par an sont prises en charge" in french


def test_the_schemes_conditions_are_listed_for_a_partner_only(client, partner):
    text = page_text(client, "/en/contact/", "en")
    for condition in [
        "with no need for a referral from your doctor",
        "up to 12 sessions a year are covered (from 1 January to 31 December)",
        "the first session must be in person, but later ones can be by video",
        "anyone aged 3 or over with mild to moderate psychological difficulties",
        "You pay nothing upfront if you have the Complémentaire santé solidaire (C2S) or AME",
    ]:
        assert condition in text
    partner.mon_soutien_psy = False
    partner.save()
    text = page_text(client, "/en/contact/", "en")
    assert "referral from your doctor" not in text
    assert "reimburses €30" not in text
    assert "Individual session: €50 including tax. Not reimbursed" in text


def test_the_video_condition_only_where_she_consults_by_video(client, partner):
    partner.video = False
    partner.save()
    assert "by video" not in page_text(client, "/en/contact/", "en")


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Moyens de paiement acceptés : espèces, chèque, virement."),
        ("en", "Accepted payment methods: cash, cheque, bank transfer."),
    ],
)
def test_the_payment_methods_she_accepts_are_named(client, partner, language, sentence):
    assert "Accepted payment methods" not in page_text(client, "/en/contact/", "en")
    partner.pays_by_cash = partner.pays_by_cheque = partner.pays_by_transfer = True
    partner.save()
    assert sentence in page_text(client, f"/{language}/contact/", language)


def test_a_session_under_the_scheme_costs_the_schemes_fee_and_no_more(partner):
    fee = Fee(practice=partner, label_fr="Séance", label_en="Session", amount=Decimal(60))
    fee.mon_soutien_psy = True
    with pytest.raises(ValidationError) as error:
        fee.full_clean()
    [message] = error.value.error_dict["mon_soutien_psy"]
    assert message.code == "not_the_scheme_fee"
    fee.amount = Decimal(50)
    fee.full_clean()


def test_only_a_partner_of_the_scheme_may_say_a_session_is_covered(partner):
    partner.mon_soutien_psy = False
    fee = Fee(practice=partner, label_fr="Séance", label_en="Session", amount=Decimal(50))
    fee.mon_soutien_psy = True
    with pytest.raises(ValidationError) as error:
        fee.full_clean()
    [message] = error.value.error_dict["mon_soutien_psy"]
    assert message.code == "not_a_partner"


def test_the_admin_refuses_a_covered_fee_above_the_scheme_with_a_clear_error(admin_client, partner):
    from .test_admin import change_form_data

    url = "/admin/practice/practicedetails/1/change/"
    data = change_form_data(admin_client.get(url))
    data["fees-0-amount"] = "60"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "la séance est facturée 50 €, ni plus ni moins : indiquez ce tarif" in visible_text(
        response.content.decode(), "fr"
    )
    assert partner.fees.get(mon_soutien_psy=True).amount == Decimal(50)


def to_do_text(admin_client):
    return visible_text(admin_client.get("/admin/").content.decode(), "fr")


def test_the_admin_home_asks_her_to_check_the_schemes_figures_once_a_year(admin_client, partner):
    assert "chiffres de « Mon soutien psy »" not in to_do_text(admin_client)
    partner.scheme_checked_on = date(2025, 1, 1)
    partner.save()
    assert (
        "ont été vérifiés pour la dernière fois le 1er janvier 2025 : vérifiez-les de nouveau"
    ) in to_do_text(admin_client)
    partner.scheme_checked_on = None
    partner.save()
    assert "Vérifiez les chiffres de « Mon soutien psy »" in to_do_text(admin_client)


def test_the_admin_home_asks_her_to_tick_the_sessions_the_scheme_covers(admin_client, partner):
    assert "Cochez, parmi vos tarifs" not in to_do_text(admin_client)
    partner.fees.update(mon_soutien_psy=False)
    assert "Cochez, parmi vos tarifs, les séances" in to_do_text(admin_client)


def test_check_deploy_warns_when_the_schemes_figures_were_not_checked_for_a_year(partner):
    partner.scheme_checked_on = timezone.localdate() - timedelta(days=400)
    partner.save()
    with pytest.raises(SystemCheckError, match=r"practice\.W006"):
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "database")
    partner.scheme_checked_on = timezone.localdate()
    partner.save()
    try:
        call_command("check", "--deploy", "--fail-level", "WARNING", "--tag", "database")
    except SystemCheckError as error:
        assert "practice.W006" not in str(error)
