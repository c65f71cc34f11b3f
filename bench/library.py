"""A library of published articles for the benchmarks: `generate_library(count)` writes `count`
articles in French and in English (each a work with both versions and two references), with
words drawn from a psychologist's vocabulary, so that searches find some and not all.

Run inside Django (`manage.py shell -c "from bench.library import generate_library; …"`), on a
throwaway database: it saves through the models, as the admin does, so every index follows.
"""

import random

PARAGRAPHS = 8
WORDS_PER_PARAGRAPH = 90

VOCABULARY = {
    "fr": (
        "alliance thérapeutique anxiété deuil sommeil couple enfant adolescent parent "
        "relation confiance écoute émotion colère tristesse peur stress travail épuisement "
        "séance psychologue patient thérapie changement souvenir famille lien rupture "
        "solitude estime soi corps douleur attente espoir parole silence rêve mémoire "
        "attachement séparation naissance vieillissement maladie soin accompagnement "
        "le la les un une des de du et à dans pour avec sur par qui que ne pas plus"
    ),
    "en": (
        "therapeutic alliance anxiety grief sleep couple child teenager parent relationship "
        "trust listening emotion anger sadness fear stress work burnout session "
        "psychologist patient therapy change memory family bond breakup loneliness esteem "
        "self body pain waiting hope speech silence dream attachment separation birth "
        "ageing illness care support "
        "the a an of and to in for with on by who that not more is are was"
    ),
}
AUTHORS = ["Bowlby, J.", "Rogers, C. R.", "Winnicott, D. W.", "Beck, A. T.", "Yalom, I. D."]


def sentence(rng, words, length):
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def text(rng, words):
    paragraphs = []
    for _ in range(PARAGRAPHS):
        sentences = [sentence(rng, words, 15) for _ in range(WORDS_PER_PARAGRAPH // 15)]
        paragraphs.append(f"<p>{' '.join(sentences)}</p>")
    return "".join(paragraphs)


def generate_library(count, seed=19):
    """`count` published articles per language; returns how many versions were written."""
    from django.db import transaction

    from articles.models import Article, ArticleVersion, Reference

    rng = random.Random(seed)
    with transaction.atomic():
        for number in range(count):
            article = Article.objects.create(author="Camille Exemple")
            for language, vocabulary in VOCABULARY.items():
                words = vocabulary.split()
                ArticleVersion.objects.create(
                    article=article,
                    language=language,
                    title=sentence(rng, words[:40], 5).rstrip("."),
                    slug=f"bench-{language}-{number}",
                    summary=sentence(rng, words, 20),
                    body=text(rng, words),
                    status=ArticleVersion.Status.PUBLISHED,
                )
            for author in rng.sample(AUTHORS, 2):
                Reference.objects.create(
                    article=article, authors=author, year=rng.randint(1960, 2024),
                    title=sentence(rng, VOCABULARY["en"].split()[:40], 6), journal="Psychotherapy",
                )  # fmt: skip
    return 2 * count
