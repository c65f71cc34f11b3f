import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from practice_site.richtext.fields import MultilineTextField

from .models import Enquiry, without_invisible_characters
from .tasks import enqueue_sending

# Control characters have no place in what a person types; in a one-line field, a line break
# could also end an email header. U+FFFD is what undecodable bytes (invalid UTF-8) become.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85]")
# French numbers (01 23 45 67 89) or international ones (+33 1 23 45 67 89, 0033…), with the
# usual separators; https://en.wikipedia.org/wiki/E.164 allows at most 15 digits.
PHONE_SEPARATORS = re.compile(r"[\s.\-/()]")
PHONE_NUMBER = re.compile(r"^(?:0[1-9]\d{8}|(?:\+|00)[1-9]\d{6,14})$")


def reject_control_characters(value, *, single_line):
    if CONTROL_CHARACTERS.search(value) or (single_line and LINE_BREAKS.search(value)):
        raise ValidationError(
            _("This field contains characters that are not allowed."), code="invalid_characters"
        )


class EnquiryForm(forms.ModelForm):
    message = MultilineTextField(
        label=_("Your message"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "2,000 characters at most. Say what you would like (an appointment, a question); "
            "please give no health details here."
        ),
        error_messages={"required": _("Please write your message.")},
    )
    # A honeypot: hidden from people, filled in by robots that fill in every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # Identifies this copy of the form, so that posting it twice stores one enquiry.
    submission_id = forms.UUIDField(widget=forms.HiddenInput)

    class Meta:
        model = Enquiry
        fields = ["name", "email", "phone", "message"]
        labels = {
            "name": _("Your name"),
            "email": _("Your email address"),
            "phone": _("Your phone number (optional)"),
        }
        help_texts = {
            "email": _("The psychologist will answer at this address."),
            "phone": _("French or international format, e.g. 06 12 34 56 78 or +33 6 12 34 56 78."),
        }
        error_messages = {
            "name": {"required": _("Please enter your name.")},
            "email": {
                "required": _("Please enter your email address."),
                "invalid": _("Please enter a valid email address, such as name@example.com."),
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            "name",
            "email",
            "phone",
            "message",
            Field("website", wrapper_class="honeypot"),
        )
        # Rendered by the template itself: the rest of the blank form is the same for every
        # reader and is cached, this differs for each.
        self.helper.render_hidden_fields = False

    def clean_name(self):
        name = self.cleaned_data["name"]
        reject_control_characters(name, single_line=True)
        # Removed rather than refused: a name pasted from elsewhere may carry them unseen.
        name = without_invisible_characters(name)
        if not name:
            raise ValidationError(self.fields["name"].error_messages["required"], code="required")
        return name

    def clean_email(self):
        email = self.cleaned_data["email"]
        reject_control_characters(email, single_line=True)
        return email

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        reject_control_characters(phone, single_line=True)
        if phone and not PHONE_NUMBER.match(PHONE_SEPARATORS.sub("", phone)):
            raise ValidationError(
                _("Please enter a French or international phone number, or leave it empty."),
                code="invalid_phone",
            )
        return phone

    def clean_message(self):
        message = self.cleaned_data["message"]
        reject_control_characters(message, single_line=False)
        return message

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def save(self, language):
        """Store the enquiry and, once the transaction is committed, enqueue its sending:
        the worker emails it, never the web request, so a relay that hangs holds no one.

        The same copy of the form posted twice (a double click, a reload) stores one enquiry:
        the second post finds the first by its submission id.
        """
        enquiry = super().save(commit=False)
        enquiry.language = language
        enquiry.submission_id = self.cleaned_data["submission_id"]
        try:
            with transaction.atomic():
                enquiry.save()
                enqueue_sending(enquiry)
        except IntegrityError:
            return Enquiry.objects.get(submission_id=enquiry.submission_id)
        return enquiry
