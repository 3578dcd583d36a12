"""The volunteer pack: what each person needs on their phone, and drafts to send it.

``phone_html``: the personal sheet as one self-contained HTML file; ``message``: a short text to
paste into Signal or an SMS; ``qr``: the QR codes of the printed sheet; ``drafts``: one e-mail
draft per person who has an address and consented to be contacted, the mbox of all of them and
the list of people to reach another way. Everything is laid out from the run-sheet data layer
(``app/exports/runsheet/data``): the same facts as the printed sheet, gathered once.
"""
