"""A request whose declared body is too large for its page gets a short, translated 413 before
the body is read, and the connection is closed rather than drained."""

import re
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest
from django.core.checks import run_checks

from articles.models import Article
from contact.models import Enquiry

from .readers import NoRedirect, open_the_form
from .test_images import admin_upload, photo

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"

# Far more than any page takes: a reply that waited for this body would never come.
HUGE = 300 * 1024 * 1024

TOO_LONG = {
    "fr": "<h1>Votre message est trop long</h1>",
    "en": "<h1>Your message is too long</h1>",
}


def enquiry_of(message_length, enquiry_data):
    return {**enquiry_data, "message": "x" * message_length}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_contact_post_over_the_limit_says_the_message_is_too_long(
    client, enquiry_data, mailoutbox, language
):
    response = client.post(f"/{language}/contact/", enquiry_of(70_000, enquiry_data))
    assert response.status_code == 413
    assert TOO_LONG[language] in response.content.decode()
    assert Enquiry.objects.count() == 0
    assert mailoutbox == []


TOO_LARGE = {
    "fr": [
        "<h1>Envoi trop volumineux</h1>",
        "Les données envoyées par votre navigateur dépassent la taille acceptée par cette page. "
        "Rien n’a été enregistré ni envoyé.",
    ],
    "en": [
        "<h1>Too large to send</h1>",
        "What your browser sent is larger than this page can accept. Nothing was saved or sent.",
    ],
}

# The body is refused unread, so her text is not kept: the page says where it may still be.
TOO_LONG_ADVICE = {
    "fr": [
        f"Le formulaire accepte des messages de 2{NBSP}000 caractères au maximum. Rien n’a été "
        f"envoyé{NBSP}: raccourcissez votre message, puis envoyez-le de nouveau.",
        f"Revenez en arrière avec votre navigateur{NBSP}: votre texte y est peut-être "
        f"encore{NBSP}; copiez-le avant de le raccourcir.",
    ],
    "en": [
        "Messages sent through the form can be up to 2,000 characters long. Nothing was sent: "
        "please shorten your message and send it again.",
        "Use your browser’s Back button: your text may still be there. Copy it before you "
        "shorten it.",
    ],
}


def missing_from(response, texts):
    """Those of `texts` the page does not show, however its template wraps their lines (the
    no-break spaces of French typography are kept)."""
    page = re.sub(r"[ \t\n]+", " ", response.content.decode())
    return [text for text in texts if text not in page]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_message_too_long_page_says_nothing_was_sent_and_where_the_text_may_be(
    client, enquiry_data, language
):
    response = client.post(f"/{language}/contact/", enquiry_of(70_000, enquiry_data))
    assert missing_from(response, TOO_LONG_ADVICE[language]) == []


@pytest.mark.parametrize("language", ["fr", "en"])
def test_another_public_page_refuses_a_large_body_in_its_language(client, language):
    response = client.post(f"/{language}/articles/", {"q": "x" * 70_000})
    assert response.status_code == 413
    assert missing_from(response, TOO_LARGE[language]) == []
    # Refused inside the middleware stack: it carries the security headers of any page.
    assert "Content-Security-Policy" in response


def test_the_public_limit_comes_from_the_environment_setting(client, settings, enquiry_data):
    settings.PUBLIC_REQUEST_MAX_SIZE = 1_000
    response = client.post("/en/contact/", enquiry_of(1_500, enquiry_data))
    assert response.status_code == 413


def test_the_longest_enquiry_the_form_accepts_fits_under_the_default_limit(client, enquiry_data):
    """Every field at its longest, in characters a browser sends as 12 bytes each (4 bytes of
    UTF-8, each percent-encoded): still a 303, not a 413."""
    longest = {
        **enquiry_data,
        "name": "😀" * 100,
        "email": "elise@example.org",
        "message": "😀" * 2000,
    }
    response = client.post("/en/contact/", longest)
    assert response.status_code == 303
    assert Enquiry.objects.count() == 1


def test_an_admin_upload_over_the_admin_limit_is_refused_in_her_language(
    admin_client, alliance, settings, media_root
):
    settings.ADMIN_REQUEST_MAX_SIZE = 20_000
    response = admin_upload(admin_client, alliance, photo(), alt="Un fauteuil")
    assert response.status_code == 413
    assert missing_from(response, [*TOO_LARGE["fr"], "Retour à l’administration"]) == []
    assert not Article.objects.get(pk=alliance.article_id).illustration


