"""An empty practice details record for the psychologist to fill in, and the two legal pages.

The legal pages name no one: their placeholders ({name}, {adeli}, {host}, {retention_days}…)
are filled in from the practice details and the settings when a page is shown.
"""

from django.db import migrations

from practice_site.practice.migrations._frozen_markdown import render_markdown

LEGAL_NOTICE_FR = """\
## Éditeur du site

Ce site est édité par {name}, {title}.

- Numéro ADELI / RPPS : {adeli}
- Adresse : {address}
- Téléphone : {phone}
- E-mail : {email}

Directeur ou directrice de la publication : {name}.

## Hébergement

Le site est hébergé par : {host}.

## Propriété intellectuelle

Les articles publiés sur ce site sont la propriété de leur auteur. Vous pouvez les citer en indiquant leur source ; toute reproduction intégrale demande une autorisation écrite.

Les références bibliographiques renvoient, par leur DOI, vers les sites des éditeurs scientifiques, qui sont seuls responsables de leur contenu.

## Responsabilité

Les articles donnent une information générale sur la psychologie et la psychothérapie. Ils ne remplacent pas une consultation et ne constituent pas un avis sur une situation personnelle.

## Données personnelles

La façon dont les messages envoyés par le formulaire de contact sont traités est décrite dans la politique de confidentialité.
"""

LEGAL_NOTICE_EN = """\
## Publisher

This website is published by {name}, {title}.

- ADELI / RPPS number: {adeli}
- Address: {address}
- Phone: {phone}
- Email: {email}

Director of publication: {name}.

## Hosting

The website is hosted by: {host}.

## Intellectual property

The articles published on this website belong to their author. You may quote them with their source; reproducing an article in full requires written permission.

The references link, through their DOI, to the websites of the scientific publishers, who alone are responsible for their content.

## Liability

The articles give general information about psychology and psychotherapy. They do not replace a consultation and are not advice on a personal situation.

## Personal data

How messages sent through the contact form are handled is described in the privacy policy.
"""

PRIVACY_FR = """\
## Qui est responsable de vos données ?

Le responsable du traitement est {name}, {address}, joignable à l’adresse {email}.

## Quelles données, et pourquoi ?

Le formulaire de contact recueille votre nom, votre adresse e-mail, votre numéro de téléphone si vous le donnez, et votre message. Ces données servent uniquement à vous répondre et, si vous le souhaitez, à organiser un premier rendez-vous.

Il n’y a ni lettre d’information, ni publicité, ni outil de mesure d’audience sur ce site.

Merci de ne pas décrire votre santé en détail dans le formulaire : un court message suffit, le reste se dit en consultation.

## Sur quelle base ?

Votre consentement, donné en cochant la case du formulaire (article 6.1.a du RGPD). Si vous choisissez de partager des informations sur votre santé, c’est votre consentement explicite qui permet de les traiter (article 9.2.a du RGPD). Vous pouvez retirer votre consentement à tout moment.

## Qui reçoit vos données ?

Seulement {name}. L’hébergeur du site et le service de messagerie les traitent pour son compte, comme sous-traitants, sans pouvoir les utiliser à d’autres fins. Vos données ne sont ni vendues ni cédées.

## Combien de temps sont-elles conservées ?

Les messages sont supprimés du site au bout de {retention_days} jours. Les e-mails reçus sont conservés dans la messagerie du cabinet sous le secret professionnel, le temps nécessaire au suivi de votre demande.

## Comment sont-elles protégées ?

Le site est accessible uniquement en HTTPS. L’accès aux messages est réservé à {name}, par un compte protégé par mot de passe.

## Cookies

Le site n’utilise que des cookies techniques : un cookie de sécurité déposé quand le formulaire s’affiche, et des cookies de session pour l’espace d’administration. Ils ne servent pas à vous suivre et ne demandent pas de consentement.

## Vos droits

Vous pouvez demander à accéder à vos données, à les corriger ou à les effacer, à en limiter l’usage, à vous opposer à leur traitement, à les recevoir dans un format courant, et retirer votre consentement. Écrivez à {email} : une réponse vous sera donnée dans un délai d’un mois.

Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL : www.cnil.fr, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.
"""

PRIVACY_EN = """\
## Who is responsible for your data?

The data controller is {name}, {address}, who can be reached at {email}.

## What data, and why?

The contact form collects your name, your email address, your phone number if you give it, and your message. They are used only to answer you and, if you wish, to arrange a first appointment.

There is no newsletter, no advertising and no audience measurement on this website.

Please do not describe your health in detail in the form: a short message is enough, the rest is said in a consultation.

## On what basis?

Your consent, given by ticking the box of the form (article 6(1)(a) of the GDPR). If you choose to share information about your health, your explicit consent is what allows it to be processed (article 9(2)(a) of the GDPR). You may withdraw your consent at any time.

## Who receives your data?

Only {name}. The website's host and the email service process it on their behalf, as processors, and cannot use it for anything else. Your data is never sold or passed on.

## How long is it kept?

Messages are deleted from the website after {retention_days} days. The emails received are kept in the practice's mailbox under professional secrecy, for as long as your request needs.

## How is it protected?

The website is only available over HTTPS. Access to the messages is restricted to {name}, through a password-protected account.

## Cookies

The website only uses technical cookies: a security cookie set when the form is shown, and session cookies for the administration area. They are not used to track you and do not require consent.

## Your rights

You may ask to access your data, to correct or erase it, to restrict its use, to object to its processing, to receive it in a common format, and withdraw your consent. Write to {email}: you will get an answer within one month.

If you believe your rights are not respected, you may lodge a complaint with the CNIL (the French data protection authority): www.cnil.fr, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France.
"""

PAGES = [
    ("legal-notice", "Mentions légales", "Legal notice", LEGAL_NOTICE_FR, LEGAL_NOTICE_EN),
    ("privacy", "Politique de confidentialité", "Privacy policy", PRIVACY_FR, PRIVACY_EN),
]


def create_content(apps, schema_editor):
    PracticeDetails = apps.get_model("contact", "PracticeDetails")
    LegalPage = apps.get_model("contact", "LegalPage")
    # Historical models have no custom save(): render the bodies here as LegalPage.save does.
    PracticeDetails.objects.get_or_create(pk=1)
    for kind, title_fr, title_en, body_fr, body_en in PAGES:
        LegalPage.objects.get_or_create(
            kind=kind,
            defaults={
                "title_fr": title_fr,
                "title_en": title_en,
                "body_fr": body_fr,
                "body_en": body_en,
                "body_html_fr": render_markdown(body_fr, "fr"),
                "body_html_en": render_markdown(body_en, "en"),
            },
        )


def delete_content(apps, schema_editor):
    apps.get_model("contact", "LegalPage").objects.filter(kind__in=[p[0] for p in PAGES]).delete()
    apps.get_model("contact", "PracticeDetails").objects.filter(pk=1).delete()


class Migration(migrations.Migration):
    dependencies = [("contact", "0001_initial")]

    operations = [migrations.RunPython(create_content, delete_content)]
