"""The host becomes three details (name, address, phone: LCEN art. 6 III) and the registration
two (RPPS, ADELI); new optional details: the "EI" mention, the SIRET, the liability insurer.

What the psychologist had written is carried over: the host's text is split into its name (the
first line, or what comes before the first comma), its phone (a part that is a phone number)
and its address (the rest); an 11-digit registration number is an RPPS, a 9-digit one an ADELI.
A number of neither length cannot be stored in either field: it is left out, and
`check --deploy` then asks for the RPPS.
"""

import re

from django.db import migrations, models

import practice_site.practice.validators

# Copied here (not imported) so that this migration gives the same result whatever the code
# becomes: a French or international phone number with its usual separators.
PHONE = re.compile(r"^\+?[\d\s.\-/()]{6,30}$")


def split_host(text):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    parts = lines if len(lines) > 1 else [p.strip() for p in text.split(",") if p.strip()]
    phone = next((p for p in parts if PHONE.match(p) and sum(c.isdigit() for c in p) >= 6), "")
    parts = [p for p in parts if p != phone]
    name, address = (parts[0], parts[1:]) if parts else ("", [])
    if len(name) > 200:  # not a name: keep the whole text where nothing is cut off
        name, address = "", parts
    return name, "\n".join(address), phone


def carry_over(apps, schema_editor):
    PracticeDetails = apps.get_model("practice", "PracticeDetails")
    for details in PracticeDetails.objects.all():
        details.host_name, details.host_address, details.host_phone = split_host(details.host)
        number = "".join(c for c in details.registration_number if c.isdigit())
        if len(number) == 11:
            details.rpps = number
        elif len(number) == 9:
            details.adeli = number
        details.save()


def carry_back(apps, schema_editor):
    PracticeDetails = apps.get_model("practice", "PracticeDetails")
    for details in PracticeDetails.objects.all():
        details.host = "\n".join(
            part for part in [details.host_name, details.host_address, details.host_phone] if part
        )
        details.registration_number = details.rpps or details.adeli
        details.save()


class Migration(migrations.Migration):
    dependencies = [("practice", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="practicedetails",
            name="entrepreneur_individuel",
            field=models.BooleanField(
                default=False,
                help_text="Tick if you work as an entrepreneur individuel: the legal notice then names the publisher “Name EI”, as the law requires.",
                verbose_name="“EI” after the name",
            ),
        ),
        migrations.AddField(
            model_name="practicedetails",
            name="rpps",
            field=models.CharField(
                default="",
                help_text="11 digits. Shown on the legal notice and the contact page.",
                max_length=11,
                validators=[practice_site.practice.validators.validate_rpps],
                verbose_name="RPPS number",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="practicedetails",
            name="adeli",
            field=models.CharField(
                blank=True,
                help_text="9 digits, if you still have one. Shown on the legal notice.",
                max_length=9,
                validators=[practice_site.practice.validators.validate_adeli],
                verbose_name="ADELI number",
            ),
        ),
        migrations.AddField(
            model_name="practicedetails",
            name="siret",
            field=models.CharField(
                blank=True,
                help_text="14 digits, optional. Shown on the legal notice.",
                max_length=14,
                validators=[practice_site.practice.validators.validate_siret],
                verbose_name="SIRET number",
            ),
        ),
        migrations.AddField(
            model_name="practicedetails",
            name="insurer_name",
            field=models.CharField(
                blank=True, max_length=200, verbose_name="professional liability insurer"
            ),
        ),
        migrations.AddField(
            model_name="practicedetails",
            name="insurer_contact",
            field=models.CharField(
                blank=True,
                help_text="Address or phone of the insurer, and your policy number if you wish.",
                max_length=300,
                verbose_name="insurer's contact details",
            ),
        ),
        migrations.AddField(
            model_name="practicedetails",
            name="host_name",
            field=models.CharField(
                default="",
                help_text="The company that hosts the website, e.g. as named in its contract.",
                max_length=200,
                verbose_name="host's name",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="practicedetails",
            name="host_address",
            field=models.TextField(
                default="",
                help_text="One line per line of the address.",
                verbose_name="host's postal address",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="practicedetails",
            name="host_phone",
            field=models.CharField(default="", max_length=30, verbose_name="host's phone"),
            preserve_default=False,
        ),
        migrations.RunPython(carry_over, carry_back),
        # Optional before it goes: reversing this migration adds it back, empty, then fills it.
        migrations.AlterField(
            model_name="practicedetails",
            name="registration_number",
            field=models.CharField(blank=True, max_length=20, verbose_name="ADELI or RPPS number"),
        ),
        migrations.RemoveField(model_name="practicedetails", name="host"),
        migrations.RemoveField(model_name="practicedetails", name="registration_number"),
        migrations.AlterField(
            model_name="legalpage",
            name="body_fr",
            field=models.TextField(
                help_text="Markdown. These are replaced by the practice details: {name}, {publisher}, {title}, {rpps}, {adeli}, {siret}, {insurer}, {address}, {phone}, {email}, {host}, {host_name}, {host_address}, {host_phone}; {retention_days} by how long enquiries are kept.",
                verbose_name="text (French)",
            ),
        ),
    ]
