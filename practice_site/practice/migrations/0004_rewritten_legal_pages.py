"""The legal pages rewritten for a practice that handles health data: the privacy policy rests
on the right legal bases (GDPR art. 6(1)(b) and (f); art. 9(2)(h) and 9(3) for health data, no
consent) and gives every item of art. 13; the legal notice names a regulated profession, the RPPS
and ADELI numbers, the host's three details and the insurer.

A page is replaced only while both its texts are still the defaults the earlier migrations wrote
(compared by their SHA-256, line endings aside): a page the psychologist edited is hers. Going
back leaves the new texts, which the earlier code shows as well (same placeholders).
"""

import hashlib

from django.db import migrations

from ._frozen_markdown import render_markdown

NOTICE_FR = """\
## Éditeur du site

Ce site est édité par {publisher}, {title}.

- Adresse : {address}
- Téléphone : {phone}
- E-mail : {email}
- Numéro SIRET (le cas échéant) : {siret}

Direction de la publication : {name}.

## Profession réglementée

Le titre de psychologue est protégé par la loi : seules les personnes qui remplissent les conditions de diplôme qu’elle fixe peuvent en faire usage (article 44 de la loi n° 85-772 du 25 juillet 1985 ; décret n° 90-255 du 22 mars 1990).

- Titre professionnel : {title}
- Numéro RPPS : {rpps}
- Numéro ADELI (le cas échéant) : {adeli}
- Règles professionnelles : loi n° 85-772 du 25 juillet 1985 (article 44), décret n° 90-255 du 22 mars 1990 et code de déontologie des psychologues.

## Assurance professionnelle

Assureur de responsabilité civile professionnelle (le cas échéant) : {insurer}

## Hébergement

Le site est hébergé par :

- {host_name}
- Adresse : {host_address}
- Téléphone : {host_phone}

## Propriété intellectuelle

Les articles publiés sur ce site appartiennent à leur auteur.

Vous pouvez en citer de courts extraits, en indiquant clairement le nom de l’auteur et la source (article L. 122-5 du code de la propriété intellectuelle). Toute autre reproduction, totale ou partielle, demande une autorisation écrite.

Les références bibliographiques renvoient, par leur DOI, vers les sites des éditeurs scientifiques, qui sont seuls responsables de leur contenu.

## Responsabilité

Les articles donnent une information générale sur la psychologie et la psychothérapie. Ils ne remplacent pas une consultation et ne constituent pas un avis sur une situation personnelle.

## En cas d’urgence

Le formulaire de contact n’est pas fait pour les urgences. Si vous êtes en danger, ou si une personne de votre entourage l’est, appelez :

- le 15 (SAMU) pour une urgence médicale ;
- le 112, numéro d’urgence européen ;
- le 3114, numéro national de prévention du suicide, gratuit, 24 heures sur 24 et 7 jours sur 7 ;
- le 114, par SMS, tchat ou visio, pour les personnes sourdes ou malentendantes.

## Données personnelles

La façon dont vos données sont traitées, notamment les messages envoyés par le formulaire de contact, est décrite dans la politique de confidentialité.
"""

NOTICE_EN = """\
## Publisher

This website is published by {publisher}, {title}.

- Address: {address}
- Phone: {phone}
- Email: {email}
- SIRET number (if any): {siret}

Director of publication: {name}.

## Regulated profession

In France, “psychologue” (psychologist) is a title protected by law: only people who hold the qualifications required by law may use it (Article 44 of Act No. 85-772 of 25 July 1985; Decree No. 90-255 of 22 March 1990).

- Professional title: {title}
- RPPS number (French national register): {rpps}
- ADELI number (if any): {adeli}
- Professional rules: Act No. 85-772 of 25 July 1985 (Article 44), Decree No. 90-255 of 22 March 1990 and the French psychologists’ code of ethics.

## Professional insurance

Professional liability insurer (if any): {insurer}

## Hosting

The website is hosted by:

- {host_name}
- Address: {host_address}
- Phone: {host_phone}

## Intellectual property

The articles published on this website belong to their author.

You may quote short extracts, clearly naming the author and the source (Article L. 122-5 of the French Intellectual Property Code). Any other reproduction, in whole or in part, requires written permission.

The references link, through their DOI, to the websites of the scientific publishers, who alone are responsible for their content.

## Liability

The articles give general information about psychology and psychotherapy. They do not replace a consultation and are not advice on anyone’s personal situation.

## In an emergency

The contact form is not meant for emergencies. If you, or someone close to you, are in danger, call:

- 15 (SAMU) for a medical emergency;
- 112, the European emergency number;
- 3114, the national suicide prevention line, free, 24 hours a day, 7 days a week;
- 114, by text message, chat or video, for deaf and hard-of-hearing people.

These numbers are for France. Elsewhere, call 112, which works throughout the European Union and in many other countries, or the local emergency number.

## Personal data

How your data is handled, including messages sent through the contact form, is described in the privacy policy.
"""

