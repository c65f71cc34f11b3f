"""The first article: « L’alliance thérapeutique », in French (the author's) and English (ours).

The French text is the author's, with its words and structure kept. Only evident slips are fixed:
- "une base sur lequel" → "une base sur laquelle";
- "le tout dan d’un climat de confiance" → "le tout dans un climat de confiance";
- "lors des séance" → "lors des séances";
- "l’espace des séance permet … en sécurité" → "l’espace des séances permet … en sécurité."
  (plural, and the full stop that closes the other items of the list);
- "gardez-à-l’esprit" → "gardez à l’esprit";
- in the references, Flückiger et al. (2012) pages "10-7" → "10–17".
The standalone line "Alliance thérapeutique" heads the definition section, so the question
under it is a sub-heading. The closing invitation to get in touch ends the body; the
references, stored as structured data, follow it on the page.
"""

from django.db import migrations

from ._frozen_rendering import reading_minutes, render_markdown

FRENCH_BODY = """\
Lorsqu’une personne décide d’entamer un suivi psychothérapeutique — que ce soit pour une période difficile, un trouble particulier, ou simplement pour mieux se connaître — l’un des éléments les plus décisifs dans la réussite du processus est ce que l’on appelle l’alliance thérapeutique. Bien au-delà de la simple relation « patient-thérapeute », cette alliance constitue un fondement, une base sur laquelle tout le travail peut se déployer.

## Alliance thérapeutique

### Qu’est-ce que l’alliance thérapeutique ?

Le terme alliance thérapeutique désigne la collaboration active et de confiance entre le patient et son psychologue.

Selon le psychologue américain Edward Bordin (1979), elle repose sur trois piliers :

1. Un lien de confiance et de respect mutuel,
2. Un accord sur les objectifs de la thérapie,
3. Une entente sur les moyens mis en œuvre pour y parvenir.

Autrement dit, il ne s’agit pas seulement de “parler” ou de “recevoir des conseils” : c’est un travail à deux, où chacun a un rôle actif, le tout dans un climat de confiance.

## Pourquoi cette relation est-elle si importante ?

### 1. Parce que la confiance libère la parole

Pour qu’une thérapie soit efficace, il faut pouvoir exprimer librement ses émotions, même les plus douloureuses.

Ce climat de confiance se construit petit à petit, au fil des séances.

Le psychologue accueille la parole sans jugement, dans un cadre confidentiel et bienveillant, permettant à la personne de se sentir en sécurité pour explorer son monde intérieur.

### 2. Parce que le lien motive et soutient le changement

La thérapie n’est pas toujours un long fleuve tranquille. Il y a des moments de doute, de résistance ou de découragement.

Une alliance solide permet de rester engagé dans le processus, de maintenir le cap et de traverser ces périodes plus difficiles.

Les recherches montrent que la qualité du lien thérapeutique est l’un des meilleurs prédicteurs de réussite en psychothérapie, quel que soit le type de méthode utilisée.

### 3. Parce qu’elle favorise la co-construction du soin

La thérapie n’est pas “faite au patient”, mais avec le patient.

Quand les objectifs et les moyens sont décidés ensemble, la personne devient acteur de son propre changement.

Cette implication renforce le sentiment de compétence et d’autonomie, éléments clés du mieux-être psychologique.

## Comment se construit une bonne alliance thérapeutique ?

Le plus souvent, elle se crée naturellement, à travers l’écoute, la présence et l’authenticité du psychologue.

Mais certains ingrédients favorisent cette connexion :

- L’empathie : se sentir compris sans être jugé.
- La clarté : comprendre le cadre, les objectifs et la démarche thérapeutique.
- La sincérité : oser dire quand quelque chose ne convient pas ou semble bloquer.
- La constance : le respect du cadre et la régularité des séances donnent confiance.
- La reconnaissance : être dans une écoute active et valoriser ce qui est déposé lors des séances.
- La sécurité : l’espace des séances permet de se sentir en sécurité.

Et si le lien semble fragile ou si une incompréhension surgit, en parler avec son thérapeute fait partie du travail. Ces ajustements peuvent renforcer la relation et permettre un nouveau départ.

## Pourquoi on ne peut pas « se passer » de cette alliance ?

Même si on dispose de très bons outils (techniques cognitivo-comportementales, psychodynamiques, etc.), l’outil seul ne suffit pas. Sans un cadre relationnel solide, le risque est que les techniques soient appliquées « sur » plutôt que « avec » la personne.

Certaines études indiquent que l’alliance peut être plus déterminante que le type de thérapie choisi.

L’alliance thérapeutique n’est pas une technique, c’est une rencontre humaine.

Un espace unique où l’on peut déposer ce que l’on ne dit nulle part ailleurs, être entendu pleinement, et peu à peu, se redécouvrir autrement.

C’est dans cette relation que la guérison psychique prend racine.

## Mise en garde / Ce qu’il ne faut pas croire

- Une alliance forte ne garantit pas une guérison immédiate ni un suivi sans obstacle : c’est un facteur favorable, pas une promesse absolue.
- De même, si au départ vous ne « cliquez » pas avec un thérapeute ce n’est pas une fatalité : on peut en parler, réajuster ou envisager un autre professionnel.
- Cela ne veut pas dire que le thérapeute est « votre ami ». Il y a une relation professionnelle, avec des limites (confidentialité, cadre, etc.). L’alliance ne supprime pas ce cadre, elle l’habite.
- L’alliance n’est pas un « balisé » standard : elle peut évoluer, fluctuer, et doit parfois être réparée après une rupture partielle.

## Conclusion

L’alliance thérapeutique est l’un des piliers d’un suivi psychothérapeutique efficace : elle permet de démarrer un travail en confiance, de s’engager activement, d’explorer ses difficultés dans un espace sécurisé, de construire une collaboration avec le thérapeute et de donner du sens à ses efforts. Si vous cherchez ou envisagez une thérapie, gardez à l’esprit que la relation compte, autant que la méthode utilisée et que trouver le thérapeute qui vous correspond, c’est avant tout trouver une personne avec qui vous pouvez être vous-même.

Si vous ressentez le besoin ou l’envie de créer un lien pour pouvoir discuter et approfondir un sujet tout en étant accompagné.e n’hésitez pas à prendre contact via ce formulaire ou à m’envoyer un email ou sms.
"""

