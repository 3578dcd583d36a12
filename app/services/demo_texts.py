"""The demo action's words in French, German and Spanish (English lives in demo.py; Italian
and Portuguese in demo_texts_more.py; Arabic in demo_texts_ar.py).

Data, not gettext: the demo is a plan the user will edit, written naturally in their language,
not an interface string. Keys follow demo.py (roles, props, cues by their bundle key); a missing
language falls back to English. Names of people, places and streets stay as they are.
"""

from __future__ import annotations

from app.services.demo_texts_ar import AR
from app.services.demo_texts_more import IT, PT

FR: dict = {
    "title": "Funérailles de la vie privée au Père-Lachaise",
    "message": "On n'enterre pas la vie privée. Non à la reconnaissance faciale.",
    "description": "Faux enterrement devant la porte du cimetière contre la vidéosurveillance "
    "algorithmique : un corbillard, un cercueil marqué VIE PRIVÉE, des porteurs et des "
    "proches en noir, un éloge funèbre et une séance photo pour la presse.",
    "meeting_point": "Boulevard de Ménilmontant, porte principale",
    "fallback_plan": "Si le trottoir devant la porte est bloqué, tenir les funérailles au coin "
    "de la rue de la Roquette.",
    "safety_notes": "Rester sur le trottoir. Laisser le contact police parler aux agents. Ne "
    "pas emporter de papiers d'identité inutiles.",
    "contacts": ["Soutien juridique", "Premiers secours", "Organisateur de permanence"],
    "consent_scope": "contact pour cette action",
    "roles": {
        "pallbearer": (
            "Porteur",
            "Costume noir, gants blancs. Marcher lentement, au pas. Porter le cercueil du "
            "corbillard au salon funéraire, puis le ramener.",
        ),
        "mourner": (
            "Proche en deuil",
            "Tenue noire. Se tenir derrière le cercueil, silencieux et digne. Tenir le livret "
            "de la cérémonie.",
        ),
        "speaker": (
            "Orateur",
            "Prononcer l'éloge funèbre de la vie privée. Pas plus de 8 minutes. Répondre "
            "ensuite aux journalistes.",
        ),
        "press": (
            "Chargé de presse",
            "Accueillir les photographes à la porte, distribuer le communiqué, organiser les "
            "interviews avec l'orateur.",
        ),
        "steward": (
            "Service d'ordre",
            "Brassard orange. Laisser le trottoir libre pour les passants ; tenir la banderole "
            "pendant la séance photo.",
        ),
        "driver": (
            "Chauffeur du corbillard",
            "Se garer devant la porte à 9 h 45 précises ; rester près du corbillard.",
        ),
        "liaison": (
            "Contact police",
            "La seule personne qui parle aux agents. Avoir sur soi le récépissé de la déclaration.",
        ),
    },
    "props": {
        "hearse": ("Corbillard", "Loué aux Pompes funèbres Roux ; à rendre avant 13 h."),
        "coffin": ("Cercueil marqué VIE PRIVÉE", "Prêté par la troupe de théâtre."),
        "banner": (
            "Banderole « On n'enterre pas la vie privée. Non à la reconnaissance faciale »",
            "3 m × 1 m, deux perches.",
        ),
        "wreath": (
            "Couronne « Repose en paix, vie privée »",
            "À récupérer chez le fleuriste de la rue de la Roquette.",
        ),
        "armbands": ("Brassards noirs", ""),
        "leaflets": (
            "Livrets de la cérémonie",
            "Imprimés ; à remettre aux passants et à la presse.",
        ),
        "megaphone": ("Mégaphone", "Vérifier les piles."),
    },
    "cues": {
        "gather": (
            "Les proches se rassemblent en noir",
            "Porte principale",
            "Mettre les brassards ; se placer sur deux rangs derrière l'emplacement du corbillard.",
        ),
        "hearse": (
            "Le corbillard se gare devant la porte",
            "Boulevard de Ménilmontant",
            "N'ouvrir la porte arrière que lorsque les porteurs sont en place.",
        ),
        "banner": ("La banderole est déroulée", "Trottoir devant la porte", ""),
        "carry": (
            "Le cercueil est porté jusqu'au salon funéraire",
            "Trottoir devant la porte",
            "Pas lent, quatre de front.",
        ),
        "eulogy": (
            "Éloge funèbre de la vie privée",
            "Salon funéraire",
            "Mégaphone à faible volume.",
        ),
        "wreath": ("La couronne est posée sur le cercueil", "Salon funéraire", ""),
        "photo": (
            "Séance photo pour la presse",
            "Salon funéraire",
            "Les visages de celles et ceux qui ne veulent pas être photographiés restent "
            "derrière la banderole.",
        ),
        "interviews": ("Interviews avec les journalistes", "Coin de la rue de la Roquette", ""),
        "silence": (
            "Minute de silence, les proches se dispersent",
            "Salon funéraire",
            "",
        ),
        "packup": (
            "On range et on se disperse",
            "Porte principale",
            "Ne rien laisser derrière soi. Partir par petits groupes.",
        ),
        "liaison": (
            "Contact police de permanence",
            "Porte principale",
            "Rester visible près de la porte.",
        ),
    },
    "tasks": [
        "Déclarer l'action à la Préfecture de police",
        "Louer le corbillard",
        "Commander la couronne",
        "Briefer les porteurs",
        "Imprimer les feuilles de route",
        "Envoyer le communiqué à la liste de presse",
    ],
    "media_beat": "libertés publiques",
    "release": None,  # the French release is already French; the English one is for abroad
}

