"""Readers of a real server (gunicorn in the tests that start one), through urllib: one who
opens the contact form, and an opener that reads a redirect rather than following it."""

import re
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Leaves a redirect (the 303 thank-you) to be read, not followed."""

    def redirect_request(self, *args, **kwargs):
        return None


def open_the_form(url, number):
    """One reader opens the contact page; returns the request that posts it filled in."""
    with urllib.request.urlopen(f"{url}/fr/contact/", timeout=30) as response:
        page = response.read().decode()
        # The cookie is Secure (DEBUG off) and this is plain HTTP: send it back by hand.
        [cookie] = [
            c.split(";")[0] for c in response.headers.get_all("Set-Cookie") if "csrftoken" in c
        ]
    fields = dict(re.findall(r'name="(csrfmiddlewaretoken|submission_id)" value="([^"]+)"', page))
    data = urllib.parse.urlencode({
        **fields,
        "name": f"Lecteur {number}",
        "email": f"lecteur{number}@example.org",
        "message": "Bonjour, je souhaiterais prendre rendez-vous.",
    }).encode()  # fmt: skip
    return urllib.request.Request(f"{url}/fr/contact/", data=data, headers={"Cookie": cookie})


# A browser's User-Agent: urllib's own ("Python-urllib/3.11") is a robot's, which is not counted.
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def read(url, times=1, user_agent=BROWSER, headers=()):
    """A reader (or a robot, by its `user_agent`) opens the page at `url` `times` times."""
    for _ in range(times):
        request = urllib.request.Request(url, headers={"User-Agent": user_agent, **dict(headers)})
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            assert response.status == 200, url
