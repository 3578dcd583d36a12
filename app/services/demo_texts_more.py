"""The demo action's words in Italian and Portuguese (see demo_texts.py for the rules: data, not
gettext; keys follow demo.py; names of people, places and streets stay as they are)."""

from __future__ import annotations

IT: dict = {
    "title": "Funerale della privacy al Père-Lachaise",
    "message": "La privacy non si seppellisce. No al riconoscimento facciale.",
    "description": "Finto funerale davanti al cancello del cimitero contro la "
    "videosorveglianza con l'IA: un carro funebre, una bara con la scritta PRIVACY, portatori e "
    "dolenti in nero, un elogio funebre e un servizio fotografico per la stampa.",
    "meeting_point": "Boulevard de Ménilmontant, ingresso principale",
    "fallback_plan": "Se il marciapiede davanti al cancello è bloccato, il funerale si tiene "
    "all'angolo di rue de la Roquette.",
    "safety_notes": "Restate sul marciapiede. Solo il referente con la polizia parla con gli "
    "agenti. Non portate documenti che non vi servono.",
    "contacts": ["Assistenza legale", "Primo soccorso", "Organizzatrice di turno"],
    "consent_scope": "contatto per questa azione",
    "roles": {
        "pallbearer": (
            "Portatore",
            "Abito nero, guanti bianchi. Camminare piano, al passo. Portare la bara dal carro "
            "funebre alla camera ardente e ritorno.",
        ),
        "mourner": (
            "Dolente",
            "Vestiti neri. Stare dietro la bara, in silenzio e con dignità. Tenere il libretto "
            "della cerimonia.",
        ),
        "speaker": (
            "Oratrice",
            "Pronunciare l'elogio funebre della privacy. Non più di 8 minuti. Poi rispondere "
            "ai giornalisti.",
        ),
        "press": (
            "Addetto stampa",
            "Accogliere i fotografi al cancello, distribuire il comunicato, organizzare le "
            "interviste con l'oratrice.",
        ),
        "steward": (
            "Servizio d'ordine",
            "Fascia arancione. Lasciare il marciapiede libero ai passanti; reggere lo "
            "striscione durante le foto.",
        ),
        "driver": (
            "Autista del carro funebre",
            "Parcheggiare davanti al cancello alle 9:45 in punto; restare vicino al carro.",
        ),
        "liaison": (
            "Referente con la polizia",
            "L'unica persona che parla con gli agenti. Avere con sé la ricevuta del preavviso.",
        ),
    },
    "props": {
        "hearse": (
            "Carro funebre",
            "Noleggiato dalle Pompes funèbres Roux; da restituire entro le 13:00.",
        ),
        "coffin": ("Bara con la scritta PRIVACY", "Prestata dalla compagnia teatrale."),
        "banner": (
            "Striscione «La privacy non si seppellisce. No al riconoscimento facciale»",
            "3 m × 1 m, due aste.",
        ),
        "wreath": (
            "Corona «Riposa in pace, privacy»",
            "Da ritirare dal fiorista di rue de la Roquette.",
        ),
        "armbands": ("Fasce nere", ""),
        "leaflets": (
            "Libretti della cerimonia",
            "Stampati; da dare ai passanti e alla stampa.",
        ),
        "megaphone": ("Megafono", "Controllare le pile."),
    },
    "cues": {
        "gather": (
            "I dolenti si radunano in nero",
            "Ingresso principale",
            "Indossare le fasce; disporsi su due file dietro il posto del carro funebre.",
        ),
        "hearse": (
            "Il carro funebre parcheggia davanti al cancello",
            "Boulevard de Ménilmontant",
            "Aprire il portellone solo quando i portatori sono in posizione.",
        ),
        "banner": ("Si srotola lo striscione", "Marciapiede davanti al cancello", ""),
        "carry": (
            "La bara viene portata alla camera ardente",
            "Marciapiede davanti al cancello",
            "Passo lento, quattro per fila.",
        ),
        "eulogy": (
            "Elogio funebre della privacy",
            "Camera ardente",
            "Megafono a basso volume.",
        ),
        "wreath": ("La corona viene posata sulla bara", "Camera ardente", ""),
        "photo": (
            "Foto per la stampa",
            "Camera ardente",
            "Chi non vuole essere fotografato resta con il viso dietro lo striscione.",
        ),
        "interviews": ("Interviste con i giornalisti", "Angolo di rue de la Roquette", ""),
        "silence": ("Minuto di silenzio, i dolenti si disperdono", "Camera ardente", ""),
        "packup": (
            "Si sgombera e ci si disperde",
            "Ingresso principale",
            "Non lasciare niente. Andarsene a piccoli gruppi.",
        ),
        "liaison": (
            "Referente con la polizia di turno",
            "Ingresso principale",
            "Restare visibile vicino al cancello.",
        ),
    },
    "tasks": [
        "Dare il preavviso dell'azione alla Préfecture de police",
        "Noleggiare il carro funebre",
        "Ordinare la corona",
        "Istruire i portatori",
        "Stampare i fogli di servizio",
        "Inviare il comunicato alla lista stampa",
    ],
    "media_beat": "libertà civili",
    "release": {
        "language": "it",
        "dateline": "Parigi",
        "headline": "Funerale della privacy al Père-Lachaise",
        "subheadline": "Attivisti seppelliscono simbolicamente la privacy per protestare "
        "contro la videosorveglianza con l'IA alle Olimpiadi",
        "body": "Stamattina una ventina di persone vestite di nero hanno portato una bara con "
        "la scritta «privacy» davanti al cimitero del Père-Lachaise per denunciare la "
        "**videosorveglianza con intelligenza artificiale** autorizzata «in via sperimentale» "
        "per le Olimpiadi.\n\n"
        "Chiediamo la fine della sperimentazione e il divieto del riconoscimento facciale "
        "nello spazio pubblico.",
        "speaker": "Owl, portavoce",
        "quote": "Non lasceremo seppellire la privacy senza lottare.",
        "contact_label": "Ufficio stampa",
        "contact_email": "stampa@example.org",
    },
}

