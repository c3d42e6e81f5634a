"""docs/workbook.md, rendered from the format table so the documentation cannot drift.

Regenerate with `mgz workbook_docs docs/workbook.md`; a test fails when the file is stale.
"""

from __future__ import annotations

from mgz.exchange.workbook.cells import for_csv
from mgz.exchange.workbook.format import SHEETS, Column, Sheet
from mgz.exchange.workbook.reader import CSV_DELIMITER

KIND_NAMES = {
    "text": "tekst",
    "int": "geheel getal",
    "float": "getal",
    "bool": "ja/nee",
    "date": "datum",
    "time": "tijd",
    "datetime": "datum en tijd",
    "choice": "code",
    "ref": "verwijzing",
    "refs": "verwijzingen",
    "bsn": "BSN",
}

INTRO = f"""# De regiowerkmap

Eén formaat om de gegevens van een regio in één keer aan te leveren of over te nemen: regio's,
organisaties, locaties, zorgverleners, Wlz-cliënten met hun behandelteam, beschikbaarheidsafspraken
en afwezigheden. Dit document is gegenereerd uit `src/mgz/exchange/workbook/format.py`
(`mgz workbook_docs docs/workbook.md`); een test bewaakt dat het actueel is.

## Bestanden

- **XLSX**: één werkmap, één tabblad per onderdeel hieronder. De eerste regel bevat de kolomkoppen.
  Tabbladnamen hebben geen apostrof of accent (`regios`, `clienten`), zodat ze ook als bestandsnaam
  werken; `regio's` en `cliënten` worden ook herkend.
- **CSV**: een map met één bestand per tabblad (`clienten.csv`, …), UTF-8 (een BOM mag),
  scheidingsteken `{CSV_DELIMITER}` (zoals Excel in het Nederlands opslaat). Een bestand waarvan de
  kopregel geen `{CSV_DELIMITER}` maar wel `,` bevat, wordt met `,` gelezen. De export schrijft UTF-8 met BOM,
  zodat Excel de accenten goed toont. Rijnummers in meldingen tellen records: een cel met een
  regeleinde erin maakt van één record geen twee rijen.

```
mgz template regio.xlsx      # lege werkmap met kolomkoppen en één voorbeeldrij per tabblad
mgz import regio.xlsx        # alles controleren; alleen zonder problemen alles opslaan
mgz import --check regio/    # alleen controleren (hier: een map met CSV-bestanden)
mgz export regio.xlsx        # alle gegevens in hetzelfde formaat
```

Een naam die op `.xlsx` eindigt is een werkmap; anders is het een map met CSV-bestanden.

## Regels voor cellen

- **Kolomkoppen** mogen in elke volgorde staan; sleutelkolommen moeten er altijd zijn ("kolom" in de
  tabellen: de kolom is verplicht, de cel mag leeg zijn); hoofdletters, accenten en spaties in plaats van `_`
  maken niet uit. Een onbekende kolom is een fout; een ontbrekende verplichte kolom ook. Een
  ontbrekende optionele kolom laat bestaande waarden ongemoeid (nieuwe rijen krijgen de standaard).
- **Tabbladen** mogen ontbreken (dan wordt dat onderdeel niet aangeraakt); een onbekend tabblad is een fout.
- **Verwijzingen** gebruiken de `code` van de andere rij, in dezelfde werkmap of al in de database.
  Meerdere codes in één cel scheidt u met `;`.
- **Codes** (soort, discipline, zorgprofiel, …) zijn de vaste codes hieronder; hoofdletters maken niet uit.
- **Datums**: een echte Excel-datum, `jjjj-mm-dd` of `dd-mm-jjjj`. **Tijden**: een Excel-tijd of `UU:MM`.
  **Datum en tijd**: Excel-datum/tijd, `jjjj-mm-dd UU:MM` of `dd-mm-jjjj UU:MM`, in Nederlandse tijd.
  De CSV-export schrijft `jjjj-mm-dd` en `jjjj-mm-dd UU:MM`.
- **Ja/nee**: `ja`/`nee` (ook `j`/`n`, `waar`/`onwaar`, `1`/`0`, `x`). Leeg is de standaard.
- **Getallen** mogen een decimale komma hebben.
- **Lege rijen** worden overgeslagen.

## Importeren

`mgz import` controleert eerst het hele bestand en meldt **elk** probleem als
`tabblad!rij:kolom — melding`, bijvoorbeeld
`clienten!7:B — BSN '123456789' voldoet niet aan de 11-proef`. Bij één of meer problemen wordt
niets opgeslagen en eindigt de opdracht met een foutcode. Zonder problemen wordt alles in één
transactie opgeslagen: een rij met een bestaande sleutel (de `code`, of de sleutelkolommen van een
tabblad zonder code) wordt bijgewerkt, een nieuwe toegevoegd. Een tweede import van hetzelfde bestand
verandert dus niets. Een import verwijdert nooit iets.

Het BSN staat leesbaar in de werkmap en wordt bij de import versleuteld opgeslagen. Behandel
werkmappen met cliënten als medische gegevens. Een export schrijft voor elke cliënt een auditregel
(`export`), een import voor elke cliënt van wie gegevens, contactpersonen of behandelteam
veranderden (`change`); `--gebruiker NAAM` zet de naam in het auditlog (standaard de OS-gebruiker).

Naast de kolomregels hieronder controleert de import onder meer: dubbele codes of sleutels, het
bestaan van elke verwijzing (een `hap` moet een organisatie van soort `hap` zijn, een `ion_praktijk`
een `huisartsenpraktijk`), einddatum niet voor begindatum, een geplande locatie heeft een geplande
opening, een subregio hoort bij de regio van de locatie, een cliënt heeft een woonlocatie of een
postcode thuis, een BSN hoort niet al bij een andere cliënt, per cliënt is er op elke dag hoogstens
één regiebehandelaar MGZ (ook samen met wat al in de database staat), een afspraak heeft een
zorgverlener of een dienst van een organisatie en de gegevens die bij haar bereik horen.

## Weekpatronen (kolom `uren` van `afspraken`)

Onderdelen gescheiden door `;`. Een onderdeel is `altijd`, `anw` (alle ANW-uren), `dag`
(alle uren buiten de ANW) of `<dagen> <van>-<tot>`: dagen `ma di wo do vr za zo fd` (fd = feestdag)
als lijst (`ma,wo,vr`) of reeks (`ma-vr`); tijden `UU:MM`, `24:00` mag als einde. Ligt het einde niet
na het begin, dan loopt het door tot de volgende ochtend. Voorbeeld:
`ma-vr 17:00-08:00; za-zo 00:00-24:00; fd 00:00-24:00`. Op een feestdag gelden alleen `fd`-onderdelen
en de trefwoorden.
"""


def render_markdown() -> str:
    parts = [INTRO]
    for sheet in SHEETS:
        parts.append(_sheet_section(sheet))
    return "\n".join(parts)


def _sheet_section(sheet: Sheet) -> str:
    key = ", ".join(f"`{h}`" for h in sheet.key)
    lines = [
        f"## Tabblad `{sheet.name}`",
        "",
        f"{sheet.note or str(sheet.model._meta.verbose_name_plural).capitalize() + '.'} Sleutel: {key}.",
        "",
        "| kolom | verplicht | soort | waarden | omschrijving | voorbeeld |",
        "|---|---|---|---|---|---|",
    ]
    for column in sheet.columns:
        example = for_csv(column.kind, column.example)
        cells = [
            f"`{column.header}`",
            "ja" if column.is_required else "kolom" if column.header in sheet.key else "",
            KIND_NAMES[column.kind],
            _values(column),
            column.description,
            f"`{example}`" if example else "",
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _values(column: Column) -> str:
    if column.kind == "choice":
        return ", ".join(f"`{code}`" for code in column.choices)
    if column.target:
        return f"`code` uit `{column.target}`"
    return ""