DE: dict = {
    "title": "Trauerfeier für die Privatsphäre am Père-Lachaise",
    "message": "Wir lassen die Privatsphäre nicht begraben. Nein zur Gesichtserkennung.",
    "description": "Gespielte Beerdigung vor dem Friedhofstor gegen KI-Videoüberwachung: ein "
    "Leichenwagen, ein Sarg mit der Aufschrift PRIVATSPHÄRE, Sargträger und Trauernde in "
    "Schwarz, eine Grabrede und ein Fototermin für die Presse.",
    "meeting_point": "Boulevard de Ménilmontant, Haupttor",
    "fallback_plan": "Ist der Gehweg am Tor versperrt, findet die Trauerfeier an der Ecke der "
    "Rue de la Roquette statt.",
    "safety_notes": "Auf dem Gehweg bleiben. Nur die Polizeikontaktperson spricht mit den "
    "Beamten. Keine Ausweise mitnehmen, die ihr nicht braucht.",
    "contacts": ["Rechtshilfe", "Erste Hilfe", "Diensthabende Organisatorin"],
    "consent_scope": "Kontakt für diese Aktion",
    "roles": {
        "pallbearer": (
            "Sargträger",
            "Schwarzer Anzug, weiße Handschuhe. Langsam und im Gleichschritt gehen. Den Sarg "
            "vom Leichenwagen zur Trauerhalle und zurück tragen.",
        ),
        "mourner": (
            "Trauergast",
            "Schwarz gekleidet. Still und würdevoll hinter dem Sarg stehen. Das Programmheft "
            "der Feier halten.",
        ),
        "speaker": (
            "Rednerin",
            "Die Grabrede auf die Privatsphäre halten. Höchstens 8 Minuten. Danach Fragen der "
            "Presse beantworten.",
        ),
        "press": (
            "Pressesprecherin",
            "Fotografen am Tor empfangen, die Pressemitteilung verteilen, Interviews mit der "
            "Rednerin vereinbaren.",
        ),
        "steward": (
            "Ordner",
            "Orange Armbinde. Den Gehweg für Passanten frei halten; beim Fototermin das "
            "Transparent halten.",
        ),
        "driver": (
            "Fahrer des Leichenwagens",
            "Punkt 9:45 Uhr am Tor parken; beim Leichenwagen bleiben.",
        ),
        "liaison": (
            "Polizeikontakt",
            "Die einzige Person, die mit den Beamten spricht. Die Eingangsbestätigung der "
            "Anmeldung bei sich tragen.",
        ),
    },
    "props": {
        "hearse": (
            "Leichenwagen",
            "Gemietet bei Pompes funèbres Roux; bis 13 Uhr zurückgeben.",
        ),
        "coffin": ("Sarg mit der Aufschrift PRIVATSPHÄRE", "Von der Theatergruppe geliehen."),
        "banner": (
            "Transparent „Wir begraben die Privatsphäre nicht. Nein zur Gesichtserkennung“",
            "3 m × 1 m, zwei Stangen.",
        ),
        "wreath": (
            "Kranz „Ruhe in Frieden, Privatsphäre“",
            "Beim Blumenladen in der Rue de la Roquette abholen.",
        ),
        "armbands": ("Schwarze Armbinden", ""),
        "leaflets": (
            "Programmhefte der Feier",
            "Gedruckt; an Passanten und Presse verteilen.",
        ),
        "megaphone": ("Megafon", "Die Batterien prüfen."),
    },
    "cues": {
        "gather": (
            "Die Trauernden versammeln sich in Schwarz",
            "Haupttor",
            "Armbinden anlegen; in zwei Reihen hinter dem Platz für den Leichenwagen aufstellen.",
        ),
        "hearse": (
            "Der Leichenwagen parkt am Tor",
            "Boulevard de Ménilmontant",
            "Die Hecktür erst öffnen, wenn die Sargträger bereitstehen.",
        ),
        "banner": ("Das Transparent wird entrollt", "Gehweg am Tor", ""),
        "carry": (
            "Der Sarg wird zur Trauerhalle getragen",
            "Gehweg am Tor",
            "Langsamer Schritt, zu viert nebeneinander.",
        ),
        "eulogy": ("Grabrede auf die Privatsphäre", "Trauerhalle", "Megafon auf leiser Stufe."),
        "wreath": ("Der Kranz wird auf den Sarg gelegt", "Trauerhalle", ""),
        "photo": (
            "Fototermin für die Presse",
            "Trauerhalle",
            "Wer nicht fotografiert werden möchte, bleibt mit dem Gesicht hinter dem Transparent.",
        ),
        "interviews": (
            "Interviews mit Journalisten",
            "Ecke Rue de la Roquette",
            "",
        ),
        "silence": (
            "Schweigeminute, die Trauernden gehen auseinander",
            "Trauerhalle",
            "",
        ),
        "packup": (
            "Aufräumen und auseinandergehen",
            "Haupttor",
            "Nichts zurücklassen. In kleinen Gruppen gehen.",
        ),
        "liaison": (
            "Polizeikontakt im Dienst",
            "Haupttor",
            "In der Nähe des Tors gut sichtbar bleiben.",
        ),
    },
    "tasks": [
        "Die Aktion bei der Préfecture de police anmelden",
        "Den Leichenwagen mieten",
        "Den Kranz bestellen",
        "Die Sargträger einweisen",
        "Die Ablaufpläne drucken",
        "Die Pressemitteilung an den Presseverteiler schicken",
    ],
    "media_beat": "Bürgerrechte",
    "release": {
        "language": "de",
        "dateline": "Paris",
        "headline": "Trauerfeier für die Privatsphäre am Père-Lachaise",
        "subheadline": "Aktivisten begraben symbolisch die Privatsphäre – aus Protest gegen "
        "die KI-Videoüberwachung bei den Olympischen Spielen",
        "body": "Heute Morgen trugen rund zwanzig schwarz gekleidete Menschen einen Sarg mit "
        "der Aufschrift „Privatsphäre“ vor den Friedhof Père-Lachaise, um gegen die "
        "**KI-gestützte Videoüberwachung** zu protestieren, die für die Olympischen Spiele "
        "„versuchsweise“ erlaubt wurde.\n\n"
        "Wir fordern das Ende des Versuchs und ein Verbot der Gesichtserkennung im "
        "öffentlichen Raum.",
        "speaker": "Owl, Sprecherin",
        "quote": "Wir lassen die Privatsphäre nicht kampflos begraben.",
        "contact_label": "Pressestelle",
        "contact_email": "presse@example.org",
    },
}