ENGLISH_BODY = """\
When someone decides to begin psychotherapy — whether to get through a difficult time, to address a particular difficulty, or simply to understand themselves better — one of the most decisive elements in the success of the process is what is called the therapeutic alliance. Far beyond a simple “patient–therapist” relationship, this alliance is a foundation, the ground on which all the work can unfold.

## The therapeutic alliance

### What is the therapeutic alliance?

The term therapeutic alliance refers to the active, trusting collaboration between patients and their psychologist.

According to the American psychologist Edward Bordin (1979), it rests on three pillars:

1. A bond of trust and mutual respect,
2. Agreement on the goals of therapy,
3. Agreement on the means used to reach them.

In other words, it is not only about “talking” or “getting advice”: it is work done by two people, in which each plays an active part, all within a climate of trust.

## Why does this relationship matter so much?

### 1. Because trust lets words flow

For therapy to work, you need to be able to express your emotions freely, even the most painful ones.

This climate of trust builds up little by little, session after session.

The psychologist listens without judgement, in a confidential and caring setting, so that the person can feel safe enough to explore their inner world.

### 2. Because the bond motivates and sustains change

Therapy is not always plain sailing. There are moments of doubt, resistance or discouragement.

A strong alliance makes it possible to stay engaged in the process, to hold the course and to get through these harder periods.

Research shows that the quality of the therapeutic bond is one of the best predictors of success in psychotherapy, whatever the type of method used.

### 3. Because it encourages care that is built together

Therapy is not “done to the patient”, but with the patient.

When goals and means are decided together, the person becomes an active agent of their own change.

This involvement strengthens the sense of competence and autonomy, key ingredients of psychological well-being.

## How is a good therapeutic alliance built?

Most of the time, it develops naturally, through the psychologist’s listening, presence and authenticity.

But some ingredients help this connection:

- Empathy: feeling understood without being judged.
- Clarity: understanding the setting, the goals and the therapeutic approach.
- Honesty: daring to say when something does not feel right or seems stuck.
- Consistency: respect for the setting and regular sessions build trust.
- Recognition: listening actively and valuing what is shared during sessions.
- Safety: the space of the sessions allows you to feel safe.

And if the bond seems fragile or a misunderstanding arises, talking about it with your therapist is part of the work. These adjustments can strengthen the relationship and allow a fresh start.

## Why can’t we “do without” this alliance?

Even with very good tools (cognitive-behavioural techniques, psychodynamic ones, and so on), the tool alone is not enough. Without a solid relational framework, the risk is that techniques are applied “to” the person rather than “with” them.

Some studies suggest that the alliance may matter more than the type of therapy chosen.

The therapeutic alliance is not a technique; it is a human encounter.

A unique space where you can set down what you say nowhere else, be fully heard, and little by little, rediscover yourself in a new way.

It is in this relationship that psychological healing takes root.

## A word of caution / What not to believe

- A strong alliance does not guarantee an immediate recovery or a therapy free of obstacles: it is a favourable factor, not an absolute promise.
- Likewise, if you do not “click” with a therapist at first, it is not inevitable: you can talk about it, adjust, or consider another professional.
- It does not mean that the therapist is “your friend”. It is a professional relationship, with limits (confidentiality, the setting, and so on). The alliance does not remove this framework; it inhabits it.
- The alliance is not a standard, “signposted” path: it can evolve, fluctuate, and sometimes needs to be repaired after a partial rupture.

## Conclusion

The therapeutic alliance is one of the pillars of effective psychotherapy: it makes it possible to begin the work in confidence, to engage actively, to explore your difficulties in a safe space, to build a collaboration with the therapist and to give meaning to your efforts. If you are looking for or considering therapy, keep in mind that the relationship matters as much as the method used, and that finding the therapist who suits you is above all finding a person with whom you can be yourself.

If you feel the need or the wish to connect, to talk and explore a subject more deeply with someone by your side, do not hesitate to get in touch through this form, or to send me an email or a text message.
"""