PRIVACY_FR = """\
## L’essentiel

- Votre message n’est lu que par {name}, {title}, sous le secret professionnel.
- Il sert uniquement à vous répondre et, si vous le demandez, à convenir d’un premier rendez-vous.
- Il est effacé du site {retention_days} jours après son envoi par e-mail au cabinet.
- Le site n’a ni publicité, ni mesure d’audience, ni pistage.
- Le formulaire n’est pas obligatoire : vous pouvez aussi téléphoner au {phone} ou écrire à {email}.

## Qui est responsable de vos données ?

Le responsable du traitement est {publisher}, {title}, {address}.

Pour toute question sur vos données, écrivez à {email}.

## Ce que le formulaire recueille

- Votre nom : obligatoire.
- Votre adresse e-mail : obligatoire, pour vous répondre.
- Votre numéro de téléphone : facultatif, si vous préférez qu’on vous rappelle.
- Votre message : obligatoire, 2 000 caractères au plus.

Sans les champs obligatoires, le message ne peut pas être envoyé.

Indiquez seulement l’objet de votre demande, par exemple « je souhaite un premier rendez-vous ». Inutile de décrire votre santé ou votre situation : cela se dit en consultation.

Le formulaire contient aussi un champ invisible qui sert à bloquer les robots. Il ne recueille rien sur vous.

Utiliser le formulaire n’est pas obligatoire : vous pouvez aussi téléphoner au {phone} ou écrire directement à {email}.

## Pourquoi, et sur quelle base ?

Vos données servent à vous répondre et, si vous le demandez, à convenir d’un premier rendez-vous. Elles ne servent à rien d’autre : pas de lettre d’information, pas de publicité.

Ce traitement repose sur :

- les démarches que vous demandez avant une éventuelle consultation, par exemple fixer un rendez-vous (article 6, paragraphe 1, point b, du RGPD) ;
- l’intérêt légitime de {name} à répondre aux messages qui lui sont adressés (article 6, paragraphe 1, point f, du RGPD).

Le traitement ne repose pas sur votre consentement : c’est pourquoi le formulaire ne comporte pas de case à cocher.

Un message adressé à un cabinet de psychologue peut révéler quelque chose de votre santé, même sans que vous le vouliez. {name} traite ces informations sous le secret professionnel (article L. 1110-4 du code de la santé publique et code de déontologie des psychologues), pour organiser votre prise en charge (article 9, paragraphe 2, point h, et paragraphe 3, du RGPD).

La sécurité du site, décrite plus bas (adresses IP, journaux, cookies), repose sur l’intérêt légitime de {name} à protéger le site et le formulaire contre les abus (article 6, paragraphe 1, point f, du RGPD).

## Ce que devient votre message

1. Votre message est enregistré sur le serveur du site, puis envoyé par e-mail à la messagerie du cabinet. Le site ne le transmet à un serveur d’envoi distant que par une connexion chiffrée.
2. Il est effacé du site {retention_days} jours après cet envoi. Les sauvegardes du site, qui peuvent le contenir, sont chiffrées hors du serveur et conservées {retention_days} jours au plus.
3. Si l’envoi échoue, le message reste sur le site jusqu’à ce qu’il soit envoyé ; il est ensuite effacé dans le même délai.
4. La copie reçue par e-mail reste dans la messagerie du cabinet, sous le secret professionnel, aussi longtemps que votre demande et son suivi l’exigent. C’est {name} qui en décide.

## Qui peut voir vos données ?

Uniquement {name}.

L’accès à l’espace d’administration du site demande un mot de passe et un second facteur (double authentification).

L’hébergeur du site ({host_name}) et le fournisseur de la messagerie du cabinet traitent vos données pour le compte de {name}, comme sous-traitants. Ils ne peuvent pas les utiliser à d’autres fins.

Vos données ne sont ni vendues ni cédées à qui que ce soit.

## Transferts hors de l’Union européenne

Le site ne transfère aucune donnée hors de l’Union européenne.

## Adresses IP et journaux techniques

Pour limiter les abus du formulaire (envois en masse), le site garde une empreinte de l’adresse IP de l’expéditeur, calculée avec une clé secrète. Le formulaire ne garde jamais l’adresse elle-même. Cette empreinte sert au plus une heure et elle est effacée au plus tard le lendemain.

Le serveur web placé devant le site peut enregistrer des journaux techniques (adresse IP, date et heure, page demandée), pour la sécurité. Ils sont conservés 14 jours au plus.

## Cookies

Le site dépose seulement deux cookies, tous deux indispensables à son fonctionnement :

- `csrftoken` : cookie de sécurité, déposé quand le formulaire de contact s’affiche. Il protège le formulaire contre les envois frauduleux venant d’autres sites. Il est effacé à la fermeture du navigateur.
- `sessionid` : seulement pour l’espace d’administration du cabinet, pas pour les visiteurs. Il expire après une heure d’inactivité et à la fermeture du navigateur.

Il n’y a sur ce site ni mesure d’audience, ni publicité, ni contenu de sites tiers, ni pistage. Ces cookies étant strictement nécessaires, ils ne demandent pas votre consentement (article 82 de la loi Informatique et Libertés) : c’est pourquoi aucun bandeau ne vous est présenté.

## Vos droits

Vous pouvez demander :

- à accéder à vos données et en recevoir une copie ;
- à les faire corriger ;
- à les faire effacer ;
- à en faire limiter l’usage ;
- à vous opposer, pour des raisons tenant à votre situation, à leur traitement fondé sur l’intérêt légitime (article 21 du RGPD).

Vous pouvez aussi donner des directives sur ce que deviennent vos données après votre décès (article 85 de la loi n° 78-17 du 6 janvier 1978, dite Informatique et Libertés).

Pour exercer ces droits, écrivez à {email}. En cas de doute raisonnable sur votre identité, une information complémentaire pourra vous être demandée.

Une réponse vous sera donnée dans un délai d’un mois. Ce délai peut être prolongé de deux mois si la demande est complexe ou si les demandes sont nombreuses ; ce report et ses raisons vous sont alors indiqués dans le premier mois (article 12, paragraphe 3, du RGPD).

## Réclamation

Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL : [www.cnil.fr](https://www.cnil.fr), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07.
"""

