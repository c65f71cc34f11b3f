"""Language fixes to the therapeutic-alliance article, in both versions.

English (ours, rewritten where it read as a translation):
- mistranslations: "démarrer un travail en confiance" is "on a basis of trust" ("in confidence"
  means in secret); "ce n’est pas une fatalité" is "that need not be final"; "un trouble
  particulier" is "a specific disorder";
- the clinical terms, one each: "cadre" is the (therapeutic) frame, never "setting" or
  "framework"; "limites" are "boundaries"; Bordin's third component is the agreement on "tasks";
- "Cela ne veut pas dire…" names what it is about: "The alliance does not mean…";
- "favorise la co-construction du soin" fosters, not merely allows: "fosters a collaborative
  approach to care";
- "Mise en garde / Ce qu’il ne faut pas croire" is one heading, not two alternatives: "A word
  of caution: common misconceptions";
- idiom throughout, no contraction in a heading, the same structure as the French; "email"
  and "text message", as the English interface writes them.
Both versions:
- "ce formulaire" / "this form" links to the contact page in the same language;
- Flückiger et al. (2012), the meta-analysis that found the alliance–outcome link whatever the
  treatment, is cited for "quel que soit le type de méthode" / "regardless of the approach",
  no longer for "plus déterminante que le type de thérapie", which it does not show;
- APA in-text citations: three authors or more as "Martin et al., 2000"; works in one
  parenthesis in alphabetical order; in French, "et" between two authors, not "&";
- the heading "Alliance thérapeutique" / "The therapeutic alliance", which repeated the title,
  goes: "Qu’est-ce que l’alliance thérapeutique ?" is the first section heading.
French, the author's words kept, typography only:
- “parler”, “recevoir des conseils”, “faite au patient” in French quotation marks « »;
- a comma closes the clause before the main one ("avec un thérapeute, ce n’est pas une
  fatalité"; "accompagné.e, n’hésitez pas");
- "e-mail" and "SMS", as the French interface writes them ("email ou sms").
Its spaces before : ; ? ! » and after « stay plain in the text: rendering makes them no-break
(typed in, they would reach the frozen citation linker as "&nbsp;" and hide the citations).

A version is rewritten only while its title, summary and body are still those the earlier
migrations wrote (line endings aside: the admin sends CR LF); a version the psychologist edited
is hers. Going back restores the earlier text under the same condition.
"""

from django.db import migrations

from ._frozen_rendering import render_body

FRENCH_BODY_BEFORE = """\
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

Les recherches montrent que la qualité du lien thérapeutique est l’un des meilleurs prédicteurs de réussite en psychothérapie, quel que soit le type de méthode utilisée (Martin, Garske & Davis, 2000 ; Horvath et al., 2011 ; Flückiger et al., 2018).

### 3. Parce qu’elle favorise la co-construction du soin

La thérapie n’est pas “faite au patient”, mais avec le patient.

Quand les objectifs et les moyens sont décidés ensemble, la personne devient acteur de son propre changement.

Cette implication renforce le sentiment de compétence et d’autonomie, éléments clés du mieux-être psychologique.

## Comment se construit une bonne alliance thérapeutique ?

Le plus souvent, elle se crée naturellement, à travers l’écoute, la présence et l’authenticité du psychologue (Ackerman & Hilsenroth, 2003).

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

Certaines études indiquent que l’alliance peut être plus déterminante que le type de thérapie choisi (Flückiger et al., 2012).

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

FRENCH_BODY = """\
Lorsqu’une personne décide d’entamer un suivi psychothérapeutique — que ce soit pour une période difficile, un trouble particulier, ou simplement pour mieux se connaître — l’un des éléments les plus décisifs dans la réussite du processus est ce que l’on appelle l’alliance thérapeutique. Bien au-delà de la simple relation « patient-thérapeute », cette alliance constitue un fondement, une base sur laquelle tout le travail peut se déployer.

## Qu’est-ce que l’alliance thérapeutique ?

Le terme alliance thérapeutique désigne la collaboration active et de confiance entre le patient et son psychologue.

Selon le psychologue américain Edward Bordin (1979), elle repose sur trois piliers :

1. Un lien de confiance et de respect mutuel,
2. Un accord sur les objectifs de la thérapie,
3. Une entente sur les moyens mis en œuvre pour y parvenir.

Autrement dit, il ne s’agit pas seulement de « parler » ou de « recevoir des conseils » : c’est un travail à deux, où chacun a un rôle actif, le tout dans un climat de confiance.

## Pourquoi cette relation est-elle si importante ?

### 1. Parce que la confiance libère la parole

Pour qu’une thérapie soit efficace, il faut pouvoir exprimer librement ses émotions, même les plus douloureuses.

Ce climat de confiance se construit petit à petit, au fil des séances.

