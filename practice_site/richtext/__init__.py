"""Rich text: what she writes with the visual editor (fields.py), its admin (admin.py), and how
it becomes safe, valid, typeset HTML once, on save (rendering.py)."""