PT: dict = {
    "title": "Funeral da privacidade no Père-Lachaise",
    "message": "Não vamos enterrar a privacidade. Não ao reconhecimento facial.",
    "description": "Enterro simulado diante do portão do cemitério contra a videovigilância "
    "com IA: um carro funerário, um caixão com a palavra PRIVACIDADE, carregadores e "
    "enlutados de preto, um elogio fúnebre e uma sessão de fotos para a imprensa.",
    "meeting_point": "Boulevard de Ménilmontant, portão principal",
    "fallback_plan": "Se a calçada diante do portão estiver bloqueada, o funeral acontece na "
    "esquina da rue de la Roquette.",
    "safety_notes": "Fiquem na calçada. Só a pessoa de contato com a polícia fala com os "
    "agentes. Não levem documentos de que não precisam.",
    "contacts": ["Apoio jurídico", "Primeiros socorros", "Organizadora de plantão"],
    "consent_scope": "contato para esta ação",
    "roles": {
        "pallbearer": (
            "Carregador",
            "Terno preto, luvas brancas. Andar devagar, no passo. Levar o caixão do carro "
            "funerário até a sala de velório e de volta.",
        ),
        "mourner": (
            "Enlutado",
            "Roupa preta. Ficar atrás do caixão, em silêncio e com dignidade. Segurar o "
            "programa da cerimônia.",
        ),
        "speaker": (
            "Oradora",
            "Fazer o elogio fúnebre da privacidade. No máximo 8 minutos. Depois, responder "
            "aos jornalistas.",
        ),
        "press": (
            "Assessor de imprensa",
            "Receber os fotógrafos no portão, distribuir o comunicado, organizar as "
            "entrevistas com a oradora.",
        ),
        "steward": (
            "Equipe de segurança",
            "Braçadeira laranja. Manter a calçada livre para os pedestres; segurar a faixa "
            "durante as fotos.",
        ),
        "driver": (
            "Motorista do carro funerário",
            "Estacionar diante do portão às 9h45 em ponto; ficar perto do carro.",
        ),
        "liaison": (
            "Contato com a polícia",
            "A única pessoa que fala com os agentes. Levar o comprovante da declaração.",
        ),
    },
    "props": {
        "hearse": (
            "Carro funerário",
            "Alugado da Pompes funèbres Roux; devolver antes das 13h.",
        ),
        "coffin": ("Caixão com a palavra PRIVACIDADE", "Emprestado pelo grupo de teatro."),
        "banner": (
            "Faixa “Não vamos enterrar a privacidade. Não ao reconhecimento facial”",
            "3 m × 1 m, duas hastes.",
        ),
        "wreath": (
            "Coroa “Descanse em paz, privacidade”",
            "Buscar na floricultura da rue de la Roquette.",
        ),
        "armbands": ("Braçadeiras pretas", ""),
        "leaflets": (
            "Programas da cerimônia",
            "Impressos; entregar aos pedestres e à imprensa.",
        ),
        "megaphone": ("Megafone", "Verificar as pilhas."),
    },
    "cues": {
        "gather": (
            "Os enlutados se reúnem de preto",
            "Portão principal",
            "Colocar as braçadeiras; formar duas filas atrás da vaga do carro funerário.",
        ),
        "hearse": (
            "O carro funerário estaciona diante do portão",
            "Boulevard de Ménilmontant",
            "Só abrir a porta traseira quando os carregadores estiverem em posição.",
        ),
        "banner": ("A faixa é desenrolada", "Calçada diante do portão", ""),
        "carry": (
            "O caixão é levado até a sala de velório",
            "Calçada diante do portão",
            "Passo lento, quatro lado a lado.",
        ),
        "eulogy": (
            "Elogio fúnebre da privacidade",
            "Sala de velório",
            "Megafone em volume baixo.",
        ),
        "wreath": ("A coroa é colocada sobre o caixão", "Sala de velório", ""),
        "photo": (
            "Sessão de fotos para a imprensa",
            "Sala de velório",
            "Quem não quiser ser fotografado fica com o rosto atrás da faixa.",
        ),
        "interviews": ("Entrevistas com jornalistas", "Esquina da rue de la Roquette", ""),
        "silence": ("Minuto de silêncio, os enlutados se dispersam", "Sala de velório", ""),
        "packup": (
            "Recolher tudo e dispersar",
            "Portão principal",
            "Não deixar nada para trás. Sair em grupos pequenos.",
        ),
        "liaison": (
            "Contato com a polícia de plantão",
            "Portão principal",
            "Ficar visível perto do portão.",
        ),
    },
    "tasks": [
        "Declarar a ação à Préfecture de police",
        "Alugar o carro funerário",
        "Encomendar a coroa",
        "Orientar os carregadores",
        "Imprimir as folhas de serviço",
        "Enviar o comunicado à lista de imprensa",
    ],
    "media_beat": "liberdades civis",
    "release": {
        "language": "pt",
        "dateline": "Paris",
        "headline": "Funeral da privacidade no Père-Lachaise",
        "subheadline": "Ativistas enterram simbolicamente a privacidade em protesto contra a "
        "videovigilância com IA nos Jogos Olímpicos",
        "body": "Nesta manhã, cerca de vinte pessoas vestidas de preto levaram um caixão com a "
        "palavra “privacidade” até o cemitério do Père-Lachaise para denunciar a "
        "**videovigilância com inteligência artificial** autorizada “em caráter "
        "experimental” para os Jogos Olímpicos.\n\n"
        "Exigimos o fim do experimento e a proibição do reconhecimento facial no espaço "
        "público.",
        "speaker": "Owl, porta-voz",
        "quote": "Não vamos deixar enterrarem a privacidade sem luta.",
        "contact_label": "Assessoria de imprensa",
        "contact_email": "imprensa@example.org",
    },
}