ES: dict = {
    "title": "Funeral por la privacidad en el Père-Lachaise",
    "message": "No enterramos la privacidad. No al reconocimiento facial.",
    "description": "Entierro simulado ante la puerta del cementerio contra la "
    "videovigilancia con IA: un coche fúnebre, un ataúd con la palabra PRIVACIDAD, porteadores "
    "y dolientes de negro, un elogio fúnebre y un posado para la prensa.",
    "meeting_point": "Boulevard de Ménilmontant, puerta principal",
    "fallback_plan": "Si la acera de la puerta está bloqueada, el funeral se hace en la "
    "esquina de la rue de la Roquette.",
    "safety_notes": "Quedaos en la acera. Solo el enlace con la policía habla con los agentes. "
    "No llevéis documentación que no necesitéis.",
    "contacts": ["Apoyo jurídico", "Primeros auxilios", "Organización de guardia"],
    "consent_scope": "contacto para esta acción",
    "roles": {
        "pallbearer": (
            "Porteador",
            "Traje negro, guantes blancos. Caminar despacio, al paso. Llevar el ataúd del "
            "coche fúnebre a la sala velatorio y de vuelta.",
        ),
        "mourner": (
            "Doliente",
            "Vestir de negro. Quedarse detrás del ataúd, en silencio y con dignidad. Sostener "
            "el programa de la ceremonia.",
        ),
        "speaker": (
            "Oradora",
            "Pronunciar el elogio fúnebre de la privacidad. Máximo 8 minutos. Después, "
            "responder a los periodistas.",
        ),
        "press": (
            "Responsable de prensa",
            "Recibir a los fotógrafos en la puerta, repartir el comunicado, organizar "
            "entrevistas con la oradora.",
        ),
        "steward": (
            "Servicio de orden",
            "Brazalete naranja. Mantener la acera libre para los transeúntes; sujetar la "
            "pancarta durante el posado.",
        ),
        "driver": (
            "Conductor del coche fúnebre",
            "Aparcar en la puerta a las 9:45 en punto; quedarse junto al coche fúnebre.",
        ),
        "liaison": (
            "Enlace con la policía",
            "La única persona que habla con los agentes. Llevar el acuse de recibo de la "
            "declaración.",
        ),
    },
    "props": {
        "hearse": (
            "Coche fúnebre",
            "Alquilado a Pompes funèbres Roux; devolver antes de las 13:00.",
        ),
        "coffin": ("Ataúd con la palabra PRIVACIDAD", "Prestado por el grupo de teatro."),
        "banner": (
            "Pancarta «No enterramos la privacidad. No al reconocimiento facial»",
            "3 m × 1 m, dos mástiles.",
        ),
        "wreath": (
            "Corona «Descanse en paz, privacidad»",
            "Recoger en la floristería de la rue de la Roquette.",
        ),
        "armbands": ("Brazaletes negros", ""),
        "leaflets": (
            "Programas de la ceremonia",
            "Impresos; repartir a transeúntes y prensa.",
        ),
        "megaphone": ("Megáfono", "Comprobar las pilas."),
    },
    "cues": {
        "gather": (
            "Los dolientes se reúnen de negro",
            "Puerta principal",
            "Ponerse los brazaletes; formar dos filas detrás del sitio del coche fúnebre.",
        ),
        "hearse": (
            "El coche fúnebre aparca en la puerta",
            "Boulevard de Ménilmontant",
            "Abrir la puerta trasera solo cuando los porteadores estén en su sitio.",
        ),
        "banner": ("Se despliega la pancarta", "Acera junto a la puerta", ""),
        "carry": (
            "El ataúd se lleva a la sala velatorio",
            "Acera junto a la puerta",
            "Paso lento, de cuatro en fondo.",
        ),
        "eulogy": (
            "Elogio fúnebre de la privacidad",
            "Sala velatorio",
            "Megáfono a bajo volumen.",
        ),
        "wreath": ("Se deposita la corona sobre el ataúd", "Sala velatorio", ""),
        "photo": (
            "Posado para la prensa",
            "Sala velatorio",
            "Quien no quiera ser fotografiado se queda con la cara detrás de la pancarta.",
        ),
        "interviews": (
            "Entrevistas con periodistas",
            "Esquina de la rue de la Roquette",
            "",
        ),
        "silence": (
            "Minuto de silencio, los dolientes se dispersan",
            "Sala velatorio",
            "",
        ),
        "packup": (
            "Recoger y dispersarse",
            "Puerta principal",
            "No dejar nada atrás. Marcharse en grupos pequeños.",
        ),
        "liaison": (
            "Enlace con la policía de guardia",
            "Puerta principal",
            "Mantenerse visible cerca de la puerta.",
        ),
    },
    "tasks": [
        "Declarar la acción a la Préfecture de police",
        "Alquilar el coche fúnebre",
        "Encargar la corona",
        "Dar las instrucciones a los porteadores",
        "Imprimir las hojas de ruta",
        "Enviar el comunicado a la lista de medios",
    ],
    "media_beat": "libertades civiles",
    "release": {
        "language": "es",
        "dateline": "París",
        "headline": "Funeral por la privacidad en el Père-Lachaise",
        "subheadline": "Activistas entierran simbólicamente la privacidad en protesta contra "
        "la videovigilancia con IA en los Juegos Olímpicos",
        "body": "Esta mañana una veintena de personas vestidas de negro llevaron un ataúd con "
        "la palabra «privacidad» ante el cementerio del Père-Lachaise para denunciar la "
        "**videovigilancia con inteligencia artificial** autorizada «de forma experimental» "
        "para los Juegos Olímpicos.\n\n"
        "Exigimos el fin del experimento y la prohibición del reconocimiento facial en el "
        "espacio público.",
        "speaker": "Owl, portavoz",
        "quote": "No dejaremos que entierren la privacidad sin luchar.",
        "contact_label": "Oficina de prensa",
        "contact_email": "prensa@example.org",
    },
}

TEXTS: dict[str, dict] = {"fr": FR, "de": DE, "es": ES, "it": IT, "pt": PT, "ar": AR}


def demo_texts(language: str) -> dict | None:
    """The demo's words in ``language`` ("fr", "de-AT"…), or None for English."""
    return TEXTS.get(language.split("-")[0].split("_")[0].lower())
