"""The pictures app: the library (models.py, admin.py), the cleaned image field and the
renditions any model's images get (images.py), and `{% responsive_image %}`."""