PRIVACY_EN = """\
## In short

- Your message is read only by {name}, {title}, under professional secrecy.
- It is used only to answer you and, if you ask, to arrange a first appointment.
- It is deleted from the website {retention_days} days after it has been emailed to the practice.
- There is no advertising, no audience measurement and no tracking on this website.
- You do not have to use the form: you can also call {phone} or write to {email}.

## Who is responsible for your data?

The data controller is {publisher}, {title}, {address}.

For any question about your data, write to {email}.

## What the form collects

- Your name: required.
- Your email address: required, so that you can be answered.
- Your phone number: optional, if you would rather be called back.
- Your message: required, 2,000 characters at most.

A message cannot be sent without the required fields.

Just say what your request is about, for example “I would like a first appointment”. There is no need to describe your health or your situation: that is for the consultation.

The form also contains a hidden field that keeps out spam robots. It collects nothing about you.

You do not have to use the form: you can also call {phone} or write directly to {email}.

## Why, and on what legal basis?

Your data is used to answer you and, if you ask, to arrange a first appointment. It is used for nothing else: no newsletter, no advertising.

The legal bases are:

- steps you ask for before a possible consultation, such as arranging an appointment (Article 6(1)(b) of the GDPR);
- the legitimate interest of {name} in answering the messages sent to the practice (Article 6(1)(f) of the GDPR).

This processing is not based on your consent, which is why the form has no box to tick.

A message to a psychologist’s practice may reveal something about your health, even if you do not mean it to. {name} handles such information under professional secrecy (Article L. 1110-4 of the French Public Health Code and the psychologists’ code of ethics), in order to arrange your care (Article 9(2)(h) and 9(3) of the GDPR).

The website’s security measures described below (IP addresses, logs, cookies) rest on the legitimate interest of {name} in protecting the website and the form against misuse (Article 6(1)(f) of the GDPR).

## What happens to your message

1. Your message is stored on the website’s server, then emailed to the practice’s mailbox. The website hands it to a remote outgoing mail server only over an encrypted connection.
2. It is deleted from the website {retention_days} days after it has been emailed. The website’s backups, which may contain it, are kept encrypted away from the server for {retention_days} days at most.
3. If it cannot be emailed, it stays on the website until it has been sent, and is then deleted after the same period.
4. The copy received by email stays in the practice’s mailbox, under professional secrecy, for as long as your request and any follow-up require. {name} decides how long that is.

## Who can see your data?

Only {name}.

Signing in to the website’s administration area requires a password and a second factor (two-factor authentication).

The website’s host ({host_name}) and the practice’s email provider process your data on behalf of {name}, as processors. They may not use it for any other purpose.

Your data is never sold or passed on to anyone.

## Transfers outside the European Union

The website does not transfer any data outside the European Union.

## IP addresses and server logs

To prevent misuse of the form (mass sending), the website keeps a fingerprint of the sender’s IP address, computed with a secret key. The form never keeps the address itself. This fingerprint is used for one hour at most and is deleted by the following day at the latest.

The web server in front of the website may keep technical logs (IP address, date and time, page requested) for security purposes. They are kept for 14 days at most.

## Cookies

The website sets only two cookies, both strictly necessary for it to work:

- `csrftoken`: a security cookie, set when the contact form is shown. It protects the form against fraudulent submissions from other websites. It is deleted when you close your browser.
- `sessionid`: used only for the practice’s administration area, not for visitors. It expires after one hour of inactivity and when the browser is closed.

There is no audience measurement, no advertising, no content from other websites and no tracking. Because these cookies are strictly necessary, they do not require your consent (Article 82 of the French Data Protection Act), which is why no cookie banner is shown.

## Your rights

You may ask:

- to access your data and receive a copy of it;
- to have it corrected;
- to have it erased;
- to have its use restricted;
- to object, on grounds relating to your particular situation, to its processing based on legitimate interest (Article 21 of the GDPR).

You may also give instructions about what should happen to your data after your death (Article 85 of the French Data Protection Act, Act No. 78-17 of 6 January 1978).

To exercise these rights, write to {email}. If there is reasonable doubt about your identity, you may be asked for further information.

You will receive an answer within one month. This may be extended by two further months if the request is complex or if there are many requests; you will then be told within the first month, with the reasons for the delay (Article 12(3) of the GDPR).

## Complaints

If you believe your rights have not been respected, you may lodge a complaint with the CNIL, the French data protection authority: [www.cnil.fr](https://www.cnil.fr), 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07, France.
"""