Le psychologue accueille la parole sans jugement, dans un cadre confidentiel et bienveillant, permettant à la personne de se sentir en sécurité pour explorer son monde intérieur.

### 2. Parce que le lien motive et soutient le changement

La thérapie n’est pas toujours un long fleuve tranquille. Il y a des moments de doute, de résistance ou de découragement.

Une alliance solide permet de rester engagé dans le processus, de maintenir le cap et de traverser ces périodes plus difficiles.

Les recherches montrent que la qualité du lien thérapeutique est l’un des meilleurs prédicteurs de réussite en psychothérapie (Flückiger et al., 2018 ; Horvath et al., 2011 ; Martin et al., 2000), quel que soit le type de méthode utilisée (Flückiger et al., 2012).

### 3. Parce qu’elle favorise la co-construction du soin

La thérapie n’est pas « faite au patient », mais avec le patient.

Quand les objectifs et les moyens sont décidés ensemble, la personne devient acteur de son propre changement.

Cette implication renforce le sentiment de compétence et d’autonomie, éléments clés du mieux-être psychologique.

## Comment se construit une bonne alliance thérapeutique ?

Le plus souvent, elle se crée naturellement, à travers l’écoute, la présence et l’authenticité du psychologue (Ackerman et Hilsenroth, 2003).

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
- De même, si au départ vous ne « cliquez » pas avec un thérapeute, ce n’est pas une fatalité : on peut en parler, réajuster ou envisager un autre professionnel.
- Cela ne veut pas dire que le thérapeute est « votre ami ». Il y a une relation professionnelle, avec des limites (confidentialité, cadre, etc.). L’alliance ne supprime pas ce cadre, elle l’habite.
- L’alliance n’est pas un « balisé » standard : elle peut évoluer, fluctuer, et doit parfois être réparée après une rupture partielle.

## Conclusion

L’alliance thérapeutique est l’un des piliers d’un suivi psychothérapeutique efficace : elle permet de démarrer un travail en confiance, de s’engager activement, d’explorer ses difficultés dans un espace sécurisé, de construire une collaboration avec le thérapeute et de donner du sens à ses efforts. Si vous cherchez ou envisagez une thérapie, gardez à l’esprit que la relation compte, autant que la méthode utilisée et que trouver le thérapeute qui vous correspond, c’est avant tout trouver une personne avec qui vous pouvez être vous-même.

Si vous ressentez le besoin ou l’envie de créer un lien pour pouvoir discuter et approfondir un sujet tout en étant accompagné.e, n’hésitez pas à prendre contact via [ce formulaire](/fr/contact/) ou à m’envoyer un e-mail ou SMS.
"""

ENGLISH_BODY_BEFORE = """\
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

Research shows that the quality of the therapeutic bond is one of the best predictors of success in psychotherapy, whatever the type of method used (Martin, Garske & Davis, 2000; Horvath et al., 2011; Flückiger et al., 2018).

### 3. Because it encourages care that is built together

Therapy is not “done to the patient”, but with the patient.

When goals and means are decided together, the person becomes an active agent of their own change.

This involvement strengthens the sense of competence and autonomy, key ingredients of psychological well-being.

## How is a good therapeutic alliance built?

Most of the time, it develops naturally, through the psychologist’s listening, presence and authenticity (Ackerman & Hilsenroth, 2003).

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

Some studies suggest that the alliance may matter more than the type of therapy chosen (Flückiger et al., 2012).

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