VERSIONS = [
    {
        "language": "fr",
        "title": "L’alliance thérapeutique : un lien essentiel entre le patient et le psychologue",
        "slug": "alliance-therapeutique",
        "summary": (
            "Ce qu’est l’alliance thérapeutique, pourquoi elle compte autant dans la réussite "
            "d’une psychothérapie, et comment elle se construit."
        ),
        "body": FRENCH_BODY,
    },
    {
        "language": "en",
        "title": "The therapeutic alliance: an essential bond between patient and psychologist",
        "slug": "therapeutic-alliance",
        "summary": (
            "What the therapeutic alliance is, why it matters so much to the success of "
            "psychotherapy, and how it is built."
        ),
        "body": ENGLISH_BODY,
    },
]

REFERENCES = [
    {
        "authors": "Bordin, E. S.",
        "year": 1979,
        "title": "The generalizability of the psychoanalytic concept of the working alliance",
        "journal": "Psychotherapy: Theory, Research & Practice",
        "volume": "16",
        "issue": "3",
        "pages": "252–260",
        "doi": "10.1037/h0085885",
    },
    {
        "authors": "Martin, D. J., Garske, J. P., & Davis, M. K.",
        "year": 2000,
        "title": (
            "Relation of the therapeutic alliance with outcome and other variables: "
            "A meta-analytic review"
        ),
        "journal": "Journal of Consulting and Clinical Psychology",
        "volume": "68",
        "issue": "3",
        "pages": "438–450",
        "doi": "10.1037/0022-006X.68.3.438",
    },
    {
        "authors": "Ackerman, S. J., & Hilsenroth, M. J.",
        "year": 2003,
        "title": (
            "A review of therapist characteristics and techniques positively impacting "
            "the therapeutic alliance"
        ),
        "journal": "Clinical Psychology Review",
        "volume": "23",
        "issue": "1",
        "pages": "1–33",
        "doi": "10.1016/S0272-7358(02)00146-0",
    },
    {
        "authors": "Horvath, A. O., Del Re, A. C., Flückiger, C., & Symonds, D.",
        "year": 2011,
        "title": "Alliance in individual psychotherapy",
        "journal": "Psychotherapy",
        "volume": "48",
        "issue": "1",
        "pages": "9–16",
        "doi": "10.1037/a0022186",
    },
    {
        "authors": "Flückiger, C., Del Re, A. C., Wampold, B. E., Symonds, D., & Horvath, A. O.",
        "year": 2012,
        "title": (
            "How central is the alliance in psychotherapy? A multilevel longitudinal meta-analysis"
        ),
        "journal": "Journal of Counseling Psychology",
        "volume": "59",
        "issue": "1",
        "pages": "10–17",
        "doi": "10.1037/a0025749",
    },
    {
        "authors": "Flückiger, C., Del Re, A. C., Wampold, B. E., & Horvath, A. O.",
        "year": 2018,
        "title": "The alliance in adult psychotherapy: A meta-analytic synthesis",
        "journal": "Psychotherapy",
        "volume": "55",
        "issue": "4",
        "pages": "316–340",
        "doi": "10.1037/pst0000172",
    },
]


def create_article(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    Reference = apps.get_model("articles", "Reference")
    # Historical models have no custom save(): render the body here as ArticleVersion.save does.
    article = Article.objects.create(author="")
    for fields in VERSIONS:
        body_html = render_markdown(fields["body"], fields["language"])
        ArticleVersion.objects.create(
            article=article,
            status="published",
            published_at=article.created_at,
            body_html=body_html,
            reading_time=reading_minutes(body_html),
            **fields,
        )
    Reference.objects.bulk_create(
        Reference(article=article, position=position, **fields)
        for position, fields in enumerate(REFERENCES, start=1)
    )


def delete_article(apps, schema_editor):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    versions = ArticleVersion.objects.filter(slug__in=[v["slug"] for v in VERSIONS])
    apps.get_model("articles", "Article").objects.filter(versions__in=versions).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [migrations.RunPython(create_article, delete_article)]