# SHA-256 of the default texts as migrations contact 0002 and practice 0003 left them.
EARLIER_DEFAULTS = {
    "legal-notice": {
        "196b2eef7f01010bfa760294a9f3064dccd1d7902454f46ed171c5648eeb9b49",
        "e190c0ca5dcf0483bbbc99fb87b1bc85f9cd7154f9b8c38909976a3594f42756",
    },
    "privacy": {
        "b9ec5fb11796e8a3f3c60cec10074ddf2b7242a5170ccc874c6b2eee13070a7f",
        "4c942fae51d562f9693e523ac45679b56a643ff9a35bb2f547b5cc6167bb9a47",
    },
}
NEW_TEXTS = {
    "legal-notice": (NOTICE_FR, NOTICE_EN),
    "privacy": (PRIVACY_FR, PRIVACY_EN),
}


def fingerprint(text):
    return hashlib.sha256(text.replace("\r\n", "\n").encode()).hexdigest()


def rewrite_default_pages(apps, schema_editor):
    LegalPage = apps.get_model("practice", "LegalPage")
    for page in LegalPage.objects.filter(kind__in=NEW_TEXTS):
        if {fingerprint(page.body_fr), fingerprint(page.body_en)} != EARLIER_DEFAULTS[page.kind]:
            continue
        page.body_fr, page.body_en = NEW_TEXTS[page.kind]
        page.body_html_fr = render_markdown(page.body_fr, "fr")
        page.body_html_en = render_markdown(page.body_en, "en")
        page.save()


class Migration(migrations.Migration):
    dependencies = [("practice", "0003_legal_notice_placeholders")]

    operations = [migrations.RunPython(rewrite_default_pages, migrations.RunPython.noop)]
