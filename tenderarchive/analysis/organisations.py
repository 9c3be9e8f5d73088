"""Organisations named in a text, with their role, and the awardees of the procedure.

Roles (issue 11): ``buyer`` (gemeente, inkoopbureau, inkooporganisatie, regional
backoffice), ``awardee`` (a party the text says was awarded or contracted),
``provider`` (a care provider named otherwise: Stichting X, X B.V., zorgaanbieder X,
members of a consortium), ``adviser`` (adviesbureau, VNG), ``court`` (rechtbank,
gerechtshof). Every organisation keeps the ``rule`` that found it and the ``sentence``.

Awardee rules (:func:`find_awardees`), each a fixed Dutch phrase:

* ``award_list``: a line announcing the awarded parties and ending in a colon ("De
  gegunde partijen zijn:", "hebben de volgende GI's de opdracht gegund gekregen:"),
  followed by list lines; in a list line "Voor stadsdeel Noord: A, B en C" the part
  after the colon is the list;
* ``award_inline``: "De volgende 3 aanbieders zijn gecontracteerd: A, B, C.";
* ``gegund_aan``: "gegund aan (het samenwerkingsverband) X", the verb also in quotes;
* ``winner``: "X, de winnaar van de aanbesteding", "X wint de aanbesteding", "De winnende inschrijving is van X"
  (branch orgs10);
* ``in_handen`` (branch orgs10): "De jeugdhulp komt (per 1 januari) in handen van X"; a party written with its partner
  after a slash ("gegund aan de combinatie A/B") is one awardee "A/B";
* ``aanbesteding_aan``: "de aanbesteding aan X";
* ``contract_met``: "overeenkomst/contract met X" in a sentence that says it was signed
  or closed (sluiten, tekenen);
* ``gegund_gekregen``: "X heeft ... gegund gekregen";
* ``contracted_list``: "De betrokken GI's zijn, naast de William Schrikker Stichting, het
  Leger des Heils, ... en Jeugd Veilig Verder." (also gecontracteerde/gegunde aanbieders zijn);
* ``afgerond_met``: "een gezamenlijk inkooptraject afgerond met de William Schrikker Stichting";
* ``onderbrengen_bij``: "de contracten onderbrengen bij één organisatie: MetMaya";
* ``aanbieders_vanaf``: "(zorg)aanbieders X en Y leveren/zorgen ... vanaf <date>";
* ``bij_aanbieder``: "ingekocht bij de regionale aanbieder X", "terecht bij zorgaanbieder X";
* ``winner_side`` (branch cv24): "X heeft de opdracht gekregen om vanaf <date> ...", "X heeft de aanbesteding
  gewonnen / het contract binnengehaald / de opdracht verworven": the award told by the winner;
* ``signing_parties`` (branch cv24): "van twee samenwerkingsverbanden, X en Y, hun handtekening gezet onder de
  overeenkomst": the providers who signed the agreement;
* ``levert_vanaf``: "Sinds 1 januari 2024 verzorgt X ... jeugdhulp", "Vanaf <date> is X
  verantwoordelijk voor de ... jeugdhulp" (a full date: "Sinds 2015 zijn gemeenten
  verantwoordelijk" names no party).

Branch orgs1 added, after the phrasings that recur over several dev sites: ``gunning_aan`` ("de gunning aan
zorgaanbieder i-Hub", "gunde ... aan X"), ``gaat_naar`` ("de opdracht gaat naar X"), ``winner`` for "een van de
winnaars", ``winner_side`` for "aan het langste eind trok", ``contract_met`` for a contract extended or agreed
("contractverlenging voor X", "afspraken gemaakt met jeugdhulpaanbieder X", "Met jeugdhulpaanbieders A en B gaan ze de
samenwerking aan"), ``contracted_list`` for "De deelnemende instellingen zijn:", ``consortium_members`` (the members of a
consortium the text says was awarded or will carry out the work), ``onderbrengen_bij`` for "één organisatie ...: X" and
``levert_vanaf`` for "besloten dat X vanaf <date> ... overnemen". Organisations (:data:`ROLE_PATTERNS`): providers after
their kind (``aanbieder_x``), parties by their part in the procedure (``party_in_procedure``, ``ruling_party``),
incumbents in a list, regions as bodies (``regio_x``, ``regio_list``), public bodies by head word, courts with their
seat as written, advisers asked for advice (``advice_by``) and bodies defined by an abbreviation in brackets
(``abbreviation``, role from the head word).

Branch orgs2 added, after the classes of dev misses that recur over several sites: providers by the shape of their
name (``name_head``) and by their relation to the buyer (``relation``), the parties at a ruling's head
(``ruling_head``), buyers from a dateline (``dateline``) or a list of municipalities buying together
(``joint_buyers``), parties listed under a line announcing them (``party_list``), the organisation of a person who
speaks for it (``staff_of``), bodies of interest (``interest_body``), providers named after their kind in brackets or
said to be the ones (``kind_list``), abbreviations spelled from inside words or written first, and awardees in the
passive, by the winner's idiom and with krijgen. A list that a rule must find a verb after is taken whole
(:data:`_ALIST`).

Branch orgs3: the title is read with the same rules and the headline's way without a verb (``headline_naar``); the
general Dutch ways of reporting a winner (``keuze_op``, ``gekozen_als``, ``toegekend_aan``, won in the past tense, "in de
wacht gesleept", "binnengehaald"); a party the text says was not awarded, lost, withdrew or objected, and the winner of
a tender for another service, are no awardees (:func:`_not_won`).

Branch orgs24: the win rules (``winner``, ``winner_side``, ``gaat_naar``) read a won lot or tender and "Winnaar is X";
a name ending in its legal form is a party even when it opens with a care word ("Jeugdhulp Zuid B.V."); a question
(:func:`_asked`) or a winner that is a buyer, a place or a person (:func:`_can_win`) gives no awardee.

Branch orgs4: parties named without a legal form by their part in court (``party_in_procedure``: "in het gelijk
gesteld", "naar de rechter gestapt", "als verliezer uit de bus"), by the person who acts for them (``on_behalf``,
``person_org``), by what they wrote (``author``), as a body named as such (``named_as``), after a bureau's kind
(``kind_bureau``), a jeugdregio named as a body (``jeugdregio_name``), the municipality of an office holder
(``office_of``), and the other members of a coordinated list with a known provider (``list_sibling``). A contract only
extended, a loser's idiom and a former provider named away from its award are no award.

Branch orgs5: the new provider named after its kind (``nieuwe_aanbieder``, not where the sentence only fears or expects
it), parties said to provide the care from a year on (``aanbieders_vanaf`` with a list as subject), an awardee's short
name read as the one full name the text gives after its kind (:func:`_full_name`); the current provider named as such
away from its award, and a party that took the award to court, are no awardees. Organisations: the parties a sentence
about a kind of party goes on to name ("Het gaat om A in X, B in Y en C", ``het_gaat_om``), a party's place in a list
cut off before the list is split (:data:`_IN_PLACE`), and the court named by its judge and seat ("de rechter in
Amsterdam", ``rechter_in``); parties that did or did not tender told in a subordinate clause ("nu X zich net als Y
niet heeft ingeschreven").

Branch orgs7: awardees told with gunnen and the party as indirect object (``gunt_x``: "De regio gunt X de opdracht",
"Aan X is de opdracht gegund"), contracted in the passive (``contracted``), "in zee" with the buyer (``in_zee``), chosen
as the new provider, the award received, the care provided by it from a date on; an award of an earlier round beside
this round's (:data:`_EARLIER`), a contract said to end, more loser's and objector's idioms, the provider until now
(:data:`_FORMER_WAS`; not one awarded again) and other social-domain services are no awards. Organisations: a
dateline under the page's title lines, a municipality as the buyer's companion or example, a ruling's parties in quotes
(:func:`_quoted_parties`), an officer's organisation (``officer_of``), the Raad van State and more kinds of party.

Branch orgs9: the party said to carry out the care after the award (``gaat_uitvoeren``: "X gaat de jeugdhulp
uitvoeren", "Vanaf 1 januari gaat X de jeugdhulp leveren"; not the buyer itself, nor denied or supposed) and the
awarded parties after their kind and a colon ("Er zijn drie aanbieders gecontracteerd: A, B en C", "gegund aan de
volgende partijen:"). Organisations: the national public bodies as a closed class (``public_body``: Raad voor de
Kinderbescherming, Inspectie, Commissie van Aanbestedingsexperts, a rekenkamer, a ministry, Veilig Thuis, the GGD in
full), the parties of a contract ("X, gevestigd te ...", ``gevestigd``), the bidders (``bidder``), a consortium's
members, a municipality named as the one that buys (``buyer_act``: "Zwolle koopt de jeugdhulp in", "de aanbesteding die
Zwolle heeft gehouden") or in a dateline whose sentence tells a purchase or contract, and a jeugdregio named after a
province or part of the country ("regio Twente"); "Stichting A en Stichting B" are two. An address ("Kerkstraat 5",
"Postbus 12", a postcode) and the page's menu lines under a list ("Lees ook", "Home") are no parties. Awardees also
as a plural subject ("A en B hebben de aanbesteding gewonnen"), per lot told elliptically ("perceel 2 aan B",
``perceel_aan``), as a notice's field ("Gegund aan: A", "Opdrachtnemer: A", ``field_line``), chosen with the verb last
("heeft A aangewezen als nieuwe aanbieder") and providing the care from a date or year on in the present ("A levert
vanaf 2025 de jeugdhulp"; not "sinds").

Branch orgs11: a party named by its place in a sentence alone (``party_position``: "samen met X", care or staff "bij
X", "ligt bij X", "lid van" an association, "contact opnemen met X", "welkom bij X", "door X uit te laten voeren", the subject of a subordinate or inverted
clause named twice on the page; not a person, place, region, law or political party, :func:`_positional`), an
abbreviation written first and spelled out as a phrase (:func:`_spelled_out`, "BEZINN (Boer en Zorg in Noord
Nederland)"), an institution and the organisation it belongs to ("instelling A van B", :func:`_unit_of`), one
``consortium`` pattern for a consortium's own name and its members, and a municipality named only as a place as the
buyer where a sentence has it buy (``place_buyer``), by its adjective's office holder or named by a clause
(``named_gemeente``).

Branch orgs13: what a page calls a programme, project or campaign, and its abbreviation, is no organisation
(:func:`_programmes`: "het actieprogramma Maatschappelijke Diensttijd (MDT)"), nor a word glued to a year
("Amersfoort2014"); an inkoopbureau or inkooporganisatie buys whatever its legal form; "Dienstverlening" is no "Dienst";
two words of the domain joined by "en" inside a name keep it whole in a list (:data:`_DOMAIN_PAIR`: "Centrum voor
Jeugd en Gezin Eikenrode").

Branch orgs14: a pattern that opens with a list or a name is tried only where one starts (:class:`_AtStarts`,
:func:`_rule_matches`), so a page is read in time linear in its length; "Jeugd en Gezin Noord" and "Jeugdzorg Caribisch
Nederland" are names, not the service; a name runs to the abbreviation in brackets that spells it with the words after
its "en" (:func:`_with_tail`: "Regionaal Inkoopbureau IJmond en Kennemerland (RIJK)"); the municipalities of a list
("de gemeenten A, B en C") on a page that names a body buying for them (a regional buyer named as a body, not "de regio
X" as a place) are concerned, not buyers; "de regio X" after a preposition of place ("in de regio Alkmaar", "uit de
regio Amersfoort") is where, not a body that buys (:data:`_IN_REGION`; "in de Regio Gooi en Vechtstreek", written as a
name, still is).

Branch orgs15: a sentence's opening adverb or function word is no part of the name after it (:data:`_OPENING_WORD`:
"Ook Eikenrode Jeugdhulp"); a legal form keeps its last dot ("X B.V.") and "X B.V.", "X B.V" and "X BV" are one party
(:func:`_legal_key`); a party's number in a ruling head's list and its legal form's description are no part of it
("1 Stichting X", "de besloten vennootschap met beperkte aansprakelijkheid X B.V."); "Stichting A en B B.V." are two
(:data:`_TWO_FORMS`); a list of two or more parties after "met", "door", "aan" or "bij" in a sentence about care are
providers (``prep_list``; not persons, places, regions, political parties or what a name says rather than who,
:func:`_prep_not_party`).

Branch orgs19: an approach, initiative, pilot or vision so named, a name "onder de noemer", and a name a sentence opens
with and calls a programme are programmes too ("Samen Sterk Zuid is een programma van ..."), as is the name of an
activity (:data:`_ACTIVITY_NAME`: "Kansrijk Opgroeien"); an organisation written with its first words abbreviated beside
its full name is one (:func:`_abbreviated_twice`: "JB Brabant", "Jeugdbescherming Brabant"), as is "de regio X" beside
the body that buys for it ("Netwerkorganisatie regio Alkmaar"); a team or department of
a named municipality or region is no organisation nor awardee (:func:`_team_of_buyer`: "het Expertiseteam Jeugd van
Holland Rijnland"); providers given as examples ("aanbieders, onder meer A, B en C"), under a line announcing "de
volgende aanbieders ... :" and in a table's column headed as providers (``party_table``) are read.

Branch orgs20: one organisation whose name a page writes with one word spelled two ways is read once, in the spelling
the page writes most (:func:`_spelling_variants`: "Willem" and "William Schrikker Groep"; both where each is written as
often, and never two places: "Zorggroep Almere", "Zorggroep Almelo"); a date after a name is no part of it
(:data:`_DATE_TAIL`: "Serviceorganisatie Jeugd ZHZ 15-08-2017"); the abbreviation of a council's audit committee is no
organisation (:func:`_council_organs`: "de rekenkamercommissie in Midden-Brabant (RMB)"); a municipality read under the
name the page writes ("Gemeente Den Haag" at a ruling's head) is not read again under its official name ("gemeente
's-Gravenhage"); a weekday, month or season alone is no organisation nor awardee (:data:`_TIME_WORD`).

Branch orgs21 (after the errors of one half of the dev sites, judged on the other, ``bench/organisation_halves.py``): a
name the page writes only inside a longer name read on it is a partial name (:func:`_inside_longer_names`: "Regio
Amsterdam" of "Jeugdbescherming Regio Amsterdam"; not a conjunct, "Kompaan en De Bocht"); "regio X" as the second of two
places after one preposition is where ("in Sliedrecht en regio ZHZ", :data:`_IN_REGION`); a person written with a title
of address or learning or with initials is no party nor awardee (:func:`_titled_person`: "drs. P. Bakker", "mr. dr. A.
de Vries", "J.W. Jansen"); a sentence's opening word is no part of a name with its legal form after it ("Ook Jeugdzorg
Noord-Brabant B.V."); "Stichting A en B Groep" are two (:data:`_TWO_FORMS`).

Branch orgs23: a cooperative's legal form after its name is read with it ("Kindzorg Nu Coöperatie U.A.", ``legal_form``;
"Coöperatie U.A." alone names nothing), and a name with a dotted legal form, "en" and another name is two parties
(:data:`_FORM_THEN_NAME`: "Zorgkracht B.V. en Kindzorg Nu U.A."); the providers a sentence says a kind of party are, a
list of two or more ("De aanbieders zijn A, B en C", "De gecontracteerde zorgaanbieders waren onder meer A en B",
``aanbieder_x``); a sentence's opening word with the name's article is no part of the name (:data:`_OPENING_ARTICLE`:
"Nu de Willem Schrikker Groep zich niet heeft ingeschreven"). Two spellings of one word each written once stay two
organisations: merging them into the spelling read first lowered recall and precision on the dev half not looked at.

Branch orgs25 (classes of words that are no organisation on pages never seen): an organ of a body -- its board,
council or college, or an office holder's title alone -- is no organisation nor awardee (:func:`_organ`: "de Raad van
Toezicht", "de Ondernemingsraad van Pluryn", "Gemeenteraad Ede", "het College van Burgemeester en Wethouders",
"Wethouders", "de Tweede Kamer"; not a court, "Raad van State", nor an advisory council), and a working group or
consultation of the buyers ("de Stuurgroep Jeugd", "het Portefeuillehoudersoverleg"); a municipality's front door is
its own staff (:data:`_FRONT_DOOR`: "Toegang Jeugd", "het Jeugdloket", "het Klantcontactcentrum"); a paper named by a
compound of its kind is a news medium ("de Gezinsbode", "het Dorpsblad"); a kind of party in the plural or a sector
written with a capital as one word names no party, nor does a body's kind word alone (:data:`_GENERIC`: "Huisartsen",
"Woningcorporaties", "het Onderwijs", "de Kinderopvang", "de Provincie", "het Ministerie"; "Zonnehuizen", "Lunetzorg"
are names).

Branch orgs27 (classes of position on pages never seen): a name that opens with a municipality's or region's word
(:data:`_BUYER_NAMED`: "Gemeente Epe", "Regio Noord-Veluwe", "Provincie Gelderland") is a buyer wherever it is listed
among parties, never a provider nor an awardee, and "Regio A en Regio B" are two; the partners after a head that runs
on ("Onze partners in de regio zijn onder meer:", "Onze samenwerkingspartners zijn A, B en C") are providers, on
their own lines or the head's (:data:`_PARTNERS_INLINE`); an article before a legal form is no part of a name ("gegund
aan De Stichting Pluryn"), nor is a party's part in a combination, which ends no list (:data:`_AS_ROLE`: "A als
hoofdaannemer en B als onderaannemer", "A, als penvoerder, en B"). Tried and left out: a party only said to carry out
the care ("X gaat de jeugdhulp leveren") read as a provider where the page names other parties awarded and its own
sentence tells no purchase -- it lowered awardee recall and role precision on the dev half not looked at.

Branch orgs28: the parties as the subject of an inverted main clause after a fronted phrase -- providing the care
(``care_subject``: "Samen met de gemeenten A en B leveren Pluryn en Karakter de jeugdhulp", "In de regio bieden X en
Y de zorg") or winning (``winner``: "Samen met de gemeente hebben A en B de aanbesteding gewonnen", "In 2024 wonnen A
en B de opdracht"); a municipality, region or province in lower case inside a list of parties (:data:`_BODY_ITEM`:
"Stichting Pluryn, gemeente Epe en Karakter hebben ... gewonnen") ends no list and yields no party, and one written
as a name in such a list ("Gemeente Epe") is a buyer beside the list's parties, never their sibling provider. Tried
and left out: a region written "regio X" in lower case counted as a body that buys for "de gemeenten A, B en C" (so
those are no buyers, orgs14's reading): held-out half 1 org P 0.753 -> 0.777, but half 0 org R 0.980 -> 0.961, its
gold naming the municipalities of "de gemeenten in de regio Alkmaar" as buyers (the corpus README's "not uniform").

Branch orgs29: the winners announced after a colon (``winner``: "Winnaars: A, B en C", "De winnaars zijn: A en B") and the
lots gone to parties (``gaat_naar``, ``perceel_aan``: "De percelen gaan naar A (perceel 1) en B (perceel 2)", "Perceel 1
gaat naar A en perceel 2 naar B", each party's lot in brackets dropped, :data:`_LOT_TAG`); a capitalised phrase at a
sentence's start, without a legal form or a body's head word and written nowhere inside a sentence, loses its first word
where that word is the sentence's -- an adverb's shape or written in lower case on the page -- and the page names the rest
on its own (:func:`_sentence_word_first`: "Voorlopig Pluryn en Karakter gaan ..." -> "Pluryn"; "Veilig Thuis" stays); a
kind of party in the plural after capitalised adjectives is no party (:data:`_GENERIC`: "Nieuwe Aanbieders", "Betrokken
Partijen"); a short name defined under a party's block at a ruling's head, after its seat and its part in the case, is
that party (:func:`_ruling_aliases`: "2 Stichting Reinier van Arkel, / gevestigd te ..., / geïntimeerde, / hierna: RvA,").

Branch orgs30, precision on pages never seen: a person by a common Dutch given name (:data:`_GIVEN_NAMES`,
:func:`_given_name_person`: "De winnaars zijn Gemeente Epe en Jan de Vries"; "Willemsen de Koning" and "Stichting Jan de
Vries" stay) is no awardee nor organisation, and a name run on by "en" into one ends before it ("het Bureau Jeugdzorg
Overijssel en Karin Smit"); the islands of Caribbean Netherlands are places (:data:`_CARIBBEAN`); one capitalised word
without a body's word or legal form that the page also writes in lower case is a common noun, not a party
(:func:`_without_common_nouns`: "Advies" of "het Advies en Meldpunt Kindermishandeling"); a party's part in a procedure
alone ("Eiseres", :data:`_PROCEDURE_ROLE`), a person's function or profession ("de Jeugdarts", "een Ondersteuner Jeugd en
Gezin", :data:`_FUNCTION_FIRST`; not "Huisartsenpraktijk De Linde") are no party, and a name cut at its hyphen ("Veilig
Thuis Oost-") ends before the cut word (:func:`_trimmed`); a site's own pages written as bullets under a party list
("- Vacatures", "- Cookiebeleid", :data:`_MENU_LINE`) end it, and a sentence's opening preposition with its article in
lower case is no part of the name after it (:data:`_OPENING_PREP`: "In de Raadscommissie Samenleving").

Branch orgs31: a person dropped from a list leaves the list's organisations in ("De winnaars zijn Gemeente Epe en Jan de
Vries": the buyer Gemeente Epe stays, by ``list_sibling`` with the person as the list's anchor); a name broken across a
line at its hyphen is read joined back (:data:`_HYPHEN_BREAK`: "Veilig Thuis Oost-\\nBrabant" is "Veilig Thuis
Oost-Brabant"); a committee of the council ("de Raadscommissie Samenleving", :data:`_WORKING_GROUP`) is the buyer's
organ, no party, while the advisory councils of the social domain ("Adviesraad Sociaal Domein", "Cliëntenraad",
"Jongerenraad") stay advisers, as the corpus gold has them; the national institutes, inspectorates and authorities
("Nederlands Jeugdinstituut", "Inspectie ...", "Jeugdautoriteit") named without acting are no party (:data:`_ONLY_NAMED_BODY`).
Branch orgs32, awardees in the layouts an award is written in on pages never seen: a table whose column is headed as
the winners (``award_table``: "| Perceel | Gegund aan |", "Winnaar", "Opdrachtnemer"; a cell "Niet gegund" names none);
a list line with a description in lower case after the name and a colon is the name before it ("- Stichting Pluryn:
ambulante jeugdhulp"), one with a lot before its colon the names after it ("Perceel 1: Pluryn"), and a lot by its number
is never a party (:data:`_LOT_NAME`); a head "Gegund aan:" or "... gegund aan de volgende partijen:" over its list
(``award_list``); the partners an award names right after its party ("gegund aan A in samenwerking met B", "aan A, samen
met B en C", :data:`_WITH_PARTNER`); a lot described in brackets ("Perceel 1 (ambulant) is gegund aan A, perceel 2
(verblijf) aan B", ``perceel_aan``); a capitalised "-bedrijf" word opening a name with its legal form stays in it
("Zorgbedrijf Noord B.V."). More heads over a list of awarded parties: the award received, won or closed with them ("De
volgende aanbieders hebben een contract gekregen:", "De gemeente heeft contracten gesloten met:", "verleend aan:"; not a
head that denies it, :data:`_DENIED_HEAD`); a line per lot with a dash ("Perceel 1 – Pluryn", :data:`_LOT_HEAD`) or with
the lot's service alone ("Perceel 2: Verblijf" over "Karakter"); a party's seat in brackets ends no list ("Karakter
(Ede), Pluryn (Nijmegen)", :data:`_BRACKETED`); "en voor perceel 2 aan B" and "gegund aan de stichting X"; a general
partnership's "V.O.F." and a legal form in lower case stay with the name ("Lijn5 V.O.F.", was "Lijn5 V"; "Pluryn bv en
Karakter vof"). Words that name no party on pages never seen: a title-cased headline's past participle
("Aanbieders Gezocht", in :data:`_VERB`), a front desk written as one compound ("het Jongerenloket", :data:`_FRONT_DOOR`;
"Juridisch Loket" stays) and a condition or its abbreviation ("kinderen met ADHD en Autisme", :data:`_CONDITION`).

Branch orgs33: the party chosen for a lot is an awardee ("Voor perceel 1 is gekozen voor X", ``gekozen_voor``; "gekozen
voor" without a lot names a choice of anything) and so is the next lot's choice in its sentence ("... en voor perceel 2
voor B"); a legal form written before the name gives its party ("gegund aan de B.V. Zorgkracht"). A name right after
the word a product is called by ("het systeem GGD GHOR", "via het platform X", "de software X",
:data:`_PRODUCT_BEFORE`) is a system, not a party; a profession or job title alone ("de Huisarts", "Orthopedagogen",
:data:`_PROFESSION`) names a person's work, not an organisation; a service named alone where a provider would stand
("Aanbieders zoals Dagbesteding en Logeeropvang", "Beschermd Wonen", in :data:`_SERVICE`) is none either.
Branch orgs34 (``bench/organisation_halves.py``, half 0's errors read, half 1 judged): the corpus gold names a
municipality as a buyer where it buys, contracts or is a party in court (it does not leave municipalities out of the
organisations), so a municipality is read as one only where it acts: the members that spell out a group the sentence
names ("door de gemeenten in de regio X, zijnde de gemeenten A, B en C", :func:`_specified`) are no buyers each
(branch orgs36: examples of a group that acts, "Het gaat onder meer om de gemeenten A en B", are buyers, the corpus
README's rule 2). The care received from a party names it as a provider
(``party_position``: "krijgen hulp van Karakter", "worden geholpen door Karakter"); a safety house is a desk of the
municipalities and their partners ("het Veiligheidshuis", in :data:`_FRONT_DOOR`) and care named by how or where it is
given ("Jeugdhulp Op Maat", "Zorg Dichtbij", in :data:`_SERVICE`) is no party. The municipalities at a ruling's head
beside the regional body that buys for them ("1 Gemeenschappelijke Regeling Inkoopbureau H10, ... 2. Gemeente Den Haag,
...") are its members, not buyers each (:func:`_without_members_at_ruling_head`, orgs14's reading at a ruling's head).
The second partner written with its preposition again is read beside the first ("werkt samen met Pluryn en met
Karakter", ``party_position``, :data:`_FIRST_PARTNER`); councils named in the plural ("de Adviesraden Sociaal Domein
van de HBEL gemeenten", :data:`_PLURAL_COUNCILS`) are several bodies, no one organisation; a dateline over national
politics ("ALKMAAR - Zorgminister ... zet vraagtekens bij het aanbesteden", :data:`_NATIONAL_SUBJECT`) names no buyer.
Branch orgs35 (the dev gold's buyers reviewed against the corpus README's rules first, then half 0's errors read): the
municipalities listed as the area served ("Jeugdigen in de gemeenten Alkmaar, Bergen en Heiloo ...", :data:`_AREA_BEFORE`)
are no buyers; a municipality named setting its tender going ("Maastricht heeft de aanbesteding ... in gang gezet"),
after the verb of a signed contract ("hebben Leiden, Leiderdorp en Oegstgeest en het Samenwerkingsverband A het contract
... ondertekend", ``buyer_act``) or in brackets after the group that buys ("De 7 gemeenten in Zuid-Drenthe (A, B en C)
hebben ... ingekocht", ``bracketed_buyers``) is a buyer.
Branch orgs36 (the corpus README's rules of round orgs35, half 0's errors read, half 1 judged): examples of a group that
buys ("Het gaat onder meer om de gemeenten Hilversum, ...") are buyers (rule 2; only members spelling out a group,
"zijnde"/"te weten"/"bestaande uit", are not); so are one named after a group named by its region ("7 gemeenten in
Midden Limburg, waaronder Weert"), the municipality of "het college van B&W De Bilt", and the one municipality a page
names where it speaks as "we/wij als gemeente" (``we_gemeente``); the municipality of a wethouder speaking for a group
("wethouder in de gemeente Heiloo en woordvoerder namens de zes gemeenten", :func:`_speaks_for_group`) and a letter's
addressees on a line of their own ("De Colleges van Burgemeester en Wethouders van de gemeenten A, B en C",
:func:`_addressed`) are no buyers.

Branch orgs37 (half 0's errors read, half 1 judged; precision on pages never seen first): a jeugdregio named by a
one-word short name or abbreviation of the project's region list ("H10", "IJmond", :func:`_short_regions`) is a buyer
only where a page writes it as the region's abbreviation after "regio" and its name ("de regio Haaglanden (H10)") or as
an item of a list of regions ("vier samenwerkende jeugdhulpregio's (Alkmaar e.o., IJmond, ...)", an item "X e.o." a
region as written), never named alone ("de kinderen van Rijnmond"); "de regiogemeenten A, B en C" are municipalities,
not regions as bodies; an office holder advocating a view ("de wethouder van Enschede pleit voor ...") and a council
only told or asking ("De gemeenteraad van Enkhuizen is niet op de hoogte gebracht"; the corpus README's rule 1) name
no buyer (:func:`_office_acts`), nor does a wethouder or college a question or letter is put to ("vragen gesteld aan
wethouder X over de aanbesteding", :data:`_ASKED_OF`) or a sentence on every party ("iedere hulpverlener ... krijgt een
contract met de gemeente", :data:`_EVERY`) make the one municipality a page names a buyer.

Branch orgs38 (emit less and surer; half 0's errors read, half 1 judged): the lower court named in an appeal ("het door
de rechtbank X gewezen vonnis", "De rechtbank X had eerder ...") on a page whose first-named court is a court of appeal
is no organisation (:func:`_without_lower_court`); a national body or research bureau named only in passing (cited,
quoted, its study, in deliberation: "Volgens de VNG ...", "Uit onderzoek van bureau X ...") is no buyer or adviser unless
a sentence ties it to the purchase (:func:`_without_cited_bodies`); a provider's partners named before the words of its
award ("In samenwerking met A en B gaat X ... leveren") are no awardees (:data:`_PARTNER_BEFORE`).

Branch orgs39 (awardees told at more length): up to twelve words of the object's scope between the award's noun and
its verb ("X heeft de aanbesteding voor de jeugdhulp in de regio Y gewonnen", "De opdracht voor ... is naar X gegaan";
no relative clause, agent or denial between, :data:`_SCOPE`), the winner set among others ("X heeft als een van vijf
partijen het perceel ... binnengehaald", :data:`_AMONG`), and a consortium set off after its name with its members
("GO! voor jeugd, een samenwerking van stichting A, B en C, heeft ... gewonnen", :data:`_CONSORTIUM_APPOSITION`): the
consortium is the awardee, read whole ("GO! voor jeugd", not "GO!"), its members only where the text says they were
contracted.

Branch orgs40: a consortium set off with its members by a clause ("het consortium X, bestaande uit A en B, gaat de zorg
leveren", "..., gevormd door A en B, heeft ... gewonnen") in the subject of ``winner``, ``winner_side`` and
``gaat_uitvoeren``, and named after its kind as the object or subject of a win ("De opdracht gaat naar het consortium
X", "gewonnen door de combinatie X", "Het consortium X gaat de zorg leveren", :data:`_CONSORTIUM_KIND`): the consortium is
the awardee, its members providers. Organisations: the parties of a ruling named by their part in the case
(``party_label``: "In de zaak tussen A, B en C, eiseressen, en ...", "eisers: de stichtingen A, B en C", "X,
verzoekster, tegen de gemeente Y, verweerster"), the role from the head word; a person is none.
A jeugdregio's name right after a lower-case care or tender word names the area of the service or tender ("de
aanbesteding crisishulp Zuid-Limburg", :data:`_AREA_OF_THING`), not a body that buys (``jeugdregio_name``).
Branch orgs41 (half 0's errors and its negative pages read, half 1 judged): one regional body named two ways on a page
-- a jeugdregio and the body buying for the whole of it ("Regio Haaglanden", "H10"), with and without its legal form
("Gemeenschappelijke regeling RSJ IJsselland", "Regionaal Serviceteam Jeugd IJsselland"), "Jeugdhulpregio X" and "regio
X" -- is one organisation, read once under the name that is not the region's (:func:`_one_body`, identities from
``jeugdregios.csv`` and ``regional_buyers.csv``); a subregio keeps its own, and the region a municipality buys for as
its centrumgemeente is that municipality's area (:data:`_CENTRE_OF`). A name run on into shouted text in capitals
holding a function word ends before it (:func:`_unshouted`: an advertisement beside a scanned paper's column), and a
phrase with a document's word in it names the document (:func:`_document_name`: "GGD Protocol Meldingen ..."); a job
title is a person's work (:data:`_FUNCTION_FIRST`: "Contractmanager Jeugd", "Senior Inkoper Sociaal Domein"), and a local
party a councillor is named with is a political party (:data:`_POLITICAL`: "Eerlijk Alternatief", "Stadspartij Epe"),
and teams in the plural and fields named alone are no party (:data:`_GENERIC`: "de Lokale Teams", "het Sociaal Domein").
Names are runs of capitalised words (with ``van``, ``de``, ``der``, ``voor``, ``en``
inside a name, ``&``, ``!``, digits and legal forms), joined by spaces and starting at a word; a capitalised article
inside a sentence is part of the name ("met De Rading"); a bare municipality name in a list is a place, not a party. Hand-written: a general Dutch NER model would need a model
download and still would not know who was *awarded*.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator

from tenderarchive import reference
from tenderarchive.awards.names import name_key

# a capitalised word; its hyphens are its own ("Gemiva-SVG", "Jeugd-"), so words join by a space only: with a hyphen
# both inside a word and between words, "A-B-C-..." could be cut in 2^n ways (branch orgs1: 300 hyphenated words took
# minutes)
# (branch orgs12: also a word of one lower-case letter, a hyphen and a capital, "Ketenbureau i-Sociaal Domein")
_UP = r"(?:[A-ZÀ-Ý][\w&'!+]*- (?:en|&) [\w]+|[A-ZÀ-Ý0-9][\w&'!+]*(?:-[\w&'!+]*)*|[a-z][A-Z][\w!+]*(?:-[\w!+]*)*|[a-z]-[A-ZÀ-Ý][\w&'!+]*(?:-[\w&'!+]*)*)"
# (branch orgs9: not the "en" before a legal form or a kind that opens the next name: "Stichting A en Stichting B",
# "Gemeente A en Gemeente B" are two)
# (branch orgs27: nor before a capitalised article or "Regio", "Stichting Pluryn en De Rading", "Regio A en Regio B" are two)
_CONN = (r"(?:van|de|der|den|des|het|voor|in|op|&|'t|"
         r"en(?= (?!(?:Stichting|Coöperatie|Vereniging|Gemeente|Regio|Rechtbank|Gerechtshof|Zorggroep|De|Het)\b)[A-Z][\w-]*(?: [A-Z]|$)))")
# At most 16 words after the first (with up to 3 joining words each): a name unbounded made a rule
# that starts with one quadratic on a run of capitalised words ("Gemeente " x 3000: 15 s).
# branch orgs2: a name may end in a lower-case "groep" ("de Pluryn groep", "Willem Schrikker groep"): without it a list
# "A, B groep, C en D" ended at B
# (branch orgs32: also a general partnership's form, "Lijn5 V.O.F." (was "Lijn5 V"), and a legal form in lower case,
# "Pluryn bv en Karakter vof")
# (branch orgs39: and a brand's exclamation mark followed by whom it is for in lower case, "GO! voor jeugd" (was "GO!"))
_NAME = (rf"(?<![\w'’!&+-])(?:['’][st][ -])?(?:{_UP}|GGZ)(?: (?:{_CONN} ){{0,3}}(?:B\.V\.|N\.V\.|U\.A\.|V\.O\.F\.|"
         rf"(?:bv|vof|b\.v\.|v\.o\.f\.)(?![\w])|{_UP})){{0,16}}"
         r"(?: (?:groep|jeugdhulp|jeugdzorg)\b|(?<=!) voor (?:jeugd|gezin|gezinnen|zorg|welzijn|jongeren|ouders|kind|kinderen)\b)?")
# a list of names on one line: "A, B en C", "De Rading, Timon, het Leger des Heils en Youké" (branch orgs1: an article
# before a later name no longer ends the list, and the "en" of "Bezwaren" is no list word)
# branch orgs27: a party's part in a combination written after its name ("A als hoofdaannemer en B als onderaannemer",
# "A, als penvoerder, en B") is no part of the name and does not end the list
_AS_ROLE = (r"(?:,? als (?:hoofd|onder|co-?)?(?:aannemer|opdrachtnemer|aanbieder)|,? als penvoerder|,? als (?:hoofd|onder)?"
            r"contractant)(?![\w-])(?:,(?= en ))?")
_AS_ROLE_RX = re.compile(_AS_ROLE)
# branch orgs28: a municipality, region or province written in lower case in the list ("Stichting Pluryn, gemeente Epe
# en Karakter hebben ... gewonnen") is one of its items, not its end; it yields no name of its own (the buyer is read
# by the buyer rules), so the parties around it stay one list
_BODY_ITEM = r"(?:gemeente|regio|provincie) (?=[A-ZÀ-Ý'’])"
_LIST = (rf"{_NAME}(?:{_AS_ROLE})?(?:(?:, ?| en )(?:de |het |{_BODY_ITEM})?{_NAME}(?:{_AS_ROLE})?){{0,24}}")
# branch orgs2: a list that a rule starts with, taken whole (an atomic group): "en" both joins a name ("Maas en Waal")
# and a list, so a list that is not followed by the rule's verb was cut in exponentially many ways before failing
# ("A Groep en " x 16: seconds, x 30: hours)
_ALIST = rf"(?>{_LIST})"  # bounded: a rule that starts with a list is tried at every word
# branch orgs10: a list whose names may be written with a partner or parent after a slash ("A/B, C en D/E"), split with
# _SLASHED; each slashed part is bounded, as _NAME is
_SLIST = (rf"{_NAME}(?:/{_NAME}){{0,3}}(?:{_AS_ROLE})?(?:(?:, ?| en )(?:de |het )?{_NAME}(?:/{_NAME}){{0,3}}(?:{_AS_ROLE})?)"
          r"{0,24}")
# branch orgs29: a list whose parties may each have their lot in brackets after them ("A (perceel 1) en B (percelen 2 en
# 3)"); the brackets are dropped before the list is split (:data:`_LOT_TAG`)
_LOT_TAG = r" \((?:[Pp]erce(?:el|len)|[Kk]avels?|[Ll]ots?|[Dd]eel) [\w-]{1,6}(?:(?:, ?| en )[\w-]{1,6}){0,6}\)"
_LOT_LIST = (rf"{_NAME}(?:{_LOT_TAG})?(?:{_AS_ROLE})?(?:(?:, ?| en )(?:de |het |{_BODY_ITEM})?{_NAME}(?:{_LOT_TAG})?"
             rf"(?:{_AS_ROLE})?){{0,24}}")
_LOT_TAG_RX = re.compile(_LOT_TAG)
# branch orgs14: a name or a list as long as it runs (no bound), taken whole: one pass over a text finds where every
# name and every list starts (:func:`_run_starts`)
_NAME_RUN = re.compile("(?>" + _NAME.replace("{0,16}", "*", 1) + ")")
_LIST_RUN = re.compile("(?>{n}(?:(?:, ?| en )(?:de |het |{b})?{n})*)".format(n=_NAME.replace("{0,16}", "*", 1), b=_BODY_ITEM))


class _AtStarts:
    """A pattern whose alternatives that open with a list (``lists``) or a name (``names``) are tried only where a list
    or a name starts, the others (``led``, each opened by its own words) everywhere (branch orgs14).

    Tried at every word, as one regular expression, an alternative that opens with a list reads the list from each of
    its words to its end before failing on the words after it: a text that is one long run of capitalised words
    ("Centrum voor Jeugd en Gezin en " x 1300, 40 KB) took seconds, each word paying for up to 25 names of 17 words.
    A list read from a later word of the same run ends where the run's own does, so it fails as the run's did; a name
    read from a later word of a name could have been read from the name's start, which is tried first. Matches are
    those of ``finditer``: leftmost, not overlapping."""

    def __init__(self, led: list[str] = (), lists: list[str] = (), names: list[str] = ()):
        self.led = re.compile("|".join(led)) if led else None
        self.lists = re.compile("|".join(lists)) if lists else None
        self.names = re.compile("|".join(names)) if names else None
        self.pattern = "|".join([*led, *lists, *names])

    def finditer(self, text: str, starts: tuple[list[int], list[int]] | None = None) -> list[re.Match]:
        list_starts, name_starts = starts if starts is not None else _run_starts(text)
        found = list(self.led.finditer(text)) if self.led else []
        for rx, at in ((self.lists, list_starts), (self.names, name_starts)):
            if rx is not None:
                found += [m for s in at if (m := rx.match(text, s))]
        found.sort(key=lambda m: (m.start(), -m.end()))
        out: list[re.Match] = []
        for m in found:
            if not out or m.start() >= out[-1].end():
                out.append(m)
        return out


@functools.lru_cache(maxsize=4)
def _run_starts(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each list and each name of ``text`` starts (the longest ones, read left to right)."""
    return tuple(m.start() for m in _LIST_RUN.finditer(text)), tuple(m.start() for m in _NAME_RUN.finditer(text))


# branch orgs14: a region named as where something is, with a preposition of place before it
# (branch orgs21: also the second of two places after one preposition, "in Sliedrecht en regio ZHZ", "uit Gouda en de
# regio Midden-Holland")
_IN_REGION = re.compile(r"(?<![\w-])(?:[Ii]n|[Uu]it|[Bb]innen|[Bb]uiten|[Rr]ond(?:om)?) (?:de |het |heel de |onze |deze )?"
                        r"(?:(?:'s-)?[A-Z][\w'-]*(?: (?:aan de |aan den |op |)[A-Z][\w'-]*){0,2} en (?:de |het )?)?\Z")

_OPENS_LIST = f"(?P<names>{_ALIST})"
_OPENS_NAME = f"(?P<names>{_NAME}"


def _rule_matches(rx: str, text: str) -> list[re.Match]:
    """``re.finditer(rx, text)``, but a rule that opens with a list or a name is tried only where one starts (branch
    orgs14, as :class:`_AtStarts`; a list not taken whole, with a partner after a slash, may start at any name)."""
    if rx.startswith(_OPENS_LIST):
        at = _run_starts(text)[0]
    elif rx.startswith(_OPENS_NAME):
        at = _run_starts(text)[1]
    else:
        return list(re.finditer(rx, text))
    compiled = re.compile(rx)
    out: list[re.Match] = []
    for s in at:
        if (not out or s >= out[-1].end()) and (m := compiled.match(text, s)):
            out.append(m)
    return out
# kinds of party written before a provider's name: "jeugdhulpaanbieders A en B", "zorginstelling Pluryn",
# "jeugdzorgorganisatie Intervence", "grote zorginstellingen als A, B en C"
_KIND = (r"(?<![\w-])(?:(?:[Jj]eugdzorg|[Jj]eugdhulp|[Jj]eugdbeschermings|[Zz]org|[Ww]elzijns|(?:[Jj]eugd-)?(?:[Gg]gz|GGZ)-)"
         r"(?:aanbieders?|instelling(?:en)?|organisaties?)|[Aa]anbieders?|[Zz]orgverleners?)")
# a name written as a brand with a lower-case start ("rondomJou"): read only where the kind of party is named before it
_BRAND = rf"(?:[a-z]+-?[A-Z][\w!+-]*|{_NAME})"
_SLASHED = rf"{_BRAND}(?:/{_BRAND})*"  # a party named with its parent ("Triade/Vitree", branch cv36)
# (branch orgs2: the "en" of a word cut short, "Jeugd- en Gezinsbeschermers", joins one name)
_LIST_SEP = re.compile(r"(?<!-)\s*(?:,|;|(?<!- )\b(?i:en)\b|\bof\b|&(?= [A-Z][\w-]* [A-Z]))\s*|(?<=!)\s+(?=[A-Z])")
_STOP = {"De", "Het", "Een", "Jeugdhulp", "Op", "In", "Tot", "Voor", "Deze", "Die", "Dat", "Alle", "Ook", "Zij",
         "Wij", "We", "Verder", "Daarnaast", "Momenteel", "Inmiddels", "Nu", "Toen", "Er", "Hier", "Daar", "Dan", "Wel",
         "Gecertificeerde Instellingen", "Gecertificeerde Instelling", "Gemeenten", "Gemeente", "Regio", "De gemeente", "Jeugd", "Wmo", "GI", "GI's", "Jeugdigen", "Cliënten"}
_PROVINCES = {"Groningen", "Friesland", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
              "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Brabant", "Limburg", "Twente",
              "Nederland", "de regio"}
# (branch orgs7: a service word before "Nederland" names the national body: "Jeugdzorg Nederland")
# (branch orgs14: "Jeugd", "Jeugdhulp" and "Jeugdzorg" open a name, not a service, when a word of the domain joined by
# "en" and a capitalised word follow ("Jeugd en Gezin Noord") or two capitalised words do ("Jeugd Veilig Verder",
# "Jeugdzorg Caribisch Nederland"))
_SERVICE = re.compile(r"^(?:Ambulante|Specialistische|Enkelvoudige|"
                      r"(?:Jeugdhulp|Jeugdzorg|Jeugd)(?!- (?:&|en) )(?! Nederland$)(?! (?:en|&) [A-Z][a-z]+ [A-ZÀ-Ý])"
                      r"(?! [A-Z][a-z]+ [A-Z][a-z]+$)|Crisis\w*|Dyslexie\w*|"
                      r"Pleegzorg|Wmo|Gezin|Kinderen|Ouders|Onderwijs)\b"
                      # (branch orgs32) a lot's service alone under its lot ("Perceel 2: Verblijf")
                      r"|^(?:Verblijf|Dagbehandeling|Behandeling|Begeleiding|Ambulant|Crisisopvang|Logeeropvang)$"
                      # (branch orgs33) a service named alone where a provider would stand ("Aanbieders zoals
                      # Dagbesteding en Logeeropvang", "samen met Beschermd Wonen")
                      r"|^(?:[A-Z][a-z]*begeleiding|Dagbesteding|Logeerzorg|Respijtzorg|(?:Beschermd|Begeleid) Wonen|"
                      r"Kortdurend Verblijf|Huishoudelijke Hulp)$"
                      # (branch orgs34) care named with how or where it is given, title-cased as a desk or programme
                      # would be ("Jeugdhulp Op Maat", "Zorg Dichtbij", "Hulp Aan Huis"); with a legal form it is a party
                      r"|^(?:Jeugdhulp|Jeugdzorg|Jeugd|Zorg|Hulp|Begeleiding|Ondersteuning) (?:Op Maat|Aan Huis|Thuis|"
                      r"Dichtbij|Dicht ?[Bb]ij(?: [Hh]uis)?|In [Dd]e (?:Buurt|Wijk)|Op School)$")
_AWARD_HEAD = re.compile(
    r"(?:gegunde (?:partijen|aanbieders|organisaties|\w*aanbieders)|gegund gekregen|opdracht (?:\w+ ){0,3}gegund|"
    r"(?:zijn|is|worden) (?:\w+ ){0,4}gecontracteerd|gecontracteerde (?:\w+ ){0,2}aanbieders|winnaars?)"
    r"[^:]{0,80}:\s*$|(?:partijen|aanbieders) zijn:\s*$|"
    # branch orgs32: any award to the parties listed under ("De percelen zijn gegund aan de volgende partijen:", "Gegund
    # aan:", "Opdrachtnemers:")
    r"\b(?:gegund|toegekend|verleend) aan\b[^:]{0,60}:\s*$|^\s*(?:gunning aan|opdrachtnemers?|gecontracteerde partij(?:en)?)\s*:\s*$|"
    # (and the parties that received or won it, or with whom it was closed: "De volgende aanbieders hebben een contract
    # gekregen:", "De gemeente heeft contracten gesloten met:"; not where the head denies it, :data:`_DENIED_HEAD`)
    r"\b(?:contract|overeenkomst|opdracht|aanbesteding|gunning|perce(?:el|len))\w* (?:[\w-]+ ){0,4}?(?:gekregen|gewonnen|"
    r"verworven|binnengehaald|ontvangen)\b[^:]{0,40}:\s*$|"
    r"\b(?:contract|overeenkomst)\w* (?:[\w-]+ ){0,3}?(?:gesloten|afgesloten|getekend|ondertekend) met\b[^:]{0,60}:\s*$|"
    # branch cv36: "Met de volgende aanbieders is een overeenkomst gesloten:" and a list
    r"\bmet (?:de volgende|deze) (?:\w+ )?(?:\w*aanbieders|partijen|organisaties|instellingen) (?:is|zijn|werd|werden) (?:\w+ ){0,2}"
    r"(?:\w*overeenkomst|\w*contract)\w* (?:\w+ ){0,2}(?:gesloten|afgesloten|getekend|ondertekend)[^:]{0,40}:\s*$", re.I)
_DENIED_HEAD = re.compile(r"\b(?:geen|niet|nooit)\b", re.I)  # (branch orgs32) "... hebben geen contract gekregen:"


def _last_sentence(line: str) -> str:
    """The line's last sentence: the head itself, not a sentence before it on its line ("... wel of niet afgeven van een
    beschikking. Er zijn 6 aanbieders gecontracteerd:")."""
    return re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])", line)[-1]
# (branch orgs19: also a line that announces "the following" providers with more words after them, "De gemeente heeft
# de volgende aanbieders gecontracteerd voor de jeugdhulp:")
# (branch orgs26: also the partners a page lists, "Onze partners:", "Samenwerkingspartners:", "Ketenpartners:")
# branch orgs27: the partners' head may run on with where they are and "zijn (onder meer)" ("Onze partners in de regio
# zijn onder meer:"): those words head the list, no name starts in them; the list may follow on the same line
_PARTNERS_WHO = (r"(?<![\w-])(?:[Oo]nze |[Dd]e |[Hh]aar |[Zz]ijn |[Hh]un )?\w*[Pp]artners(?: (?:in|binnen|uit|van) (?:de |het |onze )?"
                 r"[\w'’-]+){0,2}")
_PARTNERS_MORE = r"(?: (?:onder meer|onder andere|onder anderen|o\.a\.|bijvoorbeeld|(?:onder meer )?de volgende))?"
_PARTNERS_HEAD = rf"{_PARTNERS_WHO}(?: (?:zijn|waren))?{_PARTNERS_MORE}"
_PARTNERS_INLINE = re.compile(rf"{_PARTNERS_WHO}(?: (?:zijn|waren){_PARTNERS_MORE}:?|{_PARTNERS_MORE}:) +(?P<names>[^\n]+)")
_PARTY_HEAD = re.compile(rf"{_PARTNERS_HEAD}:\s*$|"
                         r"\b(?:partijen|\w*aanbieders|organisaties|instellingen|leveranciers|\w*partners)(?: \w+){0,2}:\s*$|"
                         r"\bvolgende (?:\w+ )?(?:\w*partijen|\w*aanbieders|\w*organisaties|\w*instellingen|leveranciers)"
                         r"(?: [\w-]+){0,8}:\s*$", re.I)
# branch orgs26: a head that says what the parties do ("De gecontracteerde aanbieders leveren:", "Onze partners bieden:"):
# the items under it are services ("- Dagbehandeling", "- Ambulante hulp"), not parties
_SERVICES_HEAD = re.compile(r"\b(?:leveren|levert|bieden|biedt|verlenen|verleent|verzorgen|verzorgt|geven|geeft|doen|doet|"
                            r"zorgen voor|zorgt voor|bieden aan|biedt aan)(?: (?:onder meer|onder andere|o\.a\.|ook|de volgende|"
                            r"volgende|het volgende|deze))*(?: [\w-]+)?:\s*$", re.I)
_LIST_LINE = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
_Q = "['‘’\"“”]?"  # a verb in quotes: "de zorg werd 'gegund' aan Horizon"
_FOR_AMOUNT = r"(?: voor (?:€|EUR|euro)?\s?\d[\d.,]*(?:\s?(?:miljoen|mln\.?|miljard|duizend))?(?: euro)?)?"
_MONTH = r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"


_FORM_FIRST = re.compile(r"(?:Stichting|Coöperatie|Cooperatie|Vereniging|Gemeente|Gemeenschappelijke Regeling)\b")


def _clean_name(n: str, keep_article: bool = False) -> str | None:
    """The name of a party, or None for a service, a place, a regional adjective or a stop word. A capitalised
    article inside a sentence belongs to the name ("met De Rading en Timon", "Het Leger des Heils"); with
    ``keep_article`` it is kept (branch orgs1), at a sentence's start it is not told from "De gemeente"."""
    # branch orgs15: a legal form keeps its written form, its last dot too ("Eikenrode Zorg B.V.", not "... B.V")
    dotted = _LEGAL_DOTTED_END.search(n)
    n = re.sub(r"^[\s.,:;\"()]+|[\s.,:;'\"()]+$", "", n)
    n = _DATE_TAIL.sub("", n)  # (branch orgs20) "Serviceorganisatie Jeugd ZHZ 15-08-2017"
    if dotted and not n.endswith("."):
        n += "."
    # branch orgs15: a sentence's opening adverb or function word is no part of the name after it ("Ook Eikenrode
    # Jeugdhulp maakten bezwaar", "Daarnaast Stichting Beukenhof ...")
    n = _OPENING_WORD.sub("", n, count=1)
    n = _OPENING_PREP.sub("", n, count=1)  # (branch orgs30) "In de Raadscommissie Samenleving werd ..."
    n = _LIST_NUMBER.sub("", n, count=1)  # (branch orgs15) "1 Stichting Jeugdformaat" at a ruling's head
    if not re.match(r"['’][st][ -]", n):
        n = n.lstrip("'’")
    article = re.match(r"(?:De|Het) (?=[A-ZÀ-Ý'’])", n) if keep_article else None
    core = _clean_name(n[article.end():]) if article else None
    # (branch orgs27: not before a legal form, "gegund aan De Stichting Pluryn": the article is the sentence's, the name
    # opens with its form)
    if article and core and core == n[article.end():] and not _is_place(core) and not _FORM_FIRST.match(core):
        return n
    n = re.sub(r"^(?:de|het|aanbieders?|zorgaanbieders?|organisaties?|partijen)\s+", "", n, flags=re.I)
    # (branch orgs32: not a capitalised "-bedrijf" word opening a name that ends in its legal form, "Zorgbedrijf Noord B.V.")
    n = re.sub(r"^\S*(?:instelling|aanbieder)\s+|^\S+bedrijf\s+(?=[A-Z])(?!.*(?<![\w.])(?:B\.?V|N\.?V|U\.?A)\.?$)", "", n)
    # branch orgs6: a place's adjective before a name says where the party is from ("het Rotterdamse Dock", "het
    # Utrechtse Spoor030"), unless it names a school, university or the like whose name it is part of, or is the
    # national one ("Nederlandse Vereniging voor Autisme")
    adj = re.match(r"(?P<stem>[A-Z][\w-]*?)se (?P<rest>[A-ZÀ-Ý0-9][\w&'!+-]*(?: .+)?)$", n)
    if adj and adj["stem"] != "Nederland" and (adj["stem"] in _PROVINCES or _is_place(adj["stem"])) and not re.match(
            r"(?:Hogeschool|Universiteit|School|Museum|Haven|Bank|Kamer|Academie|Gemeente|Regio|Raad)\b", adj["rest"]):
        n = adj["rest"]
    tail = re.match(r"^(?P<head>.+?)\s+in\s+(?P<place>[A-Z][\w' -]+)$", n)
    if tail:  # (branch orgs1: any capitalised place, also a former municipality such as Heerhugowaard)
        n = tail["head"]  # "Horizon in Zuid-Holland": the place is where, not who
    # branch orgs12: the service a party is contracted for is no part of its name ("de overeenkomst met Latax voor het
    # Wmo-vervoer")
    n = re.sub(r" voor (?:de |het )?(?:[A-ZÀ-Ý][a-z]+-[a-z][\w-]*|W[Mm][Oo])(?![\w-]).*\Z", "", n)
    # (branch orgs24: a name that ends in its legal form is a party, whatever its first word: "Jeugdhulp Zuid B.V.")
    if _SERVICE.match(n) and not _LEGAL_END.search(n) or re.fullmatch(r"[A-Z][\w-]*(?<![^i]e)se", n):
        return None  # a service ("Ambulante Jeugdhulp") or a regional adjective ("Noord-Hollandse")
    if re.fullmatch(r"(?:Noord|Oost|Zuid|West|Midden|Noordoost|Noordwest|Zuidoost|Zuidwest|Rijk|Rijksoverheid)", n):
        return None  # (branch orgs12) a compass word alone ("de regio's West\nFriesland", a name cut by a line break),
        # the state ("samenwerking met het Rijk"): no party named
    if not n or n in _STOP or len(n) < 2 or not re.match(r"[A-ZÀ-Ý0-9]|[a-z]+-?[A-Z]|['’][st][ -][A-Z]", n):
        return None
    if _TIME_WORD.fullmatch(n):
        return None  # (branch orgs20) a weekday, month or season alone ("samen met Maandag", a list line "- Oktober")
    if re.fullmatch(r"\d+[.)]?", n) or re.search(r"-gemeenten$", n):
        return None
    if _LOT_NAME.fullmatch(n):
        return None  # (branch orgs32) a lot by its number ("Perceel 1: Pluryn" under an award's head), not a party
    if _ADDRESS.match(n):
        return None  # an address ("Kerkstraat 5", "Postbus 12", "8011 AB Zwolle"), not a party (branch orgs9)
    if re.fullmatch(r"[A-Z][a-z]*wet|WMO|Wmo \d*", n):
        return None  # a law ("zorgaanbieder WMO en Jeugdwet"), not a party (branch orgs2)
    return n


_LOT_NAME = re.compile(r"(?:Perce(?:el|len)|Kavels?|Lots?|Deel|Deelopdracht|Deelopdrachten) [\w-]{1,6}(?:(?:, ?| en | & )[\w-]{1,6})*")

# branch orgs9: a street with its number, a post-office box or a postcode, written after a party's name in a list
_ADDRESS = re.compile(r"(?:Postbus|Antwoordnummer) \d|\d{4} ?[A-Z]{2}\b|[A-ZÀ-Ý][\w'-]*(?:straat|weg|laan|plein|singel|gracht|kade|dijk|"
                      r"dreef|steeg|pad|park|plantsoen|baan|hof|markt|erf|oord|boulevard|dam|wal|veld|ring|haven)"
                      r"(?: [a-z]+)? \d{1,3}(?: ?[a-zA-Z])?(?![\w-])")
# branch orgs9: a line of a page's navigation, sharing or comments, read under a list of parties: the list has ended
_MENU_LINE = re.compile(r"(?i:home|menu|nieuws|contact|zoeken|lees (?:ook|meer|verder)|meer nieuws|gerelateerd(?: nieuws)?|"
                        r"delen|deel (?:dit|deze pagina|dit bericht)|terug|vorige|volgende|print|reageren|reacties?|"
                        r"plaats een reactie|nieuwsbrief|volg ons|cookies?|privacy(?:verklaring)?|disclaimer|sitemap|"
                        r"toegankelijkheid|over ons|inloggen|"
                        # branch orgs30: more of a site's own pages ("- Vacatures", "- Cookiebeleid", a bullet before them)
                        r"vacatures?|werken bij(?: ons)?|cookie(?:beleid|verklaring|-?instellingen)|privacy(?:beleid|statement)|"
                        r"colofon|algemene voorwaarden|veelgestelde vragen|faq|downloads?|nieuwsarchief|actueel|agenda|"
                        r"uitloggen|mijn account|klachten(?:regeling)?)\s*[:.»>›]?")


def _is_place(name: str) -> bool:
    from .places import load
    munis, _ = load()
    return name in munis or name in {"Den Haag", "Weesp", "Nederland", "Zeeland", "Brabant", "Groningen"} \
        or name in _CARIBBEAN


# branch orgs30: the islands of Caribbean Netherlands, public bodies that are no municipality of the register, and the
# other islands of the Kingdom, are places ("op Bonaire, Sint Eustatius en Saba"); a body there is written with more
# words ("Openbaar Lichaam Bonaire", "Jeugdzorg Caribisch Nederland")
_CARIBBEAN = frozenset({"Bonaire", "Sint Eustatius", "Statia", "Saba", "Sint Maarten", "Caribisch Nederland", "Curaçao",
                        "Aruba", "BES", "BES-eilanden"})


def _initial(text: str, pos: int) -> bool:
    """Whether ``pos`` starts a sentence (or a line): there a capitalised article is the sentence's."""
    before = text[:pos].rstrip(" \t\"'„“”‘’")
    return not before or before[-1] in ".!?\n|"


# branch orgs13: two words of the domain joined by "en" inside a name ("Centrum voor Jeugd en Gezin Eikenrode",
# "Inspectie Gezondheidszorg en Jeugd", "Jeugd en Gezin Noord"): the "en" joins one name, it does not end a list item;
# only where a capitalised word is written before the pair or after it, so "Jeugd en Zorg" alone is read as before
_DOMAIN = (r"(?:Jeugd|Gezin|Gezinnen|Zorg|Welzijn|Veiligheid|Onderwijs|Opvoeding|Opvoeden|Opgroeien|Gezondheid|"
           r"Gezondheidszorg|Sport|Wonen|Werk|Inkomen|Participatie|Justitie|Reclassering|Jeugdreclassering|"
           r"Jeugdbescherming|Jongeren|Ouders|Kind|Kinderen|Samenleving|Cultuur)")
_DOMAIN_PAIR = re.compile(rf"(?P<pre>(?<![\w'’-])[A-ZÀ-Ý][\w'’-]* (?:(?:voor|van|de|het) ){{0,2}})?(?<![\w-])"
                          rf"(?P<pair>{_DOMAIN} en {_DOMAIN})(?![\w-])(?P<post>(?= [A-ZÀ-Ý]))?")


def _join_domain_pair(m: re.Match) -> str:
    return m.group(0).replace(" en ", "\x00") if m.group("pre") is not None or m.group("post") is not None else m.group(0)


def _split_names(chunk: str, name: str = _NAME, initial: bool = True) -> list[str]:
    """The names of a list chunk ("A, De Rading, het Leger des Heils en Youké"). ``initial``: the chunk starts
    a sentence, so a capitalised article at its very start is not taken as part of the first name."""
    # (branch orgs6: the dot of a legal form ends no sentence: "Wilgenhof B.V. won" was cut to "Wilgenhof B"; after it
    # a capital does start one)
    # (branch orgs32: "V.O.F." too)
    chunk = re.split(r"(?<=\b[BN]\.V\.)\s(?=[A-ZÀ-Ý])|(?<=\bU\.A\.)\s(?=[A-ZÀ-Ý])|(?<=\bV\.O\.F\.)\s(?=[A-ZÀ-Ý])|"
                     r"(?<!\b[BN]\.V)(?<!\bU\.A)(?<!\bV\.O\.F)\.(?:\s|$)|"
                     r"\s[-–(]\s?|\bvormt\b|\bwerkt\b|\bmet onderaannemer", chunk)[0]
    chunk = _AS_ROLE_RX.sub("", chunk)  # (branch orgs27) "A als hoofdaannemer en B": A and B
    chunk = _DOMAIN_PAIR.sub(_join_domain_pair, chunk)  # (branch orgs13) "Centrum voor Jeugd en Gezin X": one name
    out = []
    for i, part in enumerate(_LIST_SEP.split(chunk)):
        if part and i == 0:
            part = _OPENING_ARTICLE.sub("", part.strip(), count=1)  # (branch orgs23) "Nu de X Groep zich ... heeft"
        part = re.sub(r"^(?:de|het)\s+(?=[A-Z])", "", part.strip()) if part else part
        m = re.match(name, part.replace("\x00", "_")) if part else None
        if not m:
            continue
        n = _clean_name(part[m.start(): m.end()].replace("\x00", " en "), keep_article=i > 0 or not initial)
        if n and not _is_place(n):
            out.append(n)
    return out


# branch orgs15: a legal form written with dots at a name's end ("B.V.", "N.V.", "U.A.", "V.O.F.")
# branch orgs24: a legal form closing a name, with its dots or without ("Jeugdhulp Zuid B.V.", "Jeugdzorg Noord BV")
_LEGAL_END = re.compile(r"(?<![\w.])(?:B\.?V|N\.?V|U\.?A|V\.?O\.?F)\.?\Z")
_LEGAL_DOTTED_END = re.compile(r"(?<![\w.])(?:B\.V|N\.V|U\.A|V\.O\.F)\.[\s.,:;'\"()]*\Z")
# branch orgs15: the number of a party in a list without its dot ("1 Stichting Jeugdformaat,", "2 Parnassia Groep B.V.,"
# at a ruling's head): where the party stands, not its name ("2Switch", "1nul1" are glued)
_LIST_NUMBER = re.compile(r"^\d{1,2}[.)]? +(?=[A-ZÀ-Ý])")
# branch orgs15: words that open a sentence and never a name: adverbs, conjunctions and prepositions before a name
_OPENING_WORDS = (
    r"(?:Ook|Daarnaast|Volgens|Namens|Bovendien|Inmiddels|Verder|Momenteel|Maar|Want|Daarom|Toch|Daarbij|Tevens|"
    r"Intussen|Ondertussen|Vervolgens|Eerder|Nu|Toen|Sinds|Vanaf|Tijdens|Ondanks|Dankzij|Hierdoor|Daardoor|Dus|Zelfs|"
    r"Alleen|Omdat|Hoewel|Terwijl|Nadat|Wanneer|Indien|Immers|Echter|Zowel|Aldus|Nadien|Destijds|Onlangs|Gisteren|"
    r"Vandaag|Binnenkort|Straks|Voortaan|Eveneens|Evenals|Daarentegen|Uiteindelijk|Opnieuw|Wel|Nog|Zo(?:als)?|"
    r"Bijvoorbeeld|Behalve|Hiermee|Daarmee|Hierbij|Hiervoor|Daarvoor|Sindsdien|Inmiddels|Tot slot|Ten slotte)")
_OPENING_WORD = re.compile(rf"^{_OPENING_WORDS} (?=(?:['’][st][ -])?[A-ZÀ-Ý0-9])")
# branch orgs30: a sentence's opening preposition with its article in lower case is the sentence's, not the name's ("In
# de Raadscommissie Samenleving werd gesproken"; a name with an article writes it with a capital: "Het Leger des Heils")
_OPENING_PREP = re.compile(r"^(?:In|Op|Bij|Met|Uit|Door|Naar|Aan|Onder|Tussen|Binnen|Tijdens|Na|Namens|Volgens) (?:de|het) "
                           r"(?=[A-ZÀ-Ý])")
# branch orgs23: ... also with the article of the name after it ("Nu de Willem Schrikker Groep zich niet inschrijft")
_OPENING_ARTICLE = re.compile(rf"^{_OPENING_WORDS} (?:de|het) (?=[A-ZÀ-Ý0-9])")


# branch orgs15: a name with a legal form before it, "en", and a name with a legal form after it
# (branch orgs21: also a name with a head word of its kind after it, "Stichting Parlan en Kwadraad Groep"; not two words
# of the domain joined inside one name, "Stichting Jeugd en Gezin Groep")
_TWO_FORMS = re.compile(r"(?P<a>(?:[Ss]tichting|[Cc]oöperatie|[Vv]ereniging) [^ ].*?) en "
                        r"(?P<b>(?:[A-ZÀ-Ý0-9][\w&'!+-]* ){1,4}(?:B\.V\.?|N\.V\.?|BV|NV|Groep|Zorggroep|Thuiszorg|Stichting))")


# branch orgs23: a name that ends in a dotted legal form, "en", and another name ("Zorgkracht B.V. en Jeugdzorg Nu
# Coöperatie U.A."): two parties -- the legal form closes the first name, no name goes on after it
_FORM_THEN_NAME = re.compile(r"(?P<a>[^ ].*? (?:B\.V\.|N\.V\.|U\.A\.)) en (?:de |het )?(?P<b>[A-ZÀ-Ý0-9].*)")


def _two_forms(n: str | None) -> tuple:
    t = _FORM_THEN_NAME.fullmatch(n or "")
    if t:
        return (t["a"], *_two_forms(t["b"]))
    t = _TWO_FORMS.fullmatch(n or "")
    if t and re.search(rf"\b{_DOMAIN} en {_DOMAIN}\b", f"{t['a'].rsplit(' ', 1)[-1]} en {t['b'].split(' ', 1)[0]}"):
        return (n,)
    return (t["a"], t["b"]) if t else (n,)


# branch orgs20: a weekday, a month or a season written alone, capitalised at a list line's or a sentence's start or in a
# heading, names a time, never an organisation ("Januari Zorg", with a word of its kind, may be one)
_TIME_WORD = re.compile(r"(?i:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|januari|februari|maart|april|mei|"
                        r"juni|juli|augustus|september|oktober|november|december|voorjaar|zomer|najaar|winter|weekend)")
# branch orgs20: a date written after a name ("Serviceorganisatie Jeugd ZHZ 15-08-2017" in a document's subject line) is
# no part of it; a year alone may be ("Zorg 2000")
_DATE_TAIL = re.compile(r"\s+(?:\d{1,2}-\d{1,2}-(?:19|20)?\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2})\Z")


def _strip_name(chunk: str) -> str:
    """A name read whole, without the spaces and dots around it but with the dot of its legal form ("X B.V."), and
    without a date written after it (branch orgs20)."""
    n = _DATE_TAIL.sub("", _LIST_NUMBER.sub("", chunk.strip(" ."), count=1))
    n = _OPENING_WORD.sub("", n, count=1)  # (branch orgs21) "Ook Jeugdzorg Noord-Brabant B.V. doet mee"
    return n + "." if _LEGAL_DOTTED_END.search(chunk) and not n.endswith(".") else n


def _legal_key(name: str) -> str:
    """A name folded for matching: case, and a legal form with or without its dots ("X B.V." == "X BV" == "X B.V"), as
    the awards fold a winner's name but keeping its legal form (branch orgs16: one folding, ``name_key``)."""
    return name_key(name, keep_legal_form=True) or name.casefold()


# branch orgs27: a name that opens with a municipality's or a region's word ("Gemeente Epe", "Regio Noord-Veluwe",
# "Jeugdregio X", "Provincie Gelderland") names a buyer (the corpus' gold rules), never a party that provides or is awarded
_BUYER_NAMED = re.compile(r"(?:[Gg]emeenten?|GEMEENTE|(?:[Jj]eugd(?:hulp|zorg)?)?[Rr]egio|REGIO|[Pp]rovincie) (?=['’]?[A-ZÀ-Ý])")


def _add(out: list[dict], seen: set, name: str, rule: str, sentence: str) -> None:
    key, folded = name.casefold(), _legal_key(name)
    if key in seen or folded in seen or _BUYER_NAMED.match(name):
        return
    seen |= {key, folded}
    out.append({"name": name, "rule": rule, "sentence": sentence.strip()[:300]})


_LOT_HEAD = re.compile(r"^\s*(?:[Pp]erce(?:el|len)|[Kk]avels?|[Ll]ots?) [\w-]{1,6}(?: \([^()\n]{1,40}\))? ?[-–] ?(?=[A-ZÀ-Ý0-9'’])")


def _after_colon(item: str) -> str:
    """The part of a list line with a colon that names the parties: after it where a name follows ("Voor stadsdeel Noord:
    A, B en C", "Perceel 1: A"), before it where a description in lower case follows the name ("Stichting Pluryn:
    ambulante jeugdhulp", branch orgs32)."""
    item = _LOT_HEAD.sub("", item, count=1)  # (branch orgs32) "Perceel 1 – Pluryn", "Perceel 2 (verblijf) - Karakter"
    if ":" not in item:
        return item
    before, after = item.split(":", 1)[0], item.rsplit(":", 1)[1]
    if not after.strip():
        return item  # a line ending in its colon ("Regio Noord:") as before
    return before if re.match(r"\s*[a-zà-ÿ]", after) and re.match(r"\s*[A-ZÀ-Ý0-9'’]", before) else after


def _list_after(lines: list[str], i: int) -> list[tuple[str, str]]:
    """The names listed under the line ``lines[i]`` that announces them, with the list line of each: bullet or
    numbered lines, or short plain lines. A bullet item is a name as written: lower-case words inside it belong to
    it when the name goes on in capitals or ends in a legal form ("- Regionaal instituut voor Dyslexie", "- Zien in de
    klas B.V.", branch orgs2)."""
    found: list[tuple[str, str]] = []
    items_seen = numbered = False
    for nxt in lines[i + 1: i + 40]:
        s = nxt.strip()
        if not s:
            if items_seen:
                break
            continue
        if _MENU_LINE.fullmatch(_LIST_LINE.sub("", s)):
            break  # (branch orgs9) the page's menu or sharing links under the list (branch orgs30: also as bullets)
        if _LIST_LINE.match(s):
            numbered = True
            item = _after_colon(_LIST_LINE.sub("", s))
            whole = item.strip(" .;")
            if re.match(r"(?:De|Het) ", whole) and _FORM_FIRST.match(whole[whole.index(" ") + 1:]):
                whole = whole[whole.index(" ") + 1:]  # (branch orgs27) "- De Stichting Pluryn": the name opens with its form
            if (re.fullmatch(r"[A-ZÀ-Ý][\w'’-]*(?: [\w'’&.-]+){1,6}", whole) and not re.search(r",| en | of ", whole)
                    and re.search(r" (?:[A-ZÀ-Ý][\w'’-]*|B\.V|U\.A|N\.V)\.?$", whole) and _clean_name(whole)
                    and not _is_place(whole)):
                found.append((whole if not re.search(r"\b(?:B\.V|U\.A|N\.V)$", whole) else whole + ".", s))
            else:
                found += [(n, s) for n in _split_names(item, initial=False)]  # a list item is a name as written
            items_seen = True
            continue
        if s.endswith(":") and (_AWARD_HEAD.search(s) or _PARTY_HEAD.search(s)):
            break  # (branch orgs14) the head of the next list, which reads it: a page of heads read each list once
        if numbered:  # a note under a list item (subcontractors, combination members)
            if len(s) > 240:
                break
            continue
        if len(s) > 90 or (s.endswith(".") and len(s.split()) > 8):
            break
        found += [(n, s) for n in _split_names(_after_colon(s))]
        items_seen = True
    return found


# branch orgs19: the head of a table's column of providers ("| Aanbieder | Perceel |", "| Naam zorgaanbieder |")
_PARTY_COLUMN = re.compile(r"(?i:(?:naam (?:van de )?)?(?:gecontracteerde )?(?:\w*aanbieders?|zorgpartij(?:en)?|"
                           r"instelling(?:en)?|organisaties?|leveranciers?|opdrachtnemers?|contractpartners?)(?: \(?naam\)?)?)")


def _column_cells(lines: list[str], is_head) -> Iterator[tuple[str, str]]:
    """The cells, with their row, of a table's column whose head cell ``is_head`` accepts ("| Aanbieder | Perceel |",
    "| Perceel | Gegund aan |"), row by row up to the table's end (a line of fewer than two cells); a rule row
    ("|---|---|") gives none. The one table walk of :func:`_table_parties` and :func:`_award_table`."""
    column = None
    for line in lines:
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.count("|") >= 1 else None
        if not cells or len(cells) < 2:
            column = None
            continue
        heads = [i for i, c in enumerate(cells) if is_head(c)]
        if heads:
            column = heads[0]
            continue
        if column is None or column >= len(cells) or re.fullmatch(r"[\s:|-]*", line):
            continue
        yield cells[column], line


def _table_parties(lines: list[str], out: list[dict], seen: set) -> None:
    """(branch orgs19) The providers of a table whose column is headed as providers ("| Aanbieder | Perceel |" and a row
    "| Lijn5 | Ambulant |" under it), one to a cell of that column, up to the table's end."""
    for cell, line in _column_cells(lines, _PARTY_COLUMN.fullmatch):
        n = _clean_name(cell)
        if n and len(n) <= 80 and n.casefold() not in seen and not _is_place(n) and not re.search(r"\d{2}", n) \
                and not re.match(r"(?i:gemeenten?|regio|provincie|ministerie|totaal|overig\w*|n\.?v\.?t\.?)\b", n):
            seen.add(n.casefold())
            out.append({"name": n, "role": "provider", "rule": "party_table", "sentence": line.strip()[:300]})


# branch orgs32: the head of a table's column of winners ("| Perceel | Gegund aan |", "| Lot | Winnaar |", "| Opdrachtnemer |"):
# each cell under it names the parties awarded that row's lot; a cell that says none was ("Niet gegund", "n.v.t.", "-")
# names no party
_AWARD_COLUMN = re.compile(r"(?i:gegund aan|gunning aan|winnaars?|winnende (?:partij|partijen|inschrijvers?|aanbieders?)|"
                           r"(?:naam (?:van de )?)?opdrachtnemers?|(?:gecontracteerde|gegunde) (?:partij|partijen|"
                           r"\w*aanbieders?|organisaties?|inschrijvers?)|gegund)")
_NO_WINNER_CELL = re.compile(r"(?i:niet|geen|n\.?v\.?t|nog|onbekend|ingetrokken|vervallen|-|–)\b|\A[\s:|–-]*\Z")


def _award_table(lines: list[str]) -> list[tuple[str, str]]:
    """(branch orgs32) The parties of a table whose column is headed as the winners ("| Perceel | Gegund aan |" and a row
    "| Ambulant | Stichting Pluryn |" under it), with the row; a cell may name more than one ("A en B"), up to the table's
    end."""
    found: list[tuple[str, str]] = []
    for cell, line in _column_cells(lines, lambda c: _AWARD_COLUMN.fullmatch(c.strip(" :*"))):
        if _NO_WINNER_CELL.match(cell) or len(cell) > 160:
            continue
        found += [(n, line.strip()) for n in _split_names(cell, _SLASHED, initial=False)]
    return found


# branch orgs31: a name broken across a line at its hyphen ("Veilig Thuis Oost-\nBrabant") is read joined back
# ("Veilig Thuis Oost-Brabant"), not cut at the hyphen: a word's letter, the hyphen, the line break, then a capital
_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-zÀ-ÿ]-)[ \t]*\n[ \t]*(?=[A-ZÀ-Ý])")


def find_awardees(text: str, title: str | None = None, other_tenders: list[dict] | None = None) -> list[dict]:
    """Parties the text says were awarded or contracted, with the rule that found them. ``title``: the page's title,
    read first with the same rules and the headline's own way without a verb ("Aanbesteding Buurtteams naar A en B",
    branch orgs3); a party the text says lost, withdrew, objected or was not awarded, and the winner of a tender for
    another service, are left out (:func:`_not_won`); the latter are added to ``other_tenders`` when it is given (they
    are still organisations the page names, as providers)."""
    text = _HYPHEN_BREAK.sub("", text)  # (branch orgs31) "Veilig Thuis Oost-\nBrabant"
    found = _awardees(text)
    idx = _Index(text)
    if title and title.strip() and not text.lstrip().startswith(title.strip()):
        head = _awardees(title.strip() + ".")
        for m in re.finditer(_HEADLINE, title):
            for n in _split_names(m.group("names"), _BRAND, initial=False):
                head.append({"name": n, "rule": "headline_naar", "sentence": title.strip()[:300]})
        seen = {a["name"].casefold() for a in found}
        for a in head:
            if a["name"].casefold() not in seen and not _loser(a["name"], idx):
                seen.add(a["name"].casefold())
                found.append(a | {"rule": "title:" + a["rule"] if not a["rule"].startswith("headline") else a["rule"]})
    kept = []
    aliases = None
    for a in found:
        if " " not in a["name"].strip():  # (branch orgs16) "gegund aan Wilgenhof": "Wilgenhof Zorg B.V." of the text
            aliases = _aliases(text) if aliases is None else aliases
        a = a | {"name": aliases[a["name"]]} if aliases and a["name"] in aliases else _full_name(a, idx)
        why = _not_won(a, idx)
        if _given_name_person(a["name"]) and other_tenders is not None:
            # (branch orgs31) no awardee, but the organisations named beside the person in its list stay ("De winnaars
            # zijn Gemeente Epe en Jan de Vries": the buyer, Gemeente Epe): handed on as a provider, it anchors its list
            # (``list_sibling``) and find_organisations drops the person itself
            other_tenders.append(a)
            continue
        if _team_of_buyer(a["name"]) or _TIME_WORD.fullmatch(a["name"]) or _titled_person(a["name"], text) \
                or _given_name_person(a["name"]) \
                or _organ(a["name"]) or _GENERIC.fullmatch(a["name"]):  # (branch orgs25) "een contract met het
            # College van B&W": the buyer's organ; "contracten met Huisartsen": a kind of party, no party
            continue  # (branch orgs21) "drs. P. Bakker tekenden het contract": a person signed, no party; (branch orgs19) a team of the buyer ("het Expertiseteam Jeugd van Holland Rijnland") wins nothing;
            # (branch orgs20) nor does a weekday, month or season alone ("- Oktober" under "De gegunde partijen zijn:")
        if not why:
            kept.append(a)
        elif why in ("other_service", "extension", "ending") and other_tenders is not None:
            other_tenders.append(a)
    # branch orgs7: an award the text tells as one of an earlier round ("Eerder was de jeugdhulp gegund aan X", "De
    # vorige aanbesteding werd gewonnen door X", "In 2019 was de opdracht nog gegund aan X") is no award of this
    # procedure when the text tells another award that is not an earlier one; alone it is still the text's award
    # branch orgs10: a party named with its partner after a slash is one awardee ("de combinatie A/B"); the same party
    # read by a rule that stops at the slash ("gegund aan A") is that awardee, not another
    kept = _without_sentence_words(kept, text)  # (branch orgs29) "Voorlopig Pluryn en Karakter gaan ...": "Pluryn"
    parts = {p.casefold() for a in kept if "/" in a["name"] for p in a["name"].split("/")}
    kept = [a for a in kept if a["name"].casefold() not in parts]
    earlier = [a for a in kept if _EARLIER.search(_award_sentence(a, text))]
    if earlier and len(earlier) < len(kept):
        for a in earlier:
            kept.remove(a)
            if other_tenders is not None:
                other_tenders.append(a)
    return kept


# branch orgs7: the words that set an award in an earlier round; not "zoals eerder gemeld" nor "eerder dit jaar"
_EARLIER = re.compile(r"(?<![\w-])(?:(?<!zoals )(?<!als )(?i:eerder|destijds|indertijd|toentertijd)(?! (?:dit|deze) (?:jaar|maand|week)\b)"
                      r"(?! (?:gemeld|bericht|aangekondigd|bekendgemaakt|gepubliceerd|besproken)\b)|"
                      r"(?i:vorige|voorgaande) (?:aanbesteding|keer|ronde|contractperiode|inkoop|gunning)\w*|"
                      r"\b(?:was|werd|waren|werden|had|hadden)\b[^.;\n]{0,40}?\bnog\b(?! (?:niet|geen)\b))")


def _award_sentence(a: dict, text: str) -> str:
    ev = a["sentence"]
    i = text.find(ev) if ev else -1
    return _sentence_at(text, i, i + len(ev)) if i >= 0 else ev


# branch orgs5: a party named in full once after its kind and by its first words where the award is told
# ("Samenwerkingsverband GO! Voor Jeugd begreep het beste ... Vanaf 1 januari 2018 is GO! verantwoordelijk")
_FULL_KIND = (r"(?i:samenwerkingsverband|consortium|combinatie|coöperatie|stichting|\w*aanbieder|\w*organisatie|"
              r"\w*instelling)")


def _full_name(a: dict, idx: "_Index") -> dict:
    """The awardee ``a`` under its full name when the text names it in full after its kind ("het samenwerkingsverband
    Kracht Jeugd en Gezin" for "Kracht"); the short name stays when the text has no longer one or several.

    (branch orgs8: read at the name's own mentions, as ``re.finditer`` of "<kind> <name> <words>" over the whole text
    would -- a match taken skips the mentions it covers -- without a pattern compiled per name)"""
    name, text = a["name"], idx.text
    longer: set[str] = set()
    last = 0
    for p, e in idx.all(name):
        q = p
        while q > 0 and text[q - 1].isspace():
            q -= 1
        if q == p or q <= last or not _FULL_KIND_END.search(text, max(last, q - 40), q):
            continue
        tail = _FULL_TAIL.match(text, e)
        if tail:
            longer.add(text[p: tail.end()])
            last = tail.end()
    longer = {n for n in longer if _clean_name(n) == n and not _is_place(n)}
    return a | {"name": longer.pop()} if len(longer) == 1 else a


# branch orgs16: a party's short name as a ruling or a letter defines it ("Stichting Eikenrode Jeugdhulp (hierna:
# Eikenrode)", "Wilgenhof Zorg B.V., hierna te noemen: Wilgenhof,", "(hierna ook: 'Eikenrode')") and the names written
# with a legal form, before or after (the short name is the first word(s) of exactly one of them)
_ALIAS_DEF = re.compile(rf"(?P<full>{_NAME})\)?,? ?\(?(?:[Hh]ierna|[Vv]erder)(?: (?:ook|gezamenlijk|afzonderlijk))?"
                        rf"(?: te noemen| genoemd| aangeduid als)?:? ?['‘\"“]?(?P<short>{_UP}(?: {_UP}){{0,2}})['’\"”]?"
                        rf"(?=[),;.\n]| genoemd\b)")
_LEGAL_NAME = re.compile(rf"(?<![\w-])(?:(?:[Ss]tichting|[Cc]oöperatie|[Vv]ereniging) (?P<a>{_UP}(?: (?:{_CONN} ){{0,2}}{_UP}){{0,4}})"
                         rf"|(?P<b>{_UP}(?: (?:{_CONN} ){{0,2}}{_UP}){{0,4}}) (?:B\.V\.?|N\.V\.?|BV|NV|U\.A\.?|V\.O\.F\.?))"
                         rf"(?![\w-])")


# branch orgs29: a short name defined under a party's block at a ruling's head, after its seat and its part in the case on
# lines of their own ("1 Stichting GGZ Breburg Groep, / gevestigd te Tilburg, / geïntimeerde, / hierna: Breburg,")
_ALIAS_LINE = re.compile(rf"[ \t]*(?:[Hh]ierna|[Vv]erder)(?: (?:ook|gezamenlijk|afzonderlijk))?(?: te noemen| genoemd)?:? ?['‘\"“]?"
                         rf"(?:de |het )?(?P<short>{_UP}(?: {_UP}){{0,2}})['’\"”]?[ \t]*[,;.]?[ \t]*\Z")
_BLOCK_LINE = re.compile(r"[ \t]*(?:(?:gevestigd|zetelend|kantoorhoudend[e]?|wonend[e]?|statutair) (?:te|in|aan)\b.*|"
                         r"[a-zà-ÿ][\w ()-]{0,60},?|\[[^\]\n]{0,40}\][ ,]*)?[ \t]*\Z")


def _ruling_aliases(text: str) -> dict[str, str]:
    """``{short name: full name}`` of the parties at a ruling's head whose short name is defined under their block."""
    out: dict[str, str] = {}
    if "ierna" not in text and "erder" not in text:
        return out
    lines = text[:MAX_SCAN].split("\n")
    for i, line in enumerate(lines):
        m = _ALIAS_LINE.match(line)
        if not m:
            continue
        for j in range(i - 1, max(-1, i - 9), -1):
            if _BLOCK_LINE.fullmatch(lines[j]):
                continue  # the seat, the part in the case, an empty line
            full = _clean_name(_LIST_NUMBER.sub("", lines[j].strip().rstrip(",;")))
            if full and full != m.group("short") and not _is_place(full) and " " in full:
                out.setdefault(m.group("short"), full)
            break
    return out


def _aliases(text: str) -> dict[str, str]:
    """``{short name: full name}`` of the parties a text names in full and, defining it or not, by a short name of one
    word: "Stichting Eikenrode Jeugdhulp (hierna: Eikenrode)" and "Wilgenhof Zorg B.V. ... gegund aan Wilgenhof"
    (branch orgs16). A short name that opens two full names ("Eikenrode Zorg B.V." and "Eikenrode Jeugd B.V.") is
    left as it is; a party at a ruling's head written in capitals is read in the usual case."""
    out: dict[str, str] = {}
    fulls = [_strip_name(m.group(0)) for m in _LEGAL_NAME.finditer(text[:MAX_SCAN])]
    fulls += [p[0] for m in _RULING_PARTY.finditer(text[:MAX_SCAN]) if (p := _ruling_name(m.group("names")))
              and p[1] == "provider"]
    for m in _ALIAS_DEF.finditer(text[:MAX_SCAN]):
        full, short = _clean_name(m.group("full")), m.group("short")
        if full and short and full != short and not _is_place(full) and _legal_key(short) != _legal_key(full):
            # the name with its legal form where the text writes one ("Stichting X" of "X (hierna: X)")
            full = max((f for f in fulls if f.endswith(full) or f.startswith(full)), key=len, default=full)
            out.setdefault(short, full)
    for short, full in _ruling_aliases(text).items():
        if _legal_key(short) != _legal_key(full) and not _BUYER_NAMED.match(full):
            out.setdefault(short, full)
    named: dict[str, set[str]] = {}
    for full in fulls:
        words = re.sub(r"^(?:[Ss]tichting|[Cc]oöperatie|[Vv]ereniging) ", "", full).split(" ")
        if len(words) > 1:
            named.setdefault(words[0], set()).add(_legal_key(full))
            named.setdefault("\x00" + words[0], set()).add(full)
    for short, keys in named.items():
        if not short.startswith("\x00") and len(keys) == 1 and short not in out and len(short) >= 4:
            out[short] = sorted(named["\x00" + short], key=len)[-1]
    return out


_FULL_KIND_END = re.compile(rf"{_FULL_KIND}\Z")
_FULL_TAIL = re.compile(rf"(?: (?:{_CONN} ){{0,3}}{_UP}){{1,6}}(?![\w-])")


# branch orgs3: a headline tells the award without its verb: "Aanbesteding jeugdhulp opnieuw naar A en B", "Contract
# gesloten jeugdzorg naar X" (the text's rule gaat_naar needs the verb)
_HEADLINE = re.compile(rf"(?:^|: )(?:[Aa]anbesteding|[Oo]pdracht|[Cc]ontract|[Gg]unning|[Pp]erceel|[Tt]ender)\w* "
                       rf"(?:[\w-]+ ){{0,5}}?naar (?:de |het )?(?:{_KIND} )?(?P<names>{_LIST})\s*[.!?]?\s*$")
# branch orgs3: a party that lost, withdrew or objected (the general Dutch ways of saying so); the subject before the
# verb or after it ("X verloor de aanbesteding", "X trok zich terug", "X maakte bezwaar", "X spande een kort geding
# aan", "X viste achter het net", "bezwaar van X", "kort geding aangespannen door X")
_LOSS_AFTER = (r"(?:\s*,[^,.\n]{0,60},|,? (?:die|dat|welke))? (?:heeft |had |hebben |is |was |zijn )?(?:\w+ ){0,3}?"
               r"(?:verloor|verloren|verliest|verliezen|viste?n? (?:\w+ )?achter het net|greep (?:\w+ )?naast|grepen (?:\w+ )?naast|"
               r"naast (?:de|het) (?:\w+ )?(?:opdracht|contract|aanbesteding)\w* gegrepen|"
               r"trok(?:ken)? zich (?:\w+ )?terug|trekt zich (?:\w+ )?terug|(?:zich )?teruggetrokken|"
               r"(?:maakt|maakte|maakten|tekende|tekenden) (?:\w+ )?bezwaar|bezwaar (?:gemaakt|aangetekend)|"
               r"(?:spande|spanden|spant|begon|startte) (?:\w+ ){0,3}(?:kort geding|rechtszaak|procedure)|"
               r"(?:kort geding|rechtszaak) (?:\w+ ){0,2}aangespannen|viel(?:en)? buiten de boot|valt buiten de boot|"
               r"(?:is|werd|was) (?:\w+ )?afgewezen|(?:is|werd|was) (?:\w+ )?uitgesloten|"
               # branch orgs4: the loser's idioms ("X kwam als verliezer uit de bus", "X zag het contract aan zich
               # voorbijgaan", "X greep mis")
               r"(?:\w+ ){0,3}als verliezers? uit de bus|(?:zag|zagen|ziet|zien) (?:[\w-]+ ){0,4}aan (?:zich|haar|hun) (?:neus )?voorbij\w*|"
               r"gre(?:e|e)?p(?:en)? (?:\w+ )?mis|misgegrepen|"
               # branch orgs5: the party that took the award to court ("X stapte naar de rechter", "X had de rechter
               # om een uitspraak gevraagd")
               r"(?:stapte|stapten|stapt|stappen|gestapt) (?:\w+ ){0,2}naar de (?:rechter|rechtbank)|"
               r"(?:vroeg|vroegen|vraagt) (?:\w+ ){0,2}de rechter\b|de rechter (?:\w+ ){0,4}gevraagd|"
               # branch orgs6: the party that contests the award ("X vecht de gunning aan", "X is in beroep gegaan
               # tegen de gunning", "X is het niet eens met de voorlopige gunning"); not an appeal against a ruling,
               # which the winner may bring
               r"(?:vecht|vocht|vochten|vechten) (?:\w+ ){0,2}?de (?:voorlopige )?(?:gunning|gunningsbeslissing|gunningsbesluit|"
               r"aanbesteding|keuze|uitslag)\w* aan\b|"
               r"(?:in (?:hoger )?beroep|bezwaar) (?:\w+ ){0,2}?tegen de (?:voorlopige )?(?:gunning|gunningsbeslissing|gunningsbesluit|"
               r"keuze|uitslag)\b|(?:het )?(?:niet|oneens) eens met de (?:voorlopige )?(?:gunning|gunningsbeslissing|keuze|uitslag)\b|"
               # branch orgs7: more of the loser's and objector's idioms ("X legt zich niet neer bij de gunning", "X
               # diende een klacht in", "X daagde de gemeente voor de rechter", "X eiste in kort geding ...", "X
               # eindigde als tweede", "X is buiten de boot gevallen", "X liep de opdracht mis", "X heeft het nakijken",
               # "X is gediskwalificeerd")
               r"(?:legt|legde|leggen|legden) zich (?:\w+ )?niet neer bij\b|"
               r"(?:klacht|klachten) (?:\w+ ){0,2}?ingediend\b|(?:diende|dienden|dient|dienen) (?:\w+ ){0,2}?(?:klacht|klachten)\b|"
               r"(?:daagde|daagden|daagt|dagen|sleepte|sleepten|sleept|slepen|gedaagd|gesleept) (?:[\w-]+ ){0,3}?voor de (?:rechter|rechtbank)\b|"
               r"(?:voor de (?:rechter|rechtbank)) (?:gedaagd|gesleept)\b|(?:eist|eiste|eisten|vordert|vorderde|vorderden) (?:\w+ ){0,2}?in kort geding\b|"
               r"(?:eindigde|eindigden|eindigt|eindigen|geëindigd) (?:\w+ )?als (?:tweede|derde|vierde|laatste)\b|"
               r"buiten de boot gevallen|(?:liep|liepen|loopt|lopen) (?:[\w-]+ ){0,3}?mis\b|misgelopen|(?:heeft|had|hebben|hadden) het nakijken|"
               r"(?:is|werd|was|zijn|werden) (?:\w+ )?gediskwalificeerd)")
# the loser or objector named as such, before or after the name; a tender set aside
_LOSS_NAMED = (r"(?:[Vv]erliezers?|[Vv]erliezende (?:partij|inschrijver|aanbieder)|[Bb]ezwaarmakers?|[Kk]lagers?)\s*$")
_LOSS_APPOS = r",? \(?(?:de|het) (?:verliezer|verliezende (?:partij|inschrijver|aanbieder)|bezwaarmaker|klager)\b"
_BID_OF = r"(?:inschrijving|offerte|aanbieding)\w* (?:[\w-]+ ){0,2}?van (?:de |het )?(?:[a-z]+ )?"
_SET_ASIDE = (r"(?![\w-]) (?:is |werd |was |wordt )?(?:\w+ )?(?:ongeldig verklaard|terzijde gelegd|afgewezen|uitgesloten|"
              r"gediskwalificeerd|ongeldig)\b")
_LOSS_BEFORE = (r"(?:bezwaar|kort geding|rechtszaak|beroep|klacht)(?:schrift)? (?:\w+ ){0,3}?(?:van|door|aangespannen door) "
                r"(?:de |het )?(?:[a-z]+ )?$")
# branch orgs4: the former provider, named as such ("de vorige aanbieder, X,", "voormalig zorgaanbieder X")
_FORMER_BEFORE = (r"\b(?:voormalige?|vorige|oude|vertrekkende|huidige|zittende) (?:[\w-]+ )?(?:\w*aanbieder|opdrachtnemer|contractpartner|partij|"
                  r"leverancier)s?,? (?:(?:de|het) )?$")
# branch orgs7: the current contract named with the party ("het huidige contract met X"), and the party said to have
# been the provider until now or for years ("X was tot dit jaar aanbieder van de jeugdhulp", "X was jarenlang de
# aanbieder", "X is sinds 2015 de aanbieder") or to stop with the care ("X stopt per 1 januari met de jeugdhulp")
_FORMER_CONTRACT = (r"\b(?:huidige|lopende|bestaande|oude|vorige) (?:[\w-]+ )?(?:contract|overeenkomst)\w* met (?:de |het )?"
                    r"(?:[a-z]+ )?$")
_FORMER_WAS = (r" (?:was|waren|is|zijn) (?:tot (?:nu|dit jaar|vorig jaar|dan|voor kort|op heden|\d{4}|[\w ]{3,20}?\d{4})|jarenlang|"
               r"jaren|lange tijd|decennia|sinds (?:\d{4}|jaar en dag|jaren)|eerder|voorheen|altijd)(?: (?:al|nog))? (?:de |het )?"
               r"(?:[\w-]+ )?(?:\w*aanbieder|opdrachtnemer|contractpartner|leverancier|uitvoerder)s?\b"
               r"| (?:stopt|stopte|stoppen|stopten) (?:[\w-]+ ){0,4}?met (?:de|het) (?:[\w-]+ )?(?:jeugd\w*|zorg|hulp|opdracht|contract)\b")
# branch orgs6: the current or former provider named in apposition after its name ("Eikenrode, de huidige aanbieder,",
# "Eikenrode (de vorige opdrachtnemer)")
_FORMER_AFTER = (r",? \(?(?:de|het|als) (?:voormalige?|vorige|oude|vertrekkende|huidige|zittende) (?:[\w-]+ )?"
                 r"(?:\w*aanbieder|opdrachtnemer|contractpartner|leverancier)s?\b")
# branch orgs6: an award withdrawn, annulled or suspended, told of the party ("de gunning aan X is ingetrokken", "de
# rechter vernietigde de gunning aan X", "de gemeente trok de voorlopige gunning aan X in")
_AWARD_OF = r"(?:gunning\w*|gunningsbe\w+|opdracht|contract|overeenkomst) (?:aan|met) (?:de |het )?(?:[a-z]+ )?"
_REVOKED = (r"(?:ingetrokken|vernietigd|teruggedraaid|ongedaan gemaakt|nietig verklaard|geschorst|opgeschort|"
            r"(?:is|werd|wordt) (?:\w+ )?(?:herroepen|terug ?genomen))\b")
_REVOKE_VERB = (r"\b(?:trok|trokken|trekt|trekken|draaide|draaiden|draait|nam|namen|neemt)\b[^.;\n]{0,40}?")
# branch orgs3: services bought by the same buyers that are not youth care; a winner in a sentence about one of them
# (and not about jeugd) won another tender
_OTHER_SERVICE = re.compile(r"leerlingenvervoer|doelgroepenvervoer|regiotaxi|\b\w*vervoer\b|schoonmaak|huishoudelijke "
                            r"(?:hulp|ondersteuning)|\bWmo\b|catering|beveiliging|groenonderhoud|ICT|\bsoftware\b|"
                            # branch orgs7: the other services of the same buyers (Wmo and the social domain)
                            r"beschermd wonen|maatschappelijke opvang|vrouwenopvang|statushouders|inburgering|re-integratie|"
                            r"schuldhulp\w*|thuiszorg|\bvolwassenen\b|\bouderen\b", re.I)


# words of care (youth care or other): a sentence without any names no service of its own (branch orgs6)
_CARE_WORD = re.compile(r"jeugd|ggz|zorg|hulp|dyslexie|begeleiding|behandel|bescherming|reclassering|verblijf|kinder|"
                        r"gezin|ondersteuning|opvang|dagbesteding|welzijn", re.I)


def _sentence_at(text: str, start: int, end: int) -> str:
    a = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind("!", 0, start), text.rfind("?", 0, start))
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[a + 1: min(ends) if ends else len(text)]


class _Index:
    r"""One text's words, indexed once for the checks of every awardee candidate (branch orgs8).

    :func:`find_awardees` asks of each candidate where the text names it and what stands around it (lost, objected,
    the former provider, named in full). A regular expression per candidate over the whole text made a long page
    quadratic -- 18 s of CPU for a page of 50,000 characters naming 1,040 providers, most of it compiling the guards
    anew for each name -- so a name's mentions are looked up here by its first word, and the guards, compiled once,
    are tried at those mentions only. A mention is where ``(?<![\w-])name(?![\w-])`` matches, as before."""

    def __init__(self, text: str):
        self.text = text
        self.runs: dict[str, list[int]] = {}
        for m in _RUN.finditer(text):
            self.runs.setdefault(m.group(), []).append(m.start())

    def all(self, name: str) -> list[tuple[int, int]]:
        """Every mention of ``name`` (start, end), overlapping ones too, in order: where a search may find it."""
        text, first = self.text, _WORD.match(name)
        if not first:  # a name that starts with a quote ("'t Kinderhuis"): not indexed by its first word
            return [(m.start(), m.start() + len(name))
                    for m in re.finditer(rf"(?=(?<![\w-]){re.escape(name)}(?![\w-]))", text)]
        return [(p, p + len(name)) for p in self.runs.get(first.group(), ())
                if text.startswith(name, p) and not _WORD_OR_HYPHEN.match(text, p + len(name))]

    def spans(self, name: str) -> list[tuple[int, int]]:
        """The mentions ``re.finditer`` finds: each search goes on after the mention found."""
        out: list[tuple[int, int]] = []
        for p, e in self.all(name):
            if not out or p >= out[-1][1]:
                out.append((p, e))
        return out


_RUN = re.compile(r"(?<![\w-])\w+")
_WORD = re.compile(r"\w+")
_WORD_OR_HYPHEN = re.compile(r"[\w-]")
_LOSS_AFTER_RX = re.compile(_LOSS_AFTER)
_BID_OF_END = re.compile(rf"(?:{_BID_OF})\Z")
_BID_REACH = 160  # "de inschrijving van de zorgaanbieder" and its words fit well within it
_SET_ASIDE_RX = re.compile(_SET_ASIDE)
_LOSS_BEFORE_RX = re.compile(_LOSS_BEFORE, re.I)
_LOSS_NAMED_RX = re.compile(_LOSS_NAMED)
_LOSS_APPOS_RX = re.compile(_LOSS_APPOS)


def _loser(name: str, idx: _Index) -> bool:
    """Whether the text says ``name`` lost, withdrew, objected or went to court against the award (branch orgs3)."""
    text = idx.text
    mentions = idx.all(name)
    if any(_LOSS_AFTER_RX.match(text, e) for _, e in mentions):
        return True
    # (branch orgs7) its tender set aside; the bid's words hold no full stop nor line end (branch orgs9: looked for in
    # the _BID_REACH characters before the mention only -- a search back to the sentence's start made a text without
    # full stops quadratic, 5 s for 84 KB naming one party 4,000 times)
    if any(_SET_ASIDE_RX.match(text, e) and _BID_OF_END.search(
            text, max(text.rfind(".", max(0, p - _BID_REACH), p), text.rfind("\n", max(0, p - _BID_REACH), p),
                      p - _BID_REACH - 1, -1) + 1, p) for p, e in mentions):
        return True
    return any(_LOSS_BEFORE_RX.search(text[max(0, p - 80): p])
               or _LOSS_NAMED_RX.search(text[max(0, p - 40): p])
               or _LOSS_APPOS_RX.match(text[e: e + 40])
               for p, e in idx.spans(name))


# branch orgs38: the list a partner stands in, after "in samenwerking met" (to the name: other names, commas, "en")
_PARTNER_BEFORE = re.compile(r"\b[Ii]n samenwerking met (?:(?:de |het )?[A-Z][\w'&.-]*(?: [\w'&.-]+){0,4}?(?:, | en ))*(?:de |het )?$")


def _not_won(a: dict, idx: _Index) -> str | None:
    """An awardee candidate the text says did not win (branch orgs3): the award denied where it is told ("niet gegund
    aan X", "X heeft de aanbesteding niet gewonnen"), the party said to have lost, withdrawn or objected, or the
    winner of a tender for another service ("het leerlingenvervoer is gegund aan X") in a sentence that is not about
    jeugd."""
    text = idx.text
    ev = a["sentence"]
    i = text.find(ev) if ev else -1
    sent = _sentence_at(text, i, i + len(ev)) if i >= 0 else ev
    if re.search(r"\b(?:niet|geen|nooit)\b(?: \w+){0,2} (?:gegund|gewonnen|gecontracteerd|toegekend|gekozen)\b", ev) or (
            # branch orgs6: the award that does not go to the party ("De opdracht gaat niet (meer) naar X")
            _NOT_TO.search(ev) and re.search(rf"\b(?:niet|nooit)(?: meer)? naar (?:de |het )?(?:[a-z]+ )?{re.escape(a['name'])}(?![\w-])", ev)) or (
            i >= 0 and (re.search(r"\b(?:niet|geen|nooit)\b(?: \w+){0,2}\s*$", text[max(0, i - 40): i])
                         # the negation at the clause's end, as Dutch puts it after a finite verb: "X won de
                         # aanbesteding voor jeugdhulp niet."
                         or re.match(r"(?:\s[\w-]+){0,4}?\s(?:niet|nooit)\s*(?:[.,;!?\n]|$)", text[i + len(ev): i + len(ev) + 80]))):
        return "denied"
    if _OTHER_SERVICE.search(sent) and not re.search(r"jeugd", sent, re.I):
        return "other_service"
    # branch orgs38: a partner the winner works with, named before the words that tell the award ("In samenwerking met A
    # en B gaat X de hulp vanaf 2025 leveren"): the partners are no awardees unless a sentence of their own says so
    # ("gegund aan X in samenwerking met Y" names Y with the award: both won, branch orgs32)
    j = ev.find(a["name"]) if ev else -1
    before = text[max(0, i - 120): i] if i >= 0 else ""
    if j >= 0 and (pm := _PARTNER_BEFORE.search(before + ev[:j])) and pm.start() < len(before):
        return "partner"
    # branch orgs6: of a sentence whose clauses tell two awards ("De jeugdhulp is gegund aan A; het Wmo-vervoer is
    # gegund aan B"), the clause that names the party tells its service
    if ";" in sent and i >= 0:
        clause = next((c for c in re.split(r";", sent) if _mentions(a["name"], c)), "")
        if _OTHER_SERVICE.search(clause) and not re.search(r"jeugd", clause, re.I):
            return "other_service"
    # branch orgs6: the award told in a sentence that names no care at all ("Dit perceel is gegund aan X.") right after
    # one about another service ("Perceel 2 betreft de Wmo-begeleiding.") is that service's award
    s0 = text.find(sent) if sent else -1
    if s0 > 0 and not _CARE_WORD.search(sent):
        prev = _sentence_at(text, s0 - 1, s0 - 1)
        if _OTHER_SERVICE.search(prev) and not re.search(r"jeugd", prev, re.I):
            return "other_service"
    n = re.escape(a["name"])
    # branch orgs6: the award to the party withdrawn, annulled or suspended (branch orgs8: the patterns with the name
    # are compiled only for a sentence that has their verbs)
    if _REVOKED_WORDS.search(sent) and (re.search(rf"{_AWARD_OF}{n}(?![\w-])[^.;\n]{{0,60}}?\b{_REVOKED}", sent) or re.search(
            rf"{_REVOKE_VERB}\b{_AWARD_OF}{n}(?![\w-])(?: [\w-]+){{0,3}} (?:in|terug)\b", sent) or re.search(
            rf"\b(?:vernietigde|vernietigden|vernietigt|schorste|schortte|herriep)\b[^.;\n]{{0,40}}?\b{_AWARD_OF}{n}(?![\w-])", sent)):
        return "revoked"
    # branch orgs7: the contract with the party said to end in the sentence that tells it ("Het contract met X is in 2015
    # afgesloten en loopt af", "de overeenkomst met X wordt beëindigd"): the party is the provider that leaves
    if _ENDING_WORDS.search(sent) and any(_ENDING_AFTER.match(sent, e) and _CONTRACT_WITH_END.search(sent, 0, p)
                                          for p, e in _mentions(a["name"], sent)):
        return "ending"
    if re.search(r"verleng|verlenging", ev) and not re.search(r"gegund|gunning|gewonnen|aanbesteding", ev):
        # branch orgs4: the contract of a party extended is no award (corpus README: "an extension names no award");
        # the party is still a provider the page names
        return "extension"
    if _loser(a["name"], idx):
        return "lost"
    # branch orgs4: a party the text names as the former provider, away from the sentence that reports its award
    # ("... gegund aan Eik. De vorige aanbieder, Wilg, ..."; "De opdracht gaat weer naar de vorige aanbieder X" keeps X)
    # (branch orgs7: not where the award sentence tells it was awarded again: "opnieuw gegund aan X", "blijft X")
    again = re.search(r"\b(?:opnieuw|wederom|nogmaals|blijft|blijven|andermaal)\b", sent)
    for start, end in idx.spans(a["name"]):
        if again:
            break
        if (_FORMER_BEFORE_RX.search(text[max(0, start - 60): start])
                or _FORMER_AFTER_RX.match(text[end: end + 60])
                or _FORMER_CONTRACT_RX.search(text[max(0, start - 60): start])
                or _FORMER_WAS_RX.match(text[end: end + 80])) and not (
                i >= 0 and i <= start < i + len(ev)) and start not in range(text.find(sent), text.find(sent) + len(sent)):
            return "former"
    return None


# branch orgs8: the guards of _not_won compiled once; the words a withdrawn award or an ending contract is told with
_FORMER_BEFORE_RX = re.compile(_FORMER_BEFORE, re.I)
_FORMER_AFTER_RX = re.compile(_FORMER_AFTER, re.I)
_FORMER_CONTRACT_RX = re.compile(_FORMER_CONTRACT, re.I)
_FORMER_WAS_RX = re.compile(_FORMER_WAS)
_REVOKED_WORDS = re.compile(rf"\b{_REVOKED}|{_REVOKE_VERB}|\b(?:vernietigde|vernietigden|vernietigt|schorste|schortte|herriep)\b")
_ENDING_WORDS = re.compile(r"\b(?:loopt|liep) |\b(?:afloopt|eindigt|eindigde|beëindigd|opgezegd|ontbonden|stopt)\b")


_NOT_TO = re.compile(r"\b(?:niet|nooit)(?: meer)? naar ")
# the contract with a party said to end, before and after the party's name
_CONTRACT_WITH_END = re.compile(r"(?:contract|overeenkomst)\w* (?:[\w-]+ ){0,3}?met (?:de |het )?(?:[a-z]+ )?\Z")
_ENDING_AFTER = re.compile(r"(?![\w-])[^.;\n]{0,80}?\b(?:(?:loopt|liep) (?:\w+ ){0,3}?af\b|"
                           r"(?:afloopt|eindigt|eindigde|beëindigd|opgezegd|ontbonden|stopt)\b)")


def _mentions(name: str, s: str) -> list[tuple[int, int]]:
    r"""Every mention of ``name`` in a short string ``s`` (start, end), as ``(?<![\w-])name(?![\w-])`` finds them,
    overlapping ones too (branch orgs8: without a pattern compiled per name)."""
    out: list[tuple[int, int]] = []
    p = s.find(name) if name else -1
    while p >= 0:
        e = p + len(name)
        if not (p and _WORD_OR_HYPHEN.match(s, p - 1)) and not _WORD_OR_HYPHEN.match(s, e):
            out.append((p, e))
        p = s.find(name, p + 1)
    return out


# branch orgs39: a win told at more length: a consortium set off after its name with its members ("GO! voor jeugd, een
# samenwerking van stichting A, B en C, heeft ..."; the consortium is the winner, not its members), the winner set among
# others ("heeft als een van vijf partijen het perceel ... binnengehaald"), and a word of the object's scope between
# the object and the verb ("de aanbesteding voor de jeugdhulp in de regio Y gewonnen") -- not a relative clause, an
# agent or a denial ("..., die door Y is gewonnen", "niet gewonnen"), which tell no win of the subject
_CONSORTIUM_APPOSITION = (r"(?:, (?:een|de|het) (?:[\w-]+ ){0,2}?(?:samenwerking|samenwerkingsverband|consortium|combinatie|"
                          r"coöperatie)\w* (?:van|tussen|uit|met) [^.\n;]{1,200}?,"
                          # (branch orgs40: its members told by a clause, "het consortium X, bestaande uit A en B, gaat ...")
                          r"|, (?:(?:dat|die) )?(?:bestaa\w* uit|bestond uit|gevormd door|opgericht door) [^.\n;]{1,200}?,)")
# branch orgs40: a consortium named after its kind, as subject or object of a win ("Het consortium X gaat de zorg
# leveren", "De opdracht gaat naar het consortium X", "gewonnen door de combinatie X"): the kind is no part of the name
_CONSORTIUM_KIND = r"(?:(?:samenwerkingsverband|consortium|combinatie) )"
_CONSORTIUM_SUBJECT = r"(?:(?:Het|De|Dit|Dat|Deze) (?:samenwerkingsverband|consortium|combinatie) )"
_AMONG = r"(?:als (?:[\w-]+ ){1,5}?)"
_SCOPE = r"(?:(?!(?:die|dat|welke|waarvan|waarbij|door|maar|niet|geen|nooit)\b)[\w'-]+ )"


# branch cv36: the contract told signed by, or awarded to, "the consortium" (its members are then the contracted parties)
_CONSORTIUM_CONTRACTED = re.compile(
    r"(?:contract|overeenkomst|opdracht)\w* (?:[\w-]+ ){0,4}?(?:is|zijn|werd|werden) (?:[\w-]+ ){0,2}?"
    r"(?:ondertekend|getekend|gegund|verleend) (?:door|aan) (?:[\w-]+ ){0,3}?(?:het|dit|dat) "
    r"(?:consortium|samenwerkingsverband|combinatie)\b")


def _awardees(text: str) -> list[dict]:
    out: list[dict] = []
    seen: set[str] = set()
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _AWARD_HEAD.search(line) and not _SERVICES_HEAD.search(line) and not _DENIED_HEAD.search(_last_sentence(line)):
            for n, s in _list_after(lines, i):
                _add(out, seen, n, "award_list", line + " " + s)
    for n, row in _award_table(lines):
        _add(out, seen, n, "award_table", row)
    # (branch orgs9: also with the parties' kind and number before the verb, "Er zijn drie aanbieders gecontracteerd: A,
    # B en C", and the award to "the following parties", "De opdracht is gegund aan de volgende partijen: A en B")
    for m in re.finditer(r"(?:zijn|is|worden|werden) (?:in [\w ]{2,40} |(?:[\w-]+ ){0,3}?)gecontracteerd:\s*([^\n]+)|"
                         r"(?:gegunde|gecontracteerde) (?:\w+ ){0,2}(?:zijn|is):\s*([^\n]+)|"
                         r"(?:gegund|toegekend) aan de volgende (?:\w+ ){0,2}?(?:partijen|\w*aanbieders|organisaties|instellingen|"
                         r"combinaties|inschrijvers):\s*([^\n]+)", text, re.I):
        # (branch orgs32: a party's seat or lot in brackets after it ends no list, "Karakter (Ede), Pluryn (Nijmegen) en
        # Lijn5 (Arnhem)")
        chunk = _BRACKETED.sub("", m.group(1) or m.group(2) or m.group(3))
        for n in _split_names(chunk, initial=_initial(text, m.start(m.lastindex))):
            _add(out, seen, n, "award_inline", m.group(0))
    rules = [
        # (an amount between: "definitief gegund voor € 1,5 miljoen aan Stichting X")
        # (branch orgs10: a party written with its partner or parent, "gegund aan de combinatie A/B", is one awardee "A/B",
        # as the corpus gold writes a consortium member "Triade/Vitree")
        # (branch orgs32: also after its legal form in lower case, "gegund aan de stichting Pluryn")
        # (branch orgs33: and after its legal form written first, "gegund aan de B.V. Zorgkracht")
        ("gegund_aan", rf"{_Q}gegund{_Q}{_FOR_AMOUNT} aan (?:een |het |de )?(?:samenwerkingsverband|consortium|combinatie|zorgaanbieder|aanbieder|"
                       rf"stichting|coöperatie|vereniging|B\.V\.(?= )|N\.V\.(?= ))?\s*"
                       rf"(?:van |tussen )?(?P<names>{_SLIST})"),
        ("winner", rf"(?P<names>{_NAME}),? (?:\w+ )?(?:de winnaar|(?:één|een) van de winnaars) van de (?:\w+)?aanbesteding"),
        ("winner", rf"(?P<names>{_NAME}) wint (?:de )?aanbesteding"),
        # branch orgs33: the party chosen for a lot ("Voor perceel 1 is gekozen voor Stichting Pluryn", "voor perceel 2
        # werd gekozen voor A en B"); a lot names the award, "gekozen voor" alone names a choice of anything
        ("gekozen_voor", rf"(?<![\w-])[Vv]oor (?:het |de )?(?:perce(?:el|len)|kavels?|lots?) [\w-]{{1,6}}(?: \([^()\n]{{1,40}}\))?,? "
                         rf"(?:is|werd|zijn|werden|heeft (?:de |het )?\w+|hebben (?:de |het )?\w+) (?:\w+ )?gekozen voor (?:de |het )?"
                         rf"(?:{_KIND} )?(?P<names>{_SLIST})"),
        ("aanbesteding_aan", rf"(?:aanbesteding|aanbesteed|gegund) aan (?:zorgaanbieder |jeugdzorgaanbieder |aanbieder )?(?P<names>{_NAME})"),
        # branch orgs1: the award as a noun or told with gunnen ("de gunning aan zorgaanbieder i-Hub", "gunde het
        # stadsdeel het opbouwwerk aan Dock"), and where the contract goes ("de opdracht gaat naar X")
        ("gunning_aan", rf"(?:\bgunning|\bgun(?:t|de|den|nen)\b[^.\n]{{0,60}}?) aan (?:de |het )?(?:[a-z]+ )?(?:{_KIND} )?"
                        rf"(?P<names>{_BRAND}(?:(?: ?, ?| en ) ?(?:de |het )?{_NAME})*)"),
        # (branch orgs29: the lots too, "De percelen gaan naar A (perceel 1) en B (perceel 2)", each party's lot in
        # brackets after it, and the thing at a sentence's start, "Perceel 1 gaat naar A")
        ("gaat_naar", rf"(?<![\w-])(?:[Oo]pdracht|[Aa]anbesteding|[Gg]unning|[Cc]ontract|[Pp]erce(?:el|len)|[Kk]avels?)\w* (?:\w+ ){{0,5}}"
                      rf"(?:gaat|ging|gaan|gingen) (?:\w+ )?naar (?:de |het )?(?:{_KIND} |{_CONSORTIUM_KIND})?(?P<names>{_LOT_LIST})"),
        ("contract_met", rf"(?:tekenden|ondertekenden|sloten|sluiten)\b[^.\n]{{0,80}}? en (?P<names>{_NAME}) (?:de|een) (?:overeenkomst|contract)"),
        # (branch orgs4: the verb is a word of its own, not the "sloten" of "besloten")
        ("contract_met", rf"(?<![\w-])(?:sluit\w*|sloot|sloten|gesloten|afgesloten|tekenen|ondertekend|getekend)\b[^.\n]{{0,80}}"
                         rf"(?:overeenkomst|contract)\w* met (?:de |het )?(?:{_KIND} )?(?P<names>{_NAME})"),
        # branch orgs7: the contract named before its verb ("heeft een overeenkomst gesloten met X")
        ("contract_met", rf"(?:overeenkomst|contract)(?:en)? (?:[a-z]+ ){{0,2}}?(?:gesloten|afgesloten|getekend|ondertekend) met "
                         rf"(?:de |het )?(?:{_KIND} )?(?P<names>{_LIST})"),
        ("contract_met", rf"(?:overeenkomst|contract)\w* (?:(?:dat|die) )?met (?P<names>{_NAME})[^.\n]{{0,60}}"
                         rf"(?:gesloten|getekend|ondertekend|afgesloten)"),
        # branch orgs1: a contract extended with a party ("de contractverlenging voor Horizon", "het contract met X te
        # verlengen"), agreements made with a named provider ("afspraken gemaakt met jeugdhulpaanbieder X"), and a
        # partnership entered with named providers ("Met jeugdhulpaanbieders A, B en C gaan ze de samenwerking aan")
        ("contract_met", rf"afspraken (?:\w+ ){{0,2}}(?:gemaakt|vastgelegd) met (?:de |het )?{_KIND} (?P<names>{_LIST})"),
        ("contract_met", rf"\b[Mm]et (?:de )?(?:{_KIND} )?(?P<names>{_ALIST}) (?:gaan|gaat|zijn|is|werd|werden|hebben|heeft) "
                         rf"(?:[\w-]+ ){{0,4}}(?:samenwerking|overeenkomst|contract)\w* (?:aan|aangegaan|gesloten|getekend)\b"),
        ("contracted_list", rf"(?:betrokken|gecontracteerde|geselecteerde|gegunde|deelnemende) (?:GI'?s|aanbieders|partijen|"
                            rf"instellingen|organisaties) zijn[,:]? (?:naast (?:de |het )?(?P<first>{_NAME}),\s*)?"
                            rf"(?P<names>(?:de |het )?{_NAME}(?:\s*(?:,|en)\s*(?:de |het )?{_NAME})*)"),
        ("afgerond_met", rf"(?:inkoop ?traject|aanbesteding|inkoop)\w* afgerond met (?:de |het )?(?P<names>{_NAME})"),
        ("onderbrengen_bij", rf"(?:onder(?:brengen|gebracht)|contracten?) bij (?:één|een) (?:organisatie|aanbieder|partij)"
                             rf"\s*:\s*(?P<names>{_NAME})"),
        # branch orgs1: the one party named after a colon ("Vanaf 1 januari 2024 is hiervoor één organisatie in A, B en C:
        # MetMaya.")
        ("onderbrengen_bij", rf"(?:[Vv]anaf|[Pp]er|[Ss]inds) \d{{1,2}} {_MONTH} \d{{4}},? (?:is|zijn|komt|komen) (?:er )?(?:hiervoor |daarvoor )?"
                             rf"(?:één|een) (?:organisatie|aanbieder|partij)[^.:\n]{{0,120}}:\s*(?P<names>{_BRAND})"),
        ("gegund_gekregen", rf"(?P<names>{_NAME}) (?:heeft|hebben) (?:[\w ]{{0,60}} )?gegund gekregen"),
        # branch cv24: the award told by the winner (stages.md definitieve_gunning from the awardee's side): "MetMaya
        # heeft de opdracht gekregen om vanaf 1 januari 2024 ...", "X heeft de aanbesteding gewonnen", "X heeft het
        # contract binnengehaald"
        # (branch orgs9: the subject a list, "A en B hebben de aanbesteding gewonnen", not the last name only)
        # (branch orgs39: the subject with its consortium set off after it, "GO! voor jeugd, een samenwerking van A, B en
        # C, heeft ... gewonnen"; the winner set among others, "X heeft als een van vijf partijen het perceel ...
        # binnengehaald"; and up to twelve words of the object's scope, "de aanbesteding voor de jeugdhulp in de regio Y
        # gewonnen", where no relative clause or denial comes between, "..., die door Y is gewonnen")
        ("winner_side", rf"(?P<names>{_ALIST}){_CONSORTIUM_APPOSITION}? (?:heeft|hebben) {_AMONG}?(?:[a-z]+ ){{0,2}}(?:de|het|een) (?:[a-z]+ )?(?:opdracht|contract|aanbesteding|perce(?:el|len)|tender|gunning)\w* "
                        rf"(?:(?:gegund )?gekregen (?:om )?(?:per|vanaf|met ingang van|sinds)\b|{_SCOPE}{{0,12}}?(?:verworven|binnengehaald|gewonnen))",
         r"\b(?:gekregen|verworven|binnengehaald|gewonnen)\b"),
        # branch orgs1: the idiom of winning ("X de aanbesteding aan het langste eind trok")
        ("winner_side", rf"(?P<names>{_NAME}) (?:de|het|een) (?:[a-z]+ )?(?:aanbesteding|opdracht|contract|gunning)\w* "
                        rf"(?:[\w-]+ ){{0,3}}aan het langste eind (?:trok|trekt|trokken|getrokken)"),
        # branch cv24: the providers who put their signature under the agreement (stages.md contract_ondertekend), named
        # after their kind: "van twee samenwerkingsverbanden, rondomJou en Kracht jeugd en gezin, hun handtekening gezet
        # onder de overeenkomst"
        ("signing_parties", rf"(?:samenwerkingsverband|consortium|consortia|combinatie|aanbieder|organisatie)\w*,?\s+"
                            rf"(?P<names>(?>{_BRAND}(?:\s*(?:,|en)\s*{_BRAND})*))[^.\n,]{{0,30}},?\s+(?:[a-z]+ ){{0,2}}"
                            rf"(?:hun|zijn|haar) handtekening(?:en)? (?:[\w'-]+ ){{0,2}}onder (?:de|het) (?:\w*overeenkomst|\w*contract)"),
        # branch cv36: the parties named as contracted on a signing (stages.md contract_ondertekend, the providers'
        # side): the contract told signed with them ("de contracten zijn getekend met A, B en C"), and the providers
        # as subject of the signing, alone or after the buyers and their kind ("A, B en C hebben het contract
        # ondertekend", "hebben de gemeenten en het samenwerkingsverband A, B en C het contract ... ondertekend");
        # not a signing still to come ("zullen ... ondertekenen") nor an intentieovereenkomst (_not_won's reading)
        ("signed_with", rf"(?:overeenkomst|contract)\w* (?:[\w-]+ ){{0,4}}?(?:zijn|is|werd|werden) (?:[a-z]+ ){{0,2}}(?:getekend|ondertekend|gesloten|afgesloten) "
                        rf"met (?:de |het )?(?:{_KIND} |volgende (?:\w*aanbieders|partijen|organisaties):? )?(?P<names>{_LIST})"),
        ("signed_by", rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<names>{_ALIST}) (?:(?:hebben|heeft) (?:[a-z]+ ){{0,3}}?(?:het|de|een) (?:[a-z]+ )?"
                      rf"(?:contract|overeenkomst)(?:en)?\b[^.\n]{{0,80}}?\b(?:ondertekend|getekend)\b|(?:ondertekenden|tekenden) "
                      rf"(?:[a-z]+ ){{0,3}}?(?:het|de|een) (?:[a-z]+ )?(?:contract|overeenkomst)(?:en)?\b)",
         r"\b(?:ondertekend|getekend|tekenden)\b"),
        ("signed_by", rf"\b(?:[Ss]amenwerkingsverband|[Cc]onsortium|[Cc]ombinatie|\w*aanbieders?) (?P<names>(?>{_BRAND}(?:\s*(?:,|en)\s*{_BRAND})*)),? "
                      rf"(?:het|de) (?:[a-z]+ )?(?:contract|overeenkomst)(?:en)?\b[^.\n]{{0,80}}?\b(?:ondertekend|getekend)\b",
         r"\b(?:ondertekend|getekend)\b"),
        # branch cv36: a consortium's members set off after it ("Een consortium van drie zorgaanbieders - A, B en C -"),
        # taken only where the text says the contract was signed by or awarded to that consortium (checked below)
        ("consortium_signed", rf"\b(?:[Cc]onsortium|[Ss]amenwerkingsverband|[Cc]ombinatie)(?: van (?:\w+ ){{0,2}}\w*aanbieders)?\s*[-–:(]\s*"
                              rf"(?P<names>(?>{_SLASHED}(?:\s*(?:,|en)\s*{_SLASHED})*))\s*[-–)]"),
        # branch orgs1: the members of a consortium the text says was awarded or chosen ("... uit te laten voeren door
        # het samenwerkingsverband waar X deel van uitmaakt. Dit samenwerkingsverband bestaat uit A, B en C")
        ("consortium_members", rf"(?:gegund|gunning|gunnen|winnaar|gewonnen|\bwint\b|gecontracteerd|laten uitvoeren door|uit (?:te )?laten voeren door)"
                               rf"[^\n]{{0,300}}?(?:samenwerkingsverband|consortium|combinatie)\w* (?:bestaat|bestond|bestaande) uit "
                               rf"(?:de |het )?(?P<names>{_LIST})"),
        ("bij_aanbieder", rf"(?:ingekocht|ondergebracht|belegd|terecht) bij (?:de |het )?(?:[a-z]+ )?"
                          rf"(?:jeugdhulp|jeugdzorg|zorg)?aanbieder (?P<names>{_NAME})"),
        ("levert_vanaf", rf"(?:[Vv]anaf|[Ss]inds|[Pp]er) \d{{1,2}} {_MONTH} \d{{4}},? (?:verzorgt|levert|biedt) "
                         rf"(?P<names>{_NAME}) [^.\n]{{0,60}}?\b(?:jeugdhulp|jeugdzorg|jeugdbescherming)"),
        ("levert_vanaf", rf"(?:[Vv]anaf|[Ss]inds|[Pp]er) \d{{1,2}} {_MONTH} \d{{4}},? is (?P<names>{_NAME}) "
                         rf"verantwoordelijk voor [^.\n]{{0,60}}?\b(?:jeugdhulp|jeugdzorg|jeugdbescherming)"),
        # branch orgs1: a decision after the tender on who takes over ("Na de laatste aanbesteding is besloten dat
        # Horizon uit Zuid-Holland vanaf 1 januari 2019 de taken van X zal overnemen")
        ("levert_vanaf", rf"(?:aanbesteding|gunning|inkoop)\w*[^.\n]{{0,60}}\bdat (?P<names>{_NAME})(?: uit [A-Z][\w' -]+?)? "
                         rf"(?:vanaf|per|met ingang van) \d{{1,2}} {_MONTH} \d{{4}} [^.\n]{{0,60}}?"
                         rf"(?:overnemen|overneemt|uitvoeren|uitvoert|leveren|levert|verzorgen|verzorgt)\b"),
        # branch orgs2: the award told in the passive, as the winner's idiom, or with krijgen, the verb before its
        # subject as Dutch puts it after an opening phrase ("De aanbesteding is gewonnen door X", "X kwam als winnaar
        # uit de bus", "X krijgt de opdracht", "Per 1 januari krijgt X het contract")
        ("winner", rf"(?:aanbesteding|opdracht|contract|gunning|perceel|tender)\w* (?:[\w-]+ ){{0,6}}"
                   rf"(?:gewonnen|binnengehaald|binnengesleept|in de wacht gesleept) door (?:de |het )?(?:{_KIND} |{_CONSORTIUM_KIND})?(?P<names>{_LIST})"),
        ("winner", rf"(?P<names>{_NAME}) (?:is|komt|kwam|zijn|kwamen) (?:\w+ ){{0,3}}als (?:\w+ )?winnaars? (?:uit de bus|uit de aanbesteding|van de)"),
        # (not "X krijgt de opdracht niet", nor an errand: "X krijgt de opdracht om een plan te maken")
        ("winner_side", rf"(?P<names>{_NAME}){_CONSORTIUM_APPOSITION}? (?:krijgt|kreeg|krijgen|kregen) (?:de|het) (?:[a-z]+ )?(?:opdracht|contract|gunning|perceel)\b"
                        rf"(?! niet| om (?!vanaf|per|met ingang))"),
        ("winner_side", rf"\b(?:krijgt|kreeg|krijgen|kregen) (?P<names>{_NAME}) (?:de|het) (?:[a-z]+ )?(?:opdracht|contract|gunning)\b"
                        rf"(?! niet| om (?!vanaf|per|met ingang))"),
        # branch orgs3: the general Dutch ways of reporting a winner: won in the past tense, the choice that fell on a
        # party, a party chosen as the provider, the work given to it, and the contract "binnengehaald" or "in de wacht
        # gesleept" with the verb in the present or past ("X won de aanbesteding", "De keuze is gevallen op X", "De
        # regio koos voor X als nieuwe aanbieder", "X is geselecteerd als opdrachtnemer", "De opdracht is toegekend
        # aan X", "X sleept contract in de wacht")
        ("winner", rf"(?P<names>{_ALIST}){_CONSORTIUM_APPOSITION}? (?:won|wonnen|wint|winnen) (?:de |het |een )?(?:[a-z]+ )?(?:aanbesteding|opdracht|contract|tender|perceel)\w*\b(?! niet)", r"\b(?:won|wonnen|wint|winnen)\b"),
        # branch orgs28: the winners as the subject of an inverted main clause after a fronted phrase ("Samen met de
        # gemeente hebben Pluryn en Karakter de aanbesteding gewonnen", "In 2024 wonnen A en B de opdracht"); the verb
        # follows a word of the sentence, and no "niet"/"geen" comes between the object and "gewonnen"
        ("winner", rf"(?<=[\w,] )(?:hebben|heeft) (?P<names>{_ALIST}) (?:de|het|een) (?:[a-z]+ )?(?:aanbesteding|opdracht|contract|"
                   rf"tender|perce(?:el|len))\w* (?:(?!niet\b|geen\b|nooit\b)[\w-]+ ){{0,3}}?(?:gewonnen|binnengehaald)\b",
         r"\b(?:gewonnen|binnengehaald)\b"),
        ("winner", rf"(?<=[\w,] )(?:won|wonnen|wint|winnen) (?P<names>{_ALIST}) (?:de|het|een) (?:[a-z]+ )?(?:aanbesteding|opdracht|"
                   rf"contract|tender|perce(?:el|len))\w*\b(?! niet)", r"\b(?:won|wonnen|wint|winnen)\b"),
        ("keuze_op", rf"\b[Kk]euze (?:\w+ ){{0,3}}?(?:is |werd )?(?:viel|gevallen|valt) (?:\w+ )?op (?:de |het )?(?:{_KIND} )?(?P<names>{_ALIST})"),
        ("gekozen_als", rf"(?P<names>{_NAME}) (?:is|werd|wordt|zijn|werden|worden) (?:\w+ ){{0,2}}(?:gekozen|geselecteerd|aangewezen) als (?:de )?"
                        rf"(?:nieuwe )?(?:\w*aanbieders?|partners?|uitvoerders?|opdrachtnemers?)\b", r"\b(?:gekozen|geselecteerd|aangewezen) als\b"),
        ("gekozen_als", rf"\b(?:kiest|koos|kozen|kiezen|gekozen) (?:\w+ ){{0,3}}?voor (?:de |het )?(?:{_KIND} )?(?P<names>{_ALIST}) als (?:de )?"
                        rf"(?:nieuwe )?(?:\w*aanbieders?|partners?|uitvoerders?|opdrachtnemers?)\b"),
        ("toegekend_aan", rf"(?:opdracht|contract|aanbesteding|perceel|gunning|percelen)\w* (?:[\w-]+ ){{0,6}}?(?:toegekend|verleend|gegeven|toegewezen|verstrekt) aan "
                          rf"(?:de |het )?(?:{_KIND} )?(?P<names>{_LIST})"),
        ("winner_side", rf"(?P<names>{_NAME}) (?:sleept|sleepte|sleepten|haalt|haalde|haalden|heeft|hebben) (?:[a-z]+ ){{0,2}}(?:(?:de|het|een) )?(?:[a-z]+ )?"
                        rf"(?:opdracht|contract|aanbesteding)\w* (?:[\w-]+ ){{0,5}}?(?:in de wacht(?: gesleept)?|binnen(?:gehaald|gesleept)?)\b", r"in de wacht|\bbinnen"),
        # branch orgs5: the new provider named after its kind, set off by commas or not ("En die nieuwe
        # jeugdhulpaanbieder, Horizon, komt er"), and parties said to provide the care from a date or a year on
        # ("A en B gaan samen met de gemeente de jeugdhulp vanaf 2024 verzorgen")
        ("nieuwe_aanbieder", rf"\b(?:[Dd]e|[Dd]ie|[Dd]eze) nieuwe (?:{_KIND}|opdrachtnemers?|uitvoerders?|contractpartners?),? "
                             rf"(?:(?:de|het) )?(?P<names>{_ALIST})"),
        ("aanbieders_vanaf", rf"(?P<names>{_ALIST}) (?:gaan|gaat|zullen|zal) [^.\n]{{0,100}}?\b(?:vanaf|per|met ingang van) "
                             rf"(?:\d{{1,2}} {_MONTH} )?\d{{4}}\b[^.\n]{{0,60}}?\b(?:verzorgen|leveren|uitvoeren|bieden)\b",
         r"\b(?:gaan|gaat|zullen|zal) [^.\n]{0,100}?\b(?:vanaf|per|met ingang van) (?:\d{1,2} \w+ )?\d{4}\b[^.\n]{0,60}?\b(?:verzorgen|leveren|uitvoeren|bieden)\b"),
        ("aanbieders_vanaf", rf"(?:[Zz]org)?[Aa]anbieders (?P<names>{_ALIST}) "
                             rf"(?:leveren|zorgen|verzorgen|voeren|gaan|nemen)\b[^.\n]{{0,80}}\bvanaf\b"),
        # branch orgs6: more of the general Dutch ways of telling a winner: the party that becomes the new provider
        # ("X wordt de nieuwe aanbieder van de jeugdhulp", "X is per 1 januari 2025 de nieuwe jeugdhulpaanbieder"), the
        # buyer that contracted or selected it ("De gemeenten hebben X gecontracteerd", "De regio contracteert X"), the
        # award received ("X ontving / verkreeg de opdracht", "X heeft de gunning ontvangen"), the winner named as such
        # ("De winnaar is X", "De winnende partij is X"), the award gone to it ("De gunning is naar X gegaan") and the
        # party allowed to provide the care ("X mag vanaf 2025 de jeugdhulp uitvoeren"); not where the sentence only
        # supposes it (checked below)
        ("wordt_aanbieder", rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=, ))(?P<names>{_ALIST}) (?:wordt|worden|is|zijn|werd|werden) "
                            rf"(?:(?:per|vanaf|sinds|met ingang van) (?:\d{{1,2}} {_MONTH}(?: \d{{4}})?|\d{{4}}),? )?(?:de|het) nieuwe "
                            rf"(?:{_KIND}|opdrachtnemers?|uitvoerders?|contractpartners?|partners?)\b",
         r"\b(?:wordt|worden|is|zijn|werd|werden) (?:(?:per|vanaf|sinds|met ingang van) [\w ]{4,20},? )?(?:de|het) nieuwe\b"),
        ("buyer_contracted", rf"\b(?:hebben|heeft) (?:de |het )?(?:{_KIND} )?(?P<names>{_ALIST}) (?:[a-z]+ ){{0,3}}?"
                             rf"(?:gecontracteerd|geselecteerd)\b", r"\b(?:gecontracteerd|geselecteerd)\b"),
        ("buyer_contracted", rf"\b(?:contracteert|contracteerde|contracteerden|contracteren) (?:de |het )?(?:{_KIND} )?(?P<names>{_ALIST})"
                             rf"(?= (?:voor|als|om|per|vanaf|met)\b|[.,;]|$)", r"\bcontracte(?:ert|erde|erden|ren)\b"),
        ("winner_side", rf"(?P<names>{_NAME}) (?:ontving|ontvingen|ontvangt|ontvangen|verkreeg|verkregen|verwierf|verwierven) "
                        rf"(?:de|het|een) (?:[a-z]+ )?(?:opdracht|contract|gunning|aanbesteding)\b(?! niet)",
         r"\b(?:ontving|ontvingen|ontvangt|ontvangen|verkreeg|verkregen|verwierf|verwierven)\b"),
        ("winner_side", rf"(?P<names>{_NAME}) (?:heeft|hebben) (?:[a-z]+ ){{0,2}}(?:de|het|een) (?:[a-z]+ )?(?:gunning|opdracht|contract)\b"
                        rf"(?:[\w -]{{0,40}}?) (?:ontvangen|verkregen)\b", r"\b(?:ontvangen|verkregen)\b"),
        ("winner", rf"(?:\b[Dd]e |(?<![\w-])(?=[Ww]innaar))(?:[Ww]innaars?|winnende (?:partij|partijen|inschrijvers?|aanbieders?|combinatie))(?: van (?:de|het) [\w -]{{2,40}}?)?"
                   rf"(?: (?:is|zijn|was|waren|werd|werden) (?:geworden )?|(?: (?:zijn|waren))?: ?)(?:de |het )?(?:{_KIND} )?(?P<names>{_ALIST})",
         r"\b(?:[Ww]innaars?|winnende)\b"),
        # branch orgs10: the winning bid named by its party ("De winnende inschrijving is van X", "De winnende offerte
        # kwam van X") and the care that passes into a party's hands ("De jeugdhulp komt (per 1 januari) in handen van
        # X"); not the state of things ("De uitvoering is in handen van X", a provider of old, read as a relation)
        ("winner", rf"\b[Dd]e winnende (?:inschrijving|aanbieding|offerte|bieding)(?: (?:voor|van) (?:de|het) [\w -]{{2,40}}?)? "
                   rf"(?:is|was|kwam|komt) (?:afkomstig )?van (?:de |het )?(?:{_KIND} |(?:combinatie|consortium|samenwerkingsverband) )?"
                   rf"(?P<names>{_SLIST})",
         r"\bwinnende (?:inschrijving|aanbieding|offerte|bieding)\b"),
        ("in_handen", rf"\b(?:[Jj]eugdhulp|[Jj]eugdzorg|[Jj]eugdbescherming|[Zz]org|[Hh]ulp|[Oo]pdracht|[Uu]itvoering|[Bb]egeleiding|"
                      rf"[Bb]ehandeling|[Aa]anpak|[Tt]aken?|[Pp]ercelen|[Pp]erceel|[Dd]ienstverlening|[Jj]eugd-?[Gg]gz)\w* "
                      rf"(?:[\w-]+ ){{0,8}}?(?:komt|komen|kwam|kwamen) (?:[\w-]+ ){{0,6}}?in (?:de )?handen van (?:de |het )?"
                      rf"(?:{_KIND_WORD} |combinatie |consortium |samenwerkingsverband )?(?:{_KIND} )?(?P<names>{_SLIST})",
         r"\bin (?:de )?handen van\b"),
        ("gaat_naar", rf"(?:opdracht|aanbesteding|gunning|contract|perceel)\w* (?:[\w-]+ ){{0,12}}?(?:is|zijn) (?:\w+ )?naar "
                      rf"(?:de |het )?(?:{_KIND} )?(?P<names>{_ALIST}) gegaan\b", r"\bgegaan\b"),
        # (branch orgs6: "De opdracht gaat niet naar X maar naar Y"; X is denied in _not_won)
        ("gaat_naar", rf"(?:opdracht|aanbesteding|gunning|contract|perceel)\w* (?:\w+ ){{0,5}}(?:gaat|ging|gaan|gingen) "
                      rf"(?:\w+ )?(?:niet|nooit)(?: meer)? naar [^.\n;]{{1,80}}?\bmaar (?:\w+ )?naar (?:de |het )?(?:{_KIND} )?(?P<names>{_LIST})",
         r"\bmaar (?:\w+ )?naar\b"),
        ("mag_leveren", rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<names>{_ALIST}) (?:mag|mogen) (?!geen\b|niet\b)[^.\n]{{0,80}}?\b(?:de|het) "
                        rf"(?:[a-z]+ )?(?:jeugdhulp|jeugdzorg|jeugdbescherming|jeugd-ggz|zorg|opdracht)\b[^.\n]{{0,40}}?\b"
                        rf"(?:uitvoeren|leveren|bieden|verzorgen|verlenen)\b", r"\b(?:mag|mogen)\b"),
        # branch orgs7: more of the general Dutch ways of telling an award: gunnen with the party as indirect object
        # ("De regio gunt X de opdracht", "De gemeente heeft X de opdracht gegund", "Aan X is de opdracht gegund"), the
        # party contracted in the passive ("X en Y zijn gecontracteerd voor de jeugdhulp"), the buyer that goes "in
        # zee" with it, the party chosen as the provider ("De regio heeft X als nieuwe aanbieder gekozen"), the award
        # received ("X heeft de gunning gekregen", "X krijgt de jeugdhulp gegund") and the care provided by it from a
        # date on ("De jeugdhulp wordt vanaf 1 januari 2025 geleverd door X"); not where the sentence only supposes it
        ("gunt_x", rf"\b(?:gunt|gunde|gunden)\b (?:[a-z]+ ){{0,3}}?(?:de |het )?(?:{_KIND} )?(?P<names>{_ALIST}) (?:de|het|een) "
                   rf"(?:[\w-]+ ){{0,3}}?{_AWARDED_THING}\b", r"\bgun(?:t|de|den)\b"),
        ("gunt_x", rf"\b(?:heeft|hebben|had|hadden|besloot|besloten|besluit|om)\b (?:[a-z]+ ){{0,3}}?(?:de |het )?(?:{_KIND} )?"
                   rf"(?P<names>{_ALIST}) (?:de|het|een) (?:[\w-]+ ){{0,3}}?{_AWARDED_THING}\b(?: {_NOT_CLAUSE}[\w-]+){{0,8}}? (?:gegund|te gunnen)\b",
         r"\b(?:gegund|te gunnen)\b"),
        ("gunt_x", rf"(?:^|(?<=[.!?]\s)|(?<=\n)|\b(?:is|zijn|werd|werden|wordt|worden) )[Aa]an (?:de |het )?(?:{_KIND} )?"
                   rf"(?P<names>{_ALIST}) (?:(?:is|zijn|werd|werden|wordt|worden) )?(?:[\w-]+ ){{0,4}}?{_AWARDED_THING} (?:[\w-]+ ){{0,4}}?"
                   rf"(?:gegund|toegekend|verleend)\b",
         r"\b(?:gegund|toegekend|verleend)\b"),
        ("contracted", rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=, ))(?:[Zz]org)?(?:[Aa]anbieders? )?(?!{_OPENER}\b)(?P<names>{_ALIST}) (?:is|zijn|werd|werden) "
                       rf"(?:[a-z]+ ){{0,3}}?gecontracteerd\b(?!:)", r"\bgecontracteerd\b"),
        ("in_zee", rf"\bin zee (?:(?:gaan|gegaan|gaat|ging|gingen) )?met (?:de |het )?(?:{_KIND} )?(?P<names>{_LIST})", r"\bin zee\b"),
        ("in_zee", rf"\b[Mm]et (?:de |het )?(?:{_KIND} )?(?P<names>{_ALIST}) (?:[a-z]+ ){{0,2}}?in zee (?:gaan|gegaan|gaat|ging|gingen)\b",
         r"\bin zee\b"),
        ("gekozen_als", rf"\b(?:heeft|hebben|had|hadden) (?:[a-z]+ ){{0,3}}?(?:de |het )?(?P<names>{_ALIST}) als (?:de )?(?:nieuwe )?"
                        rf"(?:\w*aanbieders?|\w*instellingen?|partners?|uitvoerders?|opdrachtnemers?|contractpartners?) "
                        rf"(?:[\w-]+ ){{0,3}}?(?:gekozen|geselecteerd|aangewezen|gecontracteerd)\b",
         r"\b(?:gekozen|geselecteerd|aangewezen|gecontracteerd)\b"),
        ("winner_side", rf"(?P<names>{_NAME}) (?:heeft|hebben) (?:[a-z]+ ){{0,2}}(?:de|het|een) (?:[a-z]+ )?gunning\b(?: [\w-]+){{0,6}}? gekregen\b",
         r"\bgekregen\b"),
        ("winner_side", rf"(?P<names>{_NAME}) (?:krijgt|kreeg|krijgen|kregen) (?:de|het) (?:[\w-]+ ){{0,6}}?gegund\b", r"\bgegund\b"),
        ("levert_vanaf", rf"(?:wordt|worden|werd|werden) (?:vanaf|per|met ingang van) (?:\d{{1,2}} {_MONTH} )?\d{{4}},? (?:[a-z]+ ){{0,3}}?"
                         rf"(?:geleverd|uitgevoerd|verzorgd|geboden) door (?:de |het )?(?:{_KIND} )?(?P<names>{_LIST})",
         r"\b(?:geleverd|uitgevoerd|verzorgd|geboden) door\b"),
        # branch orgs9: the party said to carry out the care or the contract from now on ("X gaat de jeugdhulp
        # uitvoeren", "Vanaf 1 januari gaat X de ambulante jeugdhulp in de regio leveren"); not the buyer doing it itself
        # ("De gemeente gaat de jeugdhulp zelf uitvoeren"), nor where the sentence only supposes or denies it
        ("gaat_uitvoeren", rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?:[Zz]org|[Jj]eugdhulp|[Jj]eugdzorg)?[Aa]anbieders? |{_CONSORTIUM_SUBJECT})?(?!{_OPENER}\b)"
                           rf"(?P<names>{_ALIST}){_CONSORTIUM_APPOSITION}? (?:gaat|gaan) {_GOES_ON}",
         r"\b(?:gaat|gaan)\b[^.\n]{0,120}?\b(?:uitvoeren|leveren|verzorgen|bieden|verlenen)\b"),
        ("gaat_uitvoeren", rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?:{_OPENER}|Na)\b[^.\n,]{{0,60}}?,? (?:gaat|gaan) (?:de |het )?(?:{_KIND} )?"
                           rf"(?P<names>{_ALIST}) {_GOES_ON}",
         r"\b(?:gaat|gaan)\b[^.\n]{0,160}?\b(?:uitvoeren|leveren|verzorgen|bieden|verlenen)\b"),
        # branch orgs9: the lots of one award told elliptically ("Perceel 1 is gegund aan A, perceel 2 aan B en perceel 3
        # aan C"), the award written as a field of a notice ("Gegund aan: A", "Winnaar: A", "Opdrachtnemer: A B.V."), the
        # party chosen as the new provider with the verb last ("De gemeente heeft A aangewezen als nieuwe aanbieder"), and
        # the care provided by it from a date or year on, told in the present ("A levert vanaf 2025 de jeugdhulp",
        # "Vanaf 2025 voert A de jeugdbescherming uit"); not "sinds", which tells a provider of old
        # (branch orgs29: also where the lots go, "Perceel 1 gaat naar A en perceel 2 naar B")
        ("perceel_aan", rf"(?:(?<=[,;] )|(?<= en ))(?:en )?(?:voor )?(?:de |het )?(?:[Pp]erce(?:el|len)|[Kk]avels?) [\w-]+(?: en [\w-]+)?(?: \([^()\n]{{1,40}}\))? aan (?:de |het )?"
                        rf"(?:{_KIND} )?(?P<names>{_NAME})", r"\bgegund aan\b"),
        ("perceel_aan", rf"(?:(?<=[,;] )|(?<= en ))(?:en )?(?:de |het )?(?:[Pp]erce(?:el|len)|[Kk]avels?) [\w-]+(?: en [\w-]+)? naar (?:de |het )?"
                        rf"(?:{_KIND} )?(?P<names>{_NAME})", r"\b(?:gaat|ging|gaan|gingen) (?:\w+ )?naar\b"),
        # (branch orgs33: and the next lot's choice, "Voor perceel 1 is gekozen voor A en voor perceel 2 voor B")
        ("perceel_aan", rf"(?:(?<=[,;] )|(?<= en ))(?:en )?voor (?:de |het )?(?:[Pp]erce(?:el|len)|[Kk]avels?) [\w-]+(?: en [\w-]+)?"
                        rf"(?: \([^()\n]{{1,40}}\))? voor (?:de |het )?(?:{_KIND} )?(?P<names>{_NAME})", r"\bgekozen voor\b"),
        ("field_line", rf"(?:^|(?<=\n))[ \t]*(?:[Gg]egund aan|[Ww]innaars?|(?:[Nn]aam (?:van de )?)?[Oo]pdrachtnemers?|[Gg]econtracteerde "
                       rf"(?:partij|aanbieder)s?|[Gg]unning aan)[ \t]*:[ \t]*(?P<names>{_LIST})"),
        ("gekozen_als", rf"\b(?:heeft|hebben|had|hadden) (?:[a-z]+ ){{0,3}}?(?:de |het )?(?P<names>{_ALIST}) (?:[a-z]+ ){{0,2}}?"
                        rf"(?:aangewezen|gekozen|geselecteerd|gecontracteerd) als (?:de )?(?:nieuwe )?"
                        rf"(?:\w*aanbieders?|\w*instellingen?|partners?|uitvoerders?|opdrachtnemers?|contractpartners?)\b",
         r"\b(?:aangewezen|gekozen|geselecteerd|gecontracteerd) als\b"),
        ("levert_vanaf", rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?!{_OPENER}\b)(?P<names>{_ALIST}) (?:levert|leveren|verzorgt|verzorgen|biedt|bieden|voert|voeren) "
                         rf"(?:vanaf|per|met ingang van) (?:\d{{1,2}} {_MONTH}(?: \d{{4}})?|\d{{4}}|volgend jaar) (?:de|het) (?:[\w-]+ )?"
                         rf"(?:jeugdhulp|jeugdzorg|jeugdbescherming|jeugd-ggz|zorg|opdracht)\b",
         r"\b(?:levert|leveren|verzorgt|verzorgen|biedt|bieden|voert|voeren) (?:vanaf|per|met ingang van)\b"),
        ("levert_vanaf", rf"\b(?:[Vv]anaf|[Pp]er|[Mm]et ingang van) (?:\d{{1,2}} {_MONTH}(?: \d{{4}})?|\d{{4}}|volgend jaar),? "
                         rf"(?:levert|leveren|verzorgt|verzorgen|biedt|bieden|voert|voeren) (?:de |het )?(?:{_KIND} )?(?P<names>{_ALIST}) "
                         rf"(?:de|het) (?:[\w-]+ )?(?:jeugdhulp|jeugdzorg|jeugdbescherming|jeugd-ggz|zorg|opdracht)\b"),
        # branch orgs1, tried last (branch orgs4): a contract extended with a party ("de contractverlenging voor
        # Horizon", "het contract met X te verlengen"); read alone it is no award (:func:`_not_won`)
        ("contract_met", rf"(?:contract|overeenkomst)verlenging (?:voor|met|van) (?:de |het )?(?P<names>{_NAME})"),
        ("contract_met", rf"(?:contract|overeenkomst)\w* met (?:de |het )?(?P<names>{_NAME}) (?:[\w-]+ ){{0,6}}?(?:te )?verleng(?:en|d|t)\b"),
    ]
    for rule, rx, *need in rules:
        # (branch orgs3: a rule that starts with a name is tried at every word; it is tried only when the words that
        # must follow the name occur at all, which keeps a page of capitalised words as fast as before)
        if need and not re.search(need[0], text):
            continue
        for m in _rule_matches(rx, text):
            if rule == "nieuwe_aanbieder" and re.search(r"\b(?:zou|zouden|zal|zullen|moet|moeten|wordt|worden)\b",
                                                        _sentence_at(text, m.start(), m.end())):
                continue  # (branch orgs5) a new provider feared, supposed or still to be chosen, not one awarded
            if rule in ("wordt_aanbieder", "mag_leveren", "buyer_contracted", "gunt_x", "contracted", "in_zee", "gekozen_als",
                        "levert_vanaf", "gaat_uitvoeren", "in_handen") and re.search(
                    r"\b(?:zou|zouden|mogelijk|misschien|waarschijnlijk|wellicht|wil|willen|wilde|wilden|hoopt|hopen|indien|"
                    r"wie|welke|nog niet|moet|moeten)\b|\?", _sentence_at(text, m.start(), m.end())):
                continue  # (branch orgs6) supposed, wished, asked or conditional, not told
            if rule == "gaat_uitvoeren" and re.match(r"(?i:misschien|mogelijk|wellicht|waarschijnlijk|wie|welke)\b", m.group(0)):
                continue  # (branch orgs9) the same words opening the sentence
            if rule == "consortium_signed" and not _CONSORTIUM_CONTRACTED.search(text):
                continue
            if rule in _WON_RULES and _asked(text, m):
                continue  # (branch orgs24) "Wie wint de aanbesteding?", "Heeft X de opdracht gewonnen?": asked, not told
            chunk = _LOT_TAG_RX.sub("", m.group("names")) if rule == "gaat_naar" else m.group("names")
            found = _split_names(chunk, _SLASHED if rule in ("consortium_signed", "gegund_aan", "winner", "in_handen") else
                                 _BRAND if rule in ("signing_parties", "signed_by", "gunning_aan", "onderbrengen_bij") else _NAME,
                                 initial=_initial(text, m.start("names")))
            if "first" in m.groupdict() and m.group("first"):
                found = _split_names(m.group("first")) + found
            for n in found:
                if rule == "gegund_gekregen" and n in ("Alle", "Middin"):
                    continue
                if rule in _WON_RULES and not _can_win(n, text):
                    continue  # (branch orgs24) "Gemeente Utrecht heeft de aanbesteding gewonnen", "Jan de Vries wint": no party
                if rule == "gaat_uitvoeren" and _head_role(n, "") in ("buyer", "court"):
                    continue  # (branch orgs9) "Regio X gaat de jeugdhulp uitvoeren": the buyer, not a party it contracted
                _add(out, seen, n, rule, m.group(0))
            # branch orgs32: the partners the award names right after its party ("gegund aan A in samenwerking met B",
            # "aan A samen met B en C") won it with that party
            partner = _WITH_PARTNER.match(text, m.end("names"))
            if partner:
                for n in _split_names(partner.group("names"), _SLASHED, initial=_initial(text, partner.start("names"))):
                    if not (rule in _WON_RULES and not _can_win(n, text)):
                        _add(out, seen, n, rule, m.group(0) + partner.group(0))
    return out


_BRACKETED = re.compile(r"\s*\([^()\n]{1,40}\)")
_WITH_PARTNER = re.compile(rf",? (?:in samenwerking|samen|in combinatie|in een combinatie|in consortium) met (?:de |het )?"
                           rf"(?:{_KIND} )?(?P<names>{_ALIST})")


# branch orgs7: the words between an award's object and its verb stay in one clause ("heeft X de opdracht niet gekregen
# en is de opdracht gegund aan Y" tells no award to X), and a sentence's opening words are no party ("In 2020 zijn alle
# aanbieders gecontracteerd")
_NOT_CLAUSE = r"(?!(?:en|of|maar|niet|geen|is|zijn|werd|werden|wordt|worden|heeft|hebben)\b)"
_OPENER = (r"(?:In|Op|Sinds|Vanaf|Per|Tot|Na|Voor|Met|Bij|Door|Dit|Dat|Deze|Die|Er|Ook|Nu|Toen|Daarna|Inmiddels|Alle|"
           r"Hoeveel|Welke|Wie|Dan|Daar|Hier|Zo|Eind|Begin|Medio)")
# branch orgs9: what a party "gaat" do after an award: the care or the contract, carried out from a date on or not
_GOES_ON = (rf"(?:(?:vanaf|per|met|ingang|van|in|tot|komende|de|jaren|jaar|samen|ook|weer|opnieuw|voortaan|straks|dan|"
            rf"\d{{1,4}}|{_MONTH}),? ){{0,7}}?(?:de|het) (?:[\w-]+ ){{0,2}}?(?:jeugdhulp|jeugdzorg|jeugdbescherming|"
            r"jeugd-ggz|zorg|opdracht|werkzaamheden|dienstverlening|begeleiding|hulp)\b"
            r"(?:(?! (?:niet|zelf|die|dat|welke|zij|ze|hij|om|wil|willen)\b)[^.\n]){0,60}?"
            r"\b(?:uitvoeren|leveren|verzorgen|bieden|verlenen)\b")
# branch orgs24: the rules that tell a party won, got or was given the tender ("X heeft de aanbesteding gewonnen",
# "Winnaar is X", "X krijgt de opdracht", "De opdracht gaat naar X"): only an organisation wins -- not a municipality or
# other buyer, a place or a person (:func:`_can_win`) -- and only where the sentence tells it, not asks it (:func:`_asked`)
_WON_RULES = ("winner", "winner_side", "gaat_naar")
_ASKING = re.compile(r"(?:Wie|Welke|Wat|Waarom|Wanneer|Hoe)\b")


def _asked(text: str, m: re.Match) -> bool:
    """Whether the sentence of match ``m`` is a question: it ends in a question mark, or its party is a question word."""
    end = re.compile(r"[^.!?\n]*(?:[A-Z]\.[A-Z]\.[^.!?\n]*)*").match(text, m.end()).end()
    return text[end:end + 1] == "?" or bool(_ASKING.match(m.group("names")))


def _can_win(n: str, text: str) -> bool:
    """Whether ``n`` can be a tender's winner: a name with a legal form, or one that is no municipality or other buyer
    ("Gemeente Utrecht"), no place ("Utrecht") and no person the page writes as one ("Jan de Vries, wethouder, ...";
    a person's shape alone is no proof: "Willemsen de Koning" is a firm)."""
    if _LEGAL_FORM.search(n):
        return True
    return not (_head_role(n, "") == "buyer" or _is_place(n) or n in _person_names_once(text))


@functools.lru_cache(maxsize=4)
def _person_names_once(text: str) -> frozenset[str]:
    """(branch orgs24) :func:`_person_names`, read once per text for all of its winner candidates."""
    return frozenset(_person_names(text))


# branch orgs7: what is awarded, the object of gunnen ("gunt X de opdracht", "heeft X het perceel jeugdhulp gegund")
_AWARDED_THING = (r"(?:opdracht|contract|aanbesteding|perceel|percelen|gunning|overeenkomst|raamovereenkomst|jeugdhulp|jeugdzorg|"
                  r"jeugdbescherming|zorg|dienstverlening)\w*")


# branch orgs2: a lower-case word naming the kind of party before its name ("schoonmaakbedrijf", "welzijnskoepel", "de
# stichtingen", "vervoerder")
_KIND_WORD = r"[a-z]*(?:bedrijf|koepel|organisatie|instelling|aanbieder|stichting|stichtingen|partij|partijen|vervoerder|groep)"
# branch orgs2: head words of a care organisation's name, before or after the rest of it (a name's shape, not a list
# of names); what follows a head word that is no name ("Jeugdbescherming Plus", "GGZ Jeugd")
_HEAD_FIRST = r"Jeugdbescherming|Jeugdbeschermers|Zorggroep|Thuiszorg|Praktijk|Psychologenpraktijk|GG[ZzDd]"
_JOIN = r"(?:van|de|der|den|des|het|voor|&|'t)"  # no "en": "GGZ Delfland en TSN Thuiszorg" are two
# (branch orgs4: "Stichting" written last, "William Schrikker Stichting")
_HEAD_LAST = r"Groep|groep|Zorggroep|Thuiszorg|Stichting"  # not "Jeugdhulp": "Regiovisie Jeugdhulp", "Inkoopplan Jeugdhulp"
_NOT_NAME = r"(?:Jeugd|Plus|Kinderen|Jongeren|Volwassenen|Wmo|Zorg|Instelling|Instellingen|Aanbieders?|Regio|In|Op|En|Of|De|Het)"
# words that open a sentence or name a kind of thing, not a provider, before a head word: "Volgens Mutsaersstichting",
# "Specialistische Jeugdhulp", "Inkoop Jeugdhulp", "Gesloten Jeugdhulp"
_NOT_SHAPED = re.compile(r"^(?:\w+(?:ing|isch|ische|ele|ale|iele|ieve|ende|erde|lijke|ige)|Inkoop|Jeugd|Zorg|Regio|Gemeente|"
                         r"Gemeenten|Gesloten|Lokale|Nieuwe|Volgens|Ook|Bij|Met|Door|Namens|Naast|Daarnaast|Voor|Van|Na|"
                         r"Als|Dat|Die|Dit|Deze|Waar|Wat|De|Het|Een|Werk|Doel|Stuur|Project|Klankbord|Leeftijds|Risico|Beroeps|Peuter)$")


def _shaped(name: str) -> str | None:
    """A provider's name read by its shape (rule ``name_head``), or None: its first word may not open a sentence or
    name a kind of care ("Volgens Mutsaersstichting" -> "Mutsaersstichting"; "Specialistische Jeugdhulp" -> None)."""
    words = _OPENING_ARTICLE.sub("", name, count=1).split()
    while len(words) > 1 and _NOT_SHAPED.match(words[0]) and not re.fullmatch(_HEAD_FIRST, words[0]):
        words = words[1:]
    if len(words) == 1 and (re.fullmatch(rf"{_HEAD_FIRST}|{_HEAD_LAST}", words[0])
                            or _NOT_SHAPED.match(re.sub(r"(?:stichting|groep)$", "", words[0]))):
        return None
    if len(words) > 1 and re.fullmatch(_HEAD_LAST, words[-1]) and (_NOT_SHAPED.match(words[-2])
                                                                   or re.fullmatch(r"[A-Z][a-z]+e", words[-2])):
        return None
    n = _clean_name(" ".join(words))
    return n if n and not _is_place(n) and not re.match(r"\d", n) else None


# branch orgs4: what a party wrote or researched, and the verbs of writing it (rule ``author``)
_PAPER = (r"(?:handreiking|artikel|rapport|onderzoek|advies|notitie|brochure|analyse|handleiding|evaluatie|factsheet|"
          r"publicatie)\w*")
_WROTE = r"(?:geschreven|opgesteld|gemaakt|uitgevoerd|gepubliceerd|uitgebracht)\b"
# branch orgs4: political parties (a closed class, as the legal forms are): a councillor's "(PvdA)" names no party to
# the procurement
_POLITICAL = re.compile(r".*\b(?:VVD|CDA|PvdA|D66|SP|GL|GroenLinks|CU|ChristenUnie|SGP|PVV|PvdD|JA21|BBB|DENK|Volt|FvD|50PLUS|"
                        r"Lokaal|Leefbaar|Gemeentebelangen|Dorpsbelangen|Burgerbelangen|BurgerBelangen|Progressief|Partij|"
                        # (branch orgs41) local parties' words: "Eerlijk Alternatief", "Stadspartij Epe", "Trots Haarlemmermeer"
                        r"Alternatief|Stadspartij|Stadsbelang|Inwonersbelang|Algemeen Belang|Trots|Fractie)\b.*"
                        # and an office, not a body: "Namens de Minister voor Rechtsbescherming"
                        r"|(?:Minister|Staatssecretaris|Wethouder|Burgemeester|Gedeputeerde|College|Kamerlid)\b.*")
# a word that names a subject, not a party ("Integratie", "Orthopedagogiek", "Cultuur"), where a list splits a name
_SUBJECT_WORD = re.compile(r"[A-Z][a-zë]+(?:tie|sie|iek|pie|ing|heid|schap|isme|uur|ogie|ica|ia|ië|zaken)")


def _head_role(name: str, default: str) -> str:
    """The role of a party found by its relation to a person or a text, from its head words (branch orgs4): a court,
    a buying body (regio, gemeente, regeling, inkoop), an adviser's bureau or platform, else ``default``."""
    if re.search(r"Rechtbank|Gerechtshof|Raad van State|Raad van Beroep", name):
        return "court"
    if re.search(r"(?i:\bregio|gemeente|regeling|\bGR\b|inkoop|samenwerking\b)", name):
        return "buyer"
    if re.search(r"(?i:platform|advies|bureau|vereniging|kenniscentrum|instituut)", name):
        return "adviser"
    return default


# branch orgs5: where a party in a list is ("A in Amsterdam, B in Cadier en Keer en C"): a place of several words joins
# with "en" only at the item's end, so "A in Leiden en B in Delft" is two items
# the words that set a consortium's members after it (rule ``consortium``)
_MEMBERS_OF = r"(?:(?:dat |die )?bestaa\w* uit|bestond uit|gevormd door|met daarin) "
_IN_PLACE = r" in [A-Z][\w'-]+(?: (?:aan|den|de|op) [A-Z][\w'-]+| en [A-Z][\w'-]+(?=,|\.|$))*"
# branch orgs40: the words a ruling names a party by, its part in the case (rule ``party_label``)
_PARTY_LABEL = (r"(?:eis(?:er|ers|eres|eressen)|verzoek(?:er|ers|ster|sters)|appellant(?:e|en)?|geïntimeerden?|"
                r"gedaagden?|verweerders?|verweersters?|belanghebbenden?)")
ROLE_PATTERNS: list[tuple[str, str, "re.Pattern | _AtStarts"]] = [
    # a court with its seat, as written: "Rechtbank Den Haag", "Gerechtshof 's-Hertogenbosch", "rechtbank van Haarlem",
    # "de Rotterdamse rechtbank"; "de rechtbank in/te Amsterdam" is read as "rechtbank Amsterdam" (branch orgs1)
    ("court", "court_name", re.compile(r"(?P<names>(?<![\w-])Raad van State\b|(?:[Rr]echtbank|[Gg]erechtshof|Centrale Raad van Beroep|College van Beroep voor "
                                       r"het bedrijfsleven)(?:(?: (?:in|te))? (?:[Dd]en [Hh]aag|'s-[A-Z][\w-]+|van [A-Z][\w'-]+|"
                                       r"[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)?))?|[A-Z][a-z]+se rechtbank)")),
    ("buyer", "buyer_office", re.compile(rf"(?P<names>(?:(?:Regionaal )?Inkoopbureau|Aankoopcentrale|Serviceorganisatie Jeugd|"
                                         rf"(?:Regionale )?Inkooporganisatie|Regionale Backoffice|Organisatie voor Zorg en Jeugdhulp|"
                                         rf"Gemeenschappelijke [Rr]egeling(?! (?:\(GR\) )?(?:Inkoopbureau|Serviceorganisatie|Inkooporganisatie))|Jeugdhulpregio|Jeugdzorgregio|Jeugdregio|Netwerkorganisatie|Servicebureau|"
                                         rf"(?:Intergemeentelijke )?Sociale Dienst|Regionaal Serviceteam)"
                                         rf"(?: (?:[Rr]egio )?{_NAME})?)")),
    # branch orgs2: the same bodies written in lower case, then only with their name ("de jeugdhulpregio Noord-Veluwe",
    # "een gemeenschappelijke regeling (GR) Omnibuzz"); the name is written with a capital
    ("buyer", "buyer_office", re.compile(rf"(?<![\w-])(?P<names>(?:jeugdhulpregio|jeugdzorgregio|jeugdregio|inkoopbureau|inkooporganisatie|"
                                         rf"gemeenschappelijke regeling|(?<=[Dd]e )GR)(?: \(GR\))? (?!(?:{_NOT_NAME})\b){_NAME})")),
    ("buyer", "acronym", re.compile(r"\b(?P<names>RIGG|OZJT|H10 Inkoopbureau|GRJR|SOJ|TWO Jeugdhulp)\b")),
    # branch orgs1: a region as a body ("de regio Gooi en Vechtstreek heeft besloten", "De Leidse Regio"); a region
    # name joins its parts with "en" ("Noord-Veluwe en Zeewolde"), which a list of names would split
    ("buyer", "regio_x", re.compile(rf"(?<![\w'])(?P<names>[Rr]egio (?=[A-Z])(?:{_NAME})(?:-? en (?![Rr]egio )(?:{_NAME}))?|[A-Z][a-z]+se Regio)")),
    # branch orgs1: regions listed by name ("het inkooptraject van de regio's West-Brabant West, Hart van Brabant en
    # Zuidoost Brabant")
    ("buyer", "regio_list", re.compile(rf"[Rr]egio's (?P<names>{_LIST})")),
    # branch orgs9: the national public bodies of youth care and procurement, a closed class as the courts are ("de Raad
    # voor de Kinderbescherming", "de Inspectie Gezondheidszorg en Jeugd", "de Commissie van Aanbestedingsexperts", "de
    # rekenkamer van Zwolle"): they advise, supervise or report; a ministry buys or pays; Veilig Thuis provides
    ("adviser", "public_body", re.compile(
        r"(?<![\w-])(?P<names>Raad voor de Kinderbescherming|Inspectie (?:Gezondheidszorg en Jeugd|Justitie en Veiligheid|"
        r"van het Onderwijs)|Inspecties Jeugd|Nederlandse Zorgautoriteit|Autoriteit Consument en Markt|Autoriteit Persoonsgegevens|"
        r"Commissie van Aanbestedingsexperts|(?:De )?Kinderombuds(?:man|vrouw)|Nationale [Oo]mbudsman|Jeugdautoriteit|"
        r"Nederlands Jeugdinstituut|Algemene Rekenkamer|Sociaal en Cultureel Planbureau|Centraal Planbureau|"
        r"(?:[Rr]ekenkamer(?:commissie)?|Randstedelijke Rekenkamer) (?:van |voor )?(?:(?:de|het) )?(?=[A-Z])[A-Z][\w'-]+(?:[ -][A-Z][\w'-]+)?)(?![\w-])")),
    ("buyer", "public_body", re.compile(
        r"(?<![\w-])(?P<names>[Mm]inisterie van (?:Volksgezondheid, Welzijn en Sport|Justitie en Veiligheid|Binnenlandse Zaken"
        r"(?: en Koninkrijksrelaties)?|Onderwijs, Cultuur en Wetenschap|Sociale Zaken en Werkgelegenheid|Financiën|"
        r"VWS|JenV|J&V|BZK|OCW|SZW))(?![\w-])")),
    ("provider", "public_body", re.compile(rf"(?<![\w-])(?P<names>Veilig Thuis(?: (?:[Rr]egio )?{_UP}(?: (?:{_CONN} ){{0,2}}{_UP}){{0,3}})?)(?![\w-])")),
    # (branch orgs12: also a bureau of a chain, of research or knowledge, "het Ketenbureau i-Sociaal Domein")
    ("adviser", "adviser", re.compile(rf"(?P<names>(?:Adviesbureau|adviesbureau|Bureau|Adviesraad|Adviesraden|Ketenbureau|"
                                      rf"Onderzoeksbureau|Kennisbureau|Programmabureau) {_NAME}|"
                                      r"Vereniging van Nederlandse Gemeenten|\bVNG\b)")),
    # branch orgs1: the party asked for advice or that wrote the report ("KPMG is gevraagd om advies", "opgesteld door
    # Deloitte en AKD", "ondersteund door ISD Bollenstreek")
    ("adviser", "advice_by", _AtStarts(
        lists=[rf"(?P<names>{_ALIST}) (?:is|zijn|werd|werden) (?:\w+ )?gevraagd (?:om |te )?(?:advies|adviseren)"],
        led=[rf"(?:opgesteld|ondersteund|geadviseerd) door\s+(?:de |het )?(?P<names12>{_LIST})"])),
    ("provider", "incumbent", re.compile(rf"huidige (?:aan ?bieder|opdrachtnemer|partij)\s+(?P<names>(?:[Cc]oöperatie|[Ss]tichting) {_NAME})")),
    # branch orgs1: the incumbents named after their kind, also in a list ("De huidige contractpartners, het Leger des
    # Heils en De Jeugd- & Gezinsbeschermers,", "De huidige aanbieder van die zorg, Parlan,")
    ("provider", "incumbent_list", re.compile(rf"huidige (?:aan ?bieder|opdrachtnemer|partij|contractpartner)s?(?: van [a-z ]{{2,30}})?,?\s+"
                                              rf"(?:de |het )?(?P<names>{_LIST})")),
    # (branch orgs4: the legal form also without its dots, "X BV", "X B.V", "X N.V.")
    # (branch orgs23: also a cooperative's "U.A." after the name, "X Coöperatie U.A.", "X U.A."; "Coöperatie U.A." is
    # that legal form, no name of its own)
    ("provider", "legal_form", _AtStarts(led=[rf"(?P<names>(?:[Ss]tichting|[Cc]oöperatie|[Vv]ereniging) (?!U\.A\.){_NAME})"],
                                         names=[rf"(?P<names>{_NAME} (?:B\.V\.|N\.V\.|(?:BV|B\.V|NV)\b|U\.A\.))"])),
    # branch orgs2: a provider known by the shape of its name, without a legal form: a head word of a care organisation
    # before its name ("Jeugdbescherming Noord", "Zorggroep Parlan", "Thuiszorg de Friese Wouden", "GGZ Delfland",
    # "Praktijk voor Kinder- en Jeugdpsychologie Maas en Waal"), after it ("Hartekamp Groep", "TSN Thuiszorg", "Kenter
    # Jeugdhulp"), or inside one capitalised word mid-sentence ("de Mutsaersstichting", "met PLANgroep"); see _shaped
    ("provider", "name_head", re.compile(
        rf"(?<![\w'’-])(?P<names>(?:{_HEAD_FIRST}) (?:(?:de|van|het|voor) |Regio (?=[A-Z]))?(?!{_NOT_NAME}\b){_UP}(?: (?:{_JOIN} ){{0,3}}{_UP}){{0,6}}"
        rf"|(?:['’][st] )?{_UP}(?: (?:{_JOIN} ){{0,2}}{_UP}){{0,3}} (?:{_HEAD_LAST})\b"
        rf"|(?:{_UP} )?[A-Z]\w+?(?:stichting|groep)\b)")),
    # branch orgs2: a provider told by its relation to the buyer -- a contract or partnership with it, the work done by
    # it, handed to it or taken over by it ("het lopende contract met Vervoerder X", "de samenwerking met PLANgroep",
    # "overgenomen door Youké", "nam de zorg over van X" (branch orgs10), "niet meer laten uitvoeren door X", "in handen te leggen van de stichtingen A, B en C",
    # "onder te brengen bij de welzijnskoepel X"); a kind written before the name is skipped
    ("provider", "relation", re.compile(
        rf"(?:(?:contract|overeenkomst|samenwerking)\w* met|(?:overgenomen|uitgevoerd|geleverd) door|uit (?:te )?(?:laten )?voeren door|"
        # (branch orgs10: the party the care was taken over from, "nam de zorg definitief over van X")
        rf"\b(?:over|overgenomen|overgedragen) van|"
        rf"(?:laten )?uitvoeren door|in handen (?:te leggen |gelegd |geven |gegeven )?van|onder (?:te )?brengen bij|ondergebracht bij|"
        rf"(?:werkt|werken|werkte|werkten) (?:[\w'’]+ ){{0,4}}samen met) (?:de |het )?(?:{_KIND_WORD} )?(?:{_KIND} )?(?P<names>{_LIST})")),
    # branch orgs15: a list of two or more parties after "met", "door", "aan" or "bij", in a sentence about care ("heeft
    # afspraken gemaakt met Eikenrode, Beukenhof en Wilgenhof Zorg over de jeugdhulp"): providers, whatever the verb;
    # places, persons and a list without care in its sentence are not
    ("provider", "prep_list", re.compile(
        rf"(?<![\w-])(?:met|door|aan|bij) (?:de |het )?(?:{_KIND_WORD} )?(?P<names>{_NAME}(?:, ?(?:de |het )?{_NAME}){{0,24}}"
        rf",? en (?:de |het )?{_NAME})(?![\w-])")),
    # branch orgs28: the parties that provide the care, the subject of an inverted main clause after a fronted phrase
    # ("Samen met de gemeenten A en B leveren Pluryn en Karakter de jeugdhulp", "In de regio bieden Pluryn en Karakter
    # de zorg"): the verb follows a word of the sentence, the care follows the parties
    ("provider", "care_subject", re.compile(
        rf"(?<=[\w,] )(?:levert|leveren|verzorgt|verzorgen|biedt|bieden|verleent|verlenen) (?:(?:ook|samen|nu|voortaan) )?"
        rf"(?P<names>{_ALIST}) (?:(?:ook|samen|nu|voortaan|al) )?(?:de|het) (?:[\w-]+ ){{0,2}}?(?:jeugdhulp|jeugdzorg|"
        rf"jeugdbescherming|jeugdreclassering|jeugd-ggz|zorg|hulp|begeleiding|behandeling|ondersteuning|pleegzorg)(?![\w-])")),
    # branch orgs2: an organisation named by the person who speaks or works for it ("bestuurder van Parlan",
    # "directeur bij de Opvoedpoli"; a researcher's organisation advises: "onderzoeker bij Het Vergeten Kind"), and a
    # body of interest named after its kind ("reizigersorganisatie Rocov", "brancheorganisatie X")
    ("provider", "staff_of", re.compile(
        rf"(?<![\w-])(?P<fn>[Oo]nderzoeker|[Dd]irecteur|[Dd]irectrice|[Ww]oordvoerder|[Ww]oordvoerster|[Bb]estuurder|"
        rf"[Bb]estuursvoorzitter|[Mm]edewerker|[Bb]eleidsadviseur) (?:[A-Z][a-z]+ (?:(?:van|de|der|den|ter|ten) ){{0,2}}[A-Z][a-z]+ )?"
        rf"(?:bij|van) (?:de |het )?(?P<names>{_LIST})")),
    # branch orgs7: the organisation written before its officer's function in one word ("Eikenrode-directeur Anna Berk",
    # "Wilgenhof-woordvoerder")
    ("provider", "officer_of", re.compile(rf"(?<![\w'’-])(?P<names31>[A-ZÀ-Ý][\w&'!+]*)-(?:directeur|directrice|woordvoerder|"
                                          rf"woordvoerster|bestuurder|bestuursvoorzitter|topman|topvrouw|baas|voorzitter)\b")),
    ("adviser", "interest_body", re.compile(
        rf"(?<![\w-])(?:[Bb]elangen|[Bb]ranche|[Kk]oepel|[Cc]liënten|[Pp]atiënten|[Rr]eizigers|[Oo]uder|[Bb]eroeps|[Jj]ongeren)"
        rf"(?:organisatie|vereniging|platform)s? (?:van )?(?:de |het )?(?P<names>{_LIST})")),
    # branch orgs4: an organisation named by the part a person plays for it -- speaking or signing on its behalf
    # ("Namens Wilg tekende de bestuurder"), a person with the organisation in brackets ("Anna Berk (Wilg)", "mevrouw
    # Berk (directeur De Eik)") -- or by what it wrote or researched ("heeft Divosa een handreiking geschreven", "X doet
    # onderzoek", "een onderzoek via X"); the role from the name's head word (:func:`_head_role`)
    ("provider", "on_behalf", re.compile(rf"(?<![\w-])[Nn]amens (?:de |het )?(?P<names14>{_NAME})")),
    ("provider", "person_org", re.compile(
        rf"(?P<who>\b(?:[A-Z][a-z]+|[Mm]evrouw|[Mm]eneer|[Dd]e heer) (?:(?:van|de|der|den|ter|ten|van der|van den|van de) )?[A-Z][a-z]+) "
        rf"\((?:(?i:directeur|directrice|bestuurder|voorzitter|woordvoerder|woordvoerster|manager|medewerker|oprichter|"
        rf"eigenaar|jurist|advocaat)\s(?:van |bij )?)?(?:de |het )?(?P<names20>{_NAME})\)")),
    ("adviser", "author", _AtStarts(
        led=[rf"(?:heeft|hebben) (?:de |het )?(?P<names21>{_NAME}) (?:[\w-]+ ){{0,3}}?{_PAPER} (?:[\w-]+ ){{0,3}}?{_WROTE}",
             # (branch orgs11: the verb first, "Onder de werktitel X doet Follow the Money onderzoek naar ..."; an
             # English name's joining words kept)
             rf"\b(?:doet|deed|deden|doen) (?P<names52>{_NAME}(?: (?:the|of|and|for) {_UP}){{0,3}}) (?:[\w-]+ ){{0,2}}?onderzoek\b",
             rf"(?:onderzoek|evaluatie|analyse|rapport)\w* (?:[\w-]+ ){{0,4}}?(?:via|door) (?:de |het )?(?P<names24>{_NAME})"],
        names=[rf"(?P<names22>{_NAME}) (?:heeft|hebben) (?:[\w-]+ ){{0,3}}?{_PAPER} (?:[\w-]+ ){{0,3}}?{_WROTE}",
               rf"(?P<names23>{_NAME}) (?:doet|deed|deden|doen) (?:[\w-]+ ){{0,2}}?onderzoek\b"])),
    # branch orgs4: a body named as such ("werken samen onder de naam Samen 14"), a bureau named after its kind
    # ("het bureau Eik", "gastouderbureau Wilg", "advocatenkantoor Beuk")
    ("provider", "named_as", re.compile(rf"\bonder de naam ['‘\"“]?(?P<names25>{_NAME})")),
    ("adviser", "kind_bureau", re.compile(rf"(?<![\w-])(?P<kind>[a-z]*bureau|[a-z]+kantoor) (?P<names26>{_NAME})")),
    # (branch orgs19: also the examples after "onder meer", "onder andere", "o.a.", "bijvoorbeeld", "namelijk": "met
    # verschillende aanbieders, onder meer A, B en C")
    ("provider", "aanbieder_x", re.compile(rf"{_KIND}(?: als| zoals|,? waaronder|,? (?:onder (?:meer|andere)|o\.a\.|"
                                           rf"bijvoorbeeld|namelijk),?| [-–]|:)? (?:de |het )?(?P<names>{_LIST})")),
    # branch orgs23: the providers a sentence says the kind of party are ("De aanbieders zijn A, B en C", "De
    # gecontracteerde zorgaanbieders waren onder meer A en B"): a list of two or more names after "zijn"/"waren" (one
    # capitalised word alone after it may be a word of the sentence: "de aanbieders zijn Nederlandse stichtingen")
    ("provider", "aanbieder_x", re.compile(rf"{_KIND} (?:zijn|waren)(?: (?:onder (?:meer|andere)|o\.a\.|nu|dan|namelijk))?:? "
                                           rf"(?:de |het )?(?P<names>{_NAME}(?:(?:, ?| en )(?:de |het )?{_NAME}){{1,24}})")),
    # branch orgs2: one provider set off by commas after its kind ("En die nieuwe jeugdhulpaanbieder, Horizon, komt er")
    ("provider", "aanbieder_x", re.compile(rf"\b(?:[Dd]e|[Hh]et|[Ee]en|[Dd]ie|[Dd]eze) (?:[a-z]+ )?(?:[Jj]eugdzorg|[Jj]eugdhulp|[Zz]org)?"
                                           rf"(?:aanbieder|instelling|organisatie), (?P<names11>{_NAME}),")),
    # branch orgs6: a gecertificeerde instelling named after its kind, the parties a general kind of party gives as
    # examples ("Instellingen als A en B", "organisaties zoals A, B en C"), and a provider told by its kind in
    # apposition after its name ("Wilgenhof, een jeugdhulpaanbieder uit Apeldoorn, ...")
    ("provider", "aanbieder_x", re.compile(rf"\b[Gg]ecertificeerde [Ii]nstelling(?:en)?,? (?:de |het )?(?P<names>{_LIST})")),
    ("provider", "aanbieder_x", re.compile(rf"(?<![\w-])(?:[Ii]nstellingen|[Oo]rganisaties|[Pp]artijen|[Zz]orgpartijen),? (?:als|zoals|waaronder|"
                                           rf"onder (?:meer|andere)|o\.a\.|bijvoorbeeld|namelijk),? "
                                           rf"(?:de |het )?(?P<names>{_LIST})")),
    ("provider", "aanbieder_x", re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=, ))(?P<names29>{_NAME}), (?:een|de|het) (?:[a-z]+ )?"
                                           rf"[a-z]*(?:zorgaanbieder|hulpaanbieder|zorginstelling|hulpinstelling|zorgorganisatie|"
                                           rf"beschermingsorganisatie|ggz-instelling|ggz-aanbieder)\b")),
    # branch orgs2: the providers a kind of party names in brackets or that are said to be the ones ("De grootste
    # organisaties in de provincie (de A, B en het C) die ...", "A, B en het C zijn op dit moment de organisaties die",
    # "de huidige aanbieders (A in X, B in Y en C)")
    ("provider", "kind_list", _AtStarts(
        led=[rf"(?:organisaties|aanbieders|instellingen|partijen|contractpartners)(?: [\w-]+){{0,3}} \((?:de |het )?(?P<names>{_ALIST})\)"],
        lists=[rf"(?P<names13>{_ALIST}) (?:zijn|waren) (?:[\w-]+ ){{0,4}}(?:de|het|een) (?:[\w-]+ )?(?:organisaties|aanbieders|"
               rf"instellingen|partijen|GI's)\b"])),
    # branch orgs5: the parties a sentence about a kind of party goes on to name ("... zes instellingen voor gesloten
    # jeugdzorg. Het gaat om A in Amsterdam, B in Groningen en C in Deurne en Zetten"); each one's place is cut off
    ("provider", "het_gaat_om", re.compile(
        rf"\b(?:organisaties|\w*aanbieders|instellingen|zorginstellingen|partijen)\b[^.\n]{{0,80}}\. [Hh]et gaat om "
        rf"(?:de |het )?(?P<names>(?>{_NAME}(?:{_IN_PLACE})?"
        rf"(?:(?:, | en )(?:de |het )?{_NAME}(?:{_IN_PLACE})?){{0,24}}))")),
    # a consortium and its members, one pattern (branch orgs11 unified the two of orgs1/orgs10 and orgs9): the consortium
    # named after its kind ("het samenwerkingsverband Jeugd Oost"), its members after it ("een combinatie van A en B",
    # "de combinatie van partijen A (penvoerder), B en C") and both ("het samenwerkingsverband Jeugd Oost, bestaande uit
    # A en B": the consortium's own name in ``own``, its members in ``names``); a coöperatie only with its members, as
    # "Coöperatie X" alone is a legal form (``legal_form``)
    ("provider", "consortium", re.compile(
        rf"(?:(?:samenwerkingsverband|consortium|combinatie|consortia|coöperatie)\w* (?P<own>{_NAME}),? (?={_MEMBERS_OF})"
        rf"|coöperatie\w*,? (?={_MEMBERS_OF})|(?:samenwerkingsverband|consortium|combinatie|consortia)\w*,? (?:tussen |van )?)"
        rf"(?:{_MEMBERS_OF})?(?:de |het )?(?:(?:partijen|organisaties|\w*aanbieders|instellingen|stichtingen) )?(?P<names>{_LIST})")),
    # branch orgs9: the parties of a contract or a decision as such a text writes them ("Stichting Eikenrode, gevestigd te
    # Zwolle", "Gemeente Westland, gevestigd en kantoorhoudend aan ..."); the role from the head word
    ("provider", "gevestigd", _AtStarts(names=[rf"(?P<names40>{_NAME}),? (?:statutair )?(?:gevestigd|kantoorhoudend)\b"])),
    # branch orgs9: the parties that tendered ("De inschrijvers waren A, B en C", "A en B hebben een inschrijving
    # ingediend", "A schreef in op perceel 2")
    ("provider", "bidder", _AtStarts(
        led=[rf"\b[Dd]e (?:inschrijvers|gegadigden|bieders|inschrijvende partijen)(?: (?:op|voor) [a-z ]{{2,40}}?)? "
             rf"(?:waren|zijn|was|is)(?: onder meer| onder andere)?:? (?:de |het )?(?P<names>{_LIST})"],
        lists=[rf"(?P<names41>{_ALIST}) (?:heeft|hebben|had|hadden) (?:[a-z]+ ){{0,2}}?(?:een )?(?:inschrijving|offerte|bod)"
               rf"(?:en)? (?:ingediend|gedaan|uitgebracht)\b",
               rf"(?P<names42>{_ALIST}) (?:schreef|schreven|schrijft|schrijven) (?:ook |eveneens |wel )?in\b(?! de\b)"])),
    # branch orgs9: the Gemeenschappelijke Gezondheidsdienst (GGD) written in full, with its region
    ("provider", "public_body", re.compile(rf"(?<![\w-])(?P<names>Gemeenschappelijke Gezondheidsdienst(?: {_UP}(?: (?:{_CONN} ){{0,2}}{_UP}){{0,3}})?)(?![\w-])")),
    # branch orgs1: a party told by its part in the procedure -- the one that sued or objected, subscribed or not,
    # the group a provider belongs to, the founders of a new provider
    ("provider", "party_in_procedure", _AtStarts(
        lists=[rf"(?P<names>{_ALIST}) (?:spant|spande|spanden|spannen|heeft|hebben) (?:een |het )?kort geding",
               rf"(?P<names3>{_ALIST}) (?:maakte|maakten|maakt|maken) bezwaar",
               rf"(?P<names4>{_ALIST}) (?:heeft|hebben) (?:zich )?(?:niet |wel |opnieuw )?(?:ingeschreven|inschreven)",
               # branch orgs5: the same in a subordinate clause, the verb last, with a party compared ("nu X zich net als
               # het Y niet heeft ingeschreven"): X here, Y by names27
               rf"(?P<names28>{_ALIST}) zich(?= (?:net als [^.\n]{{0,80}}? )?(?:niet |wel |opnieuw )?(?:heeft|hebben|had|hadden) "
               rf"ingeschreven)",
               # branch orgs4: the party a court proved right or wrong, the one that went to court ("X werd in het
               # ongelijk gesteld", "X stapte naar de rechter", "X is een van de partijen die naar de rechter is gestapt")
               rf"(?P<names16>{_ALIST}) (?:is|zijn|werd|werden|wordt|worden) (?:[\w-]+ ){{0,4}}in het (?:on)?gelijk gesteld",
               rf"(?P<names17>{_ALIST}) (?:stapt|stapte|stapten|stappen|trok|trokken|trekt|trekken) (?:[\w-]+ ){{0,3}}naar de rechter",
               rf"(?P<names18>{_ALIST}) (?:is|zijn) (?:een van de (?:[\w-]+ ){{0,2}}die |samen )?naar de rechter (?:is |zijn )?"
               rf"(?:gestapt|gegaan|getrokken)"],
        names=[rf"(?P<names9>{_NAME})(?=,? \(?(?:onderdeel|een dochter\w*) van)",
               rf"(?P<names11>{_NAME}),? (?:is )?(?:een|het) (?:samenwerkingsverband|consortium|combinatie) (?:van|tussen) "
               rf"(?:de |het )?(?=[A-Z])",
               # branch orgs4: the one that lost ("X kwam als verliezer uit de bus")
               rf"(?P<names19>{_NAME})(?:,[^,.\n]{{0,90}},)? (?:[\w-]+ ){{0,4}}?als verliezers? uit de bus"],
        led=[rf"[Ss]pande (?P<names2>{_NAME}) (?:een )?kort geding",
             rf"\bnet als (?:de |het )?(?P<names27>{_NAME}) (?:niet |wel |opnieuw )?(?:heeft|hebben|had|hadden) (?:ingeschreven|inschreven)",
             rf"[Nn]ieuwe inschrijver is (?P<names5>{_NAME})",
             rf"(?:onderdeel|dochter\w*) van (?:de |het )?(?P<names6>{_NAME})",
             rf"(?:opgericht|bijeengebracht) door (?:de |het )?(?:{_KIND} )?(?P<names7>{_LIST})",
             rf"komt voort uit (?:de |het )?(?:{_KIND} )?(?P<names8>{_LIST})",
             rf"waar (?P<names10>{_NAME}) (?:deel|onderdeel|lid) van (?:uit ?maakt|is)",
             # branch orgs4: "De rechtbank stelde X in het gelijk"
             rf"\b[Ss]tel(?:t|de|den|len)\b (?:[\w-]+ ){{0,4}}?(?:de |het )?(?P<names15>{_NAME}) in het (?:on)?gelijk"])),
    # branch orgs1: the parties of a court ruling as it names them ("hierna te noemen: Jeugdformaat", "Partijen worden
    # hierna A, B, C en de gemeente genoemd")
    ("provider", "ruling_party", re.compile(rf"[Hh]ierna(?: gezamenlijk)?(?: te noemen)?:? (?:de |het )?(?P<names>{_ALIST})"
                                            rf"(?=[,.;\n]| genoemd| en de)")),
    # branch orgs40: the parties of a ruling named by their part in the case, after or before it ("In de zaak tussen A,
    # B en C, eiseressen, en ...", "de stichtingen A en B, eiseressen, tegen ...", "eisers: de stichtingen A, B en C",
    # "X, verzoekster, tegen de gemeente Y, verweerster"); the role from the head word (a gemeente is the buyer, any
    # other party a provider); a person (given name, title, initials) is none
    ("provider", "party_label", _AtStarts(
        led=[rf"(?<![\w-])(?:{_PARTY_LABEL}):[ \t]*(?:de |het )?(?:(?:stichtingen|stichting|verenigingen|vereniging|"
             rf"coöperaties|coöperatie) )?(?P<namesL1>{_ALIST})(?=[,.;\n]| en\b| tegen\b)"],
        lists=[rf"(?P<namesL2>{_ALIST}),? (?:{_PARTY_LABEL})\b(?=[,.;:\n]| en\b| tegen\b)"])),
    # branch orgs1: a name defined with its abbreviation in brackets ("het Nederlands Jeugdinstituut (NJi)", "Sociale
    # Dienst Drechtsteden (SDD)"): the brackets say it is a body; its role from its head word (_abbr_role)
    # (branch orgs6: a last word joined by "en" belongs to the name its abbreviation spells: "Inspectie Gezondheidszorg
    # en Jeugd (IGJ)")
    ("adviser", "abbreviation", _AtStarts(names=[rf"(?P<names>{_NAME}(?: en {_UP})?) \((?P<abbr>[A-Z][A-Za-z]{{1,7}})\)"])),
    # branch orgs2: the abbreviation first, the name in brackets ("BZJ (BuurtZorg Jong)")
    # (branch orgs11: the spelled-out form a phrase with lower-case words, "BEZINN (Boer en Zorg in Noord Nederland)")
    ("adviser", "abbreviation", re.compile(rf"(?<![\w-])(?P<abbr>[A-Z][A-Za-z]{{1,7}}) \((?P<names>{_NAME}|[A-ZÀ-Ý][\w'’-]*(?: [\w'’&-]+){{1,9}})\)")),
    # branch orgs11, tried last: a party named by its place in the sentence alone, as an object or a subject -- working
    # "samen met" it, care or staff "bij" it, the subject of a subordinate clause or of an inverted main clause ("een
    # effect dat ook Pluryn erkent", "Samen met Karakter ontwikkelt de regio ...", "jongeren in behandeling bij
    # Lindenhout", "In de maanden daarvoor heeft Pluryn voor 40 jongeren ... gezocht"); a person, a place, a region, a
    # law or a party is none (:func:`_positional`), and a subject must be named again elsewhere on the page
    ("provider", "party_position", re.compile(
        rf"\b[Ss]amen met (?:de |het )?(?P<names44>{_NAME})"
        # branch orgs34: the second partner with its preposition again ("werkt samen met Pluryn en met Karakter"), read
        # where "samen met" and the first partner stand right before (:data:`_FIRST_PARTNER`)
        rf"|\ben (?:ook )?met (?:de |het )?(?P<names58>{_NAME})"
        rf"|\b(?:werkzaam|in dienst|in behandeling|in zorg|terecht|aangesloten|geplaatst|verblijft|verblijven|verbleven|woont|"
        rf"wonen|woonden|opgenomen|behandeld|begeleid|cliënten?|jongeren|kinderen|medewerkers?|werkt|werken|werkte|werkten|"
        rf"komt|komen|kwam|kwamen|zit|zitten|zat|zaten|ligt|lag|liggen|lagen|berust|berustte|belegd) (?:[\w-]+ ){{0,3}}?bij "
        rf"(?:de |het )?(?P<names45>{_NAME})"
        # the association a party is a member of ("Beide organisaties, lid van het MIND Landelijk Platform ...")
        rf"|\b(?:lid|leden|aangesloten bij|lidorganisaties?) van (?:de |het )?(?P<names53>{_NAME})"
        rf"|\b(?:dat|die|omdat|nu|zodat|terwijl|waarna|nadat|doordat) (?:ook |zelf |nu |inmiddels )?(?P<names46>{_NAME}) "
        rf"(?:erkent|erkende|zegt|zei|stelt|stelde|meldt|meldde|laat weten|liet weten|benadrukt|benadrukte|bevestigt|"
        rf"bevestigde|verwacht|verwachtte|vindt|vond|heeft|had|hebben|hadden|gaat|ging|biedt|bood|levert|leverde)\b"
        rf"|(?<=[a-z,] )(?:heeft|had|hebben|hadden) (?P<names47>{_NAME}) (?:voor|met|in|al|ook|samen|zelf|nog|een|de|het)\b"
        # the party to get in touch with, welcome at, or that has the work done ("neem contact op met MetMaya", "welkom
        # bij Spirit", "door OPON uit te laten voeren")
        rf"|\bcontact (?:op|opnemen|opneemt|nemen|leggen|gelegd) (?:[\w-]+ ){{0,2}}?met (?:de |het )?(?P<names48>{_NAME})"
        rf"|\bcontact met (?:de |het )?(?P<names49>{_NAME}) (?:op|opnemen|opneemt|nemen|leggen)\b"
        rf"|\bwelkom bij (?:de |het )?(?P<names50>{_NAME})"
        # branch orgs12: the care or the service of an organisation ("de jeugdbescherming van Samen Veilig Midden
        # Nederland", "de hulpverleners van X"), and an abbreviation with an article as a sentence's subject ("Het SWVO,
        # die voor de Oosterschelderegio het WMO-taxivervoer regelt, ...")
        rf"|\b(?:[Dd]e|[Hh]et) (?:[a-z]+ )?(?:jeugdbescherming|jeugdreclassering|jeugdhulp|jeugdzorg|pleegzorg|hulpverlening|"
        rf"dienstverlening|behandeling|begeleiding|gezinsvoogdij|gezinsvoogden|jeugdbeschermers|hulpverleners|behandelaars|"
        rf"begeleiders|zorgverleners) van (?:de |het )?(?P<names54>{_NAME})"
        rf"|(?:^|(?<=[.!?] )|(?<=\n))(?:De|Het) (?P<names55>[A-Z][A-Za-z]{{1,7}})(?=,? (?:die|dat)\b|"
        rf" (?:heeft|had|besloot|besluit|regelt|regelde|koopt|kocht|contracteert|contracteerde)\b)"
        rf"|\bdoor (?:de |het )?(?P<names51>{_NAME}) (?:te laten |laten |uit te laten |te )(?:uit ?voeren|uitvoeren|voeren|leveren|"
        rf"verzorgen|bieden|doen)\b"
        # branch orgs34: the care received from a party, the noun without its article ("krijgen hulp van Karakter",
        # "ontvingen begeleiding van Lijn5") or the passive of the care's verb ("worden geholpen door Karakter")
        rf"|\b(?:krijgen|krijgt|kregen|kreeg|gekregen|ontvangen|ontvangt|ontving|ontvingen) (?:[a-z]+ ){{0,2}}?(?:hulp|zorg|"
        rf"jeugdhulp|jeugdzorg|begeleiding|behandeling|ondersteuning|therapie|opvang) (?:van|door) (?:de |het )?(?P<names56>{_NAME})"
        rf"|\b(?:geholpen|begeleid|behandeld|ondersteund|opgevangen|verzorgd) (?:worden |werden |wordt |werd |zijn |is )?door "
        rf"(?:de |het )?(?P<names57>{_NAME})")),
]


# branch orgs2: the parties at the head of a court ruling, one to a line above their seat ("1. de publiekrechtelijke
# rechtspersoon / GEMEENTE NIJKERK, / zetelend te Nijkerk", "2. GGD WEST-BRABANT, / te Breda, / hierna te noemen",
# "de stichting / Stichting Kwadraad , / statutair gevestigd te Gouda"); a person "wonende te" is no party read here
_RULING_PARTY = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:\d{1,2}[.)]?|-)[ \t]+)?(?:de (?:publiekrechtelijke rechtspersoon|stichting|vereniging|coöperatie|"
    r"(?:besloten|naamloze) vennootschap(?: [a-z]+){0,4}?)\s+)?(?P<names>[A-ZÀ-Ý'’][^\n,(]{2,90}?)[ \t]*(?:\([^)\n]{0,80}\))?"
    r"[ \t]*,?[ \t]*\n[ \t]*(?:statutair )?(?:(?:gevestigd|zetelend|kantoorhoudende) (?:te|in)|te) [A-Z\[’']")
_SMALL = {"EN", "VAN", "DE", "DER", "DEN", "DES", "VOOR", "HET", "TE", "IN", "OP"}


def _ruling_name(chunk: str) -> tuple[str, str] | None:
    """(name, role) of a party at a ruling's head: written in capitals it is read in the usual case ("GEMEENTE
    NIJKERK" -> "gemeente Nijkerk", "GGD WEST-BRABANT" -> "GGD West-Brabant"); a municipality, region or the state is
    the buyer, any other party a provider."""
    n = re.sub(r"\s+", " ", chunk).strip(" ,.")
    if not re.search(r"[a-zà-ÿ]", n):
        words = n.split(" ")
        n = " ".join(w.lower() if i and w in _SMALL else w if len(w) <= 3 or "." in w
                     else "-".join(p[:1] + p[1:].lower() for p in w.split("-")) for i, w in enumerate(words))
    if _PERSON.fullmatch(n) or re.match(r"(?:mr|dr|ir|drs)\.? ", n, re.I) or len(n) < 3:
        return None
    if re.match(r"(?i:gemeente) ", n):
        return "gemeente " + n.split(" ", 1)[1], "buyer"
    if re.match(r"(?i:regio|gemeenschappelijke regeling|provincie|de staat|staat der)\b", n):
        return n, "buyer"
    clean = _clean_name(n)
    if clean and re.search(r"\b(?:B\.V|U\.A|N\.V)$", clean):
        clean += "."  # the cleaning took the legal form's last dot
    return (clean, "provider") if clean and not _is_place(clean) else None


def _regio_name(name: str) -> bool:
    """"regio Gooi en Vechtstreek", "De Leidse Regio": a region that acts; not "regio Nederland", not "de regio Jeugd"."""
    rest = re.sub(r"^[Rr]egio ", "", name)
    return rest != name and (rest not in _PROVINCES or rest in _jeugdregio_names()) and not _SERVICE.match(rest) \
        and rest not in _STOP or name.endswith("se Regio")


@functools.lru_cache(maxsize=1)
def _jeugdregio_names() -> frozenset[str]:
    """The names and aliases of the jeugdregio's: "regio Twente", "regio Drenthe" name a body, as "regio Lekstroom" does
    (branch orgs9), though Twente and Drenthe are also a part of the country and a province."""
    from .places import load
    _, regions = load()
    return frozenset(n for r in regions.values() for n in [re.sub(r"\s*\(.*\)", "", r["name"]), *r["aliases"].split("|")] if n)


def _spells(abbr: str, words: list[str]) -> bool:
    """Whether ``abbr`` is spelled by ``words`` in order, each word giving its first letter and maybe more of its own
    letters ("IPO": "Interprovinciaal Overleg"; "BEZINN": "Boer en Zorg in Noord Nederland"); small joining words
    may give none (branch orgs2: the capitals-only check missed a letter taken from inside a word)."""
    letters = [c.lower() for c in abbr if c.isalpha()]
    words = [w.lower() for w in words if re.search(r"\w", w)]
    if len(letters) > 12 or len(words) > 10:
        return False

    def fit(li: int, wi: int) -> bool:
        if wi == len(words):
            return li == len(letters)
        w = words[wi]
        if w in ("de", "het", "van", "voor", "der", "den", "en", "in", "op", "&") and fit(li, wi + 1):
            return True
        if li == len(letters) or w[0] != letters[li]:
            return False
        # the word gives its first letter, then any of its later letters in order
        pos, k = 1, li + 1
        if fit(k, wi + 1):
            return True
        while k < len(letters):
            j = w.find(letters[k], pos)
            if j < 0:
                return False
            pos, k = j + 1, k + 1
            if fit(k, wi + 1):
                return True
        return False

    return fit(0, 0)


def _abbreviated(name: str, abbr: str) -> str | None:
    """The words of ``name`` that ``abbr`` abbreviates ("Het Nederlands Jeugdinstituut", "NJi" -> "Nederlands
    Jeugdinstituut"): the abbreviation's capitals are the capitals of the name's words, in order."""
    words = name.split()
    caps = abbr.upper() if abbr.isupper() else "".join(c for c in abbr if c.isupper())
    while words and not words[0].startswith(caps[:1]):
        words = words[1:]
    initials = "".join(c for c in " ".join(words) if c.isupper())
    if len(caps) < 2 or len(words) < 2 or not initials.startswith(caps[0]):
        return None
    it = iter(initials)
    if (not all(c in it for c in caps) or len(initials) > len(caps) + 2) and not _spells(abbr, words):
        return None
    n = _clean_name(" ".join(words))
    if not n or n in BARE_OFFICES or (re.search(r"(?i:akkoord|tijd|zorg|hulp)$", n)
                                      and not re.search(_HEAD_NOUNS, n.rsplit(" ", 1)[0] if " " in n else "", re.I)):
        return None  # a sector, an agreement or a programme ("Geestelijke Gezondheidszorg (GGZ)", "Integraal
        # Zorgakkoord (IZA)", "Maatschappelijke Diensttijd (MDT)"), or a body's kind without its name (branch orgs2)
    return n if not _is_place(n) and _BODY.search(n) and not _NOT_BODY.search(n) else None


# branch orgs14: the last words of a name joined by "en" before the abbreviation in brackets that spells them all
# ("Regionaal Inkoopbureau IJmond en Kennemerland (RIJK)"), which a name does not take (its "en" may join a list)
_EN_TAIL = re.compile(rf" (?:en|&) (?P<tail>{_UP}(?: (?:{_JOIN} ){{0,2}}{_UP}){{0,3}}) \((?P<abbr>[A-Z][A-Za-z]{{1,7}})\)")


def _with_tail(n: str, text: str, start: int, end: int) -> str:
    """``n``, found in ``text[start:end]``, with the words after it that its abbreviation in brackets spells with it."""
    at = text.find(n, start, end)
    m = _EN_TAIL.match(text, at + len(n)) if at >= 0 else None
    if not m:
        return n
    full = text[at: m.start("abbr") - 2]
    ab = _abbreviated(full, m.group("abbr"))
    return full if ab and full.endswith(ab) and ab.endswith(m.group("tail")) else n


# branch orgs11: an institution named with the organisation it belongs to ("de gesloten jeugdhulpinstelling Transferium
# van Parlan"): the unit is one word that is not the head noun of a body's own name ("Raad van State", "Leger des Heils",
# "Vrienden van X", "Huis van de Jeugd")
_UNIT_OF = re.compile(r"(?P<unit>[A-ZÀ-Ý][\w'’-]+) van (?P<org>[A-ZÀ-Ý].*)")
_NOT_UNIT = re.compile(r"(?:Raad|Huis|Hof|Stichting|Vereniging|Vrienden|Centrum|Ministerie|College|Leger|Bureau|Kamer|Inspectie|"
                       r"Federatie|Academie|Universiteit|Hogeschool|School|Museum|Gemeente|Regio|Provincie|Dienst|Huize|Kasteel|"
                       r"Kinderen|Ouders|Jeugd|Zorg|Praktijk|Afdeling|Instituut|Netwerk|Platform|Team|Punt)")


def _unit_of(name: str) -> list[str]:
    """``name``, or the unit and the organisation it belongs to when it is written "A van B" (branch orgs11)."""
    m = _UNIT_OF.fullmatch(name)
    if not m or _NOT_UNIT.fullmatch(m["unit"]) or _is_place(m["org"]) or _is_place(m["unit"]):
        return [name]
    org = _clean_name(m["org"])
    return [m["unit"], org] if org else [name]


def _spelled_out(abbr: str, phrase: str) -> str | None:
    """The organisation an abbreviation names when the text writes it first and spells it out after it in brackets as
    a phrase that is no name by itself ("BEZINN (Boer en Zorg in Noord Nederland)": the phrase ends in a place, which
    a name would lose): the abbreviation, as the text goes on to call it (branch orgs11); None where the phrase does
    not spell it or names no body."""
    words = phrase.split()
    if (not abbr.isupper() or len(abbr) < 3 or len(words) < 2 or not _spells(abbr, words) or not _BODY.search(phrase)
            or _NOT_BODY.search(phrase) or _is_place(abbr) or _POLITICAL.fullmatch(abbr)):
        return None
    return abbr


# the head words of a body (an institute, association, service, court, team, provider), and of what is not one
# (a law, an agreement, a measure, a programme), for names defined with an abbreviation
# (branch orgs13: "dienst" as a body, not the activity or time in "Dienstverlening", "Diensttijd": "Maatschappelijk
# Werk en Dienstverlening (MWD)" is a course)
_BODY = re.compile(r"(?i:instituut|vereniging|centrum|centre|center|raad|groep|dienst(?!verlening|tijd)|bureau|stichting|platform|overleg|"
                   r"autoriteit|regeling|team|punt|kamer|ministerie|inspectie|organisatie|federatie|bond|netwerk|zorg|jeugd|"
                   r"ggz|ggd|coöperatie|college|commissie|academie|rechtbank|hof)")
_HEAD_NOUNS = (r"instituut|vereniging|centrum|raad|groep|dienst|bureau|stichting|platform|overleg|autoriteit|team|punt|"
               r"ministerie|inspectie|organisatie|federatie|bond|netwerk|coöperatie|college|commissie|academie")
_NOT_BODY = re.compile(r"\b(?:Wet|Akkoord|Maatregel\w*|Programma|Plan|Besluit|Verordening)\b")


def _abbr_role(name: str) -> str:
    """The role of a body named with its abbreviation, from its head words."""
    if re.search(r"Rechtbank|Gerechtshof|Raad van Beroep|Raad van State", name):
        return "court"
    if re.search(r"Regeling|Dienst(?!verlening|tijd)|Serviceteam|Servicebureau|Inkoop|Regio|Gemeente|[Jj]eugdregio", name):
        return "buyer"
    if re.search(r"[Zz]org|[Hh]ulp|GGZ|GGD|Gezondheid|[Jj]eugdbescherming|Groep|Stichting", name):
        return "provider"
    return "adviser"


BARE_OFFICES = {"Gemeenschappelijke Regeling", "Gemeenschappelijke regeling", "Jeugdhulpregio", "Jeugdregio",
                "Netwerkorganisatie", "Servicebureau", "Sociale Dienst", "Regionaal Serviceteam"}
# a Dutch person's name: a first name, a lower-case tussenvoegsel and a surname ("Marion van Olst")
_PERSON = re.compile(r"[A-Z][a-z]+ (?:van|de|der|den|ter|ten|van der|van den|van de|de la) [A-Z][a-z]+")
SINGLE_GROUPS = ("names58", "names57", "names56", "names55", "names54", "names53", "names44", "names45", "names46", "names47", "names48", "names49", "names50", "names51", "names52", "names40", "names31", "names27", "names2", "names5", "names6", "names9", "names10", "names11", "names14", "names15", "names19",
                 "names20", "names21", "names22", "names23", "names24", "names25", "names26", "names29")  # one name, not a list
_PREP_KIND = re.compile(r"(?i:zorg|hulp|jeugd|groep|stichting|ggz|gezin|welzijn|instituut|centrum|huis|coöperatie|vereniging|"
                       r"\bb\.?v\b)")


def _prep_not_party(n: str, text: str) -> bool:
    """(branch orgs15) A name of a ``prep_list`` that is no party: a word cut at its hyphen ("HAL- en BUCH-gemeenten"),
    a name whose first word says what, not who ("Monitoring Utrecht West", "Regiovisie Jeugdhulp IJmond"), or a
    person, place, political party or law by its shape (:func:`_positional`) unless it carries a word of its kind
    ("Wilgenhof Zorg") or an article of its own ("De Rading")."""
    first = n.split(" ", 1)[0]
    if "- " in n or n.endswith("-") or re.fullmatch(r"Regio[a-z]\w*", first) or (
            first not in ("De", "Het") and _NOT_SHAPED.match(first)):
        return True
    return not _positional(n, text, False) and not _PREP_KIND.search(n) and not re.match(r"(?:De|Het|['’]t) ", n)

LIST_RULES = ("care_subject", "prep_list", "bidder", "kind_list", "staff_of", "interest_body", "relation", "aanbieder_x", "consortium", "party_in_procedure", "advice_by", "incumbent_list", "ruling_party", "regio_list", "party_label")


_OFFICE_OF = re.compile(r"\b(?:[Ww]ethouder|[Bb]urgemeester|[Cc]ollege|[Gg]emeenteraad)\b")


# branch orgs7: a ruling's defined terms that name no party of their own
_DEFINED_TERM = re.compile(r"(?i:(?:de |het )?(?:gemeenten?|consortium|combinatie|eiseres|eisers?|gedaagden?|aanbesteder|"
                           r"aanbestedende diensten?|inschrijvers?|college|regio|staat|provincie|stichting|vereniging|"
                           r"opdrachtgevers?|opdrachtnemers?|partijen|de [a-z ]+))")


def _quoted_parties(text: str, out: list[dict], seen: set[str]) -> None:
    """The parties a court ruling names in quotes after "hierna" ("Partijen worden hierna respectievelijk aangeduid als
    'het Consortium', 'de gemeenten' en 'GO! voor jeugd'", "hierna te noemen: 'Eikenrode'") (branch orgs7): each quoted
    name as written (a name with lower-case words, "GO! voor jeugd", is read whole), not a defined term of a kind
    ("de gemeenten", "eiseres")."""
    for m in re.finditer(r"\b[Hh]ierna(?: (?:gezamenlijk|respectievelijk|afzonderlijk|ook))?(?: (?:te noemen|aangeduid als|"
                         r"genoemd))?:?\s*(?P<rest>['‘\"“][^.\n]{0,200})", text):
        # (the text between quote marks, read apart: a straight quote opens and closes alike, so pairs cannot be told)
        for part in re.split(r"['‘’\"“”]", m.group("rest"))[1:]:
            if len(part) > 60:
                break
            item = re.sub(r"^(?:de|het)\s+(?=[A-ZÀ-Ý])", "", part.strip(" ,;"))
            first = re.match(_NAME, item)
            if (not first or _DEFINED_TERM.fullmatch(item) or not _clean_name(first.group(0)) or _is_place(item)
                    or _PERSON.fullmatch(item) or item.casefold() in seen or len(item) < 3):
                continue
            seen.add(item.casefold())
            line_start = text.rfind("\n", 0, m.start()) + 1
            out.append({"name": item, "role": _head_role(item, "provider"), "rule": "ruling_party",
                        "sentence": text[line_start:].split("\n")[0][:300]})


# branch orgs17: the national bodies a page often names without their acting (the Raad voor de Kinderbescherming, a
# ministry), and the words that have them act: the sentence's subject, the agent ("door het ministerie", "in opdracht
# van", "namens", "gefinancierd door"), a person working there ("beleidsmedewerker bij het ministerie van VWS")
# (branch orgs31: also the national institutes, inspectorates and authorities a page names as its source or as the
# one that watches -- "volgens het Nederlands Jeugdinstituut", "de Inspectie Gezondheidszorg en Jeugd houdt toezicht" --
# no party to a purchase unless the page has them act in it)
_ONLY_NAMED_BODY = re.compile(r"Raad voor de Kinderbescherming|[Mm]inisterie |Nederlands Jeugdinstituut|Inspecties? |"
                              r"Jeugdautoriteit|(?:De )?Kinderombuds")
_BODY_AGENT_BEFORE = re.compile(r"(?:\b(?:door|namens|[Nn]amens|[Ii]n opdracht van|subsidie van|financiering van|geld van)|"
                                r"\b(?:\w*medewerk\w*|werkzaam|werkt|ambtenaar|directeur|woordvoerder)\s+(?:\w+\s+)?bij)"
                                r"\s+(?:(?:de|het)\s+)?\Z")
_BODY_ACTS_AFTER = re.compile(r"\s+(?:(?:heeft|had|hebben|wil|gaat|zal|is|was)\s+(?:[\w-]+\s+){0,6}?)?"
                              r"(?:koopt|kocht|ingekocht|financiert|financierde|gefinancierd|betaalt|betaalde|subsidieert|"
                              r"gesubsidieerd|gunt|gegund|contracteert|gecontracteerd|besluit|besloot|besloten|stelt|stelde|"
                              r"heeft|had|wil|gaat|vraagt|vroeg|adviseert|adviseerde|onderzoekt|onderzocht|meldt|meldde|"
                              r"constateert|concludeert|start|startte|neemt|nam|komt|kwam|geeft|gaf|zegt|zei|laat|liet)\b")


def _body_acts(name: str, text: str) -> bool:
    """Whether a mention of the body ``name`` has it act (comment above), among its first 20 mentions."""
    for i, m in enumerate(re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[:MAX_SCAN])):
        if i >= 20:
            break
        before = text[max(0, m.start() - 40): m.start()]
        if re.search(r"(?:\A|[.!?:]\s+|\n)[\s\"„‘'(]*(?:[Dd]e |[Hh]et )?\Z", text[max(0, m.start() - 12): m.start()]
                     if m.start() >= 12 else text[: m.start()]):
            return True  # the sentence's subject
        if _BODY_AGENT_BEFORE.search(before) or _BODY_ACTS_AFTER.match(text, m.end()):
            return True
    return False


_BRACKETED_ABBR = re.compile(r"\((?P<a>[A-Z][A-Za-z0-9&]{1,9})\)")
_ABBR_BRACKETS = re.compile(r"(?<![\w&-])(?P<a>[A-Z][A-Za-z0-9&]{1,9}) \((?P<n>[^()\n]{3,120})\)")


def _abbreviations_beside_names(text: str, out: list[dict]) -> None:
    """(branch orgs17) An abbreviation written beside the name it spells ("de Serviceorganisatie Jeugd (SOJ)", "GRJR
    (Gemeenschappelijke Regeling Jeugdhulp Rijnmond)") is that one organisation: the abbreviation read as an
    organisation of its own is dropped where the name is read too. An abbreviation the page never writes beside its
    name ("De CRVB heeft ...") still counts."""
    abbrs = {o["name"] for o in out if re.fullmatch(r"[A-Z][A-Za-z0-9&]{1,9}", o["name"]) and sum(c.isupper() for c in o["name"]) >= 2}
    if not abbrs:
        return
    by_last: dict[str, list[str]] = {}
    for o in out:
        if " " in o["name"].strip():
            by_last.setdefault(o["name"].split()[-1], []).append(o["name"])
    beside: set[str] = set()
    for m in _BRACKETED_ABBR.finditer(text, 0, MAX_SCAN):
        a = m.group("a")
        if a in abbrs and a not in beside:
            before = text[max(0, m.start() - 160): m.start()].rstrip()
            last = before.rsplit(None, 1)[-1] if before else ""
            if any(before.endswith(n) and _spells(a, n.split()) for n in by_last.get(last, ())):
                beside.add(a)
    names = {n for ns in by_last.values() for n in ns}
    for m in _ABBR_BRACKETS.finditer(text, 0, MAX_SCAN):
        a, n = m.group("a"), m.group("n").strip()
        if a in abbrs and n in names and _spells(a, n.split()):
            beside.add(a)
    out[:] = [o for o in out if o["name"] not in beside or o["role"] == "awardee"]


# branch orgs17: the words before "regio's" that make its list a place: a preposition of place ("in de", "uit de",
# "binnen de") or a body of several regions ("het Overleg samenwerkende regio's")
_PLACE_LIST_BEFORE = re.compile(r"(?:\b(?:[Ii]n|[Uu]it|[Bb]innen|[Bb]uiten|[Nn]aar|[Rr]ond) (?:de |alle |beide |die |deze )?"
                                r"|\bsamenwerkende )\Z")


_AREA_OF_THING = re.compile(r"(?<![\w-])[a-z][\w-]*(?:hulp|zorg|bescherming|reclassering|aanbesteding|inkoop|opdracht|"
                            r"contract|perceel|percelen|ggz|verblijf|begeleiding|behandeling) \Z")


def _jeugdregios(text: str, out: list[dict], seen: set[str], place_lists: list[tuple[int, int]] = ()) -> None:
    """A jeugdregio named by its own name, without "regio" before it ("de jeugdhulp-regeling van Holland Rijnland",
    "West-Brabant West kiest opnieuw voor open house"), is the buying body (branch orgs4; "regio X" is read by
    ``regio_x``). A region named after a province or a municipality is a place, not named as a body here."""
    from .places import find_regions
    # (branch orgs37) "contracten met de regiogemeenten IJmond, Zuid-Kennemerland en Haarlemmermeer": the municipalities
    # of the regions, to the sentence's end, not the regions as bodies
    place_lists = [*place_lists, *((m.start(), e.start() if (e := _SENTENCE_END.search(text, m.end(), m.end() + 300))
                                    else m.end() + 300) for m in re.finditer(r"\b[Rr]egiogemeenten?\b", text))]
    for r in find_regions(text):
        n = r["matched"]
        if (r["kind"] != "jeugdregio" or " " not in n.strip() and "-" not in n or _is_place(n) or n in _PROVINCES
                or re.fullmatch(r"[A-Z][\w -]*(?<![^i]e)se", n)):
            continue  # a place, a province, a regional adjective ("West-Friese")
        # the first mention that is not "regio X" nor a place ("in Zuid-Limburg", "uit Holland Rijnland")
        m = next((x for x in re.finditer(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)
                  if not re.search(r"(?i:regio|\bin|\buit|\bnaar|\bbinnen|\brond|\bheel|\bvan het)\s*$",
                                   text[max(0, x.start() - 12): x.start()])
                  # (branch orgs40) nor the area a service or tender is named by ("de aanbesteding crisishulp
                  # Zuid-Limburg", "jeugdbescherming Zuid-Kennemerland"): a lower-case care or tender word right before
                  and not _AREA_OF_THING.search(text, max(0, x.start() - 40), x.start())
                  and not any(a <= x.start() < b for a, b in place_lists)), None)  # nor one of a place list (orgs17)
        if not m:
            continue
        key = n.casefold()
        if key in seen or any(k.endswith(" " + key) for k in seen):
            continue
        seen.add(key)
        line_start = text.rfind("\n", 0, m.start()) + 1
        out.append({"name": n, "role": "buyer", "rule": "jeugdregio_name", "sentence": text[line_start:].split("\n")[0][:300]})


# branch orgs37: a list of regions as the bodies that act ("vier samenwerkende jeugdhulpregio's (A, B en C)", "de
# jeugdregio's A, B en C"), to its closing bracket or the sentence's end; not after a preposition of place
_REGION_LIST = re.compile(r"\b(?:[Jj]eugd(?:hulp|zorg)?)?regio(?:['\u2019]s|s)\s*(?:\(|:\s*)?(?P<items>(?:\be\.o\.|[^.;:()\n]){1,300})")


@functools.lru_cache(maxsize=1)
def _one_word_regions() -> dict[str, set[str]]:
    """{one-word name or abbreviation of a jeugdregio: the other names of its region}, from the project's region list
    (``jeugdregios.csv``: "H10", "IJmond", "Rijnmond"); not a municipality's nor a province's name (branch orgs37)."""
    from .places import load
    munis, regions = load()
    out: dict[str, set[str]] = {}
    for row in regions.values():
        names = {n for n in [re.sub(r"\s*\(.*\)", "", row["name"]), *row["aliases"].split("|")] if n}
        for n in names:
            if re.fullmatch(r"[\w]+", n) and n not in munis and n not in _PROVINCES and not _is_place(n):
                out.setdefault(n, set()).update(names - {n})
    return out


def _short_regions(text: str, out: list[dict], seen: set[str]) -> None:
    """A jeugdregio named by a one-word short name or abbreviation of the region list (branch orgs37): a buying body
    where the page writes it as the region's abbreviation after "regio" and its name ("Tien gemeenten in de regio
    Haaglanden (H10) hebben ..."), or as an item of a list of regions (:data:`_REGION_LIST`: "vier samenwerkende
    jeugdhulpregio's (Alkmaar e.o., IJmond, Kop van Noord-Holland en Zuid-Kennemerland)", where an item "X e.o." -- X
    and surroundings -- is a region too, as written). A one-word name elsewhere ("de kinderen van Rijnmond", "in de
    IJmond") is where, not who: the surer reading on pages never seen."""
    found: list[tuple[str, int]] = []
    for m in _REGION_LIST.finditer(text):
        if re.search(r"\b(?:[Ii]n|[Uu]it|[Bb]innen|[Bb]uiten|[Nn]aar|[Rr]ond)\s+(?:de\s+|alle\s+|beide\s+|[\w-]+\s+)?\Z",
                     text[max(0, m.start() - 40): m.start()]):
            continue  # "in de regio's A en B", "in beide regio's": where (branch orgs17)
        items = [i.strip() for i in re.split(r",\s*|\s+en\s+", m.group("items"))]
        if len(items) < 2:
            continue
        for item in items:
            if item in _one_word_regions() or re.fullmatch(r"[A-Z][\w-]+(?: [A-Z][\w-]+)? e\.o\.", item):
                found.append((item, m.start()))
    for name, others in _one_word_regions().items():
        for m in re.finditer(rf"\((?:{re.escape(name)})\)", text):
            before = text[max(0, m.start() - 60): m.start()].rstrip()
            if any(re.search(rf"\b[Rr]egio {re.escape(o)}\Z", before) for o in others):
                found.append((name, m.start()))
                break
    for name, at in found:
        key = name.casefold()
        if key in seen:
            continue
        seen.add(key)
        line_start = text.rfind("\n", 0, at) + 1
        out.append({"name": name, "role": "buyer", "rule": "jeugdregio_short",
                    "sentence": text[line_start:].split("\n")[0][:300]})


def _siblings(text: str, out: list[dict], seen: set[str]) -> None:
    """Coordinated lists (branch orgs4): the other members of a list "A, B en C" in which a party already found as a
    provider, awardee or adviser is named are parties of the same kind ("Hartekamp Groep, Opvoedpoli, Lijn5 en Kenter
    Jeugdhulp ondertekenden de brief"); they are providers (an awardee's partner in a list is not said to have won),
    or advisers beside an adviser. Places, persons and political parties are not members."""
    anchors = [o for o in out if o["role"] in ("provider", "awardee", "adviser") and len(o["name"]) >= 3]
    done: set[tuple[int, int]] = set()
    for o in anchors[:60]:
        for occ in list(re.finditer(rf"(?<![\w-]){re.escape(o['name'])}(?![\w-])", text))[:5]:
            ls = text.rfind("\n", 0, occ.start()) + 1
            le = text.find("\n", occ.end())
            line = text[ls: le if le >= 0 else len(text)]
            if len(line) > 2000:
                continue
            for m in re.finditer(_ALIST, line):
                if (ls + m.start(), ls + m.end()) in done or not (m.start() <= occ.start() - ls < m.end()):
                    continue
                done.add((ls + m.start(), ls + m.end()))
                names = _split_names(re.sub(_IN_PLACE, "", m.group(0)), initial=_initial(text, ls + m.start()))
                if len(names) < 2 or o["name"].casefold() not in {n.casefold() for n in names}:
                    continue
                role = "adviser" if o["role"] == "adviser" else "provider"
                for n in names:
                    key = n.casefold()
                    if (key in seen or _POLITICAL.fullmatch(n) or _PERSON.fullmatch(n) or _region(n) == "area" or len(n) < 3
                            or _SUBJECT_WORD.fullmatch(n) or _NOT_BODY.search(n)):
                        continue
                    seen.add(key)
                    # (branch orgs28) "Stichting Pluryn, Gemeente Epe en Karakter": a municipality or region in the list
                    # is a buyer beside the parties, never one of them
                    out.append({"name": n, "role": "buyer" if _BUYER_NAMED.match(n) else role, "rule": "list_sibling",
                                "sentence": line.strip()[:300]})


# branch orgs34: a dateline's sentence whose subject is national politics ("HEERHUGOWAARD - Zorgminister Hugo de Jonge zet
# z'n vraagtekens bij het aanbesteden van ..."): the town is where the news is, the purchase the minister speaks of is
# not the town's
_NATIONAL_SUBJECT = re.compile(r"\s*[–-]\s*(?:[Dd]e |Het )?(?:[A-Z]\w*)?(?i:minister|staatssecretaris|kabinet|tweede kamer|"
                               r"eerste kamer|kamerle\w*|kamerlid|inspectie|rijksoverheid|rijk\b)")
# branch orgs11: a sentence (rule ``place_buyer``), the municipality itself as its subject, and its words of buying
_SENTENCE_RX = re.compile(r"[^.!?\n]+")
_BUYER_SUBJECT = re.compile(r"(?:\b[Dd]e gemeente|\b[Hh]et college)(?![\w-])(?! (?:van )?[A-ZÀ-Ý'’])|\b[Ww]ethouder\b(?! van [A-Z])")
_BUYING = re.compile(r"\b(?:inkoop\w*|inkopen|ingekocht|koopt|kocht|kopen|aanbested\w*|aanbesteedt?|contract\w*|overeenkomst\w*|"
                     r"gegund|gunt|gunde|gunning\w*|handtekening\w*|ondertek\w*|getekend|tekent|tekende|gecontracteerd|"
                     r"contracteert|contracteerde)\b")
MAX_SCAN = 200_000
# branch orgs16: a municipality named with "gemeente" is a buyer where the page has it act in a procurement, not where
# it is merely named (a place, the municipalities a service is for, a list of budgets): the mention opens its sentence
# ("De gemeente Leiden werkt aan ...", "ZWOLLE - Gemeente Zwolle ..."), is a party at a ruling's head ("- de gemeente
# Venlo,"), is the municipality of an office holder or its board ("wethouder X van de gemeente Goes"), or its sentence
# tells a procurement, a contract, a court case, providers or the money it pays ("De gemeente Utrecht heeft de
# aanbesteding gegund", "bespaard op de jeugdhulp in de gemeente Goes").
# "de jeugdzorg in het jeugdstelsel van gemeente Amsterdam" names a place. (A list, "de gemeenten A, B en C", is read as
# before: the municipalities a region buys for are its buyers, branch orgs14.)
_PROCUREMENT_WORD = re.compile(
    r"\b(?:inkoop\w*|inkopen|ingekocht|koopt|kocht|kopen|aanbested\w*|aanbesteedt?|contract\w*|overeenkomst\w*|gegund|gunt|"
    r"gunde|gunning\w*|ondertek\w*|getekend|gecontracteerd|contracteert|contracteerde|opdracht\w*|marktconsultatie\w*|"
    r"offerte\w*|tender\w*|inschrijv\w*|rechter\w*|rechtbank|geding|aanbieders?|zorgaanbieders?|jeugdhulpaanbieders?|"
    r"samenwerking\w*|uitvoer\w*|verantwoordelijk\w*|tekort\w*|budget\w*|bezuinig\w*|bespa\w*|betaal\w*|betalen|"
    r"financier\w*)\b")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-ZÀ-Ý\"„‘'])|\n")
_RULING_HEAD_GEMEENTE = re.compile(r"\s*(?:[-–•]|\d{1,2}[.)]?)?\s*(?:de )?(?:[a-z ]*rechtspersoon )?(?i:gemeente) [^,;]{1,40}[,;.]?\s*")
_OFFICE_BEFORE = re.compile(r"\b(?:[Ww]ethouders?|[Rr]aad|[Cc]ollege|[Bb]urgemeester|[Gg]emeenteraad|[Bb]estuur)\b[^.\n]{0,60}"
                            r"\bvan (?:de )?\Z")


# branch orgs37: an office holder advocating a view ("Ook de wethouder van Enschede pleit in de krant voor een
# subsidierelatie"), and a council's decision (the corpus README's rule 1: a council only asking questions, voting a
# motion or told something is no buyer; one deciding the purchase is)
_ADVOCATES = re.compile(r"\b(?:pleit(?:en|te|ten)?|roept?\b[^.\n]{0,60}\bop\b)")
_COUNCIL_DECIDES = re.compile(r"\b(?:besl(?:uit|oot|oten|ist)|(?:stemt|stemde|stemden|stemmen) (?:[\w-]+ ){0,6}in\b|"
                              r"ingestemd|akkoord|vastgesteld|stelt (?:[\w-]+ ){0,6}vast|keurt|keurde|goedgekeurd)")


# branch orgs37: the wethouder, college or municipality a question or letter is put to ("de fractie heeft vragen
# gesteld aan wethouder Luyckx over de aanbesteding", "een brief aan het college over de inkoop"): addressed, not acting
_ASKED_OF = re.compile(r"\b(?:vragen|vraag|brief|motie)\b[^.\n]{0,80}?\baan (?:de |het )?(?:[Ww]ethouders?|[Cc]ollege|"
                       r"[Gg]emeente|[Bb]urgemeester)\b")


# branch orgs37: a sentence on every party or municipality ("iedere hulpverlener die aan de voorwaarden voldoet krijgt
# een contract met de gemeente", "elke gemeente koopt zelf in") tells how purchases go in general
_EVERY = re.compile(r"\b(?:[Ii]edere?|[Ee]lke)\b")


def _office_acts(text: str, m: re.Match) -> bool:
    """Whether the office holder or organ of a municipality named at ``m`` ("wethouder X van Y", "de gemeenteraad van
    Y") is told acting for it: not only advocating a view (:data:`_ADVOCATES`), and a council only where its sentence
    tells it deciding (:data:`_COUNCIL_DECIDES`; "De gemeenteraad van Enkhuizen is niet op de hoogte gebracht" is
    none) (branch orgs37)."""
    lo = max(0, m.start() - 400)
    start = max((x.end() for x in _SENTENCE_END.finditer(text, lo, m.start())), default=lo)
    end = _SENTENCE_END.search(text, m.end(), m.end() + 400)
    sentence = text[start: end.start() if end else min(len(text), m.end() + 400)]
    if _ADVOCATES.search(sentence):
        return False
    return not re.match(r"(?i:gemeenteraad)", m.group(0)) or bool(_COUNCIL_DECIDES.search(sentence))


def _acting_mention(text: str, m: re.Match) -> bool:
    """True when the mention ``m`` of "gemeente X" has the municipality act as a buyer (comment above)."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    if _RULING_HEAD_GEMEENTE.fullmatch(text, line_start, line_end if line_end >= 0 else len(text)):
        return True
    lo = max(0, m.start() - 400)
    start = max((x.end() for x in _SENTENCE_END.finditer(text, lo, m.start())), default=lo)
    if re.fullmatch(r"[\s\"„‘'(]*(?:[A-Z][\w.'-]* ?[-–] )?(?:[Dd]e )?", text[start: m.start()]):
        return True  # the sentence's subject
    if _OFFICE_BEFORE.search(text[max(0, m.start() - 90): m.start()]):
        return True
    end = _SENTENCE_END.search(text, m.end(), m.end() + 400)
    return bool(_PROCUREMENT_WORD.search(text, start, end.start() if end else min(len(text), m.end() + 400)))


# branch orgs34: the words before a list of municipalities that make it the members that spell out a group the sentence
# names ("zijnde de gemeenten", "te weten de gemeenten", "bestaande uit de gemeenten"); read on the 80 characters before
# the list, so linear. Branch orgs36: examples of a group that acts ("Het gaat onder meer om de gemeenten A, B en C",
# "onder andere de gemeenten A en B") are no longer read so: the corpus README's rule 2 (round orgs35) names them
# buyers -- a municipality named as one among a group that buys -- while its rule 4 takes out only the members that
# spell out or make up a buying body ("bestaande uit", "zijnde"); a regional body read as the buyer still keeps the
# examples out (branch orgs14)
_SPECIFYING = re.compile(r"\b(?:zijnde|te weten|bestaande uit)(?: de)?\s*\Z")


# branch orgs36: the municipality speaking of itself ("Deze jeugdhulp regelen we als gemeente niet zelf", "Wij als
# gemeente kijken ..."); one municipality, not "we als gemeenten"
_WE_AS_MUNICIPALITY = re.compile(r"(?<![\w-])(?:[Ww]e|[Ww]ij) als gemeente(?![\w-])")


# branch orgs35: the words before a list of municipalities that make it the area served, not the buyers ("Jeugdigen in
# de gemeenten Alkmaar, Bergen en Heiloo kunnen ...", "0- tot 18-jarigen in de gemeentes Alphen en Nieuwkoop"): the corpus
# gold's buyer is the body or the municipalities a sentence has buy, not those named as where the care is (README, round
# orgs35, rule 4); read on the 20 characters before the list, so linear
_AREA_BEFORE = re.compile(r"(?<![\w-])(?:[Ii]n|[Bb]innen) (?:de |alle |deze |die |onze |hun )?\Z")


# branch orgs36: an office holder of "gemeente X" speaking for a group ("Antoine Tromp, wethouder jeugdhulp in de gemeente
# Heiloo en bestuurlijk woordvoerder namens de zes gemeenten", "Jan Mesu - wethouder jeugdhulp in de gemeente Bergen -
# spreekt namens zijn collega wethouders"): the corpus gold names the group or its body the buyer (README, round orgs35,
# rule 3), not the speaker's municipality; read on 60 characters before and 90 after the mention, so linear
_OFFICE_BEFORE_MENTION = re.compile(r"\b(?:[Ww]ethouder|[Pp]ortefeuillehouder|[Bb]urgemeester)\b[^.\n]{0,50}\Z")
_SPEAKER_FOR = re.compile(r"\b(?:woordvoerder|spreekt|sprak|spreken|woordvoering) namens\b")
_SPEAKS_FOR = re.compile(r"\A[^.\n]{0,60}?\b(?:woordvoerder|spreekt|sprak|spreken|woordvoering) namens\b")


def _speaks_for_group(text: str, m: re.Match) -> bool:
    """Whether the mention ``m`` of "gemeente X" is the municipality of an office holder speaking for a group
    (comment above)."""
    return bool(re.match(r"[Gg]emeente ", m.group(0)) and _SPEAKS_FOR.search(text[m.end(): m.end() + 90])
                and _OFFICE_BEFORE_MENTION.search(text[max(0, m.start() - 60): m.start()]))


# branch orgs36: the addressees of a letter, a line of their own ("De Colleges van Burgemeester en Wethouders van de
# gemeenten Blaricum, Gooise Meren en Hilversum", "Aan het college van B&W van de gemeenten A en B"): addressed, not
# acting (README, round orgs35: hilversum.nl's colleges); the line's head is read on the 100 characters before the list
# and its rest must hold no sentence's end, so linear
_ADDRESSEES_HEAD = re.compile(r"(?:^|\n)[ \t]*(?:[Aa]an )?(?:[Hh]et |[Dd]e )?[Cc]olleges? van (?:[Bb]urgemeester en [Ww]ethouders|"
                              r"B&W|B en W|B\. en W\.) van (?:de )?\Z")


def _addressed(text: str, m: re.Match) -> bool:
    """Whether the mention ``m`` of "de gemeenten A, B en C" is a letter's addressees on a line of their own."""
    if not _ADDRESSEES_HEAD.search(text[max(0, m.start() - 100): m.start()]):
        return False
    end = text.find("\n", m.end(), m.end() + 200)
    return end >= 0 and not re.search(r"[.:;!?]", text[m.end(): end])


def _specified(text: str, m: re.Match) -> bool:
    """Whether the mention ``m`` of "de gemeenten A, B en C" spells out or exemplifies a group, names the area served,
    or a letter's addressees (comments above)."""
    return bool(re.match(r"[Gg]emeente[ns]", m.group(0)) and (_SPECIFYING.search(text[max(0, m.start() - 80): m.start()])
                                                                or _AREA_BEFORE.search(text[max(0, m.start() - 20): m.start()])
                                                                or _addressed(text, m)))


def _without_members_at_ruling_head(out: list[dict]) -> list[dict]:
    """The municipalities at a ruling's head beside the regional body that buys for them ("1 Gemeenschappelijke Regeling
    Inkoopbureau H10, / zetelend te Den Haag, / 2. Gemeente Den Haag, / ... / hierna gezamenlijk te noemen: de
    H10-gemeenten"): the body is the buyer, they are its members, concerned and not buyers each -- the reading of branch
    orgs14 for "de gemeenten A, B en C" a named body buys for, at a ruling's head (branch orgs34)."""
    def at_head(o: dict) -> bool:
        return o["rule"] == "ruling_head" or (o["rule"] == "gemeente_x" and bool(_RULING_HEAD_GEMEENTE.fullmatch(o["sentence"])))
    if not any(o["role"] == "buyer" and o["rule"] == "ruling_head" and not re.match(r"(?i:gemeente|regio)\b", o["name"])
               for o in out):
        return out
    return [o for o in out if not (o["role"] == "buyer" and re.match(r"(?i:gemeente)\b", o["name"]) and at_head(o))]


# branch orgs38: a court of appeal, and the words that set a lower court's judgment in the past or under appeal ("in het
# hoger beroep van het door de voorzieningenrechter van de rechtbank X gewezen vonnis", "De rechtbank X had eerder ...")
_APPEAL_COURT = re.compile(r"(?i:gerechtshof|centrale raad van beroep|college van beroep|raad van state)\b")
_LOWER_JUDGMENT = re.compile(r"\b(?:hoger beroep|eerste aanleg|eerder|destijds|gewezen|vonnis|had|hadden|waarvan beroep)\b",
                             re.I)


def _without_lower_court(out: list[dict], text: str) -> list[dict]:
    """A rechtbank named on a page that names the court of appeal, only in sentences on the judgment under appeal
    ("in het hoger beroep van het door de rechtbank X gewezen vonnis", "De rechtbank X had eerder ..."), is the lower
    court, not the court of the page (branch orgs38). The court of appeal must be the court the page names first (a
    rechtbank's own ruling cites higher courts); a rechtbank named ruling in a sentence of its own is kept.
    Each court's mentions are found with ``str.find`` and read sentence by sentence: linear."""
    low = text.casefold()
    courts = sorted((i, o["name"]) for o in out if o["role"] == "court" and (i := low.find(o["name"].casefold())) >= 0)
    if not courts or not _APPEAL_COURT.match(courts[0][1]):
        return out  # the page's court (named first) is no court of appeal: a rechtbank's ruling citing a higher court

    def lower_only(name: str) -> bool:
        key, i, seen = name.casefold(), 0, False
        while (i := low.find(key, i)) >= 0:
            seen = True
            if not _LOWER_JUDGMENT.search(_sentence_at(text, i, i + len(key))):
                return False
            i += len(key)
        return seen
    return [o for o in out if not (o["role"] == "court" and re.match(r"(?i:rechtbank)\b", o["name"])
                                   and lower_only(o["name"]))]


# branch orgs38: a national body or a research bureau named only in passing -- cited, quoted, its report or study,
# still in deliberation ("Volgens de VNG ...", "De Jeugdautoriteit waarschuwt ...", "Uit onderzoek van bureau Berenschot
# blijkt ...", "omdat de VNG en het ministerie nog in overleg zijn") -- is no party of the procurement; it is one where a
# sentence ties it to this purchase (advice asked of it, the buyer advised, supported or guided by it, on its behalf)
_NATIONAL_BODY = re.compile(r"(?i:VNG\b|Vereniging van Nederlandse Gemeenten|ministerie\b|Jeugdautoriteit|Inspectie\b|"
                            r"Raad voor de Kinderbescherming|Nederlands Jeugdinstituut|NJi\b|Kinderombudsman|"
                            r"Nationale ombudsman|(?:advies|onderzoeks)?bureau\b)")
_CITED = re.compile(r"\b(?:volgens|aldus|in overleg|overleggen|waarschuwt|waarschuwde|pleit|pleitte|zegt|zei|stelt dat|"
                    r"stellen dat|concludeert|concludeerde|uit (?:een |het )?(?:onderzoek|rapport|studie) van|"
                    r"adviseert (?:de rechtbank|de rechter|de minister|de Kamer|gemeenten))\b", re.I)
_TIED = re.compile(r"\b(?:geadviseerd|advies (?:ge)?vraagd|advies aan de gemeente|in opdracht van|namens|ondersteund|"
                   r"ondersteunt|begeleid\w*|aanbestedende dienst|opdrachtgever|contact op)\b", re.I)


def _without_cited_bodies(out: list[dict], text: str) -> list[dict]:
    """National bodies (the VNG, a ministry, the Jeugdautoriteit, an inspectorate, the Raad voor de Kinderbescherming,
    the NJi) and research or advice bureaus (named so, or after their kind: ``kind_bureau``) whose every mention stands in a sentence that only cites them (:data:`_CITED`)
    and none that ties them to this purchase (:data:`_TIED`) are no organisations of the page (branch orgs38: emit
    less and surer). Each name's mentions are found with ``str.find``: linear."""
    low = text.casefold()

    def cited_only(name: str) -> bool:
        key, i, seen = name.casefold(), 0, False
        while (i := low.find(key, i)) >= 0:
            seen = True
            sentence = _sentence_at(text, i, i + len(key))
            if _TIED.search(sentence) or not _CITED.search(sentence):
                return False
            i += len(key)
        return seen
    return [o for o in out if not (o["role"] != "awardee" and (o["role"] == "adviser" or o["rule"] == "public_body")
                                   and (_NATIONAL_BODY.match(o["name"]) or o["rule"] == "kind_bureau")
                                   and cited_only(o["name"]))]


def _canonical(form: str, municipalities: list[dict], forms_of) -> str | None:
    """The municipality whose name form ``form`` is (a lower-case article as written in a list counts)."""
    key = form.casefold()
    return next((x["name"] for x in municipalities if key in {f.casefold() for f in forms_of(x["name"])}), None)


# branch orgs11: the words before a person's name (a title, a function) and the head words of a body's name before a
# second word, which make that word no surname ("Zorggroep Parlan")
_TITLE_BEFORE = re.compile(r"(?i:wethouder|minister|staatssecretaris|burgemeester|mevrouw|meneer|de heer|dhr\.?|mevr\.?|mr\.?|"
                           r"dr\.?|drs\.?|ir\.?|prof\.?|directeur|directrice|bestuurder|voorzitter|woordvoerder|woordvoerster|"
                           r"gedeputeerde|kamerlid|raadslid|fractievoorzitter|manager|jurist|advocaat)\s+\Z")
_BODY_HEAD = re.compile(r"(?:Stichting|Coöperatie|Vereniging|Gemeente|Regio|Groep|Zorggroep|[A-Z]\w*(?:zorg|hulp|groep|stichting|"
                        r"instelling|centrum|organisatie|instituut|huis|praktijk))\Z")


# a capitalised word before a name that is no first name: a sentence's opening word
_NOT_FIRST_NAME = re.compile(rf"{_OPENER}|Ook|Maar|En|Want|Daarom|Volgens|Namens|Samen|Zowel|Zelfs|Alleen|Waar|Wat|Hoe|Waarom|"
                             r"Omdat|Als|Of|Toch|Daarbij|Daarnaast|Verder|Wel|Zij|Ze|Wij|We|Hij|Zo|Ondanks|Tijdens|Om|Aan|Uit|"
                             r"Naast|Onder|Over|Sinds|Zonder|Binnen|Buiten|Tegen|Volgend|Vorig|Heeft|Had|Is|Was|Wordt|Werd|"
                             r"Gaat|Ging|Kan|Kon|Zal|Zou|Moet|Wil|Mag")


_ASSOCIATION = re.compile(r"(?i:platform|vereniging|federatie|netwerk|koepel|branche|coöperatie|bond\b|alliantie)")
_CARE_CONTEXT = re.compile(r"(?i:jeugd|zorg|hulp|aanbieder|aanbod|organisatie|instelling|jongeren|kinderen|gezinnen|cliënt|"
                           r"behandel|begeleid|opvang|voorziening|ggz)")


# branch orgs12: abbreviations of what is no body (an agreement, a law, a budget, a measure, a number), written with
# an article as a sentence's subject ("Het IZA, dat ...", "De PGB, die ...")
_NOT_BODY_ABBR = re.compile(r"IZA|PGB|AMvB|WMO|Wmo|WLZ|Wlz|ZVW|Zvw|AVG|BSN|BTW|CAO|WOZ|OZB|NL|DBC|DVO|PvE|MDT|HHT|ICT|KPI|"
                            r"SROI|ZZP|ZZP'er|GI|GI's|BOPZ|WGBO|WVGGZ|WZD|Wvggz|Wzd|JGZ|GGZ|POH|SGGZ|BGGZ|ABC|ADHD|ASS|"
                            r"PDF|FAQ|CV|MBO|HBO|WO|VO|PO|SO|VSO|PRO|LVB|EMB|NAH")
_FOR_REGION = re.compile(r"\bvoor (?:de|het|alle|\d+|[a-z]+) (?:[\w-]+ )?(?:gemeenten|gemeentes|[\w-]*regio|regio's)(?![\w-])")
# branch orgs12: parts of the country that are no body (a provider rule does not read them)
_AREAS = {"Salland", "Veluwe", "Betuwe", "Liemers", "De Liemers", "Kempen", "De Kempen", "Peel", "De Peel", "Randstad",
          "Vechtdal", "Achterhoek", "De Achterhoek", "Zuid-Limburg", "Noord-Limburg", "Midden-Limburg", "Walcheren",
          "Zeeuws-Vlaanderen", "Zuidoost-Drenthe", "Noord-Nederland", "Oost-Nederland", "Zuid-Nederland", "West-Nederland",
          "Midden-Nederland", "Hollandse Kust", "Noordoost-Friesland", "Kennemerland"}


# branch orgs12: a person's name written after the organisation of its function, and the verb it is the subject of
_OFFICER_AFTER = re.compile(r"(?<=\S) [A-ZÀ-Ý][a-zà-ÿ]+ (?:(?:van|de|der|den|ter|ten) ){0,2}[A-ZÀ-Ý][a-zà-ÿ]+\Z")
_SAYS_AFTER = re.compile(r"\s+(?:is|was|zegt|zei|vindt|vond|laat|liet|stelt|stelde|benadrukt|benadrukte|verwacht|"
                         r"verwachtte|noemt|noemde|reageert|reageerde|legt|legde|vertelt|vertelde|vreest|vreesde)\b")


def _region(name: str) -> str | None:
    """``"area"`` where ``name`` is a province or a part of the country (Twente, Salland, Drenthe), ``"body"`` where it
    is a jeugdregio's name of its own (Holland Rijnland, Hart van Brabant), else None (branch orgs12)."""
    if name in _PROVINCES or name in _AREAS:
        return "area"
    return "body" if name in _jeugdregio_names() else None


_FIRST_PARTNER = re.compile(rf"\b[Ss]amen met (?:de |het )?{_NAME},? \Z")  # branch orgs34, rule party_position's "en met X"


def _positional(name: str, text: str, subject: bool) -> bool:
    """Whether ``name``, read by its place in a sentence alone (rule ``party_position``), is a party: not a person (a
    name of a person's shape, or a word the text writes after a first name or a title: "Vrank Post", "wethouder
    Geertsma"), a place, a province or a jeugdregio's name, a law, a subject or a political party; a subject also
    named a second time on the page (branch orgs11)."""
    if (_PERSON.fullmatch(name) or _is_place(name) or name in _PROVINCES or name in _jeugdregio_names()
            or _POLITICAL.fullmatch(name) or _NOT_BODY.search(name) or _SUBJECT_WORD.fullmatch(name)
            or re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", name) or name.isdigit()):
        return False
    idx = _mentions(name, text[:MAX_SCAN])
    if subject and len(idx) < 2:
        return False
    for p, _ in idx[:200]:
        before = text[max(0, p - 40): p]
        if _TITLE_BEFORE.search(before):
            return False
        w = re.search(r"(?<![\w.])([A-ZÀ-Ý][a-zà-ÿ]+) (?:(?:van|de|der|den|ter|ten|van der|van den|van de) )?\Z", before)
        if w and not _BODY_HEAD.match(w.group(1)) and not _NOT_FIRST_NAME.fullmatch(w.group(1)):
            return False  # a first name before it: a surname ("Vrank Post")
    return True


def _municipal_adjective(name: str) -> str | None:
    """The adjective of municipality ``name`` ("Castricum" -> "Castricumse", "'s-Gravenhage" -> "Haagse"), as places
    reads it (branch orgs11)."""
    from .places import ADJECTIVES, _adjective
    return next((a for a, n in ADJECTIVES.items() if n == name), None) or _adjective(name)


def _heads(key: str) -> list[str]:
    """A name's first words, up to each space in it ("a b c" -> "a", "a b")."""
    return [key[:i] for i, c in enumerate(key) if c == " "]


# branch orgs13: what a page names as a programme, a project or a campaign ("het actieprogramma Maatschappelijke
# Diensttijd (MDT)", "het programma Jeugd aan Zet", "programma MDT"), with its abbreviation: no organisation, whichever
# rule reads it later ("ook onderdeel van MDT")
# branch orgs19: also an approach, initiative, pilot, plan or vision so named ("de aanpak Kansrijk Opgroeien", "de pilot
# 'Jeugdhulp Dichtbij'", "onder de noemer Samen Sterk Zuid"), a name in quotes, and a name a sentence opens with and
# calls one ("Samen Sterk Zuid is een programma van ...")
_PROGRAMME_KIND = r"[a-z]*(?:programma|project|campagne|aanpak|initiatief|pilot|werkwijze|beweging|actieplan|visie|koers)"
_PROGRAMME = re.compile(rf"(?<![\w-])(?:{_PROGRAMME_KIND}(?: \(?[A-Z]{{2,6}}\)?)?|onder de (?:noemer|titel)|onder het motto)"
                        rf" (?:van het |het )?['‘\"“]?(?P<name>{_NAME})(?: \((?P<abbr>[A-Z][A-Za-z]{{1,7}})\))?")
_IS_PROGRAMME = re.compile(rf"(?<![\w-])(?:is|was) (?:een|het) (?:[\w-]+ ){{0,2}}?{_PROGRAMME_KIND}(?![\w-])"
                           r"(?=\s*[,.;:]| (?:van|voor|dat|die|waarin|waarbij|waarmee|om|in|met|gericht|rond|op|binnen)\b)"
                           r"(?![^.,;\n]{0,60}\b(?:gestart|begonnen|opgezet|aangegaan|gestopt|beëindigd|afgerond|gelanceerd)\b)")
_PROGRAMME_SUBJECT = re.compile(rf"(?:\A|(?<=[.!?]\s)|(?<=\n)|(?<=[:;]\s))['‘\"“]?(?P<name>{_NAME})['’\"”]? \Z")
# branch orgs19: the name of an activity, a quality and a verb ("Kansrijk Opgroeien", "Gezond Opgroeien", "Samen
# Opvoeden", "Thuis Meedoen"): what a programme is called, not a party
_ACTIVITY_NAME = re.compile(r"(?:[A-ZÀ-Ý][a-zà-ÿ]+ ){1,2}(?:Opgroeien|Opvoeden|Meedoen|Samenwerken|Samenleven|Thuiswonen|"
                            r"Ontwikkelen|Ontplooien|Groeien|Leren|Verbinden|Versterken|Vernieuwen|Transformeren)")
_LEGAL_FORM = re.compile(r"(?i:stichting|coöperatie|vereniging|b\.v\.?|n\.v\.?|u\.a\.?)(?![\w-])")
# a word glued to a year ("Amersfoort2014", "Visie2030"): a local party's or a plan's name, no organisation
_GLUED_YEAR = re.compile(r"[A-ZÀ-Ý][\w'’-]*[a-zà-ÿ]-?(?:19|20)\d{2}")
# a body that buys for municipalities, whatever its legal form or the rule that reads it
_BUYING_OFFICE = re.compile(r"(?i:inkoopbureau|inkooporganisatie|inkoopcentrale|aankoopcentrale|inkoopcombinatie|"
                            r"inkoopsamenwerking)(?![\w-])")


# branch orgs20: a council's own audit or advisory committee ("de rekenkamercommissie in Midden-Brabant (RMB)", "De
# Rekenkamer Oost-Nederland (RON)", "de raadscommissie Samenleving (RCS)") examines the buyer's procurement for the
# council: an organ of the municipalities, no buyer, provider or adviser of the procurement; its abbreviation, read
# later as the subject of a sentence ("De RMB heeft zich de vraag gesteld"), names it. Branch orgs22: the prefix word
# starts where a hyphenated word starts, not at each boundary inside it ("Aap-Noot-..."): from every boundary its
# "[\w-]*" ran to the end of the chain and back, quadratic on a long hyphen chain; the abbreviations found are the same
_COUNCIL_ORGAN_ABBR = re.compile(
    r"(?i:(?<![\w-])[\w-]*rekenkamer(?:commissie)?|\b(?:raadscommissie|auditcommissie|raadswerkgroep|griffie))"
    r"(?: [^()\n.;:]{1,60}?)? \((?P<abbr>[A-Z][A-Za-z]{1,7})\)")


def _council_organs(text: str) -> set[str]:
    """The casefolded abbreviations of a council's audit or advisory committee the page defines (branch orgs20)."""
    return {m.group("abbr").casefold() for m in _COUNCIL_ORGAN_ABBR.finditer(text[:MAX_SCAN])}


def _programmes(text: str) -> set[str]:
    """The casefolded names (and abbreviations) of what ``text`` calls a programme, project or campaign."""
    out: set[str] = set()
    for m in _PROGRAMME.finditer(text[:MAX_SCAN]):
        name = _clean_name(m.group("name"))
        if name and not _BUYING_OFFICE.search(name):
            out.add(name.casefold())
        if m.group("abbr"):
            out.add(m.group("abbr").casefold())
    for m in _IS_PROGRAMME.finditer(text[:MAX_SCAN]):
        before = _PROGRAMME_SUBJECT.search(text, max(0, m.start() - 100), m.start())
        name = before and _clean_name(before.group("name"))
        if name and not _LEGAL_FORM.search(name) and not _BUYING_OFFICE.search(name):
            out.add(name.casefold())
    return out


# branch orgs18: a news medium ("Omroep Brabant", "RTV Oost", "NH Nieuws", "het Noordhollands Dagblad", "de
# Gelderlander") is where a page's news comes from ("Uit documenten in handen van NH Nieuws blijkt ..."), never a buyer,
# provider, adviser or court of a youth-care procurement
_MEDIUM = re.compile(
    r"(?:(?:[Dd]e |[Hh]et )?(?:Omroep|Regionale Omroep|Lokale Omroep|RTV|Radio|TV|Regio ?TV)(?: [A-ZÀ-Ý0-9][\w'’-]*){1,3}"
    r"|(?:[Dd]e |[Hh]et )?(?:[A-ZÀ-Ý][\w'’-]* ){0,3}(?:Nieuws|FM|TV|Dagblad|Courant|Krant|Nieuwsblad|Weekblad|Journaal)"
    # (branch orgs25) a paper named by a compound of its kind: "de Gezinsbode", "het Dorpsblad", "de Stadskrant"
    r"|(?:[Dd]e |[Hh]et )?(?:[A-ZÀ-Ý][\w'’-]* ){0,3}[A-ZÀ-Ý][\w'’-]*[a-zà-ÿ](?:bode|blad|krant|courant)"
    r"|(?:[Dd]e |[Hh]et )?(?:Gelderlander|Stentor|Tubantia|Limburger|Volkskrant|Trouw|Telegraaf|Parool|NRC(?: Handelsblad)?|"
    r"NOS|BN ?De ?Stem|PZC|Dagblad van het Noorden|Binnenlands Bestuur|Zorgvisie|Skipr|Follow the Money|EenVandaag|"
    r"Nieuwsuur|Pointer|Argos|Investico))")
# branch orgs18: a team or department of a municipality ("het Wijkteam Noord", "Jeugdteam Zwolle", "het Inkoopteam Jeugd",
# "team Jeugd", "de afdeling Sociaal Domein") is the buyer's own staff, no organisation of its own; a team with a legal
# form or of a region ("Regionaal Serviceteam Jeugd IJsselland", "Coöperatie JGT Holland Rijnland") still is one
_UNIT_HEAD = re.compile(
    r"(?:[Hh]et |[Dd]e )?(?:(?:[Ww]ijk|[Bb]uurt|[Jj]eugd|[Gg]ebieds|[Tt]oegangs|[Ii]nkoop|[Kk]ern|[Dd]orps|[Gg]ezins|"
    r"[Jj]eugd- en [Gg]ezins|[Jj]eugd en [Gg]ezins|[Ss]ociaal [Tt]eam|[Ss]ociale [Ww]ijk)teams?|[Ss]ociaal [Tt]eam|"
    r"[Tt]eam|[Aa]fdeling|[Cc]luster|[Ss]ector|[Dd]irectie)(?: (?P<rest>.+))?")
_UNIT_WORDS = re.compile(
    r"(?:(?:van de |van het |der |de |het |en |& |voor )?(?:[Jj]eugd(?:zorg|hulp)?|[Gg]ezin(?:nen)?|[Zz]org|[Ii]nkoop|"
    r"[Ss]ociaal [Dd]omein|[Ss]ociaal|[Dd]omein|Wmo|WMO|[Pp]articipatie|[Ww]elzijn|[Oo]nderwijs|[Vv]eiligheid|"
    r"[Ss]amenleving|[Mm]aatschappelijke [Oo]ntwikkeling|[Cc]ontractmanagement|[Bb]eleid|[Dd]ienstverlening|"
    r"[Nn]oord|[Oo]ost|[Zz]uid|[Ww]est|[Cc]entrum|[Ss]tad|[Gg]emeente|\d{1,2}) ?)+")
# branch orgs25: a municipality's front door ("Toegang Jeugd", "het Jeugdloket", "het Klantcontactcentrum", "Wmo-loket
# Ede") is the buyer's own staff too; "Het Juridisch Loket" (a national body) is not one of these
# (branch orgs34: so is the safety house where the municipalities and their partners meet over cases, "het
# Veiligheidshuis", "het Zorg- en Veiligheidshuis Twente": a desk of theirs, no party to a purchase)
_FRONT_DOOR = re.compile(
    r"(?:[Hh]et |[Dd]e )?(?:[Tt]oegang|(?:[Zz]org- en )?[Vv]eiligheidshuis|(?:[Jj]eugd|[Zz]org|[Ww]mo-?|WMO-?|[Ss]ociaal |[Gg]emeente|[Ww]ijk|[Ww]elzijns)[Ll]oket|[A-ZÀ-Ý][a-zà-ÿ]+loket|"
    r"[Ll]oket|[Kk]lant ?[Cc]ontact ?[Cc]entrum|KCC)(?: (?P<rest>.+))?")
_NOT_UNIT_NAME = re.compile(r"(?i:stichting|coöperatie|vereniging|b\.v\.|\bbv\b|regionaal|regio\b|service|expertise|"
                            r"ondersteunings|landelijk)")


# branch orgs25: an organ of a body -- its board, council or college ("de Raad van Toezicht", "de Ondernemingsraad van
# Pluryn", "de Gemeenteraad", "het College van Burgemeester en Wethouders", "het Dagelijks Bestuur van de regio", "de
# Tweede Kamer", "Provinciale Staten") -- decides or is heard for the body it belongs to; it is no buyer, provider,
# adviser, court or awardee of its own. A council that advises ("Adviesraad Sociaal Domein", "Cliëntenraad"), a court
# ("Raad van State") and a public body ("Raad voor de Kinderbescherming") are not organs of this kind.
_ORGAN = re.compile(
    r"(?!(?:[Hh]et |[Dd]e )?(?:Raad|College) van (?:State|Beroep)\b)"  # courts
    r"(?:[Hh]et |[Dd]e )?(?:Raad van (?:Toezicht|Bestuur|Commissarissen)|(?:[Cc]entrale )?(?:[Oo]ndernemings|[Mm]edezeggenschaps|"
    r"[Gg]emeente|[Dd]eel|[Ss]tads|[Dd]eelgemeente)raad|[Rr]aad|(?:Tweede|Eerste) Kamer(?: der Staten-Generaal)?|"
    r"(?:Provinciale|Gedeputeerde) Staten|(?:Algemeen|Dagelijks) [Bb]estuur|[Bb]estuur|[Dd]irectie|"
    r"[Cc]ollege(?: van (?:[Bb]urgemeester(?: en [Ww]ethouders)?|B ?(?:&|en) ?W|[Gg]edeputeerde Staten))?)"
    r"(?: (?:van|der) (?:de |het )?(?P<of>.+)| (?P<place>[A-ZÀ-Ý].*))?"
    # an office holder's title alone, the rest of a college's name cut at "en" ("... Burgemeester en Wethouders")
    r"|(?:[Ww]ethouder|[Bb]urgemeester|[Gg]edeputeerde|[Mm]inister|[Ss]taatssecretaris|[Rr]aadsle(?:de|d)n?)s?")


# branch orgs25: a kind of party in the plural or a sector, written with a capital as one word ("samen met Huisartsen,
# Scholen en Verloskundigen", "Zorgverzekeraars en Woningcorporaties", "Ketenpartners", "het Onderwijs, de
# Kinderopvang en de Jeugdgezondheidszorg"), names no party: the heads of such words form a closed class of nouns
# ("Zonnehuizen", "Lunetzorg", "Karakter" are names)
# (branch orgs29: also after one or two capitalised adjectives, "Nieuwe Aanbieders", "Betrokken Partijen", "Alle
# Gecontracteerde Zorgaanbieders": a kind of party in the plural still; not a body's word, "Federatie", "Stichting")
_GENERIC = re.compile(
    r"(?:[Dd]e |[Hh]et )?(?:(?!\w*(?:ie|ij|ing)\b)[A-ZÀ-Ý][a-zà-ÿ]*(?:e|en|ig|lijk) ){0,2}"
    r"(?=[A-ZÀ-Ý][a-zà-ÿ])(?i:[a-zà-ÿ]*(?:artsen|scholen|kundigen|verzekeraars|corporaties|partners|aanbieders|"
    r"instellingen|organisaties|verleners|ouders|gezinnen|kinderen|jongeren|cliënten|inwoners|professionals|krachten|"
    r"docenten|werkers|deskundigen|specialisten|therapeuten|psychologen|psychiaters|gemeenten|gemeentes|partijen|"
    r"verwijzers|instanties|voorzieningen|teams))"  # (branch orgs41) "de Wijkteams", "de Lokale Teams"
    # (branch orgs41) the social domain and the school policy named alone: fields, not bodies ("het Sociaal Domein",
    # "Passend Onderwijs"; "Samenwerkingsverband Passend Onderwijs Epe" is one)
    r"|(?:[Hh]et )?(?:Sociaal Domein|Sociale Domein|Passend Onderwijs)"
    r"|(?:[Dd]e |[Hh]et )?(?:Zorg|Onderwijs|Kinderopvang|Welzijn|Jeugdgezondheidszorg|Gezondheidszorg|Jeugdhulp|Jeugdzorg"
    # a body's kind word alone names no particular body ("samen met de Provincie en het Ministerie", "Thuis en School")
    r"|Provincie|Ministerie|Gemeente|Regio|Stichting|Vereniging|Coöperatie|School|Instelling|Organisatie|Overheid|Thuis"
    r"|(?:Zorg|Jeugdhulp|Jeugdzorg)?[Aa]anbieder)")


def _generic(name: str) -> bool:
    """Whether ``name`` is a generic word of :data:`_GENERIC`, or two joined by "en" (branch orgs41: "de Lokale Teams
    en Passend Onderwijs")."""
    return bool(_GENERIC.fullmatch(name)) or (" en " in name and all(_GENERIC.fullmatch(p) for p in name.split(" en ")))


# branch orgs34: councils named in the plural with what they are of ("de Adviesraden Sociaal Domein van de HBEL
# gemeenten", "Cliëntenraden Jeugd"): several bodies at once, each its own organisation where the page names it; with a
# legal form the name is one party's
_PLURAL_COUNCILS = re.compile(r"(?:[Dd]e )?[A-ZÀ-Ý][a-zà-ÿ]*raden\b(?!.*\b(?:[Ss]tichting|B\.?V\.?|U\.?A\.?|[Vv]ereniging)\b)")


# ... and a working group or a consultation of the bodies that buy ("de Stuurgroep Jeugd", "de Werkgroep Inkoop", "het
# Portefeuillehoudersoverleg Jeugd", "het Bestuurlijk Overleg"): where their people meet, no body ("Interprovinciaal
# Overleg", an association of provinces, is one; so is a firm named "... Taskforce")
_WORKING_GROUP = re.compile(
    r"(?:[Hh]et |[Dd]e )?(?:[Ww]erk|[Ss]tuur|[Pp]roject|[Rr]egie|[Kk]lankbord|[Kk]ern|[Bb]egeleidings|[Ss]tuurings)groep(?:en)?"
    r"|(?:[Hh]et |[Dd]e )?(?:[Pp]ortefeuillehouders|[Bb]estuurlijk |[Aa]mbtelijk |[Rr]egionaal [Bb]estuurlijk )[Oo]verleg"
    r"|(?:[Dd]e )?(?:[Gg]emeente)?[Rr]aadscommissie(?:s)?")
# (branch orgs31) a committee of the council ("de Raadscommissie Samenleving") is the buyer's organ, no party; the
# advisory councils of the social domain ("Adviesraad Sociaal Domein", "Cliëntenraad", "Jongerenraad") are bodies
# of their own and stay advisers (corpus gold: "Adviesraad Sociaal Domein Zeist", "LOC Cliëntenraden" are `adviser`)


# branch orgs26: a place outside the Dutch municipalities -- a continent, a country, a part or city abroad ("samen met
# Europa, Brussel en Duitsland", "Vlaanderen") -- is where something is, not a party; a body there is written with
# more words ("Europese Commissie", "Stad Antwerpen")
_ABROAD = frozenset("""Europa Brussel Duitsland België Belgie Vlaanderen Wallonië Frankrijk Engeland Groot-Brittannië
Verenigd-Koninkrijk Schotland Ierland Luxemburg Denemarken Zweden Noorwegen Finland Scandinavië Oostenrijk Zwitserland
Spanje Portugal Italië Griekenland Polen Tsjechië Hongarije Roemenië Bulgarije Oekraïne Rusland Turkije Marokko Suriname
Curaçao Aruba Amerika Azië Afrika Canada China Japan India Australië Antwerpen Gent Luik Brugge Leuven Berlijn Keulen
Düsseldorf Aken Münster Parijs Londen Straatsburg Genève Wenen Kopenhagen Stockholm Oslo Madrid Rome""".split())

# ... and a verb written with a capital at a heading's or a list's start: an infinitive with a separable or
# unstressed prefix ("Opvoeden", "Opgroeien", "Meedoen", "Samenwerken", "Ontwikkelen") or one of the activities a
# programme is named by ("Leren", "Groeien"), alone, names what is done, not who does it
_VERB = re.compile(r"(?:(?:Op|Mee|Samen|Door|Uit|Aan|Af|Bij|Na|Toe|Terug|Weer|Thuis|Ont|Ver|Be|Her)[a-zà-ÿ]{2,}(?:en|end|ende)"
                   r"|Groeien|Leren|Wonen|Werken|Spelen|Sporten|Ontmoeten|Verbinden|Versterken|Meedoen|Opgroeien|Opvoeden"
                   # branch orgs32: a past participle, a title-cased headline's last word ("Aanbieders Gezocht", "Inkoop
                   # Gestart", "Aanbesteding Afgerond")
                   r"|(?:Ge|Aange|Afge|Uitge|Vastge|Opge|Toege|Meege|Doorge|Bijge|Terugge)[a-zà-ÿ]{3,}(?:d|t))")
# branch orgs32: a condition or diagnosis, written as a word or its abbreviation ("kinderen met ADHD en Autisme"), is
# no party
_CONDITION = re.compile(r"(?:ADHD|ADD|ASS|PDD-NOS|LVB|NAH|PTSS|OCD|ODD|EMB|ZEVMB|Autisme|Dyslexie|Dyscalculie|Depressie|"
                        r"Angststoornis(?:sen)?|Eetstoornis(?:sen)?|Hechtingsproblematiek|Verslaving)")


# branch orgs33: the word a product is called by right before its name ("het systeem GGD GHOR", "via het platform
# Suite4Jeugd", "de software Mens Centraal"): what is named is a system, not who acts
_PRODUCT_BEFORE = re.compile(r"(?<![\w-])(?i:het|de|een|dit|dat|deze|ons|hun)(?: [a-z]+)? (?:\w*systeem|software(?:pakket)?|"
                             r"applicatie|app|platform|portaal|programma|pakket|tool|webportaal|registratiesysteem) ['‘\"“]?\Z")


# branch orgs33: a profession or job title alone, one word in the singular or plural ("de Huisarts", "de
# Praktijkondersteuner", "Jeugdartsen", "de Projectleider"), names a person's work, not an organisation
_PROFESSION = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]*(?:arts|ondersteuner|verpleegkundige|psycholo(?:og|g)|pedago(?:og|g)|psychiater|therapeut|"
                         r"consulent|medewerker|leider|coördinator|coordinator|adviseur|professional|verlener|wetenschapper|"
                         r"begeleider|directeur|bestuurder|wethouder|ambtenaar|leerkracht|docent|woordvoerder|voorzitter|"
                         r"manager|regisseur|casemanager|hulpverlener)(?:en|s)?")


def _not_party_word(name: str) -> bool:
    """A place abroad, a capitalised verb alone (branch orgs26), a condition ("ADHD", branch orgs32) or a profession
    ("Huisarts", branch orgs33)."""
    n = name.strip()
    return n in _ABROAD or n in _CARIBBEAN or bool(_CONDITION.fullmatch(n)) or bool(_PROFESSION.fullmatch(n)) or \
        bool(_VERB.fullmatch(n)) and n not in \
        _verb_shaped_places() and n not in _PROVINCES  # "Bergen", "Beuningen", "Gelderland"


@functools.lru_cache(maxsize=1)
def _verb_shaped_places() -> frozenset[str]:
    """The municipalities whose name has a verb's shape ("Bergen (NH.)" written "Bergen", "Beuningen")."""
    from .places import load
    return frozenset(m.split(" (")[0] for m in load()[0] if _VERB.fullmatch(m.split(" (")[0]))


def _organ(name: str) -> bool:
    """Whether ``name`` is a board, council or college of a body (branch orgs25): the organ alone, of a named body ("de
    Raad van Toezicht van Pluryn", "de gemeenteraad van Ede") or with its municipality ("Gemeenteraad Ede"); or a
    working group or consultation of the buyers, with what it is about ("de Stuurgroep Jeugd"), not with a legal form."""
    w = _WORKING_GROUP.match(name.strip())
    if w and (w.end() == len(name.strip()) or name.strip()[w.end()] == " ") and not _LEGAL_FORM.search(name):
        return True
    m = _ORGAN.fullmatch(name.strip())
    return bool(m) and (not m.group("place") or _is_place(m.group("place")))


def _medium(name: str) -> bool:
    """Whether ``name`` is a news medium (branch orgs18)."""
    return bool(_MEDIUM.fullmatch(name.strip()))


def _municipal_unit(name: str) -> bool:
    """Whether ``name`` is a team or department of a municipality, or its "sociaal domein" (branch orgs18)."""
    n = name.strip()
    if _NOT_UNIT_NAME.search(n):
        return False
    if re.fullmatch(r"(?:[Hh]et )?[Ss]ociaal [Dd]omein(?: [A-ZÀ-Ý][\w'’-]*)?", n):
        return True
    m = _UNIT_HEAD.fullmatch(n) or _FRONT_DOOR.fullmatch(n)
    if not m:
        return False
    rest = m.group("rest")
    if not rest:
        return True
    rest = re.sub(r"^(?:van (?:de |het )?(?:gemeente )?)", "", rest)
    if _is_place(rest) or _UNIT_WORDS.fullmatch(rest):
        return True
    # "Wijkteam Noord Zwolle", "Team Jeugd Gemeente Ede": domain words, then a place
    words = rest.split(" ")
    return any(_UNIT_WORDS.fullmatch(" ".join(words[:i])) and _is_place(" ".join(words[i:])) for i in range(1, len(words)))


# branch orgs19: a team or department named as the one of a buyer ("het Expertiseteam Jeugd van Holland Rijnland", "het
# Inkoopteam van de regio Twente", "de afdeling Jeugd van de gemeente Ede"): the buyer's own staff, whatever the team is
# called; a team with a legal form ("Stichting Jeugdteam van Ede") is an organisation of its own
_TEAM_OF = re.compile(
    r"(?:[Hh]et |[Dd]e )?(?:[\w-]+ )?(?:[A-ZÀ-Ý]?[\w-]*teams?|[Aa]fdeling|[Ss]ector|[Dd]irectie)(?: [\w&'’-]+){0,4}? van "
    r"(?:de |het )?(?:(?P<kind>[Gg]emeenten?|[Rr]egio|[Jj]eugd(?:hulp|zorg)?regio|[Ss]amenwerkende gemeenten) )?(?P<of>[A-ZÀ-Ý].*)")


def _team_of_buyer(name: str) -> bool:
    """Whether ``name`` is a team or department of a named municipality or region (branch orgs19)."""
    n = name.strip()
    m = _TEAM_OF.fullmatch(n)
    if not m or re.search(r"(?i:stichting|coöperatie|vereniging|b\.v\.|\bbv\b|u\.a\.)", n):
        return False
    of = re.sub(r"^[Rr]egio ", "", m.group("of"))
    return bool(_is_place(of) or of in _jeugdregio_names() or m.group("kind") and re.fullmatch(
        r"[A-ZÀ-Ý][\w'’-]*(?: (?:[a-z]{1,3} )?[A-ZÀ-Ý][\w'’-]*){0,3}", of))


_SPELLING_LEGAL = re.compile(r"(?<!\w)(?:stichting|cooperatie|vereniging|b\.?v\.?|n\.?v\.?|u\.?a\.?|v\.?o\.?f\.?)(?!\w)\.?")
_CARE_TAIL = re.compile(r"(?: (?:jeugd|jeugdzorg|jeugdhulp|opvoedhulp|jeugd en opvoedhulp|kinder|jeugdpsychiatrie|psychiatrie|"
                        r"ggz|zorg|zorggroep|groep|en|&|voor))+")


def _spelling_key(name: str) -> str:
    """A name folded for spelling (branch orgs18): case, accents ("Youké" == "Youke"), a legal form, punctuation and a
    leading article."""
    s = unicodedata.normalize("NFKD", name.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _SPELLING_LEGAL.sub(" ", s)
    s = re.sub(r"[^\w&!+]+", " ", s).strip()
    return re.sub(r"^(?:de|het) (?=\w)", "", s)


def _initials_of(abbr: str, words: list[str]) -> bool:
    """Whether ``abbr`` gives the first letters of ``words`` in order (a small joining word may give none) and at most
    one letter from inside a word ("JB": "Jeugdbescherming", "GGZ": "Geestelijke Gezondheidszorg", "RvdK": "Raad voor
    de Kinderbescherming"; not "RIGG": "regio Groningen") (branch orgs19)."""
    letters = [c.lower() for c in abbr if c.isalpha()]
    words = [w.lower() for w in words if w[:1].isalpha()]
    if len(letters) > 8 or len(words) > 8:
        return False

    def fit(li: int, wi: int, inside: int) -> bool:
        if wi == len(words):
            return li == len(letters)
        w = words[wi]
        if w in ("de", "het", "van", "voor", "der", "den", "en", "in", "op") and fit(li, wi + 1, inside):
            return True
        if li == len(letters) or w[0] != letters[li]:
            return False
        if fit(li + 1, wi + 1, inside):
            return True
        return inside == 0 and li + 1 < len(letters) and letters[li + 1] in w[1:] and fit(li + 2, wi + 1, 1)

    return fit(0, 0, 0)


def _abbreviates(words: list[str], fw: list[str]) -> bool:
    """Whether the name of ``words`` is the one of ``fw`` with some of its words abbreviated (branch orgs19): "JB
    Brabant" for "Jeugdbescherming Brabant", "Regio GV" for "Regio Gooi en Vechtstreek", "SOJ" for "Serviceorganisatie
    Jeugd ZHZ" (the words after the ones abbreviated in capitals or digits)."""
    for k, abbr in enumerate(words):
        if not re.fullmatch(r"[A-Z][A-Za-z&]{1,5}", abbr) or sum(c.isupper() for c in abbr) < 2:
            continue
        pre, post = words[:k], words[k + 1:]
        if len(fw) <= len(pre) + len(post) or [w.casefold() for w in fw[:len(pre)]] != [w.casefold() for w in pre] \
                or (post and fw[len(fw) - len(post):] != post):
            continue
        middle = fw[len(pre): len(fw) - len(post)]
        if (len(abbr) >= 3 or pre or post) and middle[0][:1].upper() == abbr[0] and _initials_of(abbr, middle):
            return True
        if len(words) == 1 and len(abbr) >= 3:
            return any(_initials_of(abbr, fw[:j]) and not any(re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+", w) for w in fw[j:])
                       for j in range(2, len(fw)))
    return False


def _abbreviated_twice(out: list[dict]) -> list[dict]:
    """(branch orgs19) An organisation written with some of its words abbreviated beside its name in full ("JB Brabant"
    beside "Jeugdbescherming Brabant", "GGZ Oost Brabant" beside "Geestelijke Gezondheidszorg Oost Brabant", "Regio GV"
    beside "Regio Gooi en Vechtstreek"), or as an abbreviation of all its words ("JBB", "Jeugdbescherming Brabant"), is
    that organisation, read once under its full name; an awardee is kept as read."""
    # the full names looked up by their first word, their last word and their initial (a page of thousands of names
    # stays fast), and a bounded number of comparisons
    by_first: dict[str, list] = {}
    by_last: dict[str, list] = {}
    by_initial: dict[str, list] = {}
    for j, f in enumerate(out):
        fw = f["name"].split()
        if len(fw) > 1:
            by_first.setdefault(fw[0].casefold(), []).append((j, fw))
            by_last.setdefault(fw[-1], []).append((j, fw))
            by_initial.setdefault(fw[0][:1].upper(), []).append((j, fw))
    drop: set[int] = set()
    budget = 20_000
    for i, o in enumerate(out):
        words = o["name"].split()
        k = next((k for k, w in enumerate(words) if re.fullmatch(r"[A-Z][A-Za-z&]{1,5}", w)
                  and sum(c.isupper() for c in w) >= 2), None)
        if k is None or budget <= 0:
            continue
        candidates = (by_first.get(words[0].casefold(), []) if k > 0 else by_last.get(words[-1], []) if len(words) > 1
                      else by_initial.get(words[0][:1], []))
        for j, fw in candidates[:budget]:
            budget -= 1
            if j == i or not _abbreviates(words, fw):
                continue
            if o["role"] != "awardee":
                drop.add(i)
            elif out[j]["role"] != "awardee":
                drop.add(j)
            break
    # a region named as the end of a buying body's name ("de regio Alkmaar" beside "Netwerkorganisatie regio Alkmaar",
    # which buys for it) is that body
    buyers = [o["name"].casefold() for o in out if o["role"] == "buyer"]
    drop |= {i for i, o in enumerate(out) if o["role"] == "buyer" and re.match(r"(?i:regio) ", o["name"]) and any(
        b.endswith(" " + o["name"].casefold()) for b in buyers)}
    return [o for i, o in enumerate(out) if i not in drop]


def _inside_longer_names(out: list[dict], text: str) -> list[dict]:
    """(branch orgs21) A name the page writes only as part of a longer name read on it is a partial name, no
    organisation of its own: "Regio Amsterdam" where the page writes only "Jeugdbescherming Regio Amsterdam",
    "Leger des Heils" where it writes only "Leger des Heils Jeugdbescherming en Reclassering". A name also written
    alone stays ("Leger des Heils ... het Leger des Heils Jeugdbescherming"), as do a name read from no words of the
    page ("gemeente Bergen (NH.)"), one joined by "en" or "&" to another in the longer name ("Kompaan en De Bocht")
    and an awardee."""
    @functools.lru_cache(maxsize=None)
    def pattern(name: str) -> re.Pattern:
        return re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, name.split())) + r"(?![\w-])", re.I)

    names = list(dict.fromkeys(o["name"] for o in out))
    having: dict[str, set[str]] = {}  # a word -> the names with it: a longer name holds every word of the shorter one
    for n in names:
        for w in n.casefold().split():
            having.setdefault(w, set()).add(n)
    partial = set()
    for o in out:
        name = o["name"]
        if o["role"] == "awardee" or name in partial:
            continue
        words = name.casefold().split()
        longer = set.intersection(*(having.get(w, set()) for w in words)) if words else set()
        # (a conjunct of the longer name is a party of its own: "Kompaan en De Bocht", "GGD en Veilig Thuis Haaglanden")
        longer = [x for x in longer if len(x) > len(name) and any(
            not re.search(r"(?:\ben|&)\s+\Z", x[:m.start()]) and not re.match(r"\s+(?:en\b|&)", x[m.end():])
            for m in pattern(name).finditer(x))]
        if not longer:
            continue
        spans = sorted(m.span() for n in longer for m in pattern(n).finditer(text))
        starts, reach = [a for a, _ in spans], list(itertools.accumulate((b for _, b in spans), max))
        mentions = [m.span() for m in pattern(name).finditer(text)]
        # each mention inside a longer name: some span starting at or before it reaches its end
        if mentions and all((i := bisect.bisect_right(starts, s) - 1) >= 0 and reach[i] >= e for s, e in mentions):
            partial.add(name)
    return [o for o in out if o["name"] not in partial]


def _one_spelling(out: list[dict]) -> list[dict]:
    """(branch orgs18) One organisation written twice on a page is read once, where first read: in other letters
    ("Stichting Youke" and "Youké"), with and without its legal form ("Stichting Pluryn" and "Pluryn"), or followed by
    the kind of care it gives ("Zonnegroep" and "Zonnegroep Jeugd"). Its name is the one written as a name in full, in
    capitals ("Stichting Pluryn", "Zonnegroep Jeugd"; not "de coöperatie Kracht Oost" but "Kracht Oost"). An awardee is
    always kept as read."""
    kept: list[dict] = []
    by_key: dict[str, dict] = {}
    for o in out:
        key = _spelling_key(o["name"])
        first = by_key.get(key)
        if o["role"] == "awardee" or not key:
            by_key.setdefault(key, o)
            kept.append(o)
            continue
        if first is not None:
            if first["role"] != "awardee" and (o["name"][:1].isupper(), len(o["name"])) > \
                    (first["name"][:1].isupper(), len(first["name"])):
                first["name"] = o["name"]
            continue
        base = next((by_key[key[:i]] for i, c in enumerate(key) if c == " " and key[:i] in by_key
                     and _CARE_TAIL.fullmatch(key[i:])), None)
        if base is not None:
            if base["role"] != "awardee" and o["name"][:1].isupper():
                base["name"] = o["name"]  # the name in full: "Zonnegroep Jeugd", not "Zonnegroep"
            continue
        by_key[key] = o
        kept.append(o)
    return kept


def _near_spelling(a: str, b: str) -> bool:
    """Whether two words are one word spelled two ways (branch orgs20): the same first letter, each of at least five
    letters, at most two letters added, dropped or changed and no more than a third of the shorter word ("Willem" and
    "William", "Kwadrant" and "Kwadrand"; not "Gooi" and "Goes", "Oost" and "West")."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 2:
        return False
    limit = min(2, min(len(a), len(b)) // 3)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return False
        prev = cur
    return prev[-1] <= limit


def _spelling_variants(out: list[dict], text: str) -> list[dict]:
    """(branch orgs20) One organisation whose name a page writes with one word spelled two ways ("Willem Schrikker
    Groep" once, "William Schrikker Groep" twice) is read once, in the spelling the page writes most (an awardee's
    spelling always; two spellings written as often are both kept: the page does not tell which is right). Names of at least two words that differ in one word alone, a near spelling
    that is no place's name ("Zorggroep Almere" and "Zorggroep Almelo" are two). Names are grouped by their other words,
    so a page of thousands of names is read in time linear in their number."""
    groups: dict[tuple, list[int]] = {}
    words = [o["name"].split() for o in out]
    for i, w in enumerate(words):
        if len(w) >= 2:
            for k in range(len(w)):
                groups.setdefault((len(w), k, tuple(w[:k] + w[k + 1:])), []).append(i)
    drop: set[int] = set()
    counts: dict[str, int] = {}

    def weight(i: int) -> tuple:
        name = out[i]["name"]
        if name not in counts:
            counts[name] = len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[:MAX_SCAN]))
        return (out[i]["role"] == "awardee", counts[name])

    for (_, k, _), idx in groups.items():
        if len(idx) < 2 or len(idx) > 20:
            continue
        for x, i in enumerate(idx):
            for j in idx[x + 1:]:
                if i in drop or j in drop:
                    continue
                a, b = words[i][k], words[j][k]
                if not _near_spelling(a.casefold(), b.casefold()) or _is_place(a) or _is_place(b):
                    continue
                if out[i]["role"] == "awardee" and out[j]["role"] == "awardee" or weight(i)[:2] == weight(j)[:2]:
                    continue  # both read as winners, or each written as often: the page does not tell which is right
                    # (branch orgs23 merged the latter into the spelling read first: the dev half not looked at lost
                    # recall and precision, so both stay)
                drop.add(j if weight(i) > weight(j) else i)
    return [o for i, o in enumerate(out) if i not in drop]


_PERSON_SHAPE = re.compile(r"(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+) (?:(?:van|de|der|den|ter|ten|van der|van den|van de) )?"
                           r"(?P<last>[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)")
_PERSON_TITLE = (r"(?<![\w-])(?i:wethouder|burgemeester|mevrouw|meneer|de heer|dhr\.?|mevr\.?|directeur|directrice|bestuurder|"
                 r"voorzitter|woordvoerder|woordvoerster|projectleider|manager|gedeputeerde|raadslid|minister)")
_PERSON_FUNCTION = (r"(?:wethouder|burgemeester|directeur|directrice|bestuurder|voorzitter|woordvoerder|woordvoerster|"
                    r"projectleider|manager|beleidsmedewerker|beleidsadviseur|adviseur|teamleider|coördinator|raadslid)")


_NAME_WORDS = r"[A-ZÀ-Ý][a-zà-ÿ]+(?: (?:van|de|der|den|ter|ten|van der|van den|van de))?(?: [A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)?"
_PERSON_SIGNAL = re.compile(
    rf"{_PERSON_TITLE}\s+(?P<t>{_NAME_WORDS})|(?<![\w-])(?P<f>{_NAME_WORDS}),? (?:\w+ )?{_PERSON_FUNCTION}\b"
    rf"|(?<![\w-])(?P<a>{_NAME_WORDS}) \(\d{{2}}\)")


def _person_names(text: str) -> set[str]:
    """(branch orgs18) The names the page writes as a person's, read in one pass: after a title ("wethouder Jansen",
    "mevrouw Anna Jansen"), or with a function or an age after them ("Anna Jansen, directeur van ...", "Anna Jansen
    (34)"); each with its last word (a surname)."""
    out: set[str] = set()
    for m in _PERSON_SIGNAL.finditer(text[:MAX_SCAN]):
        n = m.group("t") or m.group("f") or m.group("a")
        out |= {n, n.rsplit(" ", 1)[-1]}
    return out


# branch orgs21: a person by a title of address or learning, or by initials, before the name ("mevrouw Bakker", "drs. P.
# Bakker", "mr. dr. A. de Vries", "J.W. Jansen"); not a legal form's letters ("B.V.", "N.V.", "U.A.")
_TITLED = re.compile(
    r"(?:(?<![\w-])(?i:mevrouw|meneer|de heer|dhr\.|mevr\.|dr\.|drs\.|mr\.|prof\.|ir\.|ing\.|ds\.)\s+"
    r"(?:(?i:dr|drs|mr|ir|ing)\.\s+)*(?:[A-Z]\.){0,3}\s*|(?<![\w.])(?!B\.V\.|N\.V\.|U\.A\.)(?:[A-Z]\.){1,3}\s?)"
    r"(?P<n>(?:(?:van|de|der|den|ter|ten|van der|van den|van de) )?[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
    # (a second word after "van" alone is the person's organisation, not the person: "J.W. Jansen van Kwadraad")
    r"(?: (?:(?:de|der|den|ter|ten|van der|van den|van de) )?[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)?)"
    r"(?![\w-])")


@functools.lru_cache(maxsize=4)
def _titled_persons(text: str) -> frozenset[str]:
    """(branch orgs21) The names the page writes after a title of address or learning or after initials, each with its
    last word (a surname), in one pass."""
    out = set()
    for m in _TITLED.finditer(text[:MAX_SCAN]):
        n = m.group("n")
        out |= {n, n.rsplit(" ", 1)[-1]}
    return frozenset(out)


def _titled_person(name: str, text: str) -> bool:
    """(branch orgs21) Whether a name read as a party is a person the page writes with a title or initials: the name
    itself, or a surname alone ("Bakker" of "drs. P. Bakker"); not a name with a legal form or a word of its kind, and
    not a place."""
    n = re.sub(r"^(?:de|De|het|Het) ", "", name)
    return bool(re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?: [A-Za-zÀ-ÿ-]+){0,3}", n)) \
        and n in _titled_persons(text) and not _is_place(n) and not re.search(rf"\b(?:{_HEAD_LAST}|Stichting|Zorg)\b", n)


def _named_person(name: str, persons: set[str]) -> bool:
    """(branch orgs18) Whether ``name``, of a person's shape ("Anna Jansen", "Piet van Dijk"), is one the page writes as
    a person's (:func:`_person_names`): the name or its surname."""
    m = _PERSON_SHAPE.fullmatch(name)
    return bool(m) and (name in persons or m.group("last") in persons)


# branch orgs30: the given names most written in Dutch news (men's and women's, of all generations): a name of a person's
# shape whose first word is one of them ("Jan de Vries", "Anna Jansen", "Kees van Dam") is a person, not a party, even
# where the page gives no title or function -- "De winnaars zijn Gemeente Epe en Jan de Vries". A shape alone is no
# proof ("Willemsen de Koning" is a firm), a given name before it is; a name with a legal form or a body's word is a
# party named after a person ("Stichting Jan de Vries", "Jan de Vries Zorg" are not of the shape)
_GIVEN_NAMES = frozenset("""
Aad Adri Adriaan Ahmed Albert Alex Alexander Ali Anita Anja Anke Ann Anna Anne Anneke Annemarie Annemieke Annet Annette
Anouk Arie Arjan Arjen Arnold Astrid Bart Bas Bastiaan Bea Ben Bernard Bert Bianca Bob Bram Brenda Carla Caroline
Cees Chantal Charlotte Chris Christiaan Claudia Corine Cor Daan Danielle Daniëlle Dave David Dennis Dick Diana Dirk
Dolf Edwin Els Elly Emma Erik Erwin Esther Eva Evert Femke Frank Frans Fred Freek Gea Geert Gerard Gerrit Gert Gijs
Hanna Hanneke Hans Harm Harry Hein Hendrik Henk Henri Herman Hilde Ilse Inge Ingrid Irene Jaap Jacob Jacqueline Jan
Janneke Jannie Jasper Jeroen Jessica Joke Jolanda Joost Jop Joris Jos José Joyce Judith Jules Juliette Karin Karel
Kees Kevin Klaas Koen Kim Laura Leo Lieke Linda Lisa Lotte Lucas Maarten Manon Marcel Marco Marga Margreet Maria
Marian Marianne Marieke Marijke Marjolein Mark Marleen Martijn Martin Martine Mathijs Meike Mieke Mirjam Mohamed
Monique Nicole Niels Nienke Patrick Paul Peter Petra Piet Pieter Rachid Renate René Richard Rick Rik Rob Robert Roel
Rolf Ron Ronald Rosa Ruud Sander Sandra Sanne Saskia Sophie Stefan Stephan Suzanne Sven Thijs Theo Thomas Tim Tineke
Ton Tom Wendy Wietske Wilma Willem Wim Wouter Yvonne
""".split())


def _given_name_person(name: str) -> bool:
    """(branch orgs30) Whether ``name`` is a person by its given name (:data:`_GIVEN_NAMES`): "Jan de Vries"."""
    m = _PERSON_SHAPE.fullmatch(name.strip())
    return bool(m) and m.group("first") in _GIVEN_NAMES and not _is_place(name.strip())


# branch orgs29: a sentence's first word is written with a capital whatever it is, so a capitalised phrase there may be a
# word of the sentence before a name ("Voorlopig Pluryn en Karakter gaan de zorg leveren"). Without evidence of a body
# in the phrase (a legal form, a body's head word) and written only at a sentence's start, its first word is the
# sentence's when it has an adverb's shape ("Voorlopig", "Waarschijnlijk", "Gelukkig") or the page writes it in lower
# case elsewhere ("Nieuwe" beside "nieuwe"), and the page names the rest on its own inside a sentence: the name is the
# rest ("Veilig Thuis", written only so, stays whole)
_ADVERB_SHAPE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:ig|lijk|erwijs|halve)")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;]\s+|\n)[\s\-•*–]*[\"'‘“„(]?\Z")
_FIRST_REST = re.compile(r"(?P<first>[A-ZÀ-Ý][a-zà-ÿ]+) (?P<rest>[A-ZÀ-Ý0-9].*)")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-zà-ÿ]+(?![\w-])")


def _sentence_word_first(name: str, text: str, lower_words: set[str]) -> str | None:
    """The name without its first word where that word is the sentence's, not the name's (see above), or None.
    ``lower_words``: the words the page writes in lower case."""
    m = _FIRST_REST.fullmatch(name)
    if not m or _LEGAL_FORM.search(name) or _BODY.search(name) or _FORM_FIRST.match(name) or _BUYER_NAMED.match(name):
        return None
    first = m.group("first")
    if not (_ADVERB_SHAPE.fullmatch(first) or first.lower() in lower_words):
        return None
    spots = _mentions(name, text[:MAX_SCAN])
    if not spots or any(not _SENTENCE_START.search(text, max(0, p - 6), p) for p, _ in spots[:200]):
        return None  # written inside a sentence too: the capital is the name's
    rest = m.group("rest")
    if not any(not _SENTENCE_START.search(text, max(0, p - 6), p) and not text[max(0, p - len(first) - 1): p].startswith(first)
               for p, _ in _mentions(rest, text[:MAX_SCAN])[:200]):
        return None  # the rest is named nowhere on its own: no evidence that the first word is not the name's
    return _clean_name(rest)


def _without_sentence_words(found: list[dict], text: str) -> list[dict]:
    """``found`` with each name's sentence-initial word dropped (:func:`_sentence_word_first`); a name that is then a
    kind of party in the plural, or one already found, is left out."""
    out: list[dict] = []
    names = {f["name"].casefold() for f in found}
    lower_words = set(_LOWER_WORD.findall(text[:MAX_SCAN])) if any(_FIRST_REST.fullmatch(f["name"]) for f in found) else set()
    for f in found:
        rest = _sentence_word_first(f["name"], text, lower_words)
        if rest is None:
            out.append(f)
        elif not (_GENERIC.fullmatch(rest) or rest.casefold() in names or rest in _STOP):
            names.add(rest.casefold())
            out.append(f | {"name": rest})
    return out


# branch orgs30: a party's part in a court case or a procedure, alone, names no party ("Eiseres, Stichting Pluryn, stelt
# ...": the party is the one in the apposition); a name joined by "en" to a person by given name ends before it ("het
# Bureau Jeugdzorg Overijssel en Karin Smit"); a name cut at a hyphen ("Veilig Thuis Oost-", of "Oost- en
# Zuidoost-Brabant") ends before the cut word
_PROCEDURE_ROLE = re.compile(r"(?:[Dd]e |[Hh]et )?(?i:eiser(?:es|s|essen)?|gedaagden?|verweerder(?:s)?|verweerster|"
                             r"appellant(?:e|en)?|geïntimeerden?|verzoek(?:st)?ers?|belanghebbenden?|inschrijvers?|"
                             r"aanbesteder|opdrachtgevers?|opdrachtnemers?|wederpartij)")
# ... nor does a person's function or profession, alone or with what it is for ("bij de Jeugdarts", "de inzet van een
# Ondersteuner Jeugd en Gezin"), without a body's word or legal form ("Huisartsenpraktijk De Linde" is a party)
_FUNCTION_FIRST = re.compile(
    r"(?:[Dd]e |[Hh]et |[Ee]en )?(?:(?:Senior|Junior|Medior|Strategisch|Strategische|Regionaal|Regionale) )?"
    r"(?:(?:Huis|Jeugd|Kinder|Bedrijfs|School|GGD-)?[Aa]rts|(?:[A-ZÀ-Ý][a-zà-ÿ]*)?(?i:therapeut|psycholoog|"
    r"psychiater|pedagoog|consulent|coach|verpleegkundige|ondersteuner|medewerker|begeleider|regisseur|coördinator|"
    r"hulpverlener|casemanager|klantmanager|ambtenaar|wethouder|burgemeester|directeur|bestuurder|voorzitter|woordvoerder|"
    # (branch orgs41) the job titles of the staff a page quotes: "Piet Bos (Contractmanager Jeugd)", "Beleidsadviseur
    # Jeugd", "Projectleider Inkoop Jeugdhulp", "Senior Inkoper Sociaal Domein"
    r"manager|adviseur|leider|leidster|inkoper|secretaris|jurist|controller|kwartiermaker|functionaris))"
    r"(?![\w-])")
_PLACE_OF_WORK = re.compile(r"(?i:praktijk|centrum|instituut|stichting|groep|bureau|dienst|huis|kliniek|team|vereniging|"
                            r"coöperatie|school|netwerk|organisatie)")
_PERSON_TAIL = re.compile(r"(?P<a>.+?) en (?P<p>[A-ZÀ-Ý][a-zà-ÿ]+ .+)")


# branch orgs41: a name in mixed case run on into words in capitals that hold a Dutch function word in capitals ("KOOP NU
# IN 2015 VOOR DE PRIJS VAN 2014") runs into shouted text -- an advertisement, a banner, a scanned paper's next column --
# and ends before it; an abbreviation after a name ("GGD GHOR", "Veilig Thuis IJsselland VTIJ") holds no such word
_SHOUTED_WORD = re.compile(r"[^a-zà-ÿ]*[A-ZÀ-Ý0-9][^a-zà-ÿ]*")
_SHOUTED_FUNCTION = frozenset("DE HET EEN VAN VOOR IN OP NU EN MET TOT UIT BIJ AAN NAAR OF IS ZIJN WORDT U UW WIJ ONS JE".split())


# branch orgs41: a capitalised phrase with a word for a document in it -- a protocol, guide, regulation, policy plan,
# report, annual account, purchasing plan or covenant -- names that document, not its author or subject, unless a
# legal form says a body is named ("Stichting Convenant" stays)
_DOCUMENT_WORD = re.compile(
    r"(?:Protocol|Protocollen|Handreiking|Handleiding|Verordening|Beleidsregels?|Beleidsplan|Beleidskader|Beleidsnota|"
    r"Nota|Rapport|Rapportage|Inkoopkader|Inkoopplan|Inkoopstrategie|Inkoopdocument|Regiovisie|Jaarverslag|Jaarrekening|"
    r"Jaarplan|Programmabegroting|Convenant|Reglement|Richtlijn|Leidraad|Offerteaanvraag|Bestek)")


def _document_name(name: str) -> bool:
    """Whether ``name`` names a document (see above)."""
    return any(_DOCUMENT_WORD.fullmatch(w) for w in name.split()) and not _LEGAL_FORM.search(name)


def _unshouted(name: str) -> str | None:
    """``name`` without the shouted text it runs into (see above); None when nothing of a name is left."""
    words = name.split(" ")
    if not any(w in _SHOUTED_FUNCTION for w in words):
        return name
    for i in range(1, len(words)):
        run = list(itertools.takewhile(_SHOUTED_WORD.fullmatch, words[i:]))
        if len(run) >= 3 and any(w in _SHOUTED_FUNCTION for w in run) and re.search(r"[a-zà-ÿ]", words[i - 1]):
            head = " ".join(words[:i])
            return _clean_name(head) or None
    return name


def _trimmed(found: list[dict]) -> list[dict]:
    """``found`` without a party's part in a procedure alone, each name without a person joined to it and without a
    word cut at its hyphen (see above); a name that is then one already found is left out."""
    out: list[dict] = []
    names = {f["name"].casefold() for f in found}
    for f in found:
        n = f["name"]
        if (_PROCEDURE_ROLE.fullmatch(n) or _FUNCTION_FIRST.match(n) and not (_LEGAL_FORM.search(n) or _PLACE_OF_WORK.search(n))) \
                and f["role"] != "awardee":
            continue
        m = _PERSON_TAIL.fullmatch(n)
        if m and _given_name_person(m.group("p")):
            n = m.group("a")
        if n.endswith("-") and " " in n:
            n = n.rsplit(" ", 1)[0]
        n = _unshouted(n)  # (branch orgs41) "Centrum voor Jeugd en Gezin CA KOOP NU IN 2015 VOOR DE PRIJS ..."
        if not n:
            continue
        if n != f["name"]:
            if n.casefold() in names:
                continue
            names.add(n.casefold())
            f = f | {"name": n}
        out.append(f)
    return out


# branch orgs30: one capitalised word alone, with no body's word or legal form, that the page also writes in lower case
# as a word of its sentences is a common noun at a heading's or a list's start, or cut off a longer name ("bij het Advies
# en Meldpunt Kindermishandeling" read as "Advies"; "Verkenning" under a title), not a party: a party's one-word name is
# written with its capital wherever the page names it
_ONE_WORD = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+")


def _without_common_nouns(found: list[dict], text: str) -> list[dict]:
    """``found`` without the one-word names other than awardees that the page writes in lower case too (see above)."""
    if not any(_ONE_WORD.fullmatch(f["name"]) for f in found):
        return found
    lower_words = set(_LOWER_WORD.findall(text[:MAX_SCAN]))
    return [f for f in found if f["role"] == "awardee" or not _ONE_WORD.fullmatch(f["name"])
            or f["name"].lower() not in lower_words or _BODY.search(f["name"]) or _LEGAL_FORM.search(f["name"])
            or _is_place(f["name"])]


# branch orgs41: one regional body named two ways on one page -- the jeugdregio and the body that buys for the whole of it
# ("de regio Haaglanden (H10)", "Jeugdzorgregio H10"), a body with and without its legal form ("Gemeenschappelijke
# regeling RSJ IJsselland", "Regionaal Serviceteam Jeugd IJsselland"), "Jeugdhulpregio X" and "regio X" -- is one
# organisation, read once. Identity comes from the project's reference (``jeugdregios.csv``, ``regional_buyers.csv``
# and their aliases, :mod:`tenderarchive.reference`), the name written without a leading "Gemeenschappelijke
# regeling"/"GR" and "(jeugd)regio"; a buyer that buys for part of a region (a subregio, "MVS") keeps its own identity.
_GR_FORM = re.compile(r"(?i:(?:modulaire )?gemeenschappelijke regeling|centrumregeling|m?GR)(?: (?i:van|voor) (?:de |het )?)? (?=\S)")
_REGION_FIRST = re.compile(r"(?i:(?:jeugd(?:hulp|zorg)?)?regio)(?![\w-])")


@functools.lru_cache(maxsize=8192)
def _body_key(name: str) -> str | None:
    """The regional body or jeugdregio ``name`` means (see above), a key; None for a municipality's own name."""
    bare = _GR_FORM.sub("", name, count=1) if _GR_FORM.match(name) else name
    if re.match(r"(?i:gemeenten?|gem\.) ", bare) or (reference.municipality(bare) and not _REGION_FIRST.match(bare)):
        return None  # "gemeente Alkmaar", "Alkmaar": the municipality; "regio Alkmaar" is the region
    ref = reference.load()
    key = reference.normalise(bare)
    if not key:
        return None
    row = next(iter(ref.buyer_keys.get(key, ())), None)
    if row:
        whole = row["members"].strip() == "*" and row["jeugdregio_code"]
        return f"region:{row['jeugdregio_code']}" if whole else f"buyer:{row['buyer_id']}"
    code = ref.region_keys.get(key)
    return f"region:{code}" if code else f"name:{key}"


# the region a municipality buys for as its centrumgemeente ("de gemeente Almere, in haar rol als centrumgemeente van de
# jeugdhulpregio Flevoland"): the municipality is the body that buys, the region its area
_CENTRE_OF = re.compile(r"\b[Cc]entrumgemeente (?:van|voor) (?:de |het )?(?P<r>(?:(?:[Jj]eugd(?:hulp|zorg)?)?[Rr]egio )?"
                        r"[A-ZÀ-Ý][\w'’-]*(?: (?:en |& )?[A-ZÀ-Ý][\w'’-]*){0,3})")


def _one_body(found: list[dict], text: str = "") -> list[dict]:
    """``found`` with one regional body named two ways read once (see above): under the name that is not the region's
    ("H10" over "Regio Haaglanden", as :func:`_abbreviated_twice` keeps a body's name over "de regio X"), then without
    its legal form, then the first read; a buyer if either was read as one. Awardees are kept as read. The region a
    municipality read as a buyer buys for as its centrumgemeente is that municipality (:data:`_CENTRE_OF`)."""
    groups: dict[str, list[int]] = {}
    for i, f in enumerate(found):
        if f["role"] != "awardee":
            key = _body_key(f["name"])
            if key:
                groups.setdefault(key, []).append(i)
    drop: set[int] = set()
    if any(f["role"] == "buyer" and f["name"].casefold().startswith("gemeente ") for f in found):
        for m in _CENTRE_OF.finditer(text[:MAX_SCAN]):
            key = _body_key(m.group("r"))
            if key:
                drop.update(groups.get(key, ()))
    role: dict[int, str] = {}
    for idx in groups.values():
        if len(idx) < 2:
            continue
        keep = min(idx, key=lambda i: (bool(_REGION_FIRST.match(found[i]["name"])), bool(_GR_FORM.match(found[i]["name"])), i))
        drop |= set(idx) - {keep}
        if any(found[i]["role"] == "buyer" for i in idx):
            role[keep] = "buyer"
    return [f | {"role": role[i]} if i in role else f for i, f in enumerate(found) if i not in drop]


def find_organisations(text: str, awardees: list[dict] | None = None,
                       municipalities: list[dict] | None = None, providers: list[dict] | None = None,
                       title: str | None = None) -> list[dict]:
    """Organisations with ``name``, ``role``, ``rule`` and ``sentence``. Awardees come
    first (role ``awardee``); buyers include each municipality named as "gemeente X". ``providers``: parties found
    by the awardee rules that are not this archive's awardees (the winners of a Wmo tender on a page that is not about
    youth care), kept as providers with the awardee rule that found them (branch orgs2)."""
    text = _HYPHEN_BREAK.sub("", text)  # (branch orgs31) "Veilig Thuis Oost-\nBrabant"
    out: list[dict] = []
    seen: set[str] = set()
    for a in awardees if awardees is not None else find_awardees(text):
        seen |= {a["name"].casefold(), _legal_key(a["name"])}
        seen.update(p.strip().casefold() for p in a["name"].split("/") if "/" in a["name"])  # "A/B": one party (orgs10)
        out.append({"name": a["name"], "role": "awardee", "rule": a["rule"], "sentence": a["sentence"]})
    for a in providers or []:
        if a["name"].casefold() not in seen:
            seen.add(a["name"].casefold())
            out.append({"name": a["name"], "role": "provider", "rule": a["rule"], "sentence": a["sentence"]})
    # branch orgs2: parties listed under a line that announces them ("... van 4 naar 8 partijen namelijk:", "De
    # deelnemende organisaties:"), one to a line: providers (the award heads are read by find_awardees)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _PARTY_HEAD.search(line) and not _AWARD_HEAD.search(line) and not _SERVICES_HEAD.search(line):
            for n, item in _list_after(lines, i):
                if n.casefold() not in seen and not re.match(r"(?i:perceel|lot|deel)\b", n):
                    seen.add(n.casefold())
                    out.append({"name": n, "role": "buyer" if _BUYER_NAMED.match(n) else "provider", "rule": "party_list",
                                "sentence": (line + " " + item)[:300]})
    # branch orgs27: the partners named after their head on the same line ("Onze partners in de regio zijn onder meer:
    # Pluryn, Karakter en Lindenhout."), to the sentence's end: providers, as under a head of its own line
    for m in _PARTNERS_INLINE.finditer(text):
        if _SERVICES_HEAD.search(text, m.start(), m.start("names")):
            continue
        for n in _split_names(m.group("names")):
            if n.casefold() not in seen and _legal_key(n) not in seen:
                seen.add(n.casefold())
                out.append({"name": n, "role": "buyer" if _BUYER_NAMED.match(n) else "provider", "rule": "party_list",
                            "sentence": m.group(0)[:300]})
    _table_parties(lines, out, seen)
    seen |= {k.rstrip(".") for k in seen}  # "X B.V." found, "X B.V" is the same
    # before the patterns: a party in capitals is read in the usual case (branch orgs2)
    for m in _RULING_PARTY.finditer(text):
        party = _ruling_name(m.group("names"))
        if party and party[0].casefold() not in seen:
            seen.update({party[0].casefold(), party[0].casefold().rstrip(".")})  # "X B.V." as "X B.V" later
            out.append({"name": party[0], "role": party[1], "rule": "ruling_head",
                        "sentence": re.sub(r"\s*\n\s*", " / ", m.group(0).strip())[:300]})

    heads = {h for k in seen for h in _heads(k)}  # the first words of every name found
    programmes = _programmes(text)  # (branch orgs13) "het actieprogramma X (MDT)": no organisation
    positional: dict[tuple[str, bool], tuple[bool, int]] = {}  # rule party_position's reading of each name (orgs11)
    starts = _run_starts(text)  # (branch orgs14) where lists and names start, for the patterns that open with one
    place_lists: list[tuple[int, int]] = []  # (branch orgs17) the lists of regions named as a place
    acted: dict[str, bool] = {}  # (branch orgs17) whether a national body acts, read once per name
    persons: set[str] | None = None  # (branch orgs18) the names the page writes as persons', read once when needed
    for pattern_role, rule, rx in ROLE_PATTERNS:
        for m in (rx.finditer(text, starts) if isinstance(rx, _AtStarts) else rx.finditer(text)):
            role = pattern_role
            group = next(g for g, v in m.groupdict().items() if v and g.startswith("names"))
            chunk = m.group(group)
            if rule == "het_gaat_om":
                chunk = re.sub(_IN_PLACE, "", chunk)
            if rule == "staff_of" and _SAYS_AFTER.match(text, m.end(group)):
                # (branch orgs12) "directeur van Berend Botje Gaby Alberts is bang ...": the officer's own name after
                # the organisation's, the subject of the verb after it, is no part of it
                cut = _OFFICER_AFTER.sub("", chunk)
                chunk = cut if _clean_name(cut) else chunk
            if rule == "consortium" and m.group("own"):
                chunk = m.group("own") + ", " + chunk  # the consortium's own name, then its members
            if rule in LIST_RULES + ("het_gaat_om",) and group not in SINGLE_GROUPS:
                names = _split_names(chunk, initial=_initial(text, m.start(group)))
            elif group in SINGLE_GROUPS:
                name = _clean_name(chunk, keep_article=not _initial(text, m.start(group)))
                names = [name] if name and not _is_place(name) else []
            elif rule == "name_head":
                name = _shaped(chunk)
                names = [name] if name else []
            elif rule == "abbreviation":
                name = _abbreviated(chunk, m.group("abbr"))
                role = _abbr_role(name or "")
                if not name and m.start("abbr") < m.start(group):
                    name = _spelled_out(m.group("abbr"), chunk)  # (branch orgs11) "BEZINN (Boer en Zorg in ...)"
                    role = _abbr_role(chunk)
                names = [name] if name else []
            else:
                names = [_strip_name(chunk)]
            # (branch orgs15) "Stichting Eikenrode en Beukenhof B.V.": two parties, each with its legal form
            names = [x for n in names for x in _two_forms(n)]
            # (branch orgs33) a name a system, software or platform is called by is a product, not a party
            if names and _PRODUCT_BEFORE.search(text, max(0, m.start(group) - 60), m.start(group)):
                names = []
            if rule == "aanbieder_x" and re.match(r"(?i:\w*instelling)", m.group(0)):
                names = [u for n in names for u in _unit_of(n)]  # (branch orgs11) "instelling A van B": A and B
            for n in names:
                if rule == "court_name":
                    n = re.sub(r"^([Rr]echtbank|[Gg]erechtshof) (?:in|te) ", r"\1 ", n)
                if rule == "regio_x":
                    n = re.sub(r" Gemeenten?\b.*$", "", n)  # "Regio Oosterschelde Gemeenten Borsele"
                    if not _regio_name(n):
                        continue
                    if n.startswith("regio ") and _IN_REGION.search(text, max(0, m.start() - 60), m.start()):
                        continue  # (branch orgs14) "de jeugdhulp in de regio Alkmaar": a place, not a body that buys;
                        # "in de Regio Gooi en Vechtstreek" is written as the body's name
                if rule == "regio_list" and _PLACE_LIST_BEFORE.search(text, max(0, m.start() - 40), m.start()):
                    stop = re.compile(r"[.;:!?\n]").search(text, m.end(), m.end() + 300)  # to the sentence's end
                    place_lists.append((m.start(), stop.start() if stop else m.end()))
                    continue  # (branch orgs17) "gemeenten uit de regio's A en B", "de jeugdhulp in de regio's A en B":
                    # where something happens, not who buys ("het inkooptraject van de regio's A en B" still buys)
                if rule == "public_body" and _ONLY_NAMED_BODY.match(n) and not acted.setdefault(n, _body_acts(n, text)):
                    continue  # (branch orgs17) "in overleg met de Raad voor de Kinderbescherming": named, not a party
                if rule == "buyer_office":  # "jeugdhulpregio X" written as a name (branch orgs2)
                    n = (n[:1].upper() + n[1:]).replace(" (GR)", "")
                if rule == "buyer_office" and n in BARE_OFFICES:
                    continue  # "de Gemeenschappelijke Regeling" without its name names no body
                if rule == "advice_by" and _PERSON.fullmatch(n):
                    continue  # "ondersteund door Anna van Dijk": a person, not a firm
                n = _with_tail(n, text, m.start(group), m.end())  # (branch orgs14) "X en Y (XY)": one name
                key = n.casefold()
                if rule not in ("court_name",) and n != _strip_name(chunk) and not _clean_name(n):
                    continue
                if rule == "court_name" and " " not in n.strip() and not n.endswith("se rechtbank"):
                    continue  # "Rechtbank" without a seat names no organisation
                # a name already found with more words, or with a lower-case word before it ("de zorgaanbieder X");
                # branch orgs4: not a longer name that ends in one found ("Jeugdbescherming Regio Amsterdam" after
                # "Regio Amsterdam")
                # (branch orgs8: the longer names by their first words, the shorter ones by the ends of this one,
                # looked up rather than compared with every name found: a page of a thousand names took seconds)
                if not n or key in seen or _legal_key(n) in seen or key in heads or any(
                        key[i + 1:] in seen and re.fullmatch(r"(?:[a-zà-ÿ'’-]+ )+", n[: len(n) - len(key) + i + 1])
                        for i, c in enumerate(key) if c == " ") \
                        or n in _STOP or len(n) < 3:
                    continue
                if key in programmes or _GLUED_YEAR.fullmatch(n):
                    continue  # (branch orgs13) a programme ("onderdeel van MDT"), a word glued to a year ("(Amersfoort2014)")
                if pattern_role == "provider" and _BUYING_OFFICE.search(n):
                    role = "buyer"  # (branch orgs13) "Stichting Regionaal Inkoopbureau X": it buys, whatever its legal form
                if rule == "party_position" and m.group("names55"):
                    # (branch orgs12) "Het SWVO, die ...": an abbreviation of a body, not a party, place, law or budget
                    if (sum(c.isupper() for c in n) < 2 or _POLITICAL.fullmatch(n) or _is_place(n)
                            or _NOT_BODY_ABBR.fullmatch(n) or _clean_name(n) != n):
                        continue
                elif rule == "party_position":
                    # (a name read once per page and kind of place: a page naming one person a thousand times stays linear)
                    subject = bool(m.group("names46") or m.group("names47"))
                    if (n, subject) not in positional:
                        positional[(n, subject)] = (_positional(n, text, subject), len(_mentions(n, text[:MAX_SCAN])))
                    ok, times = positional[(n, subject)]
                    if m.group("names58") and not _FIRST_PARTNER.search(text[max(0, m.start() - 120): m.start()]):
                        continue  # (branch orgs34) "en met X" after anything but "samen met <the first partner>"
                    if not ok or ((m.group("names44") or m.group("names58")) and times < 2
                                  and not _CARE_CONTEXT.search(_sentence_at(text, m.start(), m.end()))):
                        continue  # (branch orgs11) "samen met X" once, in a sentence about no care, may be a first name
                if rule == "party_position" and m.group("names53") and not _ASSOCIATION.search(n):
                    continue  # (branch orgs11) a member of a council, a party or a board, not of an association
                if rule == "party_position":
                    role = _head_role(n, "provider")
                if rule == "party_label":
                    if _PERSON.fullmatch(n) or _given_name_person(n) or _titled_person(n, text):
                        continue  # "Jan de Vries, eiser": a person, no organisation
                    role = _head_role(n, "provider")
                if rule == "party_position" and m.group("names55"):
                    # the body's role from its relative clause: it arranges or buys for municipalities or a region
                    clause = re.match(r",?[^,.;\n]{0,200}", text[m.end():]).group(0)
                    role = "buyer" if _FOR_REGION.search(clause) or _BUYING.search(clause) else _abbr_role(n)
                    spelled = next((o["role"] for o in out if o["role"] in ("court", "buyer", "provider", "adviser")
                                    and " " in o["name"] and _spells(n, o["name"].split())), None)
                    role = spelled or role  # "De CRVB heeft ..." where the page named the Centrale Raad van Beroep
                if pattern_role == "provider" and role == "provider" and rule not in ("gevestigd",):
                    region = _region(n)
                    if region == "area":
                        continue  # (branch orgs12) "werken samen met ... Twente": a part of the country provides nothing
                    if region == "body" or _BUYER_NAMED.match(n):
                        role = "buyer"  # "de samenwerking met Holland Rijnland": the jeugdregio, a buying body (branch
                        # orgs27: also one named as a region or municipality, "samen met Regio Noord-Veluwe")
                if rule in ("on_behalf", "person_org", "author", "named_as", "kind_bureau", "officer_of", "gevestigd"):  # branch orgs4
                    before = text[max(0, m.start() - 80): m.start()]
                    if _POLITICAL.fullmatch(n) or _PERSON.fullmatch(n) or _is_place(n) or _NOT_BODY.search(n) or (
                            rule == "author" and _NOT_FIRST_NAME.fullmatch(n)) or (
                            rule == "person_org" and (re.search(r"[A-ZÀ-Ý][\w-]*\s*$", before)  # "Bureau Jeugdzorg (BJZ)"
                                                      or re.search(r"(?i:minister|staatssecretaris|wethouder|gedeputeerde|"
                                                                   r"kamerlid|raadslid|fractie\w*|burgemeester|partij)\W+(?:\w+\W+){0,3}$", before)
                                                      or _SUBJECT_WORD.fullmatch(n)
                                                      # an abbreviation of the words before: "Interprovinciaal Overleg (IPO)"
                                                      or re.fullmatch(r"[A-Z][A-Za-z]{1,6}", n) and sum(c.isupper() for c in n) >= 2
                                                      and n[0] == m.group("who")[0])):
                        continue  # a party or a portfolio, a person, a place, a law, or an abbreviation of the words before
                    if rule == "gevestigd" and (re.match(r"(?:Mevrouw|Meneer|Mevr|Dhr|Mr|Drs|Ir|Dr|Prof|De heer|Heer)\b", n)
                                                or re.fullmatch(r"(?i:stichting|vereniging|coöperatie|gemeente|regio|de|het)", n)):
                        continue  # (branch orgs9) a person with a title, a legal form without its name
                    if rule == "named_as" and re.search(r"(?i:gemeent\w*|regio)\b[^.\n]{0,100}$", text[max(0, m.start() - 120): m.start()]):
                        role = "buyer"  # "de gemeenten die samenwerken onder de naam X"
                    elif rule == "kind_bureau":
                        kind = m.group("kind")
                        role = ("buyer" if "inkoop" in kind else "provider" if re.search(r"gastouder|zorg|jeugd|hulp|opvang", kind)
                                else "adviser")
                    else:
                        role = _head_role(n, pattern_role)
                seen |= {key, _legal_key(n)}
                heads.update(_heads(key))
                if rule == "prep_list" and (_region(n) or not _CARE_WORD.search(_sentence_at(text, m.start(), m.end()))
                                            or _prep_not_party(n, text)):
                    continue  # (branch orgs15) a person, place, region or political party, or a list in a sentence about no
                    # care; a name with a word of its kind ("Wilgenhof Zorg") is a party whatever its shape
                if rule == "staff_of" and (len(n) < 4 and not n.isupper() or _PERSON.fullmatch(n)):
                    continue  # "bestuurder van Stg." (an abbreviated legal form), a person
                if rule in ("relation", "prep_list") and _PERSON_SHAPE.fullmatch(n) and _named_person(
                        n, persons if persons is not None else (persons := _person_names(text))):
                    continue  # (branch orgs18) "in samenwerking met Anna Jansen ... zegt wethouder Jansen": a person
                if rule == "staff_of" and m.group("fn").lower() in ("onderzoeker", "beleidsadviseur"):
                    role = "adviser"
                if rule == "relation" and re.search(r"(?i:onderzoek|evaluatie|rapport|advies|analyse|peiling)\w*\W+(?:\w+\W+){0,4}$",
                                                    text[max(0, m.start() - 80): m.start()]):
                    role = "adviser"  # "het onderzoek is uitgevoerd door X": X advised, it does not provide care
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                out.append({"name": n, "role": role, "rule": rule,
                            "sentence": text[line_start: line_end if line_end > 0 else None][:300]})
    # branch orgs5: the court named by its judge and seat ("heeft de rechter in Amsterdam bepaald", "de
    # voorzieningenrechter te Zwolle"): the rechtbank of that seat, a municipality
    for m in re.finditer(r"\b[Dd]e (?:voorzieningen|kort-gedingen)?rechter (?:in|te) (?P<seat>'s-[A-Z][\w-]+|Den Haag|[A-Z][\w-]+)", text):
        name = f"rechtbank {m.group('seat')}"
        if m.group("seat") != "Nederland" and _is_place(m.group("seat")) and name.casefold() not in seen \
                and not any(o["role"] == "court" and o["name"].casefold().endswith(m.group("seat").casefold()) for o in out):
            seen.add(name.casefold())
            line_start = text.rfind("\n", 0, m.start()) + 1
            out.append({"name": name, "role": "court", "rule": "rechter_in",
                        "sentence": text[line_start:].split("\n")[0][:300]})
    _quoted_parties(text, out, seen)
    _jeugdregios(text, out, seen, place_lists)
    _short_regions(text, out, seen)
    _siblings(text, out, seen)

    def forms_of(name: str) -> set[str]:
        plain = re.sub(r"\s*\([^)]*\)", "", name)
        return {plain, "Den Haag"} if name == "'s-Gravenhage" else {plain}

    # branch orgs1: a list after "gemeente(n/s)" may hold names of several words ("de gemeenten Alphen aan den Rijn en
    # Kaag en Braassem", "De samenwerkende gemeentes Hillegom, Lisse en Teylingen"): any named municipality is a list item
    others = sorted({f for mun in municipalities or [] for f in forms_of(mun["name"])}, key=len, reverse=True)
    # branch orgs20: a municipality read already under the name the page writes ("gemeente Den Haag", "gemeente Rijswijk"
    # at a ruling's head) is not read again under its official one ("gemeente 's-Gravenhage", "gemeente Rijswijk (ZH.)")
    read_buyers = {re.sub(r"^gemeente\s+", "", o["name"].casefold()) for o in out if o["role"] == "buyer"}
    for mun in municipalities or []:
        if any(f.casefold() in read_buyers for f in forms_of(mun["name"])):
            seen.add(f"gemeente {mun['name']}".casefold())
    # (branch orgs14) a body that buys for several municipalities: a region, an inkoopbureau, a jeugdhulpregio
    # named as a body, not as a place ("de gemeenten in de regio Alkmaar")
    regional_buyer = any(o["role"] == "buyer" and not re.match(r"(?i:gemeente )|regio ", o["name"]) for o in out)
    item = "|".join([re.escape(f) for f in others] + [r"[\w-]+"])
    for mun in municipalities or []:
        name = mun["name"]
        for form in forms_of(name):
            # (branch orgs7: also the municipalities given as examples, "16 gemeentes, waaronder X", "gemeenten zoals X")
            # (branch orgs36: also after the group named by its region, "7 gemeenten in Midden Limburg, waaronder
            # Weert, ...": the corpus README's rule 2, one named among a group that does so)
            gx = rf"\b[Gg]emeente(?:n|s)?(?:(?: (?:in|uit) (?:de )?(?:regio )?[A-Z][\w-]*(?:[ -][A-Z][\w-]*){{0,2}})?,? " \
                 rf"(?:waaronder|zoals|namelijk))?\s+(?:(?:{item})(?:,\s+|\s+en\s+)){{0,30}}" + re.escape(form) + r"\b"
            m = re.search(gx, text)
            if m and _speaks_for_group(text, m):
                # (branch orgs36) the wethouder of the municipality speaking for a group ("wethouder jeugdhulp in de
                # gemeente Heiloo en bestuurlijk woordvoerder namens de zes gemeenten"): the group buys, not his
                # municipality; another mention may still have it act
                m = next((x for x in re.finditer(gx, text) if not _speaks_for_group(text, x)), None)
            if m and _specified(text, m):
                # (branch orgs34) the members that spell out a group the sentence names ("door de gemeenten in de regio
                # X, zijnde de gemeenten A, B en C") or examples of it ("Het gaat onder meer om de gemeenten A en B"):
                # the group acts, not each member; another mention of the municipality may still have it act
                m = next((x for x in re.finditer(gx, text) if not _specified(text, x) and not _speaks_for_group(text, x) and (
                    _acting_mention(text, x) or re.match(r"[Gg]emeente ", x.group(0)))), None)
            if m and re.match(r"[Gg]emeente ", m.group(0)) and not _acting_mention(text, m):
                # (branch orgs16) "gemeente X" merely named: another mention where it acts, or one in a list
                m = next((x for x in re.finditer(gx, text) if not _specified(text, x) and not _speaks_for_group(text, x) and (_acting_mention(text, x) or (
                    not regional_buyer and re.match(r"[Gg]emeente[ns]", x.group(0))))), None)
            if m and regional_buyer and re.match(r"[Gg]emeente[ns]", m.group(0)):
                # (branch orgs14) one of "de gemeenten A, B en C" for whom a regional body buys is concerned, not a
                # buyer; "de gemeente A" elsewhere on the page still is
                m = next((x for x in re.finditer(gx, text) if not re.match(r"[Gg]emeente[ns]", x.group(0))
                          and not _speaks_for_group(text, x)), None)
            rule = "gemeente_x"
            if not m and title and f"gemeente {name}".casefold() not in seen and re.search(gx, title):
                # branch orgs10: "gemeente X" in the page's title only ("Middin partner jeugdhulp in gemeente Den Haag")
                seen.add(f"gemeente {name}".casefold())
                out.append({"name": f"gemeente {name}", "role": "buyer", "rule": "title:gemeente_x", "sentence": title[:300]})
                break
            if not m:
                # branch orgs4: the municipality of an office holder or its board ("wethouder Johan Coes van
                # Hellendoorn", "het college van Ede", "de gemeenteraad van Rijswijk") is a buyer too
                # (branch orgs36: also the college named with its members' short name, "Het college van B&W De
                # Bilt", "het college van burgemeester en wethouders van Weert")
                # (branch orgs37) not one only advocating a view or, as a council, told or asking (:func:`_office_acts`)
                m = _OFFICE_OF.search(text) and next((x for x in re.finditer(
                    r"\b(?:(?:[Ww]ethouder|[Bb]urgemeester|[Cc]ollege|[Gg]emeenteraad)\s+(?:[A-Z][\w.'-]*\s+){0,4}van\s+|"
                    r"[Cc]ollege van (?:B&W|B en W|B\. en W\.|burgemeester en wethouders)(?: van)?\s+)"
                    + re.escape(form) + r"(?![\w-])", text) if _office_acts(text, x)), None)
                rule = "office_of"
            if not m and _OFFICE_OF.search(text):
                # branch orgs11: ... also written with the place's adjective ("de Castricumse wethouder", "het Haagse
                # college", "de Zwolse gemeenteraad"), and the municipality named as the one of a clause ("De enige
                # gemeente waarvan het college de knoop nog niet heeft doorgehakt, is Castricum")
                adj = _municipal_adjective(name)
                m = adj and re.search(rf"(?<![\w-]){re.escape(adj)} (?:[\w-]+ )?(?:wethouder|burgemeester|college|gemeenteraad)\b", text)
            if not m:
                m = re.search(r"\b[Dd]e (?:enige|laatste|eerste|tweede|derde|andere|grootste|kleinste) gemeente\b[^.\n]{0,160}?,? "
                              r"(?:is|was|wordt|werd) " + re.escape(form) + r"(?![\w-])", text)
                rule = "office_of" if not m else "named_gemeente"
            if m and f"gemeente {name}".casefold() not in seen:
                seen.add(f"gemeente {name}".casefold())
                out.append({"name": f"gemeente {name}", "role": "buyer", "rule": rule,
                            "sentence": text[text.rfind(chr(10), 0, m.start()) + 1:][:300].split("\n")[0]})
                break
    # branch orgs36: the municipality speaking as "we als gemeente" ("Deze jeugdhulp regelen we als gemeente niet zelf",
    # "Wij als gemeente kijken naar de resultaten") on a page that names one municipality only -- its own page or a local
    # party's: the corpus README's rule 2 ("or by its college, wethouder or "we" on a page that names it")
    if (len(municipalities or []) == 1 and not any(o["role"] == "buyer" and o["name"].casefold().startswith("gemeente ")
                                                   for o in out)
            and f"gemeente {municipalities[0]['name']}".casefold() not in seen):
        we = _WE_AS_MUNICIPALITY.search(text)
        if we:
            name = municipalities[0]["name"]
            seen.add(f"gemeente {name}".casefold())
            out.append({"name": f"gemeente {name}", "role": "buyer", "rule": "we_gemeente",
                        "sentence": text[text.rfind(chr(10), 0, we.start()) + 1:][:300].split("\n")[0]})
    _abbreviations_beside_names(text, out)
    # branch orgs16: a party's short name ("hierna: Eikenrode") is the party named in full, not another organisation
    aliases = _aliases(text) if any(" " not in o["name"] for o in out) else {}
    if aliases:
        keys = {_legal_key(o["name"]) for o in out}
        for o in [o for o in out if o["name"] in aliases and o["role"] != "awardee"]:
            if _legal_key(aliases[o["name"]]) in keys:
                out.remove(o)
            else:
                o["name"] = aliases[o["name"]]
                keys.add(_legal_key(o["name"]))
    # branch orgs2: a municipality that acts as the buyer without the word "gemeente" before its name -- the place of a
    # local paper's dateline whose first sentence has "het college" or "de gemeente" act ("HOOGEVEEN - Het college
    # start de inkoop"), and municipalities listed as the ones who buy together ("Vanaf 2023 gaan A, B en C samen ...",
    # "A, B en C kopen gezamenlijk jeugdzorg in", "Naast A doen ook mee: B, C en D")
    if others:
        # (branch orgs4: a name's article written in lower case inside a list, "Utrecht, de Ronde Venen en de Bilt")
        names = "|".join(re.sub(r"^(?:De|Het)\\ ", lambda a: f"[{a.group(0)[0]}{a.group(0)[0].lower()}]{a.group(0)[1:]}", re.escape(f))
                         for f in others)
        lst = rf"(?:{names})(?:,\s+(?:de |het )?(?:{names})){{0,30}},?\s+en\s+(?:de |het )?(?:{names})"
        # (branch orgs7: the dateline also on a line of the page's opening under its title, date or author line,
        # "Inkoop jeugdzorg / 12 maart 2016 / HOOGEVEEN – Het college ...", not only at the text's very start)
        acts = [(m, m.group("m"), "dateline") for m in re.finditer(
            rf"(?:\A|\n)[ \t]*(?P<m>(?i:{names})) [–-] [^.\n]{{0,60}}?\b(?:[Hh]et college|[Dd]e gemeente)\b(?!raad)", text[:600])
            if not _NATIONAL_SUBJECT.match(text, m.end("m"))]
        # branch orgs9: ... or whose first sentence tells a purchase or a contract ("NOORDENVELD - Op 1 januari loopt het
        # contract met ... af", "ZWOLLE - De aanbesteding voor de jeugdhulp is gestart")
        acts += [(m, m.group("m"), "dateline") for m in re.finditer(
            rf"(?:\A|\n)[ \t]*(?P<m>(?i:{names})) [–-] [^.\n]{{0,60}}?\b(?:aanbested\w*|inkoop\w*|ingekocht|contract\w*|"
            rf"overeenkomst\w*|gegund|gunning\w*)", text[:600]) if not _NATIONAL_SUBJECT.match(text, m.end("m"))]
        # branch orgs7: a municipality named as the buyer's companion ("De gemeente gaat, net als X, zelf ...", "Naast X
        # doen ook mee: ...")
        one = rf"(?:{names})(?:(?:,\s+|\s+en\s+)(?:{names})){{0,10}}"
        for m in re.finditer(rf"\b(?:(?:gaan|gingen|werken|werkten|trekken|kopen|kochten|besteden) (?P<a>{lst})\b[^.\n]{{0,40}}?"
                             rf"\b(?:samen|gezamenlijk)|(?P<b>{lst}) (?:gaan|werken|trekken|kopen|besteden|willen|kiezen)\b"
                             rf"[^.\n]{{0,40}}?\b(?:samen|gezamenlijk)|(?:doen|deden|doet) (?:ook )?mee:\s*(?P<c>{lst})|"
                             rf"\b(?:[Dd]e gemeente|[Hh]et college) [a-z]+, net als (?P<d>{one}),|"
                             rf"\b[Nn]aast (?P<e>{one})(?= (?:doen|deden|doet) (?:ook )?mee\b))", text):
            chunk = m.group("a") or m.group("b") or m.group("c") or m.group("d") or m.group("e")
            acts += [(m, f, "joint_buyers") for f in re.findall(names, chunk)]
        # branch orgs9: a municipality named as the one that buys -- the subject of a verb of buying ("Utrecht heeft de
        # jeugdhulp aanbesteed", "Zwolle koopt de jeugdhulp in", "Apeldoorn gunt de opdracht"), or the one whose tender it
        # is ("de aanbesteding die Utrecht heeft gehouden", "het inkooptraject van Zwolle"); not a place the sentence
        # names ("in Utrecht", "uit Zwolle")
        for m in re.finditer(
                rf"(?<![\w-])(?<!\b[Ii]n )(?<!\b[Uu]it )(?<!\b[Nn]aar )(?<!\b[Bb]ij )(?<!\b[Vv]oor )(?<!\b[Vv]an )(?P<s>{one})"
                rf" (?:(?:heeft|hebben|had|hadden|gaat|gaan|wil|willen|moet|moeten|zal|zullen)\s(?:[\w-]+ ){{0,8}}?"
                rf"(?:aanbesteed|aanbesteden|ingekocht|inkopen|gegund|gunnen|gecontracteerd|contracteren)|"
                rf"(?:koopt|kocht|kopen|kochten) (?:[\w-]+ ){{0,8}}?in|(?:besteedt|besteedde|besteden) (?:[\w-]+ ){{0,8}}?aan|"
                rf"(?:contracteert|contracteerde|gunt|gunde)|(?:start|startte|begint|begon|organiseert|houdt|hield) "
                rf"(?:[\w-]+ ){{0,3}}?(?:aanbesteding|inkoop|inkooptraject))\b|"
                rf"\b(?:aanbesteding|inkoop|inkooptraject|aanbestedingsprocedure)(?:en)? (?:die|dat) (?P<t>{one}) (?:heeft|had|hebben) "
                rf"(?:[\w-]+ ){{0,3}}?(?:gehouden|georganiseerd|uitgeschreven|gestart|gedaan)\b|"
                rf"\b(?:aanbesteding|inkoop|inkooptraject|aanbestedingsprocedure)(?:en)? van (?P<u>{one})(?![\w-])|"
                # (branch orgs35) the tender set going by name ("Maastricht heeft de aanbesteding voor ambulante jeugdzorg
                # opnieuw in gang gezet"), and the contract signed with the names after the verb ("Op woensdag hebben
                # Leiden, Leiderdorp en Oegstgeest en het Samenwerkingsverband A het contract ... ondertekend")
                rf"(?<![\w-])(?<!\b[Ii]n )(?<!\b[Uu]it )(?<!\b[Nn]aar )(?<!\b[Bb]ij )(?<!\b[Vv]oor )(?<!\b[Vv]an )(?P<v>{one}) "
                rf"(?:heeft|hebben|had|hadden) (?:de|het|een) (?:[\w-]+ ){{0,2}}?(?:aanbesteding|inkoop|inkooptraject|"
                rf"aanbestedingsprocedure|inkoopprocedure)\w* (?:[\w-]+ ){{0,6}}?(?:in gang gezet|gestart|opgestart|"
                rf"uitgeschreven|gepubliceerd|afgerond|doorlopen)\b|"
                rf"\b(?:hebben|heeft|hadden|had) (?P<w>{one})(?: en (?:het|de) [^.\n]{{0,120}}?)? (?:het|de|een|hun) (?:[\w-]+ ){{0,2}}?"
                rf"(?:contract|contracten|overeenkomst|overeenkomsten)\b[^.\n]{{0,80}}?\b(?:ondertekend|getekend|gesloten|"
                rf"afgesloten)\b", text):
            chunk = m.group("s") or m.group("t") or m.group("u") or m.group("v") or m.group("w")
            acts += [(m, f, "buyer_act") for f in re.findall(names, chunk)]
        # branch orgs35: the municipalities in brackets after the group they make up, in a sentence telling that group
        # buy ("De 7 gemeenten in Zuid-Drenthe (Borger-Odoorn, ... en Westerveld) hebben gezamenlijk de jeugdhulp ...
        # ingekocht", "vijf gemeenten in Utrecht West (De Ronde Venen, ... en Woerden, samen 182.000 inwoners) de
        # handen ineen geslagen om jeugdhulp ... in te kopen"); not where the sentence tells no purchase ("De gemeenten
        # in Zuid-Kennemerland en IJmond (A, B en C) willen dat kinderen ... opgroeien")
        for m in re.finditer(rf"\b[Gg]emeenten(?: (?:in|van|uit) (?:de |het )?[^()\n.]{{1,40}}?)? \((?P<x>{lst})(?=[,;)])", text):
            end = _SENTENCE_END.search(text, m.end(), m.end() + 400)
            if _BUYING.search(text, m.end(), end.start() if end else min(len(text), m.end() + 400)) or re.search(
                    r"\bin te kopen\b", text[m.end(): end.start() if end else m.end() + 400]):
                acts += [(m, f, "bracketed_buyers") for f in re.findall(names, m.group("x"))]
        # branch orgs11: a municipality named only as a place, where a sentence has the municipality itself buy -- "de
        # gemeente", "het college" or a wethouder with a word of buying or contracting -- and names that one
        # municipality ("In Den Haag sluit de gemeente een overeenkomst met ..."), or the page names no other ("...
        # hebben wethouder X en de bestuurders hun handtekening gezet onder de overeenkomst. ... jeugdhulp in Den
        # Haag"): the corpus gold's buyer written "de gemeente"
        one_place = rf"(?<![\w-])(?:{names})(?![\w-])"
        bought = False
        for sm in _SENTENCE_RX.finditer(text):
            sent = sm.group(0)
            if not (_BUYER_SUBJECT.search(sent) and _BUYING.search(sent)):
                continue
            if _SPEAKER_FOR.search(sent):
                continue  # (branch orgs36) its wethouder speaking for a group: the group buys (_speaks_for_group)
            if _ASKED_OF.search(sent):
                continue  # (branch orgs37) "vragen gesteld aan wethouder X over de aanbesteding": asked, not acting
            if _EVERY.search(sent):
                continue  # (branch orgs37) "Het systeem is zo dat iedere aanbieder een contract krijgt met de
                # gemeente": how purchases go in general, not one told
            bought = True
            forms = set(re.findall(one_place, sent))
            if len({_canonical(f, municipalities, forms_of) for f in forms}) == 1:
                acts.append((sm, forms.pop(), "place_buyer"))
        if bought:
            named = {f: _canonical(f, municipalities, forms_of) for f in set(re.findall(one_place, text[:MAX_SCAN]))}
            if len(set(named.values())) == 1:
                f = next(iter(named))
                acts.append((re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text), f, "place_buyer"))
        for m, form, rule in acts:
            mun = next((x["name"] for x in municipalities if form.casefold() in {f.casefold() for f in forms_of(x["name"])}), None)
            if mun and f"gemeente {mun}".casefold() not in seen:
                seen.add(f"gemeente {mun}".casefold())
                line_start = text.rfind("\n", 0, m.start()) + 1
                out.append({"name": f"gemeente {mun}", "role": "buyer", "rule": rule,
                            "sentence": text[line_start:].split("\n")[0][:300]})
    # branch orgs18: no news medium, and no team or department of the buyer, is an organisation of the page (an
    # awardee is read by its own rules and kept; a medium read as adviser did the research the page reports: "uit
    # onderzoek van Follow the Money blijkt ...")
    # (branch orgs25) "de Raad van Toezicht", "het College van B&W"; "Huisartsen", "het Onderwijs"
    out = [o for o in out if not (_organ(o["name"]) or _generic(o["name"]) or _PLURAL_COUNCILS.match(o["name"]))
           and (o["role"] == "awardee" or not _not_party_word(o["name"]))]  # (branch orgs26) "Brussel", "Opvoeden"
    out = [o for o in out if o["role"] == "awardee" or not (_medium(o["name"]) and o["role"] != "adviser"
                                                            or _municipal_unit(o["name"]))
          and not _team_of_buyer(o["name"]) and o["name"].casefold() not in programmes
          and not _ACTIVITY_NAME.fullmatch(o["name"])]  # (branch orgs19) "het Expertiseteam Jeugd van Holland Rijnland"
    organs = _council_organs(text)  # (branch orgs20) "de rekenkamercommissie in Midden-Brabant (RMB)"
    out = [o for o in out if (o["role"] == "awardee" or o["name"].casefold() not in organs)
           and not _TIME_WORD.fullmatch(o["name"])  # (branch orgs20) a weekday, month or season alone
           and not _titled_person(o["name"], text)  # (branch orgs21) "mr. dr. A. de Vries", "drs. P. Bakker"
           and not _given_name_person(o["name"])]  # (branch orgs30) "Jan de Vries"
    # (branch orgs41) "het GGD Protocol Meldingen Calamiteiten Wmo", "de Regiovisie Jeugdhulp Holland Rijnland": a document
    out = [o for o in out if o["role"] == "awardee" or not _document_name(o["name"])]
    out = _without_lower_court(out, text)  # (branch orgs38) "het door de rechtbank X gewezen vonnis" in an appeal
    out = _without_cited_bodies(out, text)  # (branch orgs38) "Volgens de VNG ...", "Uit onderzoek van bureau X blijkt"
    out = _without_members_at_ruling_head(out)  # (branch orgs34) "1 Gemeenschappelijke Regeling Inkoopbureau H10, 2. Gemeente ..."
    out = _without_sentence_words(out, text)  # (branch orgs29) "Voorlopig Pluryn": "Pluryn"
    out = _without_common_nouns(_trimmed(out), text)  # (branch orgs30) "Advies", "Verkenning"
    return _one_body(_inside_longer_names(_spelling_variants(_one_spelling(_abbreviated_twice(out)), text), text), text)