def test_the_admin_sign_in_page_takes_no_more_than_a_public_page_from_a_stranger(client):
    """Only signed-in staff upload images: anyone else gets the public limit in the admin."""
    large = {"auth-username": "psy", "padding": "x" * 70_000}
    response = client.post("/admin/login/", large, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 413
    assert "<h1>Envoi trop volumineux</h1>" in response.content.decode()


def test_the_admin_413_gives_the_image_limit_and_the_way_back_in_english(
    admin_client, alliance, settings, media_root
):
    settings.ADMIN_REQUEST_MAX_SIZE = 20_000
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = admin_upload(admin_client, alliance, photo(), alt="An armchair")
    assert response.status_code == 413
    limit_and_way_back = [
        f"An image can be 10.0{NBSP}MB at most.",
        "Back to the administration area",
    ]
    assert missing_from(response, limit_and_way_back) == []


def test_an_admin_upload_of_a_normal_size_passes_the_admin_limit(
    admin_client, alliance, media_root
):
    response = admin_upload(admin_client, alliance, photo(), alt="Un fauteuil")
    assert response.status_code == 302
    assert Article.objects.get(pk=alliance.article_id).illustration


def test_check_warns_when_the_admin_limit_leaves_no_room_for_the_heaviest_image(settings):
    settings.ADMIN_REQUEST_MAX_SIZE = settings.IMAGE_MAX_UPLOAD_SIZE
    assert "practice.W005" in [message.id for message in run_checks()]


def test_check_is_quiet_about_the_default_limits():
    assert "practice.W005" not in [message.id for message in run_checks()]


# Through gunicorn with its production configuration: the test client builds the whole body
# before the view runs, a server reads it from the connection as the view asks for it.


def raw_request(url, head, body=b""):
    """Send `head` and the start of a body, never the rest; return the reply's status, headers
    and body, and the open socket. Ten seconds without a reply fail the test."""
    parts = urlsplit(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=10)
    sock.sendall(head.replace("\n", "\r\n").encode() + b"\r\n" + body)
    reply = b""
    while b"\r\n\r\n" not in reply:
        reply += receive(sock)
    head, _, content = reply.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    fields = (line.split(": ", 1) for line in lines)
    headers = {name.lower(): value for name, value in fields}
    while len(content) < int(headers["content-length"]):
        content += receive(sock)
    return int(status_line.split()[1]), headers, content.decode(), sock


def receive(sock):
    data = sock.recv(65536)
    assert data, "the server closed the connection before the end of its reply"
    return data


@pytest.mark.parametrize("language", ["fr", "en"])
def test_gunicorn_answers_413_at_once_without_waiting_for_the_body(start_gunicorn, language):
    url = start_gunicorn()
    status, headers, content, sock = raw_request(
        url,
        f"POST /{language}/contact/ HTTP/1.1\nHost: 127.0.0.1\n"
        # A security cookie, so that the token is looked for in the body, as for a reader.
        f"Cookie: csrftoken={'a' * 32}\n"
        # Multipart: Django's own limit (DATA_UPLOAD_MAX_MEMORY_SIZE) leaves its files out.
        f"Content-Type: multipart/form-data; boundary=part\nContent-Length: {HUGE}\n",
        b'--part\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n',
    )
    with sock:
        assert status == 413
        assert TOO_LONG[language] in content
        assert headers["connection"] == "close"
        # Closed by the server, which does not read on to the end of the declared body.
        assert sock.recv(65536) == b""


def test_gunicorn_keeps_the_connection_of_a_normal_request(start_gunicorn):
    url = start_gunicorn()
    status, headers, _content, sock = raw_request(
        url, "GET /fr/contact/ HTTP/1.1\nHost: 127.0.0.1\n"
    )
    sock.close()
    assert status == 200
    assert headers["connection"] == "keep-alive"


def test_a_chunked_body_is_never_read(start_gunicorn):
    """Without a Content-Length, WSGI gives Django no body to read: a chunked post is answered
    at once as an empty form (here without its security token), however much it goes on to
    send. No limit is needed for it."""
    url = start_gunicorn()
    status, _headers, content, sock = raw_request(
        url,
        "POST /fr/contact/ HTTP/1.1\nHost: 127.0.0.1\n"
        "Content-Type: application/x-www-form-urlencoded\nTransfer-Encoding: chunked\n",
        b"1000\r\n" + b"x" * 0x1000 + b"\r\n",
    )
    sock.close()
    assert status == 403
    assert "<h1>Votre message n’a pas pu être envoyé</h1>" in content


def test_a_normal_enquiry_through_gunicorn_still_goes_through(start_gunicorn):
    url = start_gunicorn()
    request = open_the_form(url, 1)
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request, timeout=30)
    redirect.value.close()
    assert redirect.value.code == 303
    assert Enquiry.objects.count() == 1
