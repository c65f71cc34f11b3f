"""Signing in to the admin: what its sign-in form posts first, and a client signed in with a
second factor as the admin requires."""


def password_step(username, password):
    """What the admin's sign-in form (django-two-factor-auth's wizard) posts first."""
    return {
        "login_view-current_step": "auth",
        "auth-username": username,
        "auth-password": password,
    }


def signed_in_with_a_second_factor(user):
    """A client signed in to the admin as `user` with an enrolled authenticator."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY

    client = Client()
    client.force_login(user)
    device = user.totpdevice_set.create(name="default")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client
