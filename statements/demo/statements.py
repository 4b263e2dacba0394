"""Demo statements: the MSMT joint statement of 29 May 2025 and generic examples.

Each statement has its source text and a parallel translation for every language
listed in ``translations``. Source strings are unique within a statement, because
translations are matched to them by text.
"""

STATEMENTS = [
    {
        "key": "msmt-first-report",
        "slug": "joint-statement-msmt-first-report",
        "type": "joint_statement",
        "source": "en",
        "lead": "CA",
        "signatories": ["DE", "AU", "CA", "US", "FR", "IT", "JP", "NZ", "NL", "KR", "GB"],
        "contacts": ["CA"],
        "topics": ["sanctions", "non-proliferation", "international-security"],
        "release": "2025-05-29T09:00",
        "release_time_zone": "America/Toronto",
        "translations": ["fr", "de", "it", "ja", "ko", "nl"],
        "text": {
            "en": {
                "title": (
                    "Joint statement on the first report of the Multilateral Sanctions Monitoring "
                    "Team"
                ),
                "summary": (
                    "The 11 participating states of the Multilateral Sanctions Monitoring Team "
                    "welcome its first report, which documents unlawful military cooperation "
                    "between the DPRK and Russia in violation of UN Security Council resolutions."
                ),
                "dateline": "Ottawa, Ontario",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "We, the governments of Australia, Canada, France, Germany, Italy, "
                            "Japan, the Netherlands, New Zealand, the Republic of Korea, the "
                            "United Kingdom and the United States, welcome the publication of the "
                            "first report of the Multilateral Sanctions Monitoring Team (MSMT). "
                            "The report examines in detail the unlawful military cooperation "
                            "between the Democratic People's Republic of Korea (DPRK) and the "
                            "Russian Federation, which violates multiple United Nations Security "
                            "Council resolutions."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Our 11 states launched the MSMT in October 2024 to help fill the gap "
                            "left when the mandate of the Panel of Experts assisting the Security "
                            "Council's 1718 Committee came to an end. By vetoing the renewal of "
                            "that mandate in March 2024, Russia deprived the international "
                            "community of an independent and authoritative source of information "
                            "on how the sanctions regime is implemented and evaded. The MSMT is "
                            "intended to provide accurate, fact-based assessments that support the "
                            "full implementation of the sanctions the Security Council adopted in "
                            "response to the DPRK's nuclear and ballistic missile programs."
                        ),
                    },
                    {"type": "heading", "value": "Findings of the first report"},
                    {
                        "type": "paragraph",
                        "value": (
                            "The report sets out how the DPRK has transferred large quantities of "
                            "arms and related materiel to Russia, including ballistic missiles and "
                            "artillery ammunition, which Russia has used in its war of aggression "
                            "against Ukraine, including in strikes on Ukrainian cities and "
                            "civilian infrastructure. It also documents the deployment of DPRK "
                            "military personnel to fight alongside Russian forces."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "In return, Russia has supplied the DPRK with refined petroleum "
                            "products in quantities exceeding the annual cap set by the Security "
                            "Council, as well as air-defence systems and other military equipment "
                            "and technology. These transfers help the DPRK to evade sanctions, "
                            "generate revenue and advance its unlawful weapons of mass destruction "
                            "and ballistic missile programs."
                        ),
                    },
                    {
                        "type": "quotation",
                        "value": {
                            "quote": (
                                "The Security Council's sanctions are binding on every member "
                                "state. By documenting violations openly and rigorously, we intend "
                                "to ensure that no one can breach them unseen."
                            ),
                            "attribution": (
                                "The participating states of the Multilateral Sanctions Monitoring "
                                "Team"
                            ),
                        },
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Such cooperation, involving a permanent member of the Security "
                            "Council, undermines the global non-proliferation regime and threatens "
                            "peace and security in Europe, on the Korean Peninsula and in the "
                            "Indo-Pacific. We call on the DPRK and Russia to cease all activities "
                            "that violate Security Council resolutions, and we urge all UN member "
                            "states to implement the relevant resolutions fully and effectively."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "The MSMT will continue to monitor and report on violations and "
                            "evasion of the sanctions imposed on the DPRK. We will publish further "
                            "reports and remain open to cooperation with other member states that "
                            "share our commitment to upholding the integrity of the UN sanctions "
                            "regime."
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "Quick facts",
                            "items": [
                                (
                                    "The Multilateral Sanctions Monitoring Team was launched in "
                                    "October 2024."
                                ),
                                "Eleven states participate in the MSMT.",
                                (
                                    "The mandate of the UN Panel of Experts on the DPRK expired on "
                                    "30 April 2024, following a Russian veto in March 2024."
                                ),
                                "The MSMT published its first report in May 2025.",
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": (
                            "Security Council Committee established pursuant to resolution 1718 "
                            "(2006)"
                        ),
                        "url": "https://www.un.org/securitycouncil/sanctions/1718",
                    },
                    {
                        "title": "United Nations Security Council",
                        "url": "https://www.un.org/securitycouncil/",
                    },
                    {"title": "Global Affairs Canada", "url": "https://www.international.gc.ca/"},
                ],
            },
            "fr": {
                "title": (
                    "Déclaration conjointe sur le premier rapport de l’Équipe multilatérale de "
                    "surveillance des sanctions"
                ),
                "summary": (
                    "Les 11 États participant à l’Équipe multilatérale de surveillance des "
                    "sanctions saluent son premier rapport, qui documente la coopération militaire "
                    "illicite entre la RPDC et la Russie en violation des résolutions du Conseil "
                    "de sécurité des Nations Unies."
                ),
                "dateline": "Ottawa (Ontario)",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "Nous, les gouvernements de l’Australie, du Canada, de la France, de "
                            "l’Allemagne, de l’Italie, du Japon, des Pays-Bas, de la "
                            "Nouvelle-Zélande, de la République de Corée, du Royaume-Uni et des "
                            "États-Unis, saluons la publication du premier rapport de l’Équipe "
                            "multilatérale de surveillance des sanctions (MSMT). Ce rapport "
                            "examine en détail la coopération militaire illicite entre la "
                            "République populaire démocratique de Corée (RPDC) et la Fédération de "
                            "Russie, qui contrevient à plusieurs résolutions du Conseil de "
                            "sécurité des Nations Unies."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Nos 11 États ont lancé l’Équipe en octobre 2024 afin de contribuer à "
                            "combler le vide laissé par la fin du mandat du Groupe d’experts qui "
                            "assistait le Comité 1718 du Conseil de sécurité. En opposant son veto "
                            "au renouvellement de ce mandat en mars 2024, la Russie a privé la "
                            "communauté internationale d’une source d’information indépendante et "
                            "faisant autorité sur la mise en œuvre et le contournement du régime "
                            "de sanctions. L’Équipe a pour vocation de fournir des évaluations "
                            "précises et fondées sur les faits, à l’appui de la pleine application "
                            "des sanctions adoptées par le Conseil de sécurité en réponse aux "
                            "programmes nucléaire et de missiles balistiques de la RPDC."
                        ),
                    },
                    {"type": "heading", "value": "Conclusions du premier rapport"},
                    {
                        "type": "paragraph",
                        "value": (
                            "Le rapport expose comment la RPDC a transféré à la Russie "
                            "d’importantes quantités d’armes et de matériel connexe, notamment des "
                            "missiles balistiques et des munitions d’artillerie, que la Russie a "
                            "utilisés dans sa guerre d’agression contre l’Ukraine, y compris lors "
                            "de frappes contre des villes et des infrastructures civiles "
                            "ukrainiennes. Il documente également le déploiement de militaires de "
                            "la RPDC qui combattent aux côtés des forces russes."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "En contrepartie, la Russie a fourni à la RPDC des produits pétroliers "
                            "raffinés en quantités supérieures au plafond annuel fixé par le "
                            "Conseil de sécurité, ainsi que des systèmes de défense aérienne et "
                            "d’autres équipements et technologies militaires. Ces transferts "
                            "aident la RPDC à contourner les sanctions, à se procurer des revenus "
                            "et à faire progresser ses programmes illicites d’armes de destruction "
                            "massive et de missiles balistiques."
                        ),
                    },
                    {
                        "type": "quotation",
                        "value": {
                            "quote": (
                                "Les sanctions du Conseil de sécurité s’imposent à tous les États "
                                "membres. En documentant les violations de manière ouverte et "
                                "rigoureuse, nous entendons faire en sorte que nul ne puisse les "
                                "enfreindre à l’abri des regards."
                            ),
                            "attribution": (
                                "Les États participant à l’Équipe multilatérale de surveillance "
                                "des sanctions"
                            ),
                        },
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Cette coopération, à laquelle prend part un membre permanent du "
                            "Conseil de sécurité, porte atteinte au régime mondial de "
                            "non-prolifération et menace la paix et la sécurité en Europe, dans la "
                            "péninsule coréenne et dans l’Indo-Pacifique. Nous appelons la RPDC et "
                            "la Russie à cesser toute activité contraire aux résolutions du "
                            "Conseil de sécurité, et nous exhortons tous les États membres de "
                            "l’ONU à mettre en œuvre pleinement et efficacement les résolutions "
                            "pertinentes."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "L’Équipe continuera de surveiller les violations et le contournement "
                            "des sanctions imposées à la RPDC et d’en rendre compte. Nous "
                            "publierons d’autres rapports et demeurons disposés à coopérer avec "
                            "les autres États membres qui partagent notre volonté de préserver "
                            "l’intégrité du régime de sanctions des Nations Unies."
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "Faits en bref",
                            "items": [
                                (
                                    "L’Équipe multilatérale de surveillance des sanctions a été "
                                    "lancée en octobre 2024."
                                ),
                                "Onze États participent à l’Équipe.",
                                (
                                    "Le mandat du Groupe d’experts de l’ONU sur la RPDC a pris fin "
                                    "le 30 avril 2024, à la suite d’un veto russe en mars 2024."
                                ),
                                "L’Équipe a publié son premier rapport en mai 2025.",
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": "Comité du Conseil de sécurité créé par la résolution 1718 (2006)",
                        "url": "https://www.un.org/securitycouncil/sanctions/1718",
                    },
                    {
                        "title": "Conseil de sécurité des Nations Unies",
                        "url": "https://www.un.org/securitycouncil/",
                    },
                    {
                        "title": "Affaires mondiales Canada",
                        "url": "https://www.international.gc.ca/",
                    },
                ],
            },
            "de": {
                "title": (
                    "Gemeinsame Erklärung zum ersten Bericht des Multilateralen "
                    "Sanktionsüberwachungsteams"
                ),
                "summary": (
                    "Die elf Teilnehmerstaaten des Multilateralen Sanktionsüberwachungsteams "
                    "begrüßen dessen ersten Bericht, der die rechtswidrige militärische "
                    "Zusammenarbeit zwischen der DVRK und Russland unter Verstoß gegen "
                    "Resolutionen des VN-Sicherheitsrats dokumentiert."
                ),
                "dateline": "Ottawa (Ontario)",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "Wir, die Regierungen Australiens, Kanadas, Frankreichs, Deutschlands, "
                            "Italiens, Japans, der Niederlande, Neuseelands, der Republik Korea, "
                            "des Vereinigten Königreichs und der Vereinigten Staaten, begrüßen die "
                            "Veröffentlichung des ersten Berichts des Multilateralen "
                            "Sanktionsüberwachungsteams (MSMT). Der Bericht untersucht eingehend "
                            "die rechtswidrige militärische Zusammenarbeit zwischen der "
                            "Demokratischen Volksrepublik Korea (DVRK) und der Russischen "
                            "Föderation, die gegen mehrere Resolutionen des Sicherheitsrats der "
                            "Vereinten Nationen verstößt."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Unsere elf Staaten haben das MSMT im Oktober 2024 ins Leben gerufen, "
                            "um dazu beizutragen, die Lücke zu schließen, die durch das Ende des "
                            "Mandats der Sachverständigengruppe des 1718-Ausschusses des "
                            "Sicherheitsrats entstanden ist. Mit seinem Veto gegen die "
                            "Verlängerung dieses Mandats im März 2024 hat Russland der "
                            "internationalen Gemeinschaft eine unabhängige und maßgebliche "
                            "Informationsquelle darüber genommen, wie das Sanktionsregime "
                            "umgesetzt und umgangen wird. Das MSMT soll präzise, faktengestützte "
                            "Bewertungen liefern und so die vollständige Umsetzung der Sanktionen "
                            "unterstützen, die der Sicherheitsrat als Reaktion auf das Nuklear- "
                            "und das ballistische Raketenprogramm der DVRK verhängt hat."
                        ),
                    },
                    {"type": "heading", "value": "Ergebnisse des ersten Berichts"},
                    {
                        "type": "paragraph",
                        "value": (
                            "Der Bericht legt dar, wie die DVRK große Mengen an Waffen und "
                            "zugehörigem Material an Russland geliefert hat, darunter ballistische "
                            "Raketen und Artilleriemunition, die Russland in seinem Angriffskrieg "
                            "gegen die Ukraine eingesetzt hat – auch bei Angriffen auf ukrainische "
                            "Städte und zivile Infrastruktur. Zudem dokumentiert der Bericht die "
                            "Entsendung von Militärangehörigen der DVRK, die an der Seite "
                            "russischer Streitkräfte kämpfen."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Im Gegenzug hat Russland der DVRK raffinierte Erdölerzeugnisse in "
                            "Mengen geliefert, die die vom Sicherheitsrat festgelegte jährliche "
                            "Obergrenze überschreiten, außerdem Luftverteidigungssysteme sowie "
                            "weitere militärische Ausrüstung und Technologie. Diese Lieferungen "
                            "helfen der DVRK, Sanktionen zu umgehen, Einnahmen zu erzielen und "
                            "ihre rechtswidrigen Programme für Massenvernichtungswaffen und "
                            "ballistische Raketen voranzutreiben."
                        ),
                    },
                    {
                        "type": "quotation",
                        "value": {
                            "quote": (
                                "Die Sanktionen des Sicherheitsrats sind für alle Mitgliedstaaten "
                                "verbindlich. Indem wir Verstöße offen und gründlich "
                                "dokumentieren, wollen wir sicherstellen, dass niemand unbemerkt "
                                "gegen sie verstoßen kann."
                            ),
                            "attribution": (
                                "Die Teilnehmerstaaten des Multilateralen "
                                "Sanktionsüberwachungsteams"
                            ),
                        },
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Diese Zusammenarbeit, an der ein ständiges Mitglied des "
                            "Sicherheitsrats beteiligt ist, untergräbt das globale "
                            "Nichtverbreitungsregime und bedroht Frieden und Sicherheit in Europa, "
                            "auf der koreanischen Halbinsel und im Indopazifik. Wir fordern die "
                            "DVRK und Russland auf, alle Aktivitäten einzustellen, die gegen "
                            "Resolutionen des Sicherheitsrats verstoßen, und rufen alle "
                            "Mitgliedstaaten der Vereinten Nationen nachdrücklich dazu auf, die "
                            "einschlägigen Resolutionen vollständig und wirksam umzusetzen."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Das MSMT wird auch künftig beobachten, wie die gegen die DVRK "
                            "verhängten Sanktionen verletzt und umgangen werden, und darüber "
                            "berichten. Wir werden weitere Berichte veröffentlichen und stehen für "
                            "die Zusammenarbeit mit anderen Mitgliedstaaten offen, die unser "
                            "Anliegen teilen, die Integrität des Sanktionsregimes der Vereinten "
                            "Nationen zu wahren."
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "Fakten im Überblick",
                            "items": [
                                (
                                    "Das Multilaterale Sanktionsüberwachungsteam wurde im Oktober "
                                    "2024 gegründet."
                                ),
                                "Dem MSMT gehören elf Staaten an.",
                                (
                                    "Das Mandat der VN-Sachverständigengruppe zur DVRK endete am "
                                    "30. April 2024, nachdem Russland im März 2024 sein Veto "
                                    "eingelegt hatte."
                                ),
                                "Seinen ersten Bericht hat das MSMT im Mai 2025 veröffentlicht.",
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": "Ausschuss des Sicherheitsrats nach Resolution 1718 (2006)",
                        "url": "https://www.un.org/securitycouncil/sanctions/1718",
                    },
                    {
                        "title": "Sicherheitsrat der Vereinten Nationen",
                        "url": "https://www.un.org/securitycouncil/",
                    },
                    {
                        "title": "Global Affairs Canada (kanadisches Außenministerium)",
                        "url": "https://www.international.gc.ca/",
                    },
                ],
            },
            "it": {
                "title": (
                    "Dichiarazione congiunta sul primo rapporto del Gruppo multilaterale di "
                    "monitoraggio delle sanzioni"
                ),
                "summary": (
                    "Gli 11 Stati partecipanti al Gruppo multilaterale di monitoraggio delle "
                    "sanzioni accolgono con favore il suo primo rapporto, che documenta la "
                    "cooperazione militare illecita tra la RPDC e la Russia in violazione delle "
                    "risoluzioni del Consiglio di sicurezza delle Nazioni Unite."
                ),
                "dateline": "Ottawa (Ontario)",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "Noi, i Governi di Australia, Canada, Francia, Germania, Italia, "
                            "Giappone, Paesi Bassi, Nuova Zelanda, Repubblica di Corea, Regno "
                            "Unito e Stati Uniti, accogliamo con favore la pubblicazione del primo "
                            "rapporto del Gruppo multilaterale di monitoraggio delle sanzioni "
                            "(MSMT). Il rapporto esamina in dettaglio la cooperazione militare "
                            "illecita tra la Repubblica Popolare Democratica di Corea (RPDC) e la "
                            "Federazione Russa, in violazione di numerose risoluzioni del "
                            "Consiglio di sicurezza delle Nazioni Unite."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "I nostri 11 Stati hanno istituito l’MSMT nell’ottobre 2024 per "
                            "contribuire a colmare il vuoto lasciato dalla scadenza del mandato "
                            "del Panel di esperti che assisteva il Comitato 1718 del Consiglio di "
                            "sicurezza. Con il veto posto nel marzo 2024 al rinnovo di tale "
                            "mandato, la Russia ha privato la comunità internazionale di una fonte "
                            "di informazioni indipendente e autorevole sull’attuazione e "
                            "sull’elusione del regime sanzionatorio. L’MSMT ha il compito di "
                            "fornire valutazioni accurate e basate sui fatti, a sostegno della "
                            "piena attuazione delle sanzioni adottate dal Consiglio di sicurezza "
                            "in risposta ai programmi nucleare e missilistico balistico della RPDC."
                        ),
                    },
                    {"type": "heading", "value": "Le conclusioni del primo rapporto"},
                    {
                        "type": "paragraph",
                        "value": (
                            "Il rapporto illustra come la RPDC abbia trasferito alla Russia "
                            "ingenti quantità di armi e materiale connesso, tra cui missili "
                            "balistici e munizioni d’artiglieria, che la Russia ha impiegato nella "
                            "sua guerra di aggressione contro l’Ucraina, anche in attacchi contro "
                            "città e infrastrutture civili ucraine. Il rapporto documenta inoltre "
                            "il dispiegamento di militari della RPDC che combattono a fianco delle "
                            "forze russe."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "In cambio, la Russia ha fornito alla RPDC prodotti petroliferi "
                            "raffinati in quantità superiori al tetto annuale fissato dal "
                            "Consiglio di sicurezza, nonché sistemi di difesa aerea e altri "
                            "equipaggiamenti e tecnologie militari. Questi trasferimenti aiutano "
                            "la RPDC a eludere le sanzioni, a procurarsi entrate e a far "
                            "progredire i suoi programmi illeciti di armi di distruzione di massa "
                            "e di missili balistici."
                        ),
                    },
                    {
                        "type": "quotation",
                        "value": {
                            "quote": (
                                "Le sanzioni del Consiglio di sicurezza sono vincolanti per tutti "
                                "gli Stati membri. Documentandone le violazioni in modo "
                                "trasparente e rigoroso, vogliamo garantire che nessuno possa "
                                "violarle senza essere scoperto."
                            ),
                            "attribution": (
                                "Gli Stati partecipanti al Gruppo multilaterale di monitoraggio "
                                "delle sanzioni"
                            ),
                        },
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Questa cooperazione, che coinvolge un membro permanente del Consiglio "
                            "di sicurezza, mina il regime globale di non proliferazione e minaccia "
                            "la pace e la sicurezza in Europa, nella penisola coreana e "
                            "nell’Indo-Pacifico. Chiediamo alla RPDC e alla Russia di cessare "
                            "tutte le attività che violano le risoluzioni del Consiglio di "
                            "sicurezza ed esortiamo tutti gli Stati membri delle Nazioni Unite ad "
                            "attuare pienamente ed efficacemente le risoluzioni pertinenti."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "L’MSMT continuerà a monitorare le violazioni e l’elusione delle "
                            "sanzioni imposte alla RPDC e a riferirne. Pubblicheremo ulteriori "
                            "rapporti e restiamo aperti alla collaborazione con gli altri Stati "
                            "membri che condividono il nostro impegno a preservare l’integrità del "
                            "regime sanzionatorio delle Nazioni Unite."
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "In sintesi",
                            "items": [
                                (
                                    "Il Gruppo multilaterale di monitoraggio delle sanzioni è "
                                    "stato istituito nell’ottobre 2024."
                                ),
                                "All’MSMT partecipano undici Stati.",
                                (
                                    "Il mandato del Panel di esperti delle Nazioni Unite sulla "
                                    "RPDC è scaduto il 30 aprile 2024, a seguito del veto russo "
                                    "del marzo 2024."
                                ),
                                "L’MSMT ha pubblicato il suo primo rapporto nel maggio 2025.",
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": (
                            "Comitato del Consiglio di sicurezza istituito dalla risoluzione 1718 "
                            "(2006)"
                        ),
                        "url": "https://www.un.org/securitycouncil/sanctions/1718",
                    },
                    {
                        "title": "Consiglio di sicurezza delle Nazioni Unite",
                        "url": "https://www.un.org/securitycouncil/",
                    },
                    {
                        "title": "Global Affairs Canada (Ministero degli Affari Esteri canadese)",
                        "url": "https://www.international.gc.ca/",
                    },
                ],
            },
            "ja": {
                "title": "多国間制裁監視チーム（MSMT）第1回報告書に関する共同声明",
                "summary": (
                    "多国間制裁監視チームに参加する11か国は、国連安全保障理事会決議に違反する北朝鮮"
                    "とロシアとの違法な軍事協力を明らかにした同チームの第1回報告書を歓迎する。"
                ),
                "dateline": "オタワ（オンタリオ州）",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "我々、オーストラリア、カナダ、フランス、ドイツ、イタリア、日本、"
                            "オランダ、ニュージーランド、大韓民国、英国及び米国の政府は、"
                            "多国間制裁監視チーム（MSMT）の第1回報告書の公表を歓迎する。"
                            "同報告書は、複数の国連安全保障理事会決議に違反する朝鮮民主主義人民共和"
                            "国（北朝鮮）とロシア連邦との間の違法な軍事協力について詳細に検証してい"
                            "る。"
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "我々11か国は、安保理1718委員会を補佐してきた専門家パネルの任期終了によ"
                            "って生じた空白を埋める一助とするため、2024年10月にMSMTを立ち上げた。"
                            "2024年3月にロシアが同パネルの任期延長に拒否権を行使したことにより、"
                            "国際社会は、制裁体制の履行状況及び制裁逃れの実態に関する独立した信頼で"
                            "きる情報源を失った。MSMTは、北朝鮮の核・弾道ミサイル計画に対応して安保"
                            "理が採択した制裁の完全な履行を支えるため、正確かつ事実に基づく評価を提"
                            "供することを目的としている。"
                        ),
                    },
                    {"type": "heading", "value": "第1回報告書の主な内容"},
                    {
                        "type": "paragraph",
                        "value": (
                            "報告書は、北朝鮮が弾道ミサイルや砲弾を含む大量の武器及び関連物資をロシ"
                            "アに移転し、ロシアがそれらを、ウクライナの都市や民間インフラへの攻撃を"
                            "含め、ウクライナ侵略に使用してきたことを明らかにしている。また、"
                            "報告書は、北朝鮮の軍人がロシアに派遣され、ロシア軍と共に戦闘に参加して"
                            "いることも記録している。"
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "その見返りとして、ロシアは北朝鮮に対し、安保理が定めた年間上限を超える"
                            "量の精製石油製品のほか、防空システムその他の軍事装備品及び技術を提供し"
                            "てきた。これらの移転は、北朝鮮が制裁を回避し、収入を得て、"
                            "違法な大量破壊兵器及び弾道ミサイル計画を進展させることを助けるものであ"
                            "る。"
                        ),
                    },
                    {
                        "type": "quotation",
                        "value": {
                            "quote": (
                                "安保理の制裁は、全ての加盟国を拘束するものである。我々は、"
                                "違反を公然と、かつ厳格に記録することにより、"
                                "人知れず制裁に違反することを誰にも許さない。"
                            ),
                            "attribution": "多国間制裁監視チーム参加国",
                        },
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "安保理常任理事国が関与するこのような協力は、国際的な不拡散体制を損なう"
                            "ものであり、欧州、朝鮮半島及びインド太平洋地域の平和と安全を脅かすもの"
                            "である。我々は、北朝鮮及びロシアに対し、安保理決議に違反する全ての活動"
                            "を停止するよう求めるとともに、全ての国連加盟国に対し、"
                            "関連する安保理決議を完全かつ効果的に履行するよう強く求める。"
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "MSMTは、北朝鮮に対する制裁の違反及び回避について、引き続き監視し、"
                            "報告していく。我々は今後も報告書を公表していくとともに、"
                            "国連制裁体制の信頼性を守るという決意を共有する他の加盟国との協力に引き"
                            "続き開かれている。"
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "概要",
                            "items": [
                                "多国間制裁監視チームは2024年10月に発足した。",
                                "MSMTには11か国が参加している。",
                                (
                                    "北朝鮮に関する国連専門家パネルの任期は、2024年3月のロシアの拒"
                                    "否権行使を受け、同年4月30日に終了した。"
                                ),
                                "MSMTは2025年5月に第1回報告書を公表した。",
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": "国連安全保障理事会1718委員会（北朝鮮制裁委員会）",
                        "url": "https://www.un.org/securitycouncil/sanctions/1718",
                    },
                    {"title": "国連安全保障理事会", "url": "https://www.un.org/securitycouncil/"},
                    {"title": "カナダ外務省", "url": "https://www.international.gc.ca/"},
                ],
            },
            "ko": {
                "title": "다국적제재모니터링팀(MSMT) 제1차 보고서 관련 공동성명",
                "summary": (
                    "다국적제재모니터링팀(MSMT) 참여 11개국은 유엔 안전보장이사회 결의를 위반한 "
                    "북한과 러시아 간 불법 군사협력을 기록한 MSMT 제1차 보고서 발간을 환영한다."
                ),
                "dateline": "오타와(온타리오주)",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "우리 호주, 캐나다, 프랑스, 독일, 이탈리아, 일본, 네덜란드, 뉴질랜드, "
                            "대한민국, 영국 및 미국 정부는 다국적제재모니터링팀(MSMT)의 제1차 "
                            "보고서 발간을 환영한다. 이 보고서는 다수의 유엔 안전보장이사회 결의를 "
                            "위반하는 조선민주주의인민공화국(북한)과 러시아연방 간 불법 군사협력을 "
                            "상세히 검토하고 있다."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "우리 11개국은 안보리 대북제재위원회(1718 위원회)를 지원해 온 전문가 "
                            "패널의 임기가 종료되면서 생긴 공백을 메우는 데 기여하고자 2024년 10월 "
                            "MSMT를 출범시켰다. 2024년 3월 러시아가 전문가 패널의 임기 연장에 "
                            "거부권을 행사함에 따라, 국제사회는 제재 체제의 이행 및 회피 실태에 "
                            "관한 독립적이고 권위 있는 정보원을 잃게 되었다. MSMT는 북한의 "
                            "핵·탄도미사일 프로그램에 대응하여 안보리가 채택한 제재의 완전한 "
                            "이행을 뒷받침하기 위해 정확하고 사실에 기반한 평가를 제공하는 것을 "
                            "목표로 한다."
                        ),
                    },
                    {"type": "heading", "value": "제1차 보고서의 주요 내용"},
                    {
                        "type": "paragraph",
                        "value": (
                            "보고서는 북한이 탄도미사일과 포탄을 포함한 대량의 무기 및 관련 물자를 "
                            "러시아에 이전하였으며, 러시아가 이를 우크라이나 도시와 민간 "
                            "기반시설에 대한 공격을 포함하여 우크라이나 침략 전쟁에 사용해 왔음을 "
                            "밝히고 있다. 보고서는 또한 북한군 병력이 러시아에 파병되어 러시아군과 "
                            "함께 전투에 참여하고 있다는 사실도 기록하고 있다."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "그 대가로 러시아는 안보리가 정한 연간 상한을 초과하는 정제유와 함께 "
                            "방공 체계 및 기타 군사 장비와 기술을 북한에 제공하였다. 이러한 이전은 "
                            "북한의 제재 회피와 수익 창출을 돕고, 불법적인 대량살상무기 및 "
                            "탄도미사일 프로그램의 진전에 기여하고 있다."
                        ),
                    },
                    {
                        "type": "quotation",
                        "value": {
                            "quote": (
                                "안보리 제재는 모든 회원국에 구속력을 갖는다. 우리는 위반 행위를 "
                                "공개적이고 철저하게 기록함으로써, 누구도 남몰래 제재를 위반할 수 "
                                "없도록 할 것이다."
                            ),
                            "attribution": "다국적제재모니터링팀 참여국",
                        },
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "안보리 상임이사국이 관여된 이러한 협력은 국제 비확산 체제를 훼손하고 "
                            "유럽, 한반도 및 인도·태평양 지역의 평화와 안보를 위협한다. 우리는 "
                            "북한과 러시아가 안보리 결의를 위반하는 모든 활동을 중단할 것을 "
                            "요구하며, 모든 유엔 회원국이 관련 결의를 완전하고 효과적으로 이행할 "
                            "것을 촉구한다."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "MSMT는 대북제재 위반 및 회피 행위를 계속 감시하고 이를 보고해 나갈 "
                            "것이다. 우리는 앞으로도 보고서를 발간할 것이며, 유엔 제재 체제의 "
                            "신뢰성을 지키고자 하는 우리의 의지를 공유하는 다른 회원국들과의 "
                            "협력에 열려 있다."
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "주요 사실",
                            "items": [
                                "다국적제재모니터링팀은 2024년 10월 출범하였다.",
                                "MSMT에는 11개국이 참여하고 있다.",
                                (
                                    "북한 관련 유엔 전문가 패널의 임기는 2024년 3월 러시아의 "
                                    "거부권 행사로 같은 해 4월 30일 종료되었다."
                                ),
                                "MSMT는 2025년 5월 제1차 보고서를 발간하였다.",
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": "유엔 안전보장이사회 1718 위원회(대북제재위원회)",
                        "url": "https://www.un.org/securitycouncil/sanctions/1718",
                    },
                    {"title": "유엔 안전보장이사회", "url": "https://www.un.org/securitycouncil/"},
                    {"title": "캐나다 외교부", "url": "https://www.international.gc.ca/"},
                ],
            },
            "nl": {
                "title": (
                    "Gezamenlijke verklaring over het eerste rapport van het Multilateraal "
                    "Sanctiemonitoringsteam"
                ),
                "summary": (
                    "De elf deelnemende staten van het Multilateraal Sanctiemonitoringsteam "
                    "verwelkomen het eerste rapport van het team, waarin de onrechtmatige "
                    "militaire samenwerking tussen de DVK en Rusland in strijd met resoluties van "
                    "de VN-Veiligheidsraad wordt vastgelegd."
                ),
                "dateline": "Ottawa (Ontario)",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "Wij, de regeringen van Australië, Canada, Frankrijk, Duitsland, "
                            "Italië, Japan, Nederland, Nieuw-Zeeland, de Republiek Korea, het "
                            "Verenigd Koninkrijk en de Verenigde Staten, verwelkomen de publicatie "
                            "van het eerste rapport van het Multilateraal Sanctiemonitoringsteam "
                            "(MSMT). Het rapport gaat uitvoerig in op de onrechtmatige militaire "
                            "samenwerking tussen de Democratische Volksrepubliek Korea (DVK) en de "
                            "Russische Federatie, die in strijd is met meerdere resoluties van de "
                            "VN-Veiligheidsraad."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Onze elf landen hebben het MSMT in oktober 2024 opgericht om bij te "
                            "dragen aan het opvullen van de leemte die ontstond toen het mandaat "
                            "afliep van het panel van deskundigen dat het 1718-sanctiecomité van "
                            "de Veiligheidsraad bijstond. Door in maart 2024 zijn veto uit te "
                            "spreken over de verlenging van dat mandaat, heeft Rusland de "
                            "internationale gemeenschap beroofd van een onafhankelijke en "
                            "gezaghebbende informatiebron over de uitvoering en omzeiling van het "
                            "sanctieregime. Het MSMT heeft tot doel nauwkeurige, op feiten "
                            "gebaseerde beoordelingen te leveren, ter ondersteuning van de "
                            "volledige uitvoering van de sancties die de Veiligheidsraad heeft "
                            "ingesteld als antwoord op het nucleaire en ballistische "
                            "raketprogramma van de DVK."
                        ),
                    },
                    {"type": "heading", "value": "Bevindingen van het eerste rapport"},
                    {
                        "type": "paragraph",
                        "value": (
                            "Het rapport beschrijft hoe de DVK grote hoeveelheden wapens en "
                            "aanverwant materieel aan Rusland heeft geleverd, waaronder "
                            "ballistische raketten en artilleriemunitie, die Rusland heeft ingezet "
                            "in zijn aanvalsoorlog tegen Oekraïne, onder meer bij aanvallen op "
                            "Oekraïense steden en civiele infrastructuur. Ook legt het rapport "
                            "vast dat militairen van de DVK zijn uitgezonden om aan de zijde van "
                            "Russische strijdkrachten te vechten."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "In ruil daarvoor heeft Rusland de DVK geraffineerde aardolieproducten "
                            "geleverd in hoeveelheden die het door de Veiligheidsraad vastgestelde "
                            "jaarlijkse plafond overschrijden, evenals luchtverdedigingssystemen "
                            "en andere militaire uitrusting en technologie. Deze leveringen helpen "
                            "de DVK sancties te omzeilen, inkomsten te genereren en haar "
                            "onrechtmatige programma's voor massavernietigingswapens en "
                            "ballistische raketten verder te ontwikkelen."
                        ),
                    },
                    {
                        "type": "quotation",
                        "value": {
                            "quote": (
                                "De sancties van de Veiligheidsraad zijn bindend voor alle "
                                "lidstaten. Door schendingen open en grondig vast te leggen, "
                                "willen wij ervoor zorgen dat niemand ze ongezien kan overtreden."
                            ),
                            "attribution": (
                                "De deelnemende staten van het Multilateraal Sanctiemonitoringsteam"
                            ),
                        },
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Deze samenwerking, waarbij een permanent lid van de Veiligheidsraad "
                            "betrokken is, ondermijnt het wereldwijde non-proliferatieregime en "
                            "bedreigt de vrede en veiligheid in Europa, op het Koreaanse "
                            "schiereiland en in de Indo-Pacific. Wij roepen de DVK en Rusland op "
                            "alle activiteiten te staken die in strijd zijn met resoluties van de "
                            "Veiligheidsraad, en wij doen een dringend beroep op alle lidstaten "
                            "van de VN om de relevante resoluties volledig en doeltreffend uit te "
                            "voeren."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Het MSMT zal schendingen en omzeiling van de sancties tegen de DVK "
                            "blijven volgen en daarover rapporteren. Wij zullen verdere rapporten "
                            "publiceren en staan open voor samenwerking met andere lidstaten die "
                            "ons streven delen om de integriteit van het VN-sanctieregime te "
                            "waarborgen."
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "Feiten op een rij",
                            "items": [
                                (
                                    "Het Multilateraal Sanctiemonitoringsteam is in oktober 2024 "
                                    "van start gegaan."
                                ),
                                "Elf landen nemen deel aan het MSMT.",
                                (
                                    "Het mandaat van het VN-panel van deskundigen voor de DVK liep "
                                    "op 30 april 2024 af, na een Russisch veto in maart 2024."
                                ),
                                "Het MSMT publiceerde zijn eerste rapport in mei 2025.",
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": (
                            "Comité van de Veiligheidsraad ingesteld bij resolutie 1718 (2006)"
                        ),
                        "url": "https://www.un.org/securitycouncil/sanctions/1718",
                    },
                    {"title": "VN-Veiligheidsraad", "url": "https://www.un.org/securitycouncil/"},
                    {
                        "title": (
                            "Global Affairs Canada (Canadees ministerie van Buitenlandse Zaken)"
                        ),
                        "url": "https://www.international.gc.ca/",
                    },
                ],
            },
        },
    },
    {
        "key": "fr-sanctions-circumvention-experts",
        "slug": "experts-meeting-sanctions-circumvention",
        "type": "news_release",
        "source": "fr",
        "lead": "FR",
        "signatories": ["FR"],
        "contacts": ["FR"],
        "topics": ["sanctions", "international-security"],
        "release": "2025-11-20T18:00",
        "release_time_zone": "Europe/Paris",
        "translations": ["en"],
        "text": {
            "fr": {
                "title": (
                    "La France réunit à Paris des experts de la lutte contre le contournement des "
                    "sanctions"
                ),
                "summary": (
                    "Le ministère de l’Europe et des Affaires étrangères a accueilli une réunion "
                    "d’experts consacrée aux moyens de mieux détecter et prévenir le contournement "
                    "des mesures restrictives internationales."
                ),
                "dateline": "Paris",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "Le ministère de l’Europe et des Affaires étrangères a réuni à Paris, "
                            "les 19 et 20 novembre 2025, des experts issus d’administrations de "
                            "pays partenaires, d’organisations internationales et du secteur privé "
                            "afin d’échanger sur les méthodes de contournement des sanctions et "
                            "sur les moyens d’y faire face."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Les échanges ont porté en particulier sur le recours à des sociétés "
                            "écrans, sur les transbordements illicites en mer et sur "
                            "l’acheminement de biens à double usage par des pays tiers. Les "
                            "participants ont souligné l’importance d’un partage d’informations "
                            "régulier entre autorités douanières, cellules de renseignement "
                            "financier et entreprises exportatrices."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Cette réunion s’inscrit dans l’engagement constant de la France en "
                            "faveur de la pleine application des sanctions décidées par le Conseil "
                            "de sécurité des Nations unies et des mesures restrictives adoptées "
                            "par l’Union européenne. Les travaux se poursuivront au premier "
                            "semestre 2026 sous la forme d’ateliers techniques."
                        ),
                    },
                ],
                "links": [
                    {
                        "title": "Ministère de l’Europe et des Affaires étrangères",
                        "url": "https://www.diplomatie.gouv.fr/",
                    },
                    {
                        "title": "Carte des sanctions de l’Union européenne",
                        "url": "https://www.sanctionsmap.eu/",
                    },
                ],
            },
            "en": {
                "title": (
                    "France brings together experts in Paris to counter sanctions circumvention"
                ),
                "summary": (
                    "The Ministry for Europe and Foreign Affairs hosted a meeting of experts on "
                    "ways to better detect and prevent the circumvention of international "
                    "restrictive measures."
                ),
                "dateline": "Paris",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "On 19 and 20 November 2025, the Ministry for Europe and Foreign "
                            "Affairs brought together in Paris experts from partner governments, "
                            "international organisations and the private sector to discuss the "
                            "methods used to circumvent sanctions and how to counter them."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Discussions focused in particular on the use of shell companies, "
                            "illicit ship-to-ship transfers at sea and the routing of dual-use "
                            "goods through third countries. Participants stressed the importance "
                            "of regular information sharing between customs authorities, financial "
                            "intelligence units and exporting companies."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "The meeting reflects France's steadfast commitment to the full "
                            "implementation of sanctions decided by the United Nations Security "
                            "Council and of restrictive measures adopted by the European Union. "
                            "Work will continue in the first half of 2026 in the form of technical "
                            "workshops."
                        ),
                    },
                ],
                "links": [
                    {
                        "title": "Ministry for Europe and Foreign Affairs (in French)",
                        "url": "https://www.diplomatie.gouv.fr/",
                    },
                    {"title": "EU Sanctions Map", "url": "https://www.sanctionsmap.eu/"},
                ],
            },
        },
    },
    {
        "key": "jp-kr-director-general-consultations",
        "slug": "japan-rok-director-general-consultations",
        "type": "readout",
        "source": "ja",
        "lead": "JP",
        "signatories": ["JP"],
        "contacts": ["JP"],
        "topics": ["international-security", "non-proliferation"],
        "release": "2024-09-12T19:00",
        "release_time_zone": "Asia/Tokyo",
        "translations": ["en"],
        "text": {
            "ja": {
                "title": "日韓局長級協議の開催",
                "summary": (
                    "9月12日、東京において日韓局長級協議が開催され、北朝鮮の核・"
                    "ミサイル問題や地域情勢について意見交換が行われました。"
                ),
                "dateline": "東京",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "本12日、東京において日韓局長級協議が行われました。"
                            "日本側からは外務省アジア大洋州局長が、韓国側からは韓国外交部アジア太平"
                            "洋局長がそれぞれ出席しました。"
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "双方は、北朝鮮による核・ミサイル開発の継続及び北朝鮮とロシアとの軍事協"
                            "力の進展に対する深刻な懸念を共有し、関連する国連安全保障理事会決議の完"
                            "全な履行に向け、日韓、日米韓で緊密に連携していくことを確認しました。"
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "また、双方は、日韓関係の更なる発展に向け、幅広い分野での交流と協力を推"
                            "進していくことで一致しました。次回協議は韓国で開催される予定です。"
                        ),
                    },
                ],
                "links": [{"title": "外務省", "url": "https://www.mofa.go.jp/mofaj/"}],
            },
            "en": {
                "title": "Japan–Republic of Korea Director-General-level consultations",
                "summary": (
                    "On 12 September, Japan and the Republic of Korea held Director-General-level "
                    "consultations in Tokyo and exchanged views on North Korea's nuclear and "
                    "missile issues and the regional situation."
                ),
                "dateline": "Tokyo",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "On 12 September, Director-General-level consultations between Japan "
                            "and the Republic of Korea were held in Tokyo. The Director-General of "
                            "the Asian and Oceanian Affairs Bureau of the Ministry of Foreign "
                            "Affairs of Japan and the Director-General for Asian and Pacific "
                            "Affairs of the Ministry of Foreign Affairs of the Republic of Korea "
                            "attended."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "The two sides shared serious concerns over North Korea's continued "
                            "nuclear and missile development and its deepening military "
                            "cooperation with Russia, and confirmed that Japan and the Republic of "
                            "Korea, as well as Japan, the United States and the Republic of Korea, "
                            "will work closely together towards the full implementation of the "
                            "relevant UN Security Council resolutions."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "The two sides also agreed to promote exchanges and cooperation in a "
                            "wide range of fields to further develop Japan–Republic of Korea "
                            "relations. The next round of consultations is scheduled to take place "
                            "in the Republic of Korea."
                        ),
                    },
                ],
                "links": [
                    {
                        "title": "Ministry of Foreign Affairs of Japan (in Japanese)",
                        "url": "https://www.mofa.go.jp/mofaj/",
                    },
                ],
            },
        },
    },
    {
        "key": "de-un-panel-of-experts-background",
        "slug": "background-un-panel-of-experts-dprk",
        "type": "backgrounder",
        "source": "de",
        "lead": "DE",
        "signatories": ["DE"],
        "contacts": ["DE"],
        "topics": ["sanctions", "non-proliferation"],
        "release": "2024-04-10T12:00",
        "release_time_zone": "Europe/Berlin",
        "translations": ["en", "fr"],
        "text": {
            "de": {
                "title": "Hintergrund: Das Ende der VN-Sachverständigengruppe zu Nordkorea",
                "summary": (
                    "Warum das Auslaufen des Mandats der Sachverständigengruppe des "
                    "1718-Sanktionsausschusses eine Lücke bei der Überwachung der Sanktionen gegen "
                    "die Demokratische Volksrepublik Korea hinterlässt."
                ),
                "dateline": "Berlin",
                "body": [
                    {"type": "heading", "value": "Wie das Sanktionsregime funktioniert"},
                    {
                        "type": "paragraph",
                        "value": (
                            "Seit 2006 hat der Sicherheitsrat der Vereinten Nationen als Reaktion "
                            "auf die Nukleartests und Raketenstarts Nordkoreas schrittweise "
                            "Sanktionen verhängt. Dazu gehören ein umfassendes Waffenembargo, "
                            "Beschränkungen für die Lieferung von Erdölerzeugnissen sowie "
                            "Ausfuhrverbote für Kohle, Eisen und Textilien. Alle Mitgliedstaaten "
                            "der Vereinten Nationen sind verpflichtet, diese Maßnahmen umzusetzen."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Seit 2009 wird der nach Resolution 1718 eingesetzte "
                            "Sanktionsausschuss von einer Sachverständigengruppe unterstützt. Die "
                            "unabhängigen Expertinnen und Experten untersuchen mutmaßliche "
                            "Verstöße, werten Hinweise der Mitgliedstaaten aus und legen dem "
                            "Sicherheitsrat regelmäßig Berichte mit Empfehlungen vor."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Am 28. März 2024 scheiterte die Verlängerung des Mandats am Veto "
                            "Russlands. Das Mandat der Sachverständigengruppe endet damit am 30. "
                            "April 2024. Deutschland setzt sich gemeinsam mit seinen Partnern "
                            "dafür ein, dass die Umsetzung der Sanktionen auch künftig unabhängig "
                            "und glaubwürdig überprüft wird."
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "Auf einen Blick",
                            "items": [
                                "Resolution 1718 wurde am 14. Oktober 2006 einstimmig angenommen.",
                                (
                                    "Die Sachverständigengruppe wurde 2009 durch Resolution 1874 "
                                    "eingesetzt."
                                ),
                                (
                                    "Bei der Abstimmung im März 2024 stimmten 13 Mitglieder des "
                                    "Sicherheitsrats für die Verlängerung; China enthielt sich."
                                ),
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": "Sanktionsausschuss 1718 der Vereinten Nationen (englisch)",
                        "url": "https://www.un.org/securitycouncil/sanctions/1718",
                    },
                    {"title": "Auswärtiges Amt", "url": "https://www.auswaertiges-amt.de/"},
                ],
            },
            "en": {
                "title": "Background: the end of the UN Panel of Experts on North Korea",
                "summary": (
                    "Why the expiry of the mandate of the Panel of Experts of the 1718 Sanctions "
                    "Committee leaves a gap in monitoring the sanctions against the Democratic "
                    "People's Republic of Korea."
                ),
                "dateline": "Berlin",
                "body": [
                    {"type": "heading", "value": "How the sanctions regime works"},
                    {
                        "type": "paragraph",
                        "value": (
                            "Since 2006, the United Nations Security Council has progressively "
                            "imposed sanctions in response to North Korea's nuclear tests and "
                            "missile launches. These include a comprehensive arms embargo, "
                            "restrictions on the supply of petroleum products and bans on exports "
                            "of coal, iron and textiles. All UN member states are obliged to "
                            "implement these measures."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Since 2009, the Sanctions Committee established under resolution 1718 "
                            "has been supported by a Panel of Experts. Its independent experts "
                            "investigate suspected violations, assess information provided by "
                            "member states and regularly submit reports with recommendations to "
                            "the Security Council."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "On 28 March 2024, the renewal of the mandate failed because of a "
                            "Russian veto. As a result, the Panel's mandate ends on 30 April 2024. "
                            "Together with its partners, Germany is working to ensure that the "
                            "implementation of the sanctions continues to be monitored "
                            "independently and credibly."
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "At a glance",
                            "items": [
                                "Resolution 1718 was adopted unanimously on 14 October 2006.",
                                "The Panel of Experts was established in 2009 by resolution 1874.",
                                (
                                    "In the vote in March 2024, 13 members of the Security Council "
                                    "voted in favour of renewal; China abstained."
                                ),
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": "United Nations 1718 Sanctions Committee",
                        "url": "https://www.un.org/securitycouncil/sanctions/1718",
                    },
                    {
                        "title": "Federal Foreign Office (in German)",
                        "url": "https://www.auswaertiges-amt.de/",
                    },
                ],
            },
            "fr": {
                "title": (
                    "Éclairage\u00a0: la fin du Groupe d’experts de l’ONU sur la Corée du Nord"
                ),
                "summary": (
                    "Pourquoi l’expiration du mandat du Groupe d’experts du Comité des sanctions "
                    "1718 laisse un vide dans la surveillance des sanctions visant la République "
                    "populaire démocratique de Corée."
                ),
                "dateline": "Berlin",
                "body": [
                    {"type": "heading", "value": "Le fonctionnement du régime de sanctions"},
                    {
                        "type": "paragraph",
                        "value": (
                            "Depuis 2006, le Conseil de sécurité des Nations unies a "
                            "progressivement adopté des sanctions en réaction aux essais "
                            "nucléaires et aux tirs de missiles de la Corée du Nord. Elles "
                            "comprennent notamment un embargo complet sur les armes, des "
                            "restrictions sur la fourniture de produits pétroliers ainsi que des "
                            "interdictions d’exportation de charbon, de fer et de textiles. Tous "
                            "les États membres de l’ONU sont tenus de mettre en œuvre ces mesures."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Depuis 2009, le Comité des sanctions créé par la résolution 1718 "
                            "s’appuie sur un Groupe d’experts. Ces experts indépendants enquêtent "
                            "sur les violations présumées, analysent les informations transmises "
                            "par les États membres et présentent régulièrement au Conseil de "
                            "sécurité des rapports assortis de recommandations."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Le 28 mars 2024, le renouvellement du mandat a échoué en raison du "
                            "veto de la Russie. Le mandat du Groupe d’experts prend donc fin le 30 "
                            "avril 2024. Avec ses partenaires, l’Allemagne s’attache à ce que la "
                            "mise en œuvre des sanctions continue de faire l’objet d’un contrôle "
                            "indépendant et crédible."
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "En bref",
                            "items": [
                                (
                                    "La résolution 1718 a été adoptée à l’unanimité le 14 octobre "
                                    "2006."
                                ),
                                "Le Groupe d’experts a été créé en 2009 par la résolution 1874.",
                                (
                                    "Lors du vote de mars 2024, 13 membres du Conseil de sécurité "
                                    "se sont prononcés en faveur du renouvellement\u202f; la Chine "
                                    "s’est abstenue."
                                ),
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": "Comité des sanctions 1718 des Nations unies (en anglais)",
                        "url": "https://www.un.org/securitycouncil/sanctions/1718",
                    },
                    {
                        "title": "Ministère fédéral allemand des Affaires étrangères (en allemand)",
                        "url": "https://www.auswaertiges-amt.de/",
                    },
                ],
            },
        },
    },
    {
        "key": "gb-climate-resilience-briefing-advisory",
        "slug": "media-advisory-climate-resilience-finance-briefing",
        "type": "media_advisory",
        "source": "en",
        "lead": "GB",
        "signatories": ["GB"],
        "contacts": ["GB"],
        "topics": ["climate"],
        "release": "2026-02-10T10:00",
        "release_time_zone": "Europe/London",
        "translations": [],
        "text": {
            "en": {
                "title": (
                    "Media advisory: technical briefing on climate resilience finance for small "
                    "island developing states"
                ),
                "summary": (
                    "Accredited journalists are invited to an on-the-record technical briefing by "
                    "FCDO officials on UK support for climate resilience in small island "
                    "developing states."
                ),
                "dateline": "London",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "The Foreign, Commonwealth & Development Office (FCDO) will hold an "
                            "on-the-record technical briefing for journalists on Tuesday 17 "
                            "February 2026 at its King Charles Street offices in London."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Senior officials will outline how UK funding is helping small island "
                            "developing states to prepare for and recover from extreme weather, "
                            "and will take questions on the practical delivery of this support. "
                            "The briefing will also be streamed for accredited media unable to "
                            "attend in person."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Journalists wishing to attend must register with the FCDO Newsdesk by "
                            "noon on Friday 13 February 2026, giving their name, media "
                            "organisation and a copy of valid press identification. Camera crews "
                            "and photographers should arrive by 10:30 to allow time for security "
                            "screening."
                        ),
                    },
                    {
                        "type": "quick_facts",
                        "value": {
                            "title": "Key details",
                            "items": [
                                "Date: Tuesday 17 February 2026",
                                "Time: 11:00 to 12:00 (UK time)",
                                "Venue: FCDO, King Charles Street, London SW1A 2AH",
                                "Registration closes: 12:00 on Friday 13 February 2026",
                            ],
                        },
                    },
                ],
                "links": [
                    {
                        "title": "Foreign, Commonwealth & Development Office on GOV.UK",
                        "url": (
                            "https://www.gov.uk/government/organisations/foreign-commonwealth-devel"
                            "opment-office"
                        ),
                    },
                ],
            },
        },
    },
    {
        "key": "kr-dprk-ballistic-missile-launch-2025-01-06",
        "slug": "statement-dprk-ballistic-missile-launch",
        "type": "statement",
        "source": "ko",
        "lead": "KR",
        "signatories": ["KR"],
        "contacts": ["KR"],
        "topics": ["non-proliferation", "international-security", "sanctions"],
        "release": "2025-01-06T15:00",
        "release_time_zone": "Asia/Seoul",
        "translations": ["en"],
        "text": {
            "ko": {
                "title": "북한의 탄도미사일 발사 관련 정부 성명",
                "summary": (
                    "정부는 오늘 북한의 탄도미사일 발사를 유엔 안보리 결의의 명백한 위반으로 "
                    "규정하고, 이를 강력히 규탄한다."
                ),
                "dateline": "서울",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "정부는 북한이 오늘 정오경 평양 일대에서 동해상으로 탄도미사일을 "
                            "발사한 것을 강력히 규탄한다. 이번 발사는 탄도미사일 기술을 이용한 "
                            "북한의 어떠한 발사도 금지하고 있는 다수의 유엔 안전보장이사회 결의를 "
                            "명백히 위반한 것이다."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "북한의 계속되는 탄도미사일 발사와 러시아와의 불법 군사협력은 한반도와 "
                            "역내는 물론 국제사회의 평화와 안정을 심각하게 위협하고 있다. 정부는 "
                            "북한이 모든 도발을 즉각 중단하고 비핵화를 위한 대화에 조속히 복귀할 "
                            "것을 촉구한다."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "정부는 미국, 일본 등 우방국 및 국제사회와 긴밀히 공조하여 안보리 "
                            "결의의 철저한 이행을 확보해 나가는 한편, 북한의 어떠한 도발에도 "
                            "단호히 대응해 나갈 것이다."
                        ),
                    },
                ],
                "links": [{"title": "대한민국 외교부", "url": "https://www.mofa.go.kr/"}],
            },
            "en": {
                "title": "Government statement on North Korea's ballistic missile launch",
                "summary": (
                    "The Government strongly condemns North Korea's ballistic missile launch today "
                    "as a clear violation of UN Security Council resolutions."
                ),
                "dateline": "Seoul",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "The Government strongly condemns North Korea's launch of a ballistic "
                            "missile from the Pyongyang area into the East Sea at around noon "
                            "today. The launch is a clear violation of multiple UN Security "
                            "Council resolutions that prohibit any launch by North Korea using "
                            "ballistic missile technology."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "North Korea's continued ballistic missile launches and its unlawful "
                            "military cooperation with Russia seriously threaten peace and "
                            "stability not only on the Korean Peninsula and in the region but also "
                            "across the international community. The Government urges North Korea "
                            "to immediately cease all provocations and to return promptly to "
                            "dialogue on denuclearization."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "The Government will work closely with the United States, Japan and "
                            "other partners, as well as the wider international community, to "
                            "ensure the thorough implementation of Security Council resolutions, "
                            "and will respond firmly to any provocation by North Korea."
                        ),
                    },
                ],
                "links": [
                    {
                        "title": "Ministry of Foreign Affairs of the Republic of Korea (in Korean)",
                        "url": "https://www.mofa.go.kr/",
                    },
                ],
            },
        },
    },
    {
        "key": "nl-human-rights-day-2024",
        "slug": "statement-human-rights-day-2024",
        "type": "statement",
        "source": "nl",
        "lead": "NL",
        "signatories": ["NL"],
        "contacts": ["NL"],
        "topics": ["human-rights"],
        "release": "2024-12-10T10:00",
        "release_time_zone": "Europe/Amsterdam",
        "translations": ["en"],
        "text": {
            "nl": {
                "title": (
                    "Verklaring van de Nederlandse regering ter gelegenheid van de Dag van de "
                    "Rechten van de Mens"
                ),
                "summary": (
                    "Op 10 december staat Nederland stil bij de aanneming van de Universele "
                    "Verklaring van de Rechten van de Mens en bevestigt het zijn inzet voor de "
                    "bescherming van mensenrechtenverdedigers wereldwijd."
                ),
                "dateline": "Den Haag",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "Op 10 december 1948 nam de Algemene Vergadering van de Verenigde "
                            "Naties de Universele Verklaring van de Rechten van de Mens aan. Ruim "
                            "75 jaar later zijn de beginselen van deze verklaring onverminderd "
                            "actueel: ieder mens heeft recht op waardigheid, vrijheid en gelijke "
                            "behandeling, waar ook ter wereld."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "De regering maakt zich ernstig zorgen over de toenemende druk op "
                            "mensenrechtenverdedigers, journalisten en maatschappelijke "
                            "organisaties in veel landen. Wie opkomt voor de rechten van anderen, "
                            "mag daarvoor nooit worden bedreigd, vervolgd of opgesloten."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Nederland blijft zich, bilateraal en in multilaterale fora zoals de "
                            "VN-Mensenrechtenraad, inzetten voor de bescherming van "
                            "mensenrechtenverdedigers en de bestrijding van straffeloosheid. "
                            "Daarbij werkt Nederland nauw samen met maatschappelijke organisaties, "
                            "die een onmisbare rol spelen bij het signaleren van schendingen."
                        ),
                    },
                ],
                "links": [
                    {
                        "title": (
                            "Universele Verklaring van de Rechten van de Mens (Verenigde Naties, "
                            "Engelstalig)"
                        ),
                        "url": (
                            "https://www.un.org/en/about-us/universal-declaration-of-human-rights"
                        ),
                    },
                    {
                        "title": "Ministerie van Buitenlandse Zaken",
                        "url": (
                            "https://www.rijksoverheid.nl/ministeries/ministerie-van-buitenlandse-z"
                            "aken"
                        ),
                    },
                ],
            },
            "en": {
                "title": "Statement by the Government of the Netherlands on Human Rights Day",
                "summary": (
                    "On 10 December, the Netherlands marks the adoption of the Universal "
                    "Declaration of Human Rights and reaffirms its commitment to protecting human "
                    "rights defenders worldwide."
                ),
                "dateline": "The Hague",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "On 10 December 1948, the General Assembly of the United Nations "
                            "adopted the Universal Declaration of Human Rights. More than 75 years "
                            "on, its principles remain as relevant as ever: every person, wherever "
                            "they are in the world, is entitled to dignity, freedom and equal "
                            "treatment."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "The government is seriously concerned about the growing pressure on "
                            "human rights defenders, journalists and civil society organisations "
                            "in many countries. Those who stand up for the rights of others must "
                            "never be threatened, prosecuted or imprisoned for doing so."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "The Netherlands will continue to work, bilaterally and in "
                            "multilateral forums such as the UN Human Rights Council, to protect "
                            "human rights defenders and to combat impunity. In doing so, it works "
                            "closely with civil society organisations, which play an indispensable "
                            "role in identifying violations."
                        ),
                    },
                ],
                "links": [
                    {
                        "title": "Universal Declaration of Human Rights (United Nations)",
                        "url": (
                            "https://www.un.org/en/about-us/universal-declaration-of-human-rights"
                        ),
                    },
                    {
                        "title": "Ministry of Foreign Affairs of the Netherlands (in Dutch)",
                        "url": (
                            "https://www.rijksoverheid.nl/ministeries/ministerie-van-buitenlandse-z"
                            "aken"
                        ),
                    },
                ],
            },
        },
    },
    {
        "key": "it-jp-trade-economic-security-dialogue",
        "slug": "italy-japan-trade-economic-security-dialogue",
        "type": "news_release",
        "source": "it",
        "lead": "IT",
        "signatories": ["IT", "JP"],
        "contacts": ["IT", "JP"],
        "topics": ["trade"],
        "release": "2026-01-20T16:00",
        "release_time_zone": "Europe/Rome",
        "translations": ["en", "ja"],
        "text": {
            "it": {
                "title": (
                    "Italia e Giappone rafforzano il dialogo su commercio e sicurezza economica"
                ),
                "summary": (
                    "Alti funzionari italiani e giapponesi si sono riuniti a Roma per discutere di "
                    "cooperazione commerciale, resilienza delle catene di approvvigionamento e "
                    "sicurezza economica."
                ),
                "dateline": "Roma",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "Si è svolta oggi alla Farnesina una riunione tra alti funzionari del "
                            "Ministero degli Affari Esteri e della Cooperazione Internazionale e "
                            "del Ministero degli Affari Esteri del Giappone, dedicata alle "
                            "relazioni commerciali bilaterali e alla sicurezza economica."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Le due delegazioni hanno passato in rassegna l’andamento degli scambi "
                            "e degli investimenti, che hanno beneficiato dell’Accordo di "
                            "partenariato economico tra l’Unione europea e il Giappone, e hanno "
                            "discusso iniziative comuni per rafforzare la resilienza delle catene "
                            "di approvvigionamento, in particolare nei settori dei semiconduttori "
                            "e delle materie prime critiche."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Italia e Giappone hanno concordato di proseguire il dialogo a livello "
                            "tecnico nel corso dell’anno e di favorire occasioni di incontro tra "
                            "le rispettive comunità imprenditoriali. La prossima riunione si terrà "
                            "a Tokyo."
                        ),
                    },
                ],
                "links": [
                    {
                        "title": (
                            "Ministero degli Affari Esteri e della Cooperazione Internazionale"
                        ),
                        "url": "https://www.esteri.it/",
                    },
                    {
                        "title": "Ministero degli Affari Esteri del Giappone (in inglese)",
                        "url": "https://www.mofa.go.jp/",
                    },
                ],
            },
            "en": {
                "title": "Italy and Japan strengthen their dialogue on trade and economic security",
                "summary": (
                    "Senior Italian and Japanese officials met in Rome to discuss trade "
                    "cooperation, supply chain resilience and economic security."
                ),
                "dateline": "Rome",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "Senior officials from the Italian Ministry of Foreign Affairs and "
                            "International Cooperation and the Ministry of Foreign Affairs of "
                            "Japan met today at the Farnesina to discuss bilateral trade relations "
                            "and economic security."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "The two delegations reviewed developments in trade and investment, "
                            "which have benefited from the Economic Partnership Agreement between "
                            "the European Union and Japan, and discussed joint initiatives to "
                            "strengthen supply chain resilience, particularly in semiconductors "
                            "and critical raw materials."
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "Italy and Japan agreed to continue the dialogue at technical level "
                            "during the year and to encourage opportunities for contact between "
                            "their business communities. The next meeting will be held in Tokyo."
                        ),
                    },
                ],
                "links": [
                    {
                        "title": (
                            "Italian Ministry of Foreign Affairs and International Cooperation (in "
                            "Italian)"
                        ),
                        "url": "https://www.esteri.it/",
                    },
                    {
                        "title": "Ministry of Foreign Affairs of Japan",
                        "url": "https://www.mofa.go.jp/",
                    },
                ],
            },
            "ja": {
                "title": "日伊、貿易・経済安全保障に関する対話を強化",
                "summary": (
                    "ローマにおいて日伊の高級事務レベル会合が開催され、貿易協力、"
                    "サプライチェーンの強靱化及び経済安全保障について議論が行われました。"
                ),
                "dateline": "ローマ",
                "body": [
                    {
                        "type": "paragraph",
                        "value": (
                            "本日、ローマのイタリア外務・国際協力省（ファルネジーナ）において、"
                            "同省と日本国外務省の高級事務レベルによる会合が開催され、"
                            "二国間の貿易関係及び経済安全保障について議論が行われました。"
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "双方は、日EU経済連携協定の恩恵を受けてきた貿易・"
                            "投資の動向を確認するとともに、特に半導体及び重要原材料の分野におけるサ"
                            "プライチェーンの強靱化に向けた共同の取組について議論しました。"
                        ),
                    },
                    {
                        "type": "paragraph",
                        "value": (
                            "日伊双方は、年内に実務レベルでの対話を継続するとともに、"
                            "両国経済界の交流の機会を促進していくことで一致しました。"
                            "次回会合は東京で開催される予定です。"
                        ),
                    },
                ],
                "links": [
                    {
                        "title": "イタリア外務・国際協力省（イタリア語）",
                        "url": "https://www.esteri.it/",
                    },
                    {"title": "外務省（英語版）", "url": "https://www.mofa.go.jp/"},
                ],
            },
        },
    },
]