ENGLISH_BODY = """\
When someone decides to begin psychotherapy — whether to get through a difficult time, to address a specific disorder, or simply to understand themselves better — one of the factors that matter most to the success of the process is what is known as the therapeutic alliance. Much more than a simple “patient–therapist” relationship, this alliance is a foundation, the ground on which all the work can unfold.

## What is the therapeutic alliance?

The term *therapeutic alliance* refers to the active, trusting collaboration between a patient and their psychologist.

According to the American psychologist Edward Bordin (1979), it rests on three pillars:

1. A bond of trust and mutual respect
2. Agreement on the goals of therapy
3. Agreement on the tasks, the means by which those goals are reached

In other words, it is not only about “talking” or “getting advice”: it is a joint effort in which both play an active part, all in an atmosphere of trust.

## Why does this relationship matter so much?

### 1. Because trust makes it possible to speak freely

For therapy to be effective, you need to be able to express your emotions openly, even the most painful ones.

This atmosphere of trust builds up gradually, from one session to the next.

The psychologist listens without judgement, within a confidential and caring frame, so that the person can feel safe enough to explore their inner world.

### 2. Because the bond motivates and sustains change

Therapy is not always plain sailing. There are moments of doubt, resistance or discouragement.

A strong alliance helps you remain committed to the process, stay the course and get through these harder times.

Research shows that the quality of the therapeutic bond is one of the best predictors of success in psychotherapy (Flückiger et al., 2018; Horvath et al., 2011; Martin et al., 2000), regardless of the approach (Flückiger et al., 2012).

### 3. Because it fosters a collaborative approach to care

Therapy is not “done to” patients but with them.

When the goals and the tasks are decided on together, the person becomes an active agent of their own change.

This involvement strengthens their sense of competence and autonomy, key elements of psychological well-being.

## How is a good therapeutic alliance built?

Most often, it develops naturally, through the psychologist’s listening, presence and authenticity (Ackerman & Hilsenroth, 2003).

But certain ingredients help foster this connection:

- Empathy: feeling understood without being judged.
- Clarity: understanding the frame, the goals and the therapeutic approach.
- Honesty: daring to speak up when something does not feel right or seems to be blocking progress.
- Consistency: respect for the frame and regular sessions build trust.
- Recognition: listening actively and valuing what is brought to the sessions.
- Safety: sessions offer a space where you can feel safe.

And if the bond seems fragile or a misunderstanding arises, talking about it with your therapist is part of the work. Such adjustments can strengthen the relationship and allow for a fresh start.

## Why is it impossible to “do without” this alliance?

Even with very good tools at hand (cognitive-behavioural, psychodynamic and other techniques), the tools alone are not enough. Without a solid relational frame, the risk is that techniques are applied “to” the person rather than “with” them.

Some studies suggest that the alliance may matter more than the type of therapy chosen.

The therapeutic alliance is not a technique; it is a human encounter.

A unique space where you can share what you would not say anywhere else, be fully heard and, little by little, rediscover yourself in a new light.

It is in this relationship that psychological healing takes root.

## A word of caution: common misconceptions

- A strong alliance does not guarantee immediate recovery or an obstacle-free therapy: it is a factor in your favour, not an absolute promise.
- Likewise, if you do not “click” with a therapist at first, that need not be final: you can talk about it, adjust things, or consider seeing another professional.
- The alliance does not mean that the therapist is “your friend”. The relationship is a professional one, with boundaries (confidentiality, the frame, and so on). Rather than doing away with this frame, the alliance lives within it.
- The alliance does not follow a standard, “signposted” path: it can change and fluctuate, and sometimes needs to be repaired after a partial rupture.

## Conclusion

The therapeutic alliance is one of the pillars of effective psychotherapy: it makes it possible to begin the work on a basis of trust, to engage actively, to explore your difficulties in a safe space, to build a partnership with your therapist and to give meaning to your efforts. If you are looking for or considering therapy, keep in mind that the relationship matters as much as the method, and that finding the right therapist for you is above all about finding someone you can be yourself with.

If you feel the need or the wish to make a connection, to talk things over and explore a subject in depth with someone by your side, feel free to get in touch through [this form](/en/contact/) or to send me an email or a text message.
"""

# The titles and summaries are not rewritten: they only tell an untouched version.
VERSIONS = {
    "fr": {
        "slug": "alliance-therapeutique",
        "title": "L’alliance thérapeutique : un lien essentiel entre le patient et le psychologue",
        "summary": (
            "Ce qu’est l’alliance thérapeutique, pourquoi elle compte autant dans la réussite "
            "d’une psychothérapie, et comment elle se construit."
        ),
        "before": FRENCH_BODY_BEFORE,
        "after": FRENCH_BODY,
    },
    "en": {
        "slug": "therapeutic-alliance",
        "title": "The therapeutic alliance: an essential bond between patient and psychologist",
        "summary": (
            "What the therapeutic alliance is, why it matters so much to the success of "
            "psychotherapy, and how it is built."
        ),
        "before": ENGLISH_BODY_BEFORE,
        "after": ENGLISH_BODY,
    },
}


def unedited(stored, written):
    """Whether a stored text is still the one a migration wrote."""
    return stored.replace("\r\n", "\n") == written


def replace_bodies(apps, old, new):
    """Give each version still as a migration left it, with the body `old` ("before" or
    "after" this migration), the body `new`, rendered."""
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    for language, text in VERSIONS.items():
        version = ArticleVersion.objects.filter(language=language, slug=text["slug"]).first()
        if version is None or not all(
            unedited(getattr(version, name), expected)
            for name, expected in [
                ("title", text["title"]),
                ("summary", text["summary"]),
                ("body", text[old]),
            ]
        ):
            continue
        version.body = text[new]
        (
            version.body_html,
            version.cited_references,
            version.unmatched_citations,
            version.reading_time,
        ) = render_body(version.body, language, list(version.article.references.all()))
        version.save()


def fix_language(apps, schema_editor):
    replace_bodies(apps, old="before", new="after")


def restore_earlier_text(apps, schema_editor):
    replace_bodies(apps, old="after", new="before")


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_alliance_citations")]

    operations = [migrations.RunPython(fix_language, restore_earlier_text)]
