"""The therapeutic-alliance article's addresses in French and English, as its data migration
publishes them."""

FRENCH_SLUG = "alliance-therapeutique"
ENGLISH_SLUG = "therapeutic-alliance"
FRENCH_URL = f"/fr/articles/{FRENCH_SLUG}/"
ENGLISH_URL = f"/en/articles/{ENGLISH_SLUG}/"
