"""Themes for the benchmarks' library (bench/library.py): `theme_library()` creates eight
themes and gives every article one to three of them, as she would over the years.

Run inside Django, after generate_library(), on a throwaway database.
"""

import random

# name_fr, slug_fr, name_en, slug_en
THEMES = [
    ("Anxiété", "anxiete", "Anxiety", "anxiety"),
    ("Deuil", "deuil", "Grief", "grief"),
    ("Sommeil", "sommeil", "Sleep", "sleep"),
    ("Couple", "couple", "Couples", "couples"),
    ("Parentalité", "parentalite", "Parenting", "parenting"),
    ("Travail et épuisement", "travail-epuisement", "Work and burnout", "work-burnout"),
    ("Estime de soi", "estime-de-soi", "Self-esteem", "self-esteem"),
    ("Psychothérapie", "psychotherapie", "Psychotherapy", "psychotherapy"),
]
# The page the benchmark loads: the first theme, which every fourth article has at least.
BENCH_THEME = {"fr": THEMES[0][1], "en": THEMES[0][3]}


def theme_library(seed=19):
    """Create THEMES and give each article of the library one to three of them; returns how
    many articles have the first one."""
    from django.db import transaction

    from articles.models import Article, Theme

    rng = random.Random(seed)
    with transaction.atomic():
        themes = [
            Theme.objects.create(name_fr=fr, slug_fr=sfr, name_en=en, slug_en=sen)
            for fr, sfr, en, sen in THEMES
        ]
        for number, article in enumerate(Article.objects.order_by("pk")):
            # Every fourth article has the first theme, so that its page has several pages.
            chosen = {themes[0]} if number % 4 == 0 else set()
            chosen |= set(rng.sample(themes, rng.randint(1, 3)))
            article.themes.set(chosen)
    return themes[0].articles.count()
